"""Benchmark: a Hubspoke hub against a bare Material build of the same pages.

    .venv/bin/python bench/run.py                    # 500 and 2,000 posts, 3 runs each
    .venv/bin/python bench/run.py --posts 10000 --authors 1000 --repeat 2
    .venv/bin/python bench/run.py --quick            # CI smoke: runs, judges nothing
    .venv/bin/python bench/run.py --posts 2000 --profile   # where our time goes
    .venv/bin/python bench/run.py --posts 2000 --events    # wall time per plugin event
    .venv/bin/python bench/run.py --posts 2000 --serve 3   # serve: rebuild after an edit

For every scale a deterministic corpus (bench/corpus.py) is built, in one run,
as (1) a bare mkdocs-material site and (2) a full hub, several times each,
interleaved so machine noise hits both alike; each build is a fresh process.
The hub is built with a cold image cache (emptied first) and a warm one.
Printed: medians, min-max, peak memory (max RSS) and the ratios hub/bare.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate  # noqa: E402

CLOCK = "2026-11-20 12:00"


def timed_events(cfg, totals: dict[str, float]) -> None:
    """Wrap every plugin event method and MkDocs' page steps to add their wall time to `totals`."""
    import mkdocs.commands.build as mkbuild

    def wrap(label, function):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - start

        return timed

    plugins = cfg.plugins
    for name, methods in plugins.events.items():
        for i, method in enumerate(methods):
            origin = plugins._event_origins.get(method, "?")
            methods[i] = wrap(f"{origin}: on_{name}", method)
            plugins._event_origins[methods[i]] = origin

    def kind(page) -> str:
        return "post" if "/posts/" in page.file.src_uri else "other"

    for step in ("_populate_page", "_build_page"):
        original = getattr(mkbuild, step)

        def by_kind(page, *args, _original=original, _step=step, **kwargs):
            start = time.perf_counter()
            try:
                return _original(page, *args, **kwargs)
            finally:
                label = f"mkdocs {_step} ({kind(page)} pages)"
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - start
                totals[f"count {label}"] = totals.get(f"count {label}", 0) + 1

        setattr(mkbuild, step, by_kind)


