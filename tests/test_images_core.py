"""The plain-Python image pipeline: planning, inspection, encoding, SVG safety,
HTML rewriting and social cards, without building a site."""

from __future__ import annotations

import io

import pytest
from PIL import ExifTags, Image, ImageCms, ImageDraw

from hubspoke.core.images.cards import CardSpec, Person, color, draw_card, readable_on
from hubspoke.core.images.encode import SourceTask, missing, run_task, run_tasks
from hubspoke.core.images.inspect import ImageProblem, inspect
from hubspoke.core.images.markup import (
    ImageView,
    PageImages,
    Rendition,
    SvgView,
    Variant,
    find_images,
    rewrite_page,
)
from hubspoke.core.images.pixels import DecodeError, decode
from hubspoke.core.images.plan import (
    Encoding,
    card_from_source,
    focus_crop,
    make_output,
    plan_source,
    plan_widths,
    preview_box,
)
from hubspoke.core.images.svg import SvgProblem, check_svg

from .templates import image_markup

ENCODING = Encoding(widths=(100, 200, 400), avatar_widths=(32, 64), formats=("webp",))


def save(image: Image.Image, path, fmt: str, **options):
    image.save(path, fmt, **options)
    return str(path)


def info_of(path, max_pixels=10_000_000):
    with open(path, "rb") as handle:
        return inspect(str(path), handle.read(), max_pixels=max_pixels)


# -- planning -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "wanted", "expected"),
    [
        (1080, (360, 720, 1080, 1440), [360, 720, 1080]),
        (1000, (360, 720, 1080, 1440), [360, 720, 1000]),
        (4000, (360, 720, 1080, 1440), [360, 720, 1080, 1440]),
        (200, (360, 720), [200]),
    ],
)
def test_widths_are_never_wider_than_the_source(source, wanted, expected):
    assert plan_widths(source, wanted) == expected


def test_cache_key_changes_with_the_settings_that_shape_the_file():
    one = make_output("abc", "variant", "webp", (100, 50), None, ENCODING)
    same = make_output("abc", "variant", "webp", (100, 50), None, ENCODING)
    other_quality = make_output(
        "abc", "variant", "webp", (100, 50), None, Encoding(webp_quality=50)
    )
    other_source = make_output("abd", "variant", "webp", (100, 50), None, ENCODING)
    assert one.key == same.key
    assert len({one.key, other_quality.key, other_source.key}) == 3


def test_plan_of_a_tall_image_has_a_top_preview(tmp_path):
    path = save(Image.new("RGB", (300, 1200), "white"), tmp_path / "tall.png", "PNG")
    plan = plan_source(info_of(path), ENCODING)
    assert plan.infographic and plan.fallback == "png"
    assert {(o.width, o.height) for o in plan.variants} == {(100, 400), (200, 800), (300, 1200)}
    assert {o.crop for o in plan.preview} == {(0, 0, 300, 375)}
    assert {o.fmt for o in plan.variants} == {"webp", "png"}
    assert preview_box(300, 300, 1.25) is None


def test_avatars_use_their_own_widths_and_are_never_infographics(tmp_path):
    path = save(Image.new("RGB", (100, 400), "white"), tmp_path / "face.jpg", "JPEG")
    plan = plan_source(info_of(path), ENCODING, avatar=True)
    assert sorted({o.width for o in plan.variants}) == [32, 64]
    assert not plan.infographic and plan.preview == ()


@pytest.mark.parametrize(
    ("size", "focus", "tall", "box"),
    [
        ((2400, 1260), None, False, (0, 0, 2400, 1260)),
        ((2000, 2000), None, False, (0, 475, 2000, 1525)),
        ((2000, 2000), (0.5, 0.0), False, (0, 0, 2000, 1050)),
        ((2000, 2000), (0.5, 1.0), False, (0, 950, 2000, 2000)),
        ((4000, 1000), (0.1, 0.5), False, (0, 0, 1905, 1000)),
        ((1000, 4000), None, True, (0, 0, 1000, 525)),
    ],
)
def test_card_crop_is_centred_on_the_focus_and_stays_inside(size, focus, tall, box):
    assert focus_crop(*size, focus, tall=tall) == box


