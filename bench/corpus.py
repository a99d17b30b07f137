"""A deterministic synthetic hub: N posts, A authors, P personas, C categories, I images.

    .venv/bin/python bench/corpus.py /tmp/corpus --posts 2000 --authors 300

Writes the same content twice over: `mkdocs.yml` builds it as a Hubspoke hub
(every plugin on) and `mkdocs-bare.yml` as a bare Material site (same pages,
same theme, same Markdown extensions, search on, no Hubspoke plugin). Posts
are realistic Markdown of 400-1,200 words: headings, lists, code, tables,
links and images. The same arguments always give the same bytes.
"""

from __future__ import annotations

import argparse
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

WORDS = [
    "flow",
    "meter",
    "pressure",
    "sensor",
    "calibration",
    "plant",
    "engineer",
    "valve",
    "pipe",
    "diaphragm",
    "accuracy",
    "drift",
    "signal",
    "loop",
    "transmitter",
    "commissioning",
    "maintenance",
    "service",
    "utility",
    "dairy",
    "brewery",
    "chemical",
    "water",
    "treatment",
    "process",
    "batch",
    "cleaning",
    "temperature",
    "density",
    "viscosity",
    "range",
    "uncertainty",
    "supplier",
    "procurement",
    "warranty",
    "lifetime",
    "cost",
    "spare",
    "part",
    "firmware",
    "diagnostics",
    "installation",
    "field",
    "technician",
    "training",
    "safety",
    "audit",
    "measurement",
    "standard",
    "tolerance",
    "laboratory",
    "prototype",
    "housing",
    "electronics",
    "cable",
    "connector",
    "display",
    "protocol",
    "fieldbus",
]
CATEGORIES = ["Engineering", "Product news", "Careers", "Customer stories", "How-to",
              "Industry insights", "Events", "Research", "Service", "Quality"]  # fmt: skip
FUNCTIONS = ["marketing", "sales", "hr", "rnd", "support", "communications", "management"]
EXTENSIONS = """markdown_extensions:
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - toc:
      permalink: true
  - pymdownx.details
  - pymdownx.superfences
  - pymdownx.highlight
  - pymdownx.inlinehilite
"""