def child(config: str, site: str, profile: str | None) -> None:
    """Build once in this process; print seconds and peak memory as JSON."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    start = time.perf_counter()
    cfg = load_config(config, site_dir=site)
    totals: dict[str, float] = {}
    if profile == "events":
        timed_events(cfg, totals)
        build(cfg)
    elif profile:
        import cProfile

        cProfile.runctx("build(cfg)", globals(), {"build": build, "cfg": cfg}, profile)
    else:
        build(cfg)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak, "events": totals}))


def run_build(
    corpus: Path, config: str, *, cold_cache: bool = False, profile: str | None = None
) -> dict:
    if cold_cache:
        shutil.rmtree(corpus / ".cache", ignore_errors=True)
    site = tempfile.mkdtemp(prefix="bench-site-")
    env = {**os.environ, "HUBSPOKE_CLOCK": CLOCK, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(Path(__file__)), "--child", str(corpus / config), site]
    if profile:
        command += ["--profile-out", profile]
    try:
        result = subprocess.run(
            command, cwd=corpus, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise SystemExit(f"build of {config} failed:\n{result.stderr[-3000:]}")
        return json.loads(result.stdout.strip().splitlines()[-1])
    finally:
        shutil.rmtree(site, ignore_errors=True)


def summary(values: list[float]) -> str:
    return f"{statistics.median(values):7.2f} ({min(values):.2f}-{max(values):.2f})"


def corpus_keeping_cache(workdir: Path, posts: int, authors: int) -> Path:
    """The corpus, generated afresh; an image cache already filled for it is kept."""
    target = workdir / f"corpus-{posts}"
    kept = workdir / f"cache-{posts}"
    if (target / ".cache").is_dir():
        shutil.rmtree(kept, ignore_errors=True)
        (target / ".cache").rename(kept)
    corpus = generate(target, posts=posts, authors=authors)
    if kept.is_dir():
        kept.rename(corpus / ".cache")
    return corpus


def measure(posts: int, authors: int, repeat: int, workdir: Path, cold: bool = True) -> dict:
    corpus = corpus_keeping_cache(workdir, posts, authors)
    runs: dict[str, list[dict]] = {"bare": [], "cold": [], "warm": []}
    if cold:
        runs["cold"].append(run_build(corpus, "mkdocs.yml", cold_cache=True))  # fills the cache
    else:
        run_build(corpus, "mkdocs.yml")  # fills what a kept cache lacks
    for n in range(repeat):
        runs["bare"].append(run_build(corpus, "mkdocs-bare.yml"))
        runs["warm"].append(run_build(corpus, "mkdocs.yml"))
        if cold and n + 1 < repeat:
            runs["cold"].append(run_build(corpus, "mkdocs.yml", cold_cache=True))
    seconds = {k: [r["seconds"] for r in v] for k, v in runs.items()}
    peaks = {k: max((r["peak_mb"] for r in v), default=0) for k, v in runs.items()}
    bare = statistics.median(seconds["bare"])
    return {
        "posts": posts,
        "authors": authors,
        "bare": seconds["bare"],
        "warm": seconds["warm"],
        "cold": seconds["cold"],
        "ratio_warm": statistics.median(seconds["warm"]) / bare,
        "ratio_cold": statistics.median(seconds["cold"]) / bare if seconds["cold"] else None,
        "peak_bare": peaks["bare"],
        "peak_warm": peaks["warm"],
        "peak_hub": max(peaks["warm"], peaks["cold"]),
    }


def print_table(rows: list[dict]) -> None:
    print(f"\nmachine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"{'posts':>6} {'bare s (min-max)':>22} {'hub warm s':>22} {'ratio':>6} "
          f"{'hub cold s':>22} {'ratio':>6} {'peak MB bare/hub':>17}")  # fmt: skip
    for r in rows:
        cold = (
            f"{summary(r['cold']):>22} {r['ratio_cold']:6.2f}"
            if r["cold"]
            else f"{'-':>22} {'-':>6}"
        )
        print(
            f"{r['posts']:>6} {summary(r['bare']):>22} {summary(r['warm']):>22} {r['ratio_warm']:6.2f} "
            f"{cold} {r['peak_bare']:8.0f}/{r['peak_hub']:.0f} (warm {r['peak_warm']:.0f})"
        )


def profile(posts: int, authors: int, workdir: Path) -> None:
    import pstats

    corpus = corpus_keeping_cache(workdir, posts, authors)
    run_build(corpus, "mkdocs.yml")  # fills what the image cache lacks
    out = workdir / "hub.prof"
    run_build(corpus, "mkdocs.yml", profile=str(out))
    stats = pstats.Stats(str(out))
    total = stats.total_tt
    by_package: dict[str, float] = {}
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():
        key = "other"
        for package in (
            "hubspoke",
            "mkdocs",
            "material",
            "markdown",
            "pymdownx",
            "jinja2",
            "PIL",
            "feedgen",
        ):
            if f"/{package}/" in filename:
                key = package
                break
        by_package[key] = by_package.get(key, 0.0) + tottime
    print(f"\nprofile of one warm hub build ({posts} posts): {total:.1f} s of own time by package")
    for key, value in sorted(by_package.items(), key=lambda kv: -kv[1]):
        print(f"  {key:<10} {value:7.2f} s  {100 * value / total:5.1f} %")
    print("\nslowest Hubspoke functions (cumulative):")
    stats.sort_stats("cumulative")
    hubspoke = [(k, v) for k, v in stats.stats.items() if "/hubspoke/" in k[0]]
    for (filename, line, name), (_, _, _, cumtime, _) in sorted(hubspoke, key=lambda kv: -kv[1][3])[
        :15
    ]:
        print(
            f"  {cumtime:7.2f} s  {Path(filename).parent.name}/{Path(filename).name}:{line} {name}"
        )


def events(posts: int, authors: int, workdir: Path) -> None:
    """Wall time per plugin event and per MkDocs page step, bare and warm hub, no profiler."""
    corpus = corpus_keeping_cache(workdir, posts, authors)
    run_build(corpus, "mkdocs.yml")  # fills what the image cache lacks
    results = {
        "bare": run_build(corpus, "mkdocs-bare.yml", profile="events"),
        "hub": run_build(corpus, "mkdocs.yml", profile="events"),
    }
    bare, hub = results["bare"], results["hub"]
    print(f"\nwall time by step, {posts} posts (bare {bare['seconds']:.2f} s, {bare['peak_mb']:.0f} MB; "
          f"hub warm {hub['seconds']:.2f} s, {hub['peak_mb']:.0f} MB)")  # fmt: skip
    names = sorted(set(results["bare"]["events"]) | set(results["hub"]["events"]))
    for name in names:
        if name.startswith("count "):
            continue
        bare = results["bare"]["events"].get(name, 0.0)
        hub = results["hub"]["events"].get(name, 0.0)
        if max(bare, hub) < 0.05:
            continue
        count = results["hub"]["events"].get(f"count {name}")
        shown = f"  ({int(count)} pages)" if count else ""
        print(f"  {name:<55} bare {bare:7.2f} s   hub {hub:7.2f} s{shown}")


def serve_rebuild(corpus: Path, config: str, edits: int) -> list[float]:
    """Seconds `mkdocs serve` reports for rebuilding after one post is edited, `edits` times."""
    import queue
    import re
    import socket
    import threading

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "HUBSPOKE_CLOCK": CLOCK, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", config, "-a", f"127.0.0.1:{port}"]
    server = subprocess.Popen(
        command, cwd=corpus, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in server.stderr], daemon=True).start()
    built = re.compile(r"Documentation built in ([0-9.]+) seconds")

    def next_build() -> float:
        while True:
            line = lines.get(timeout=900)
            if found := built.search(line):
                return float(found[1])
            if "Error" in line or "Aborted" in line:
                raise SystemExit(f"serve of {config} failed: {line}")

    post = sorted((corpus / "content" / "blog" / "posts").rglob("*.md"))[-3]
    original = post.read_text()
    seconds = []
    try:
        next_build()  # the first, full build
        for n in range(edits):
            time.sleep(1.0)
            post.write_text(original + f"\n\nEdited {n}: one more sentence.\n")
            seconds.append(next_build())
    finally:
        post.write_text(original)
        server.terminate()
        server.wait(timeout=30)
    return seconds


def serve(posts: int, authors: int, edits: int, workdir: Path) -> None:
    corpus = corpus_keeping_cache(workdir, posts, authors)
    run_build(corpus, "mkdocs.yml")  # fills what the image cache lacks
    bare = serve_rebuild(corpus, "mkdocs-bare.yml", edits)
    hub = serve_rebuild(corpus, "mkdocs.yml", edits)
    ratio = statistics.median(hub) / statistics.median(bare)
    print(f"\nmkdocs serve, rebuild after editing one post ({posts} posts, {edits} edits):")
    print(f"  bare {summary(bare)} s   hub {summary(hub)} s   ratio {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[500, 2000])
    parser.add_argument("--authors", type=int, nargs="+", help="default: posts / 5, at most 1,000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="tiny corpus, one run: a smoke test")
    parser.add_argument("--profile", action="store_true", help="profile one hub build per scale")
    parser.add_argument("--events", action="store_true", help="wall time per plugin event")
    parser.add_argument(
        "--serve", type=int, metavar="EDITS", help="mkdocs serve rebuild time after EDITS edits"
    )
    parser.add_argument(
        "--no-cold", action="store_true", help="skip cold-cache builds (reuse a --keep cache)"
    )
    parser.add_argument("--keep", type=Path, help="keep corpora in this folder")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--profile-out", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, args.profile_out)
        return
    if args.quick:
        args.posts, args.repeat = [40], 1
    authors = args.authors or [min(1000, max(10, p // 5)) for p in args.posts]
    workdir = args.keep or Path(tempfile.mkdtemp(prefix="hubspoke-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if args.serve:
            for posts, count in zip(args.posts, authors, strict=False):
                serve(posts, count, args.serve, workdir)
            return
        if args.events:
            for posts, count in zip(args.posts, authors, strict=False):
                events(posts, count, workdir)
            return
        if args.profile:
            for posts, count in zip(args.posts, authors, strict=False):
                profile(posts, count, workdir)
            return
        rows = [
            measure(p, a, args.repeat, workdir, cold=not args.no_cold)
            for p, a in zip(args.posts, authors, strict=False)
        ]
        print_table(rows)
        if args.quick:
            print("quick mode: the harness ran; times are not judged")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