def test_small_post_image_gets_a_drawn_card_instead(tmp_path):
    path = save(Image.new("RGB", (500, 300)), tmp_path / "small.png", "PNG")
    assert card_from_source(info_of(path), None, ENCODING) is None


# -- inspection ---------------------------------------------------------------------


def test_wrong_extension_is_named_with_the_fix(tmp_path):
    path = save(Image.new("RGB", (10, 10)), tmp_path / "chart.jpg", "PNG")
    with pytest.raises(ImageProblem, match=r"is a PNG image but its name ends in \.jpg"):
        info_of(path)


def test_unsupported_and_unreadable_files(tmp_path):
    with pytest.raises(ImageProblem, match="a format browsers cannot show"):
        info_of(save(Image.new("RGB", (10, 10)), tmp_path / "scan.bmp", "BMP"))
    (tmp_path / "empty.png").write_bytes(b"not an image at all")
    with pytest.raises(ImageProblem, match="is not a readable image"):
        info_of(tmp_path / "empty.png")


def test_pixel_limit_is_checked_before_decoding(tmp_path):
    path = save(Image.new("L", (400, 300)), tmp_path / "big.png", "PNG")
    with pytest.raises(ImageProblem, match=r"400 x 300 = 120,000 pixels.*limit of 100,000"):
        info_of(path, max_pixels=100_000)


def test_animation_is_refused(tmp_path):
    frames = [Image.new("RGB", (10, 10), c) for c in ("red", "green", "blue")]
    path = tmp_path / "moving.gif"
    frames[0].save(path, save_all=True, append_images=frames[1:])
    with pytest.raises(ImageProblem, match=r"is animated \(3 frames\)"):
        info_of(path)


def test_orientation_swaps_the_reported_size(tmp_path):
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 8
    path = save(Image.new("RGB", (40, 20)), tmp_path / "turned.jpg", "JPEG", exif=exif)
    info = info_of(path)
    assert (info.width, info.height) == (20, 40)


# -- decoding and encoding -------------------------------------------------------------


def test_truncated_file_fails_when_decoded(tmp_path):
    buffer = io.BytesIO()
    Image.effect_noise((300, 300), 60).convert("RGB").save(buffer, "JPEG")
    path = tmp_path / "cut.jpg"
    path.write_bytes(buffer.getvalue()[:2000])
    info_of(path)  # the header is fine
    with pytest.raises(DecodeError, match="truncated or corrupt"):
        decode(str(path), max_pixels=10**7)


def test_every_output_is_stripped_of_metadata(tmp_path):
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "SecretCam"
    exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] = (1.0, 2.0, 3.0)
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path = save(
        Image.new("RGB", (500, 300), "navy"),
        tmp_path / "p.jpg",
        "JPEG",
        exif=exif,
        icc_profile=icc,
        xmp=b"<x:xmpmeta>SecretXmp</x:xmpmeta>",
        comment=b"SecretComment",
    )
    encoding = Encoding(widths=(200,), formats=("webp", "avif"))
    plan = plan_source(info_of(path), encoding)
    cache = tmp_path / "cache"
    result = run_task(SourceTask(path, plan.outputs, str(cache), 10**7))
    assert result.error is None and result.encoded == len(plan.outputs) == 4
    assert missing(plan.outputs, str(cache)) == ()
    for file in cache.iterdir():
        data = file.read_bytes()
        assert b"SecretCam" not in data and b"SecretXmp" not in data, file.name
        assert b"SecretComment" not in data, file.name
        with Image.open(file) as image:
            assert dict(image.getexif()) == {}
            assert not {"exif", "xmp", "icc_profile", "comment"} & set(image.info), file.name


