"""Measure the images plugin: files produced, bytes in and out, cold and warm build
time, and the speed-up of the process pool (all cores against one worker).

    .venv/bin/python bench/images_bench.py [--count 50] [--out /tmp/hubspoke-images-bench]
    .venv/bin/python bench/images_bench.py --only example

Two batches: the example hub (copied), and a page showing COUNT large
infographics (2000x8000 PNG, drawn here with Pillow, the same every run). Each
batch is built three times in this order: cold with all cores (empty cache),
cold with one worker (empty cache again), warm with all cores (cache kept).
"Encode" is the wall time of the encoding step alone, "cpu" the CPU time of the
build and its workers, "load" the machine's load average just before (other work
on the machine slows the pool down). Not a test: nothing is asserted, the
numbers are printed (and written as JSON next to the batches).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import resource
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_FILES = ("mkdocs.yml", "content", "authors", "overrides")
CLOCK = "2026-11-20 12:00"


def infographic(path: Path, seed: int, size=(2000, 8000)) -> None:
    """A tall infographic: title band, numbered steps with icons, bars and text."""
    from PIL import Image, ImageDraw, ImageFont

    rng = random.Random(seed)
    width, height = size
    image = Image.new("RGB", size, (245, 247, 250))
    draw = ImageDraw.Draw(image)
    hue = [(64, 81, 181), (0, 148, 133), (233, 32, 99), (255, 167, 36)]
    title = ImageFont.load_default(110)
    body = ImageFont.load_default(46)
    draw.rectangle((0, 0, width, 700), fill=hue[seed % 4])
    draw.text((120, 220), f"Infographic {seed + 1}: six steps", font=title, fill="white")
    y = 800
    step = 0
    while y < height - 600:
        step += 1
        colour = hue[(seed + step) % 4]
        draw.ellipse((120, y, 420, y + 300), fill=colour)
        draw.text((270, y + 150), str(step), font=title, fill="white", anchor="mm")
        for line in range(4):
            words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 9)))
            draw.text((500, y + 20 + 70 * line), words, font=body, fill=(30, 30, 30))
        for bar in range(5):
            length = rng.randint(200, 1300)
            top = y + 340 + bar * 56
            draw.rectangle((500, top, 500 + length, top + 40), fill=hue[bar % 4])
        y += 720
    draw.rectangle((0, height - 400, width, height), fill=(40, 40, 40))
    draw.text((120, height - 260), "Source: the bench, drawn with Pillow", font=body, fill="white")
    image.save(path, "PNG", compress_level=6)


WORDS = [
    "flow",
    "meter",
    "pressure",
    "sensor",
    "calibration",
    "drift",
    "plant",
    "engineer",
    "valve",
    "pipe",
    "turndown",
    "accuracy",
    "installation",
    "fluid",
    "cost",
    "service",
    "diaphragm",
    "Coriolis",
    "vortex",
    "ultrasonic",
]


def make_example(base: Path) -> Path:
    source = base / "example"
    if source.exists():
        shutil.rmtree(source)
    source.mkdir(parents=True)
    for name in EXAMPLE_FILES:
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, source / name)
        elif item.exists():
            shutil.copy2(item, source / name)
    return source


def make_infographics(base: Path, count: int) -> Path:
    source = base / f"infographics-{count}"
    images = source / "docs" / "images"
    images.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        path = images / f"infographic-{number:03d}.png"
        if not path.exists():
            infographic(path, number)
    lines = ["# Infographics", ""]
    for number in range(count):
        lines += [
            f"![Infographic {number + 1}: six steps, each with a bar chart]"
            f"(images/infographic-{number:03d}.png)",
            "",
        ]
    (source / "docs" / "index.md").write_text("\n".join(lines), encoding="utf-8")
    (source / "mkdocs.yml").write_text(
        "site_name: Infographics bench\n"
        "site_url: https://bench.example/\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - hubspoke/images\n"
        "markdown_extensions:\n  - attr_list\n",
        encoding="utf-8",
    )
    return source


def build_once(source: Path, site: Path, cache: Path, workers: int) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import hubspoke.images.catalog as catalog

    encode = {"seconds": 0.0}
    run_tasks = catalog.run_tasks

    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return run_tasks(*args, **kwargs)
        finally:
            encode["seconds"] += time.perf_counter() - start

    catalog.run_tasks = timed
    try:
        config = load_config(str(source / "mkdocs.yml"), site_dir=str(site))
        plugin = config.plugins["hubspoke/images"]
        plugin.config["workers"] = workers
        plugin.config["cache_dir"] = str(cache)
        load = os.getloadavg()[0]
        cpu = _cpu_seconds()
        start = time.perf_counter()
        build(config)
        seconds = time.perf_counter() - start
        cpu = _cpu_seconds() - cpu
    finally:
        catalog.run_tasks = run_tasks
    stats = plugin.stats
    return {
        "workers": workers,
        "build_s": round(seconds, 2),
        "encode_s": round(encode["seconds"], 2),
        "cpu_s": round(cpu, 2),
        "load_before": round(load, 2),
        "sources": stats.sources,
        "cards": stats.cards,
        "files": stats.files,
        "encoded": stats.encoded,
        "bytes_in": stats.bytes_sources,
        "bytes_out": stats.bytes_published,
    }


def _spin(count: int) -> int:
    total = 0
    for number in range(count):
        total += number * number
    return total


def parallel_capacity(count: int = 20_000_000) -> float:
    """Speed-up of a pure-CPU loop over the cores right now: the best the pool can do.

    On a shared machine other work takes cores away; this control says how many
    the bench really had.
    """
    import multiprocessing

    cores = os.cpu_count() or 1
    start = time.perf_counter()
    for _ in range(cores):
        _spin(count)
    serial = time.perf_counter() - start
    with multiprocessing.get_context("spawn").Pool(cores) as pool:
        start = time.perf_counter()
        pool.map(_spin, [count] * cores)
        parallel = time.perf_counter() - start
    return round(serial / parallel, 2)


def _cpu_seconds() -> float:
    """CPU time of this process and of its finished children (the pool's workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def measure(name: str, source: Path, base: Path) -> dict:
    cores = os.cpu_count() or 1
    cache = base / f"cache-{name}"
    site = base / f"site-{name}"
    runs = {}
    for label, workers, clear in (
        ("cold_all_cores", cores, True),
        ("cold_one_worker", 1, True),
        ("warm", cores, False),
    ):
        if clear:
            shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        runs[label] = build_once(source, site, cache, workers)
        print(f"  {name} {label}: {runs[label]}", flush=True)
    speedup = runs["cold_one_worker"]["encode_s"] / max(runs["cold_all_cores"]["encode_s"], 1e-9)
    capacity = parallel_capacity()
    print(f"  {name}: encode speed-up {speedup:.2f}, machine's parallel capacity {capacity}")
    return {
        "cores": cores,
        **runs,
        "encode_speedup": round(speedup, 2),
        "parallel_capacity": capacity,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--out", type=Path, default=Path("/tmp/hubspoke-images-bench"))
    parser.add_argument("--only", choices=("example", "infographics"))
    args = parser.parse_args()
    os.environ["HUBSPOKE_CLOCK"] = CLOCK
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    results = {}
    if args.only in (None, "example"):
        print("example hub", flush=True)
        results["example"] = measure("example", make_example(args.out), args.out)
    if args.only in (None, "infographics"):
        print(f"{args.count} infographics 2000x8000 (drawing them the first time)", flush=True)
        source = make_infographics(args.out, args.count)
        results["infographics"] = measure("infographics", source, args.out)
    (args.out / "results.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
