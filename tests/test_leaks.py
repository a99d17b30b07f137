"""Leak tests: drafts, scheduled and unlisted posts carry unique canary strings in
their title, body, slug, description, tags, category and image file names. After a
build with every Hubspoke plugin on, no canary appears in any output file (HTML,
XML, JSON, sitemap, search index, feeds, SVG, file names), except the unlisted
post's own page and the images that page shows."""

import random
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from .conftest import FIXED_CLOCK, SITES, build_in_process

STATES = ("published", "draft", "scheduled", "unlisted")
PLUGINS = """plugins:
  - search
  - hubspoke/network:
      timezone: Europe/Berlin
      blog_per_page: 2
  - hubspoke/images
  - hubspoke/feeds
  - hubspoke/editorial:
      policy_required_fields: []
"""


def make_site(root: Path, states: list[str], seed: int = 0) -> dict[str, tuple[str, str]]:
    """A hub whose posts have the given states; returns canary -> (state, slug)."""
    shutil.copytree(SITES / "basic", root)
    posts = root / "content" / "blog" / "posts"
    for extra in posts.glob("*.md"):
        extra.unlink()
    config = (root / "mkdocs.yml").read_text()
    start = config.index("plugins:")
    end = config.index("markdown_extensions:")
    (root / "mkdocs.yml").write_text(config[:start] + PLUGINS + config[end:])
    rng = random.Random(seed)
    canaries = {}
    for number, state in enumerate(states):
        canary = f"canary{state}{number:02d}x{rng.randrange(10**6):06d}"
        canaries[canary] = (state, canary)
        image = f"{canary}-chart.png"
        Image.new("RGB", (64, 32), (number * 20 % 255, 90, 160)).save(posts / image)
        front = [
            f"title: Title {canary}",
            f"date: {'2030-01-01' if state == 'scheduled' else f'2025-0{1 + number % 9}-1{number % 10}'}",
            "authors: [ada]",
            f"categories: [Cat {canary}]",
            f"tags: [tag{canary}]",
            "personas: [buyer]",
            f"description: Summary {canary}",
            f"slug: {canary}",
            f"image: {image}",
        ]
        if state == "draft":
            front.append("draft: true")
        if state == "unlisted":
            front.append("unlisted: true")
        body = f"Intro {canary}.\n\n<!-- more -->\n\n![Chart {canary}]({image})\n\nMore {canary}.\n"
        (posts / f"{canary}.md").write_text("---\n" + "\n".join(front) + "\n---\n\n" + body)
    return canaries


def leaks(site: Path, canary: str) -> list[str]:
    found = []
    needle = canary.encode()
    for path in sorted(site.rglob("*")):
        name = path.relative_to(site).as_posix()
        if canary in name or (path.is_file() and needle in path.read_bytes()):
            found.append(name)
    return found


IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".avif", ".gif")


def allowed_for_unlisted(site: Path, canary: str, found: list[str]) -> list[str]:
    """What an unlisted post may leave behind: its own page, and the image files that
    page shows (their names may carry the canary). Anything else is a leak."""
    own = [name for name in found if f"/{canary}/" in f"/{name}/"]
    return [name for name in found if name not in own and not name.endswith(IMAGE_SUFFIXES)]


def check(site: Path, canaries: dict[str, tuple[str, str]]) -> None:
    for canary, (state, _) in canaries.items():
        found = leaks(site, canary)
        if state == "published":
            assert found, f"published post {canary} missing from the site"
        elif state == "unlisted":
            assert any(name.endswith(f"{canary}/index.html") for name in found), canary
            assert allowed_for_unlisted(site, canary, found) == [], (canary, found)
        else:
            assert found == [], (state, canary, found)


def test_fixed_mix_of_states_leaks_nothing(tmp_path):
    canaries = make_site(
        tmp_path / "src", ["published", "draft", "scheduled", "unlisted", "published"]
    )
    built = build_in_process(tmp_path / "src", tmp_path / "site", clock=FIXED_CLOCK)
    check(built.site, canaries)
    assert len(canaries) == 5


@settings(
    max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.sampled_from(STATES), min_size=1, max_size=6), st.integers(0, 10**6))
def test_random_states_leak_nothing(tmp_path_factory, states, seed):
    base = tmp_path_factory.mktemp("leak")
    canaries = make_site(base / "src", states, seed)
    built = build_in_process(base / "src", base / "site", clock=FIXED_CLOCK)
    check(built.site, canaries)


def test_files_only_unpublished_posts_use_are_not_published_however_they_are_named(tmp_path):
    """A draft names its files as raw HTML, with parentheses, a query, a site-absolute
    path, as a download, a poster and a caption track; none of them is published. A file
    a published post uses (entity-encoded) is kept."""
    make_site(tmp_path / "src", ["published"])
    posts = tmp_path / "src" / "content" / "blog" / "posts"
    names = {
        "raw": "draftcanary raw one.png",
        "paren": "draftcanary(1).png",
        "query": "draftcanaryquery.png",
        "absolute": "draftcanaryabsolute.png",
        "pdf": "draftcanary.pdf",
        "poster": "draftcanaryposter.jpg",
        "track": "draftcanary.vtt",
    }
    for name in names.values():
        if name.endswith((".png", ".jpg")):
            Image.new("RGB", (40, 20), (10, 20, 30)).save(posts / name)
        else:
            (posts / name).write_text("draftcanary")
    Image.new("RGB", (40, 20), (10, 20, 30)).save(posts / "shared one.png")
    body = (
        f'<img src="{names["raw"]}" alt="a">\n\n'
        f"![b]({names['paren']})\n\n"
        f"![c]({names['query']}?v=1)\n\n"
        f'<img src="/blog/posts/{names["absolute"]}" alt="d">\n\n'
        f"[Paper](<{names['pdf']}>)\n\n"
        f'<video controls poster="{names["poster"]}" src="x.mp4">'
        f'<track src="{names["track"]}" kind="captions"></video>\n'
    )
    for state, extra in (("draft", "draft: true\n"), ("scheduled", "")):
        date = "2030-01-01" if state == "scheduled" else "2025-03-01"
        (posts / f"{state}-files.md").write_text(
            f"---\ntitle: Files of a {state}\ndate: {date}\nauthors: [ada]\n{extra}---\n\n{body}"
        )
    published = next(p for p in posts.glob("canarypublished*.md"))
    published.write_text(published.read_text() + '\n<img src="shared&#32;one.png" alt="Shared">\n')
    built = build_in_process(tmp_path / "src", tmp_path / "site", clock=FIXED_CLOCK)
    assert leaks(built.site, "draftcanary") == []
    assert any(p.name.startswith("shared") for p in built.site.rglob("*")), "kept for the post"