def test_palette_png_original_keeps_its_exact_pixels_and_transparency(tmp_path):
    image = Image.new("P", (64, 32), 1)
    image.putpalette([0, 0, 0, 255, 0, 0, 0, 0, 255] + [0] * 759)
    ImageDraw.Draw(image).rectangle((0, 0, 15, 15), fill=2)
    path = save(image, tmp_path / "flat.png", "PNG", transparency=0)
    plan = plan_source(info_of(path), Encoding(widths=(32,), formats=("webp",)))
    run_task(SourceTask(path, plan.outputs, str(tmp_path), 10**7))
    with Image.open(tmp_path / plan.original.filename) as published, Image.open(path) as source:
        assert published.convert("RGBA").tobytes() == source.convert("RGBA").tobytes()


def test_cmyk_becomes_rgb(tmp_path):
    path = save(Image.new("CMYK", (300, 200), (0, 0, 255, 0)), tmp_path / "c.jpg", "JPEG")
    plan = plan_source(info_of(path), Encoding(widths=(100,), formats=("webp",)))
    run_task(SourceTask(path, plan.outputs, str(tmp_path / "cache"), 10**7))
    for output in plan.outputs:
        with Image.open(tmp_path / "cache" / output.filename) as image:
            assert image.mode == "RGB"
            red, green, blue = image.getpixel((5, 5))
            assert red > 200 and green > 200 and blue < 60  # yellow ink stays yellow


def test_pool_runs_tasks_and_returns_results_in_order(tmp_path):
    tasks = []
    for number in range(3):
        path = save(Image.new("RGB", (120 + number, 80)), tmp_path / f"{number}.png", "PNG")
        plan = plan_source(info_of(path), Encoding(widths=(60,), formats=()))
        tasks.append(SourceTask(path, plan.outputs, str(tmp_path / "cache"), 10**7, number))
    seen = []
    results = run_tasks(tasks, 2, lambda done, total: seen.append((done, total)))
    assert [r.path for r in results] == [t.path for t in tasks]
    assert all(
        r.encoded == len(t.outputs) and r.error is None for r, t in zip(results, tasks, strict=True)
    )
    assert seen[-1] == (3, 3)


# -- SVG ------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" {attrs}>{body}</svg>'


def svg(body: str = "", attrs: str = 'width="20" height="10"') -> bytes:
    return SVG.format(attrs=attrs, body=body).encode()


def test_safe_svg_passes_with_its_size():
    info = check_svg(
        svg('<defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/>')
    )
    assert (info.width, info.height) == (20, 10)
    assert check_svg(svg(attrs='viewBox="0 0 300 150"')).width == 300
    assert check_svg(svg(attrs='width="600" viewBox="0 0 300 150"')).height == 300


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (svg("<script>alert(1)</script>"), "<script> element"),
        (svg('<rect onclick="x()"/>'), "event handler attribute onclick="),
        (svg("", 'onload="x()"'), "event handler attribute onload="),
        (svg("<foreignObject><div/></foreignObject>"), "<foreignObject> element"),
        (svg('<image href="https://tracker.example/p.png"/>'), "outside the file"),
        (svg('<image xlink:href="other.svg"/>'), "outside the file"),
        (svg('<a href="javascript:alert(1)"><rect/></a>'), "javascript: URL"),
        (svg('<rect style="fill:url(https://x.example/f)"/>'), "outside the file"),
        (svg("<style>@import url(https://x.example/s.css);</style>"), "imports a stylesheet"),
        (svg('<set attributeName="href" to="#x"/>'), "animates a link target"),
        (
            b'<?xml-stylesheet href="https://x.example/s.css"?>' + svg(),
            "xml-stylesheet",
        ),
        (
            b'<!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>' + svg("<text>&b;</text>"),
            "declares XML entities",
        ),
        (b"<html><script/></html>", "is not an SVG image"),
        (b"<svg", "is not well-formed XML"),
    ],
)
def test_unsafe_svg_is_refused(data, words):
    with pytest.raises(SvgProblem, match=None) as problem:
        check_svg(data)
    assert words in str(problem.value)


# -- HTML -----------------------------------------------------------------------------

