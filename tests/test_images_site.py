"""The images plugin on a small fixture site (tests/sites/images) whose pictures the
tests draw with Pillow: privacy, transparency, CMYK, responsive markup, infographics,
social cards, the cache, and every bad input with the file and page it names."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import struct
import zlib
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from PIL import ExifTags, Image, ImageCms, ImageDraw

from .conftest import FIXED_CLOCK, SITES, copy_site, run_mkdocs
from .sitecheck import broken_links, files_containing

POSTS = "content/blog/posts"
SECRETS = (b"Canon", b"EOS-R5-canary", b"maker-note-canary", b"xmp-canary", b"gps-canary")


# -- fixture pictures, drawn here ----------------------------------------------------


def drawing(size, background="white", seed=0) -> Image.Image:
    """Something with edges and colours, so encoders have real work."""
    image = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(image)
    width, height = size
    for i in range(12):
        x = (i * 37 + seed * 11) % width
        y = (i * 53 + seed * 7) % height
        draw.rectangle((x, y, x + width // 5, y + height // 9), fill=(40 * i % 256, 90, 200))
        draw.text((10, (i * height) // 12), f"Step {i + 1}", fill="black")
    return image


def photo_with_secrets(path: Path) -> None:
    """A JPEG with camera EXIF, GPS, a maker note, XMP, an ICC profile and orientation 6."""
    image = drawing((800, 600), "#88aacc")
    ImageDraw.Draw(image).rectangle((0, 0, 99, 49), fill="red")  # top left before rotation
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Canon"
    exif[ExifTags.Base.Model] = "EOS-R5-canary"
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.ImageDescription] = "gps-canary"
    exif.get_ifd(ExifTags.IFD.Exif)[ExifTags.Base.MakerNote] = b"maker-note-canary"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 1.0)
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/">xmp-canary</x:xmpmeta>'
    image.save(path, "JPEG", exif=exif, icc_profile=srgb, xmp=xmp, quality=90)


def transparent_logo(path: Path) -> None:
    image = Image.new("RGBA", (400, 400), (0, 0, 0, 0))
    ImageDraw.Draw(image).ellipse((50, 50, 350, 350), fill=(0, 148, 133, 255))
    image.save(path, "PNG")


def cmyk_jpeg(path: Path) -> None:
    drawing((480, 360), "yellow").convert("CMYK").save(path, "JPEG", quality=90)


def make_images(source: Path) -> None:
    """Every picture the fixture site links to."""
    posts = source / POSTS
    photo_with_secrets(posts / "photo.jpg")
    drawing((400, 1600), seed=1).save(posts / "tall.png")
    drawing((640, 320), seed=2).quantize(64).save(posts / "wide-chart.png")
    transparent_logo(posts / "logo.png")
    cmyk_jpeg(posts / "print.jpg")
    drawing((300, 200), "pink").save(posts / "canarydraft-only.png")
    drawing((900, 600), "orange").save(posts / "canarydraft-cover.png")
    drawing((300, 300), "#ddeeff", seed=3).save(source / "authors" / "ada.png")


def new_site(tmp_path: Path, name: str = "src") -> Path:
    source = copy_site(SITES / "images", tmp_path / name)
    make_images(source)
    return source


# -- building ---------------------------------------------------------------------


class Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        self.records.append(record)

    def text(self, level=logging.DEBUG) -> str:
        return "\n".join(r.getMessage() for r in self.records if r.levelno >= level)


def build_site(source: Path, site: Path, **overrides):
    """Build strict in-process; returns (the images plugin, the log). Raises on failure."""
    handler = Collect()
    logger = logging.getLogger("mkdocs")
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    old_clock = os.environ.get("HUBSPOKE_CLOCK")
    os.environ["HUBSPOKE_CLOCK"] = FIXED_CLOCK
    try:
        overrides.setdefault("strict", True)
        config = load_config(str(source / "mkdocs.yml"), site_dir=str(site), **overrides)
        try:
            build(config)
        except SystemExit as error:
            raise BuildFailed(handler.text(logging.ERROR)) from error
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
        if old_clock is None:
            os.environ.pop("HUBSPOKE_CLOCK", None)
        else:
            os.environ["HUBSPOKE_CLOCK"] = old_clock
    return config.plugins["hubspoke/images"], handler


class BuildFailed(Exception):
    pass


@pytest.fixture(autouse=True, scope="module")
def as_a_build():
    """Put MkDocs' process-wide plugin instances back in `build` mode first: a test
    elsewhere that starts them as `serve` leaves the network previewing drafts."""
    load_config(str(SITES / "images" / "mkdocs.yml")).plugins.on_startup(
        command="build", dirty=False
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("images")
    source = new_site(base)
    plugin, log = build_site(source, base / "site")
    return {"source": source, "site": base / "site", "plugin": plugin, "log": log}


def soup_of(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    # html.parser knows that <source> is a void element (lxml nests what follows in it).
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page_of(site: Path, title: str) -> str:
    """Site-relative URL of the post page whose <h1> is `title`."""
    for page in sorted(site.glob("blog/2*/**/index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        if soup.h1 and soup.h1.get_text(strip=True).startswith(title):
            return page.parent.relative_to(site).as_posix() + "/"
    raise AssertionError(f"no post page titled {title!r}")


def published(site: Path, stem: str) -> list[Path]:
    """Every published file derived from a source image named `stem`."""
    return sorted(p for p in site.rglob(f"{stem}*") if p.is_file())


def srcset_entries(value: str) -> list[tuple[str, int]]:
    entries = []
    for candidate in filter(None, value.split(",")):
        url, descriptor = candidate.split()
        entries.append((url, int(descriptor.removesuffix("w"))))
    return entries


def target(site: Path, page_url: str, src: str) -> Path:
    return site / unquote(urlsplit(urljoin("http://x/" + page_url, src)).path.lstrip("/"))


# -- the built fixture site ----------------------------------------------------------


def test_builds_strict_without_warnings(built):
    assert built["log"].text(logging.WARNING) == ""
    assert broken_links(built["site"]) == []


def test_photo_variants_carry_no_exif_gps_xmp_or_icc(built):
    files = published(built["site"], "photo")
    card = soup_of(built["site"], page_of(built["site"], "A photo"))
    card_url = card.find("meta", property="og:image")["content"]
    files.append(built["site"] / urlsplit(card_url).path.lstrip("/"))
    assert len(files) >= 7
    for path in files:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, (path.name, secret)
        with Image.open(path) as image:
            assert dict(image.getexif()) == {}, path.name
            assert not {"exif", "xmp", "icc_profile", "XML:com.adobe.xmp"} & set(image.info)


def test_photo_orientation_is_applied_before_stripping(built):
    with Image.open(built["site"] / POSTS.removeprefix("content/") / "photo.jpg") as image:
        assert image.size == (600, 800)  # the 800x600 source, orientation 6
        red_corner = image.convert("RGB").getpixel((590, 10))
        assert red_corner[0] > 200 and red_corner[1] < 80


def test_transparency_survives_in_webp_avif_and_png(built):
    files = [p for p in published(built["site"], "logo") if p.suffix in (".webp", ".png", ".avif")]
    assert {p.suffix for p in files} >= {".webp", ".png"}
    for path in files:
        with Image.open(path) as image:
            rgba = image.convert("RGBA")
            assert rgba.getpixel((0, 0))[3] == 0, path.name
            centre = rgba.getpixel((rgba.width // 2, rgba.height // 2))
            assert centre[3] == 255 and centre[1] > 100, (path.name, centre)


def test_cmyk_jpeg_is_published_as_rgb(built):
    files = published(built["site"], "print")
    assert files
    for path in files:
        with Image.open(path) as image:
            assert image.mode in ("RGB", "RGBA"), (path.name, image.mode)


def test_every_img_has_size_and_alt_and_every_srcset_entry_exists(built):
    site = built["site"]
    checked = 0
    for page in sorted(site.rglob("*.html")):
        url = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for img in soup.find_all("img"):
            assert img.get("width") and img.get("height"), (url, str(img)[:120])
            assert img.has_attr("alt"), (url, str(img)[:120])
            if img["alt"] == "":  # decorative only beside a name: an avatar, a card's picture
                decorative = "hs-avatar" in img.get("class", []) or img.find_parent(
                    class_="hs-card__image"
                )
                assert decorative, (url, str(img)[:120])
        for element in soup.find_all(["img", "source"]):
            if not element.get("srcset"):
                continue
            for src, width in srcset_entries(element["srcset"]):
                file = target(site, url, src)
                assert file.is_file(), (url, src)
                with Image.open(file) as image:
                    assert image.width == width, (url, src)
                checked += 1
    assert checked > 50


def test_no_variant_is_wider_than_its_source(built):
    sources = {p.stem: p for p in (built["source"] / POSTS).glob("*.*") if p.suffix != ".md"}
    for stem, source in sources.items():
        with Image.open(source) as original:
            widest = max(original.size)
        for path in published(built["site"], stem):
            with Image.open(path) as image:
                assert image.width <= widest, path.name


def test_pictures_offer_modern_formats_and_lazy_loading_below_the_fold(built):
    site = built["site"]
    url = page_of(site, "A photo")
    pictures = soup_of(site, url).select(".hs-post__body picture")
    assert len(pictures) == 2
    first, second = pictures
    types = [s["type"] for s in first.find_all("source")]
    assert "image/webp" in types
    img = first.img
    assert img["alt"] == "A harbour crane at dusk"
    # The largest variant's size: the 600x800 photo (oriented) served at most 320 wide.
    assert (img["width"], img["height"]) == ("320", "427")
    assert "loading" not in img.attrs  # the first image of the content is not lazy
    assert second.img["loading"] == "lazy" and second.img["decoding"] == "async"


def test_avatars_are_responsive_and_decorative(built):
    soup = soup_of(built["site"], "authors/ada/")
    img = soup.select_one(".hs-profile img.hs-avatar")
    assert img.parent.name == "picture"
    assert img["alt"] == "" and img["sizes"].endswith("px")
    widths = [w for _, w in srcset_entries(img["srcset"])]
    assert widths == [48, 96]


def test_tall_image_becomes_an_infographic_with_preview_and_links(built):
    site = built["site"]
    url = page_of(site, "Six steps")
    figures = soup_of(site, url).select("div.hs-infographic")
    assert len(figures) == 2  # the tall one, and the wide one marked { .infographic }
    tall = figures[0]
    preview = tall.select_one("a.hs-infographic__preview img")
    # The top of the 400x1600 image, 1.25 times as tall as wide, served at most 320 wide.
    assert (preview["width"], preview["height"]) == ("320", "400")
    full_link = tall.select_one("a.hs-infographic__preview")["href"]
    with Image.open(target(site, url, full_link)) as full:
        assert full.size == (400, 1600)
    links = {a.get_text(): a["href"] for a in tall.select("figcaption a")}
    assert links["Text version"] == "#text-version"
    whole = tall.select_one("details.hs-infographic__whole img")
    assert (whole["width"], whole["height"]) == ("320", "1280") and whole["loading"] == "lazy"
    for src, width in srcset_entries(whole["srcset"]):
        with Image.open(target(site, url, src)) as image:
            assert image.size == (width, width * 4)
    wide = figures[1]
    assert wide.select_one("details") is None  # not tall: the preview is the whole image


def test_social_card_for_every_post_author_and_home(built):
    site = built["site"]
    pages = [page_of(site, t) for t in ("A photo", "Six steps", "A logo")]
    pages += ["authors/ada/", "authors/gus/", ""]
    seen = set()
    for url in pages:
        soup = soup_of(site, url)
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.find_all("meta")}
        image = meta["og:image"]
        assert image.startswith("https://images.example.com/") and image == meta["twitter:image"]
        assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
        assert meta["og:image:alt"]
        with Image.open(site / urlsplit(image).path.lstrip("/")) as card:
            assert card.size == (1200, 630)
        seen.add(image)
    assert len(seen) == len(pages)


def test_photo_card_is_cut_around_the_focal_point(built):
    site = built["site"]
    soup = soup_of(site, page_of(site, "A photo"))
    meta = {m.get("property"): m["content"] for m in soup.find_all("meta") if m.get("property")}
    assert meta["og:image"].endswith(".jpg")
    assert meta["og:image:alt"] == "A harbour crane at dusk"


def test_unpublished_posts_images_are_not_published(built):
    assert files_containing(built["site"], "canarydraft") == []


def test_safe_svg_is_published_with_its_size(built):
    soup = soup_of(built["site"], "about/")
    img = soup.select_one("article img")
    assert img["src"].endswith("diagram.svg")
    assert (img["width"], img["height"]) == ("240", "120")


# -- the cache ------------------------------------------------------------------------


def test_second_build_encodes_nothing_and_output_is_identical(built, tmp_path):
    first = built["plugin"].stats
    assert first.encoded >= first.files > 0
    plugin, log = build_site(built["source"], tmp_path / "again")
    assert plugin.stats.encoded == 0
    assert plugin.stats.reused == first.encoded
    assert "0 encoded" in log.text(logging.INFO)
    before = {p.relative_to(built["site"]): p.read_bytes() for p in built["site"].rglob("*.*")}
    after = {
        p.relative_to(tmp_path / "again"): p.read_bytes() for p in (tmp_path / "again").rglob("*.*")
    }
    assert before.keys() == after.keys()
    images = [k for k in before if k.suffix in (".png", ".jpg", ".webp", ".avif")]
    assert all(before[k] == after[k] for k in images)


def test_a_changed_setting_encodes_only_what_it_shapes(tmp_path):
    source = new_site(tmp_path)
    build_site(source, tmp_path / "one")
    config = (source / "mkdocs.yml").read_text()
    (source / "mkdocs.yml").write_text(
        config.replace("workers: 2", "workers: 1\n      quality_jpeg: 70")
    )
    plugin, _ = build_site(source, tmp_path / "two")
    # Only the JPEG files (photo, print, the photo card) are new.
    assert 0 < plugin.stats.encoded < plugin.stats.files
    new = [p for p in (tmp_path / "two").rglob("*.jpg")]
    assert new


# -- bad input ------------------------------------------------------------------------


def write_post(source: Path, image_markdown: str) -> None:
    (source / POSTS / "bad.md").write_text(
        "---\ntitle: Bad picture\ndate: 2025-07-01\nauthors: [ada]\n---\n"
        f"Look:\n\n{image_markdown}\n",
        encoding="utf-8",
    )


def truncated_jpeg(path: Path) -> None:
    buffer = io.BytesIO()
    drawing((640, 480)).save(buffer, "JPEG", quality=95)
    path.write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])


def png_bomb(path: Path, side: int = 40_000) -> None:
    """A real decompression bomb: 1.6 billion pixels of 1-bit black in a few hundred KB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + side // 8)
    parts = [compressor.compress(row) for _ in range(side)]
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", b"".join(parts))
        + chunk(b"IEND", b"")
    )