def sentence(rng: random.Random, low=8, high=18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def body(rng: random.Random, words: int, images: list[str], depth: str, others: list[str]) -> str:
    """Markdown of about `words` words with every kind of block a real post has."""
    parts = [paragraph(rng), "<!-- more -->"]
    count = sum(len(p.split()) for p in parts)
    section = 0
    while count < words:
        section += 1
        kind = section % 5
        parts.append(f"## {sentence(rng, 3, 6)[:-1]}")
        parts.append(paragraph(rng))
        if kind == 0:
            parts.append("\n".join(f"- {sentence(rng, 4, 9)}" for _ in range(rng.randint(3, 6))))
        elif kind == 1:
            rows = "\n".join(
                f"| {rng.choice(WORDS)} | {rng.randint(1, 999)} | {rng.choice(WORDS)} |"
                for _ in range(5)
            )
            parts.append(f"| Item | Value | Note |\n| --- | ---: | --- |\n{rows}")
        elif kind == 2:
            parts.append(
                f"```python\ndef {rng.choice(WORDS)}(x):\n    return x * {rng.randint(2, 9)}\n```"
            )
        elif kind == 3 and images:
            image = rng.choice(images)
            parts.append(f"![A chart of {rng.choice(WORDS)} results]({depth}images/{image})")
        elif kind == 4 and others:
            parts.append(f"See also [{rng.choice(WORDS)} notes]({rng.choice(others)}) and "
                         f"[the standard](https://example.org/{rng.choice(WORDS)}).")  # fmt: skip
        count = sum(len(p.split()) for p in parts)
    return "\n\n".join(parts) + "\n"


def make_images(folder: Path, count: int, rng: random.Random) -> list[str]:
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(count):
        tall = i % 4 == 0
        size = (1080, 3600) if tall else (1600, 1000)
        image = Image.new(
            "RGB", size, (rng.randint(200, 255), rng.randint(200, 255), rng.randint(200, 255))
        )
        draw = ImageDraw.Draw(image)
        for _ in range(25):
            x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
            w, h = rng.randint(40, 400), rng.randint(40, 400)
            draw.rectangle(
                (x, y, x + w, y + h),
                fill=(rng.randint(0, 200), rng.randint(0, 200), rng.randint(0, 200)),
            )
        name = f"{'infographic' if tall else 'chart'}-{i:04d}.{'png' if tall else 'jpg'}"
        image.save(folder / name, quality=85) if name.endswith("jpg") else image.save(folder / name)
        names.append(name)
    return names


def generate(target: Path, *, posts: int, authors: int, personas: int = 10, categories: int = 8,
             images: int | None = None, seed: int = 7) -> Path:  # fmt: skip
    """Write the corpus into `target` (emptied first) and return it."""
    rng = random.Random(seed)
    if target.exists():
        shutil.rmtree(target)
    content = target / "content"
    (content / "personas").mkdir(parents=True)
    (target / "authors").mkdir()
    image_names = make_images(
        content / "blog" / "images", posts // 10 if images is None else images, rng
    )
    author_ids = [f"author-{i:04d}" for i in range(authors)]
    for i, author in enumerate(author_ids):
        guest = i % 7 == 0
        (target / "authors" / f"{author}.yml").write_text(
            f"name: Author {i}\nrole: {'guest' if guest else 'expert'}\ntitle: {sentence(rng, 2, 4)[:-1]}\n"
            f"organization: {'Outside Co ' + str(i) if guest else 'Synthetic Instruments'}\n"
            f"bio: {sentence(rng)}\ntopics: [{', '.join(rng.sample(WORDS, 2))}]\n"
            f"spokes:\n  linkedin: https://www.linkedin.com/in/author-{i}\n"
        )
    persona_ids = [f"persona-{i:02d}" for i in range(personas)]
    for i, persona in enumerate(persona_ids):
        (content / "personas" / f"{persona}.md").write_text(
            f"---\nname: Persona {i}\nsummary: {sentence(rng)}\nfunction: {FUNCTIONS[i % len(FUNCTIONS)]}\n---\n\n"
            f"{paragraph(rng)}\n"
        )
    (content / "index.md").write_text(
        "---\ntitle: Synthetic hub\n---\n\nA synthetic hub for benchmarks.\n"
    )
    start = date(2020, 1, 1)
    sources = []
    for i in range(posts):
        day = start + timedelta(days=i * 2000 // max(posts, 1))
        sources.append(f"{day.year}/post-{i:05d}.md")
    for i, source in enumerate(sources):
        day = start + timedelta(days=i * 2000 // max(posts, 1))
        who = rng.sample(author_ids, 2 if i % 5 == 0 else 1)
        others = [f"../{s}" for s in rng.sample(sources, min(2, len(sources)))]
        front = (
            f"---\ntitle: {sentence(rng, 4, 9)[:-1]}\ndate: {day.isoformat()}\n"
            f"authors: [{', '.join(who)}]\n"
            f"categories: [{CATEGORIES[i % categories]}]\n"
            f"tags: [{', '.join(rng.sample(WORDS, 2))}]\n"
            f"personas: [{', '.join(rng.sample(persona_ids, min(2, len(persona_ids))))}]\n"
            f"description: {sentence(rng)}\n"
        )
        if i % 50 == 0:
            front += "draft: true\n"
        path = content / "blog" / "posts" / source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            front + "---\n\n" + body(rng, rng.randint(400, 1200), image_names, "../../", others)
        )
    common = "site_url: https://hub.example.com/\ndocs_dir: content\ntheme:\n  name: material\n  font: false\n"
    nav = "nav:\n  - Home: index.md\n"
    (target / "mkdocs-bare.yml").write_text(
        "site_name: Synthetic hub (bare)\n"
        + common
        + nav
        + "not_in_nav: |\n  /blog/**\n  /personas/**\n"
        "plugins:\n  - search\n" + EXTENSIONS
    )
    (target / "mkdocs.yml").write_text(
        "site_name: Synthetic hub\n" + common
        + nav + "  - Blog: blog/index.md\n  - Personas: personas/index.md\n  - Authors: authors/index.md\n"
        + "plugins:\n  - search\n  - hubspoke/network\n  - hubspoke/images\n  - hubspoke/feeds\n  - hubspoke/editorial\n  - hubspoke/media\n"
        + EXTENSIONS
    )  # fmt: skip
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", type=Path)
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--authors", type=int, default=100)
    parser.add_argument("--personas", type=int, default=10)
    parser.add_argument("--categories", type=int, default=8)
    parser.add_argument("--images", type=int, default=None, help="default: one per ten posts")
    args = parser.parse_args()
    generate(args.target, posts=args.posts, authors=args.authors, personas=args.personas,
             categories=args.categories, images=args.images)  # fmt: skip
    print(f"corpus written to {args.target}")


if __name__ == "__main__":
    main()