VIEW = ImageView(
    "img/a.png",
    Rendition(
        200,
        100,
        (("image/webp", (Variant("img/a-100w.webp", 100), Variant("img/a-200w.webp", 200))),),
        (Variant("img/a-100w.png", 100), Variant("img/a-200w.png", 200)),
    ),
)
TALL = ImageView(
    "img/t.png",
    Rendition(100, 400, (), (Variant("img/t-100w.png", 100),)),
    preview=Rendition(100, 125, (), (Variant("img/t-top-100w.png", 100),)),
    infographic=True,
)

MARKUP = image_markup()


def page(**extra) -> PageImages:
    views = {"img/a.png": VIEW, "img/t.png": TALL, "img/d.svg": SvgView(30.0, 15.0)}
    return PageImages(
        lookup=lambda src: views.get(src),
        relative=lambda url: url,
        sizes="100vw",
        markup=MARKUP,
        **extra,
    )


def test_img_becomes_a_picture_keeping_the_authors_attributes():
    html = '<p>x <img alt="A &quot;chart&quot;" class="wide" src="img/a.png" title="T"></p>'
    out = rewrite_page(html, page())
    assert out.startswith('<p>x <picture><source type="image/webp" srcset=')
    assert 'srcset="img/a-100w.webp 100w, img/a-200w.webp 200w" sizes="100vw"' in out
    assert 'alt="A &quot;chart&quot;" class="wide" src="img/a-200w.png"' in out
    assert out.endswith('width="200" height="100" loading="lazy" decoding="async"></picture></p>')


def test_unknown_external_and_skipped_images_are_left_alone():
    html = (
        '<img src="https://x.example/a.png" alt="x"><script>"<img src=img/a.png>"</script>'
        '<picture><img src="img/a.png" alt=""></picture><img src="img/unknown.png" alt="">'
    )
    assert rewrite_page(html, page()) == html


def test_first_content_image_is_not_lazy_and_author_width_sets_sizes():
    html = '<img src="img/a.png" alt="a"><img src="img/a.png" alt="b" width="50">'
    out = rewrite_page(html, page(eager_src="img/a.png"))
    first, second = out.split("</picture>")[:2]
    assert "loading" not in first and "decoding" not in first
    assert 'sizes="50px"' in second and 'width="50"' in second and 'height="25"' in second
    assert 'loading="lazy"' in second


def test_infographic_alone_in_a_paragraph_becomes_a_figure():
    anchors = page(text_anchor=lambda img: "#text-version")
    out = rewrite_page('<p><img src="img/t.png" alt="Steps"></p>', anchors)
    assert out.startswith(
        '<div class="hs-infographic hs-infographic--cropped"><figure>'
        '<a class="hs-infographic__preview" href="img/t.png">'
    )
    assert 'src="img/t-top-100w.png"' in out and 'width="100" height="125"' in out
    assert '<a href="#text-version">Text version</a>' in out
    assert '<details class="hs-infographic__whole">' in out and "<p>" not in out
    inline = rewrite_page('<p>See <img src="img/t.png" alt="Steps"> here</p>', anchors)
    assert inline.startswith('<p>See <a class="hs-infographic__preview"') and "<div" not in inline


def test_a_decorative_tall_image_is_a_picture_not_a_nameless_link():
    """A post card shows the post's first image with alt="" (its title is the link); if
    that image is an infographic, a link to the full size would have no name (axe:
    link-name)."""
    out = rewrite_page('<div><img src="img/t.png" alt="" width="40" height="21"></div>', page())
    assert "<a" not in out and "<picture>" in out and 'alt=""' in out
    # Marked an infographic by its writer, it is one (and the writer gives it alt text).
    marked = rewrite_page('<p><img src="img/t.png" alt="" class="infographic"></p>', page())
    assert 'class="hs-infographic__preview"' in marked


def test_svg_img_gets_its_size():
    out = rewrite_page('<img src="img/d.svg" alt="d">', page())
    assert out == '<img src="img/d.svg" alt="d" width="30" height="15">'


def test_find_images_reads_alt_and_classes():
    found = find_images('<img alt="" class="infographic big" src="a.png"><img alt="x">')
    assert [(i.src, i.alt, i.classes) for i in found] == [("a.png", "", ("infographic", "big"))]