def png_named_jpg(path: Path) -> None:
    drawing((200, 100)).save(path, "PNG")


def tiff_file(path: Path) -> None:
    drawing((200, 100)).save(path, "TIFF")


def scripted_svg(path: Path) -> None:
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        "<script>alert(document.cookie)</script></svg>"
    )


BAD = {
    "truncated": ("broken.jpg", truncated_jpeg, ["is truncated or corrupt", "export it again"]),
    "bomb": ("bomb.png", png_bomb, ["1,600,000,000 pixels", "decompression bomb", "max_pixels"]),
    "mislabelled": (
        "chart.jpg",
        png_named_jpg,
        ["is a PNG image but its name ends in .jpg", "rename it to chart.png"],
    ),
    "unsupported": ("scan.tiff", tiff_file, ["is a TIFF file, a format browsers cannot show"]),
    "svg with a script": ("evil.svg", scripted_svg, ["contains a <script> element"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_image_fails_naming_the_file_and_the_page(case, tmp_path):
    name, make, expected = BAD[case]
    source = new_site(tmp_path)
    make(source / POSTS / name)
    write_post(source, f"![A bad picture]({name})")
    with pytest.raises(BuildFailed) as failure:
        build_site(source, tmp_path / "site")
    message = str(failure.value)
    assert f"content/blog/posts/{name}:" in message, message
    assert "used by content/blog/posts/bad.md" in message, message
    for words in expected:
        assert words in message, message
    assert not list((tmp_path / "site").rglob("*.html")), "nothing is written after an error"


def test_image_escaping_the_content_folder_is_rejected(tmp_path):
    source = new_site(tmp_path)
    drawing((100, 100)).save(source / "outside.png")
    write_post(source, "![Escape](../../../outside.png)")
    with pytest.raises(BuildFailed) as failure:
        build_site(source, tmp_path / "site")
    message = str(failure.value)
    assert "content/blog/posts/bad.md" in message
    assert "image '../../../outside.png' points outside the content folder (content/)" in message


def test_missing_alt_text_is_a_warning_and_fails_strict(tmp_path):
    source = new_site(tmp_path)
    write_post(source, "![](logo.png)")
    with pytest.raises(BuildFailed):
        build_site(source, tmp_path / "site")
    plugin, log = build_site(source, tmp_path / "loose", strict=False)
    warning = "content/blog/posts/bad.md: image 'content/blog/posts/logo.png' has no alt text"
    assert warning in log.text(logging.WARNING)


def test_bad_focal_point_names_the_field(tmp_path):
    source = new_site(tmp_path)
    post = source / POSTS / "photo.md"
    post.write_text(post.read_text().replace("[0.25, 0.5]", "[2, centre]"))
    with pytest.raises(BuildFailed) as failure:
        build_site(source, tmp_path / "site")
    assert "content/blog/posts/photo.md" in str(failure.value)
    assert "field 'image_focus': must be [x, y]" in str(failure.value)


def test_real_command_reports_a_bad_image_without_traceback(tmp_path):
    source = new_site(tmp_path)
    truncated_jpeg(source / POSTS / "broken.jpg")
    write_post(source, "![A bad picture](broken.jpg)")
    result = run_mkdocs(source, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "Traceback" not in output
    assert "content/blog/posts/broken.jpg: is truncated or corrupt" in output
    shutil.rmtree(tmp_path / "site", ignore_errors=True)


def test_cache_folder_is_resolved_against_mkdocs_yml(built):
    cache = built["source"] / ".cache" / "hubspoke" / "images"
    assert cache.is_dir() and any(cache.iterdir())
    assert not re.search(r"\.part$", " ".join(p.name for p in cache.iterdir()))


def test_works_without_the_network_and_without_site_url(tmp_path):
    source = tmp_path / "plain"
    (source / "docs").mkdir(parents=True)
    drawing((500, 300)).save(source / "docs" / "chart.png")
    (source / "docs" / "index.md").write_text(
        '# Plain\n\n![A chart](chart.png)\n\n![Steps](chart.png){ .infographic data-text-version="#words" }\n\n'
        "## In words {#words}\n\nText.\n"
    )
    (source / "mkdocs.yml").write_text(
        "site_name: Plain\ntheme:\n  name: material\n  font: false\n"
        "plugins:\n  - hubspoke/images:\n      variants_widths: [200]\n      workers: 1\n"
        "markdown_extensions:\n  - attr_list\n"
    )
    plugin, log = build_site(source, tmp_path / "site")
    assert log.text(logging.WARNING) == ""
    assert plugin.stats.sources == 1 and plugin.stats.cards == 0
    soup = soup_of(tmp_path / "site", "")
    assert soup.find("meta", property="og:image") is None
    assert len(soup.select("article picture")) == 2
    links = soup.select(".hs-infographic figcaption a")
    assert [a["href"] for a in links] == ["chart.png", "#words"]
    assert "(500 × 300 px)" in links[0].parent.get_text()
    assert len(soup.select(".hs-infographic")) == 1  # marking one use marks only that one


def test_without_directory_urls_every_picture_resolves(tmp_path):
    source = new_site(tmp_path)
    plugin, log = build_site(source, tmp_path / "site", use_directory_urls=False)
    site = tmp_path / "site"
    assert log.text(logging.WARNING) == ""
    assert broken_links(site) == []
    pages = sorted(site.glob("blog/2*/**/*.html"))
    assert pages
    for page in pages:
        url = page.relative_to(site).as_posix()
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all(["img", "source"]):
            for src, _width in srcset_entries(element.get("srcset") or ""):
                assert target(site, url, src).is_file(), (url, src)


# -- the markup is the theme's: a site's overrides win -----------------------------

HOSTILE = '"><script>alert(1)</script> {{ 7*7 }} &amp;'  # alt text, as readers get it
TITLE = '"><i>{{ 7*7 }}'
IMAGES = ("photo.jpg", "tall.png")  # a picture, an infographic


def hostile_post(source: Path) -> None:
    """A post whose picture and infographic carry alt and title text that is HTML and Jinja."""
    alt = HOSTILE.replace("&", "&amp;")  # Markdown reads entities in alt text
    write_post(source, "\n\n".join(f"![{alt}]({src} '{TITLE}')" for src in IMAGES))


def hostile_imgs(site: Path) -> tuple[str, list]:
    url = page_of(site, "Bad picture")
    raw = (site / url / "index.html").read_text(encoding="utf-8")
    imgs = [i for i in soup_of(site, url).select("article img") if i.get("title")]
    return raw, imgs


def test_hostile_alt_and_title_are_escaped_once_and_never_evaluated(tmp_path):
    source = new_site(tmp_path)
    hostile_post(source)
    build_site(source, tmp_path / "site")
    raw, imgs = hostile_imgs(tmp_path / "site")
    # The photo's picture, the infographic's preview and its whole image.
    assert len(imgs) == 3 and all(i.find_parent("picture") for i in imgs)
    assert all(i["alt"] == HOSTILE and i["title"] == TITLE for i in imgs)
    assert "<script>alert" not in raw and "<i>{{" not in raw
    assert (
        raw.count('alt="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }} &amp;amp;"') == 3
    )


def test_a_sites_overrides_draw_pictures_infographics_and_the_hub_picture(tmp_path):
    source = new_site(tmp_path)
    hostile_post(source)
    partials = source / "overrides" / "hubspoke" / "partials"
    partials.mkdir(parents=True)
    (partials / "picture.html").write_text(
        '<picture class="site-picture" data-formats="{{ picture.sources | length }}">'
        "{{ img }}</picture>"
    )
    (partials / "infographic.html").write_text(
        '<div class="site-infographic" data-block="{{ infographic.block }}">'
        '{{ preview }}<a href="{{ infographic.href }}">{{ hubspoke_labels("image.full") }}</a>'
        "</div>"
    )
    (partials / "hub-picture.html").write_text(
        '<p class="site-hub">{{ hub.company }}: {{ hub.spokes | length }}</p>'
    )
    mkdocs_yml = source / "mkdocs.yml"
    text = mkdocs_yml.read_text().replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n"
    )
    mkdocs_yml.write_text(text)
    site = tmp_path / "site"
    build_site(source, site)
    page = soup_of(site, page_of(site, "A photo"))
    pictures = page.select("article picture")
    assert pictures and all(p.get("class") == ["site-picture"] for p in pictures)
    assert int(pictures[0]["data-formats"]) >= 1 and not page.select("article source")
    tall = soup_of(site, page_of(site, "Six steps"))
    assert not tall.select(".hs-infographic")
    figures = tall.select("div.site-infographic")
    assert len(figures) == 2 and all(f["data-block"] == "True" for f in figures)
    assert figures[0].select_one("picture.site-picture img")["width"] == "320"
    assert figures[0].a.get_text() == "Full-size image"
    hub = soup_of(site, "hub/")
    assert hub.select_one("p.site-hub") and not hub.select("svg.hs-hub-svg")
    _, imgs = hostile_imgs(site)
    assert len(imgs) == 2 and all(i["alt"] == HOSTILE for i in imgs)
