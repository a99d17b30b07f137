"""Time the feed step of hubspoke/feeds on the example hub or a synthetic corpus.

    .venv/bin/python bench/feeds_corpus.py --posts 2000     # synthetic hub, 2,000 posts
    .venv/bin/python bench/feeds_corpus.py --example        # the example hub in this repo

The site is built once with MkDocs (strict, fixed clock). The feed step, which
plans every feed and renders it to bytes once every post is rendered (what the
plugin does in on_env), is then timed with time.perf_counter on the build's own
state, several times; the median is reported. Not a test: speed is never asserted.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import Image

from hubspoke.feeds.plugin import FeedsPlugin

ROOT = Path(__file__).resolve().parent.parent
CLOCK = "2026-11-20 12:00"
WORDS = ["flow", "meter", "pressure", "sensor", "calibration", "drift", "diaphragm", "liner"]
WORDS += ["plant", "dairy", "water", "tender", "supplier", "accuracy", "firmware", "retrofit"]
WORDS += ["cleaning", "hygienic", "outdoor", "winter", "frost", "insulation", "lab", "service"]
AUTHORS = [(f"author-{n:02d}", "guest" if n % 4 == 3 else "expert") for n in range(12)]
PERSONAS = [
    "plant-engineer",
    "procurement-lead",
    "job-candidate",
    "existing-customer",
    "journalist",
]
CATEGORIES = ["Engineering", "Product news", "Careers", "Customer stories", "How-to", "Insights"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def write_corpus(target: Path, posts: int, seed: int = 2026) -> Path:
    """A hub with `posts` posts, 12 authors (3 guests), 5 personas and 6 categories."""
    rng = random.Random(seed)
    (target / "authors").mkdir(parents=True)
    (target / "content/personas").mkdir(parents=True)
    (target / "content/blog/posts").mkdir(parents=True)
    (target / "content/blog/images").mkdir(parents=True)
    Image.new("RGB", (64, 48), (40, 53, 147)).save(target / "content/blog/images/chart.png")
    (target / "mkdocs.yml").write_text(
        "site_name: Corpus Hub\nsite_url: https://corpus.example.org/\ndocs_dir: content\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - hubspoke/network:\n      timezone: Europe/Berlin\n  - hubspoke/feeds\n"
        "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n",
        encoding="utf-8",
    )
    (target / "content/index.md").write_text("# Corpus Hub\n\nWelcome.\n", encoding="utf-8")
    for author, role in AUTHORS:
        organization = "Outside Research" if role == "guest" else "Corpus Instruments"
        (target / f"authors/{author}.yml").write_text(
            f"name: Author {author[-2:]}\nrole: {role}\ntitle: Engineer\n"
            f"organization: {organization}\nbio: Writes about {rng.choice(WORDS)}.\n",
            encoding="utf-8",
        )
    for persona in PERSONAS:
        (target / f"content/personas/{persona}.md").write_text(
            f"---\nname: {persona.replace('-', ' ').capitalize()}\n"
            f"summary: {sentence(rng, 8)}\n---\n\n{sentence(rng, 30)}\n",
            encoding="utf-8",
        )
    start = time.mktime((2019, 1, 1, 9, 0, 0, 0, 0, -1))
    span = time.mktime((2026, 11, 1, 9, 0, 0, 0, 0, -1)) - start
    for n in range(posts):
        day = time.localtime(start + span * n / posts)
        authors = rng.sample([a for a, _ in AUTHORS], rng.choice((1, 1, 1, 2)))
        paragraphs = [sentence(rng, rng.randint(25, 60)) for _ in range(8)]
        image = "image: ../images/chart.png\n" if n % 10 == 0 else ""
        body = (
            f"{paragraphs[0]} See [the previous post](p{max(n - 1, 0):04d}.md).\n\n"
            "<!-- more -->\n\n## Details\n\n"
            + "\n\n".join(paragraphs[1:4])
            + "\n\n![A chart](../images/chart.png)\n\n## Results\n\n"
            + "\n\n".join(paragraphs[4:])
        )
        (target / f"content/blog/posts/p{n:04d}.md").write_text(
            f"---\ntitle: 'Post {n:04d}: {sentence(rng, 5)[:-1]}'\n"
            f"date: {time.strftime('%Y-%m-%d %H:%M', day)}\n"
            f"authors: [{', '.join(authors)}]\n"
            f"categories: [{rng.choice(CATEGORIES)}]\n"
            f"personas: [{', '.join(rng.sample(PERSONAS, 2))}]\n"
            f"description: {sentence(rng, 14)}\n{image}---\n\n{body}\n",
            encoding="utf-8",
        )
    return target


def copy_example(target: Path) -> Path:
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "content", "authors", "overrides", "spokes.yml"):
        item = ROOT / name
        if item.is_dir():
            shutil.copytree(item, target / name)
        elif item.exists():
            shutil.copy2(item, target / name)
    return target


def measure(source: Path, runs: int) -> dict:
    """Build once, then time the feed step `runs` more times on that build's state."""
    timings: list[float] = []
    state: dict = {}
    original = FeedsPlugin.on_env

    @functools.wraps(original)  # keeps the plugin's event priority
    def on_env(self, env, *, config, files):
        begin = time.perf_counter()
        result = original(self, env, config=config, files=files)
        timings.append(time.perf_counter() - begin)
        state.update(plugin=self, files=files, network=config.plugins["hubspoke/network"].build)
        return result

    FeedsPlugin.on_env = on_env
    os.environ["HUBSPOKE_CLOCK"] = CLOCK
    try:
        config = load_config(str(source / "mkdocs.yml"), site_dir=str(source / "site"))
        began = time.perf_counter()
        build(config)
        whole = time.perf_counter() - began
    finally:
        FeedsPlugin.on_env = original
    feeds, network, files = state["plugin"].build, state["network"], state["files"]
    for file in [f for f in files if f.generated_by == "hubspoke/feeds"]:
        files.remove(file)  # else the feeds of the build collide with themselves
    for _ in range(runs):
        begin = time.perf_counter()
        feeds.plan(network, files)
        outputs = feeds.render(network, files)
        timings.append(time.perf_counter() - begin)
    counts = Counter((t.spec.kind.name, t.spec.format.name) for t in feeds.targets)
    return {
        "posts": len(network.network.syndicated),
        "feeds": len(outputs),
        "bytes": sum(len(b) for b in outputs.values()),
        "counts": counts,
        "timings": timings,
        "build": whole,
    }


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000, help="posts in the synthetic hub")
    parser.add_argument("--example", action="store_true", help="time the example hub instead")
    parser.add_argument("--runs", type=int, default=7, help="timed runs after the build")
    parser.add_argument("--keep", type=Path, help="build here and keep it (default: a temp dir)")
    args = parser.parse_args(argv)
    work = args.keep or Path(tempfile.mkdtemp(prefix="hubspoke-feeds-"))
    work.mkdir(parents=True, exist_ok=True)
    source = work / "src"
    shutil.rmtree(source, ignore_errors=True)
    if args.example:
        copy_example(source)
    else:
        write_corpus(source, args.posts)
    try:
        result = measure(source, args.runs)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    timings = result["timings"]
    print(
        f"{'example hub' if args.example else 'synthetic hub'}: {result['posts']} published posts"
    )
    print(f"whole build (once): {result['build']:.2f} s")
    print(f"feeds: {result['feeds']} files, {result['bytes'] / 1e6:.2f} MB")
    for (kind, fmt), count in sorted(result["counts"].items()):
        print(f"  {kind:<9}{fmt:<5}{count}")
    print(
        f"feed step: median {statistics.median(timings) * 1000:.1f} ms over {len(timings)} runs "
        f"(min {min(timings) * 1000:.1f}, max {max(timings) * 1000:.1f}; first run, "
        f"in the build, {timings[0] * 1000:.1f} ms)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