# -- cards ----------------------------------------------------------------------------


@pytest.mark.parametrize("layout", ["post", "person", "site"])
def test_cards_are_1200_by_630_whatever_the_text(layout, tmp_path):
    avatar = save(Image.new("RGB", (50, 80), "orange"), tmp_path / "a.png", "PNG")
    spec = CardSpec(
        layout=layout,
        title="A very long title " * 12,
        subtitle="A subtitle that goes on " * 10,
        site="Hub",
        footer="hub.example",
        people=(Person("Ada Lovelace", avatar, "x"), Person("Bob")),
    )
    card = draw_card(spec)
    assert card.size == (1200, 630) and card.mode == "RGB"
    assert card.getpixel((600, 625)) == (0, 148, 133)  # the accent band


def test_colours_from_material_names_css_or_default():
    assert color("indigo", "#000000") == "#4051b5"
    assert color("Deep Orange", "#000000") == "#ff6e42"
    assert color("#abc", "#000000") == "#aabbcc"
    assert color("custom", "#123456") == "#123456"
    assert readable_on("#ffec3d") == "#111111" and readable_on("#4051b5") == "#ffffff"


def test_drawings_are_quantized_and_photos_are_not(tmp_path):
    chart = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(chart).rectangle((20, 20, 200, 180), fill="teal")
    photo = Image.merge("RGB", [Image.effect_noise((400, 200), 60 + 10 * i) for i in range(3)])
    encoding = Encoding(widths=(200,), formats=("webp",))
    modes = {}
    for name, image in (("chart", chart), ("photo", photo)):
        path = save(image, tmp_path / f"{name}.png", "PNG")
        plan = plan_source(info_of(path), encoding)
        run_task(SourceTask(path, plan.outputs, str(tmp_path / "cache"), 10**7))
        for output in plan.variants:
            with Image.open(tmp_path / "cache" / output.filename) as published:
                modes[(name, output.fmt)] = published.mode
    assert modes[("chart", "png")] == "P" and modes[("photo", "png")] == "RGB"


@pytest.mark.parametrize(
    ("page", "anchor", "found"),
    [
        ('<h2 id="words">Words</h2>', "words", True),
        ("<h2 id='words'>", "words", True),
        ("<h2 id=words>", "words", True),
        ('<h2 class="x"\n  id = "words" >', "words", True),
        ('<h2 ID="words">', "words", True),
        ('<h2 id="words-2">', "words", False),
        ('<h2 id="my-words">', "words", False),
        ('<p>words</p><a href="#words">', "words", False),
        ('<h2 data-id="words">', "words", False),
        ('<p>the words</p><h3 id="words">', "words", True),
        ('<h2 id="a.b">', "a.b", True),
        ('<h2 id="axb">', "a.b", False),
        ('<textarea id="words">x</textarea>', "words", True),
        ('<script id="words"></script>', "words", True),
        ('<textarea><h2 id="words"></textarea>', "words", False),
        ('<h2 id="caf&eacute;">', "café", True),
    ],
)
def test_has_id_finds_only_a_whole_element_id(page, anchor, found):
    from hubspoke.core.html import has_id

    assert has_id(page, anchor) is found


def test_only_variants_worth_their_bytes_are_published():
    from hubspoke.core.images.plan import worth_publishing

    sizes = {
        "png": {360: 9_000, 720: 30_000, 1080: 20_000},  # 720 weighs more than 1080
        "webp": {360: 5_000, 720: 12_000, 1080: 15_000},
        "avif": {360: 4_000, 720: 31_000, 1080: 10_000},  # lighter in all but at 720
    }
    assert worth_publishing(sizes, "png") == {"png": (360, 1080), "webp": (360, 720, 1080)}
    # A format is judged at the widths the fallback has; the widest is always kept.
    assert worth_publishing({"jpeg": {720: 5}, "webp": {720: 4, 1080: 9}}, "jpeg") == {
        "jpeg": (720,),
        "webp": (720, 1080),
    }
