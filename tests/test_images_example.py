"""Images on the example hub: every picture sized, described and responsive, every
srcset entry real, nothing upscaled or carrying metadata, a card for every post."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from PIL import Image

from .conftest import ROOT

VARIANT = re.compile(
    r"^(?P<stem>.+?)(?:-top)?-(?P<width>\d+)w\.[0-9a-f]{12}\.(?:png|jpg|webp|avif)$"
)
RASTER = (".png", ".jpg", ".jpeg", ".webp", ".avif")


def pages(site: Path):
    for page in sorted(site.rglob("*.html")):
        yield (
            page.relative_to(site).as_posix(),
            BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser"),
        )


def on_disk(site: Path, page_url: str, src: str) -> Path:
    return site / unquote(urlsplit(urljoin("http://x/" + page_url, src)).path.lstrip("/"))


@pytest.fixture(autouse=True, scope="module")
def as_a_build():
    """Put MkDocs' process-wide plugin instances back in `build` mode first: a test
    elsewhere that starts them as `serve` leaves the network previewing drafts."""
    load_config(str(ROOT / "mkdocs.yml")).plugins.on_startup(command="build", dirty=False)


def test_every_img_has_width_height_and_alt(example):
    count = 0
    for url, soup in pages(example.site):
        for img in soup.find_all("img"):
            count += 1
            assert img.get("width", "").isdigit() and img.get("height", "").isdigit(), (url, img)
            assert img.has_attr("alt"), (url, img)
            if not img["alt"].strip():
                # Only an avatar next to the author's name, or a post card's picture
                # next to its title (the link), may be decorative.
                card = img.find_parent(class_="hs-card__image") is not None
                assert card or "hs-avatar" in img.get("class", []), (url, img)
    assert count > 100


def test_every_srcset_entry_exists_with_the_stated_width(example):
    checked: dict[Path, int] = {}
    for url, soup in pages(example.site):
        for element in soup.find_all(["img", "source"]):
            for candidate in filter(None, (element.get("srcset") or "").split(",")):
                src, descriptor = candidate.split()
                file = on_disk(example.site, url, src)
                assert file.is_file(), (url, src)
                if file not in checked:
                    with Image.open(file) as image:
                        checked[file] = image.width
                assert checked[file] == int(descriptor.removesuffix("w")), (url, src)
    assert len(checked) > 40


def test_pictures_carry_modern_formats_and_an_original_fallback(example):
    soup = BeautifulSoup(
        next(example.site.glob("blog/**/replacing-*/index.html")).read_text(), "html.parser"
    )
    picture = soup.select_one(".hs-post__body picture")
    assert [s["type"] for s in picture.find_all("source")] == ["image/avif", "image/webp"]
    assert picture.img["src"].endswith(".jpg") and "loading" not in picture.img.attrs


def _candidates(element, site: Path, url: str) -> dict[int, int]:
    """Width -> bytes of each file a srcset offers."""
    found = {}
    for candidate in filter(None, (element.get("srcset") or "").split(",")):
        src, descriptor = candidate.split()
        found[int(descriptor.removesuffix("w"))] = on_disk(site, url, src).stat().st_size
    return found


def test_every_offered_variant_is_worth_its_bytes(example):
    """A modern format is offered only where it is lighter than the fallback, and no
    width weighs as much as a wider one of its format (the wider one serves sharper)."""
    pictures = 0
    for url, soup in pages(example.site):
        for picture in soup.find_all("picture"):
            pictures += 1
            fallback = _candidates(picture.img, example.site, url)
            for element in [*picture.find_all("source"), picture.img]:
                sizes = _candidates(element, example.site, url)
                widths = sorted(sizes)
                for narrower, wider in zip(widths, widths[1:], strict=False):
                    assert sizes[narrower] < sizes[wider], (url, element)
                if element is not picture.img:
                    for width, size in sizes.items():
                        assert width not in fallback or size < fallback[width], (url, element)
    assert pictures > 20


def test_no_variant_is_wider_than_its_source(example):
    sources = {}
    for path in list((ROOT / "content").rglob("*")) + list((ROOT / "authors").glob("*")):
        if path.suffix in RASTER:
            with Image.open(path) as image:
                sources[path.stem] = image.width
    variants = 0
    for file in example.site.rglob("*"):
        match = VARIANT.match(file.name)
        if match and match["stem"] in sources:
            with Image.open(file) as image:
                assert image.width == int(match["width"]) <= sources[match["stem"]], file.name
            variants += 1
    assert variants > 40


def test_published_images_carry_no_metadata(example):
    for file in example.site.rglob("*"):
        if file.suffix in RASTER:
            with Image.open(file) as image:
                assert dict(image.getexif()) == {}, file.name
                assert not {"exif", "xmp", "icc_profile"} & set(image.info), file.name


def test_tall_infographic_is_previewed_with_links_to_the_whole_and_the_text(example):
    page = next(example.site.glob("blog/**/choosing-a-flow-meter-in-six-steps/index.html"))
    soup = BeautifulSoup(page.read_text(), "html.parser")
    figure = soup.select_one(".hs-post__body div.hs-infographic")
    preview = figure.select_one(".hs-infographic__preview img")
    assert int(preview["height"]) < int(preview["width"]) * 2
    links = [a.get_text() for a in figure.select("figcaption a")]
    assert links == ["Full-size image", "Text version"]
    assert soup.find(id="text-version") is not None


@pytest.mark.parametrize("kind", ["post", "author", "home"])
def test_og_image_points_to_an_existing_1200_by_630_file(example, kind):
    if kind == "post":
        urls = [p for p, _ in pages(example.site) if re.match(r"blog/\d{4}/\d\d/\d\d/", p)]
    elif kind == "author":
        urls = [
            p.relative_to(example.site).as_posix()
            for p in example.site.glob("authors/*/index.html")
        ]
    else:
        urls = ["index.html"]
    assert urls
    for url in urls:
        soup = BeautifulSoup((example.site / url).read_text(), "html.parser")
        image = soup.find("meta", property="og:image")["content"]
        assert image.startswith("https://hub.corvane.example/"), url
        assert soup.find("meta", attrs={"name": "twitter:image"})["content"] == image
        with Image.open(example.site / urlsplit(image).path.lstrip("/")) as card:
            assert card.size == (1200, 630), url
