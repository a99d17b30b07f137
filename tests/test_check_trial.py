"""`hubspoke check` reports what only the build finds (body links, images and anchors as
MkDocs resolves them, events, audio), all at once, and agrees with the strict build:
each case is checked with the real command and built with the real `mkdocs build`."""

from pathlib import Path

import pytest

from .conftest import FIXED_CLOCK, build_in_process, run_check, run_mkdocs

POSTS = "content/blog/posts"
POST = (
    "---\ntitle: {title}\ndate: {date}\nauthors: [ada]\n{extra}---\n\nFirst paragraph.\n\n{body}\n"
)


def write_post(root: Path, body: str, *, name="trial.md", date="2025-05-01", extra=""):
    path = root / POSTS / name
    title = name.removesuffix(".md").replace("-", " ").capitalize()
    path.write_text(POST.format(title=title, date=date, extra=extra, body=body), encoding="utf-8")
    return f"{POSTS}/{name}"


def outcome(root: Path, tmp_path: Path, *args, clock=FIXED_CLOCK):
    checked = run_check(root, *args, clock=clock)
    built = run_mkdocs(root, tmp_path / "site", clock=clock)
    return checked, built


# body, extra mkdocs.yml text, the words both must print (None: both pass)
LINK_CASES = {
    "missing body image": ("![A chart](nothere.png)", "", "the target 'blog/posts/nothere.png'"),
    "missing linked page": ("[More](../elsewhere.md)", "", "'blog/elsewhere.md' is not found"),
    "missing linked file": ("[Slides](slides.pdf)", "", "'blog/posts/slides.pdf' is not found"),
    "missing anchor, anchors: warn": (
        "[Below](#nowhere)",
        "validation:\n  anchors: warn\n",
        "contains a link '#nowhere', but there is no such anchor",
    ),
    "missing anchor on another page, anchors: warn": (
        "[There](first.md#nowhere)",
        "validation:\n  anchors: warn\n",
        "does not contain an anchor '#nowhere'",
    ),
    "absolute link, absolute_links: warn": (
        "[Home](/blog/)",
        "validation:\n  absolute_links: warn\n",
        "contains an absolute link '/blog/'",
    ),
    # MkDocs' defaults only inform about these: neither the build nor check fails.
    "missing anchor, default validation": ("[Below](#nowhere)", "", None),
    "unrecognized relative link, default validation": ("[Folder](folder/)", "", None),
    "a link to a published post": ("[First](first.md)", "", None),
    "a link with an existing anchor": (
        "## Here\n\n[Up](#here)",
        "validation:\n  anchors: warn\n",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(LINK_CASES))
def test_check_resolves_links_as_the_build(case, site_copy, tmp_path):
    body, config, words = LINK_CASES[case]
    root = site_copy("basic")
    shown = write_post(root, body)
    if config:
        with (root / "mkdocs.yml").open("a") as handle:
            handle.write(config)
    checked, built = outcome(root, tmp_path)
    assert "Traceback" not in checked.stdout + checked.stderr
    if words is None:
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert built.returncode == 0, built.stderr
        return
    assert built.returncode != 0 and words in built.stderr, built.stderr
    assert checked.returncode == 1, checked.stdout + checked.stderr
    # path:line of the link, the build's own words, and nothing printed twice
    line = next(
        n for n, text in enumerate((root / shown).read_text().splitlines(), 1) if "](" in text
    )
    assert f"{shown}:{line}: " in checked.stdout and words in checked.stdout, checked.stdout
    assert checked.stdout.count(words) == 1, checked.stdout
    assert "WARNING" not in checked.stderr, checked.stderr


def test_a_scheduled_post_is_checked_as_of_its_day(site_copy, tmp_path):
    """Today the scheduled post is not built, so it breaks nothing; `check --as-of` its day
    reports the missing image that would fail the unattended build of that day."""
    root = site_copy("basic")
    shown = write_post(root, "![A chart](later.png)", name="later.md", date="2026-12-01")
    today, built_today = outcome(root, tmp_path)
    assert today.returncode == 0, today.stdout
    assert built_today.returncode == 0, built_today.stderr

    ahead = run_check(root, "--as-of", "2026-12-02")
    assert ahead.returncode == 1
    assert f"{shown}:" in ahead.stdout and "later.png" in ahead.stdout, ahead.stdout
    on_the_day = run_mkdocs(root, tmp_path / "day", clock="2026-12-02 05:00")
    assert on_the_day.returncode != 0 and "later.png" in on_the_day.stderr


def test_every_problem_comes_in_one_report(site_copy, tmp_path):
    """A bad date does not hide the same post's unknown persona and missing image, nor
    another post's broken link; broken posts cause no second-order nav warnings."""
    root = site_copy("basic")
    broken = write_post(
        root,
        "![A chart](gone.png)",
        name="broken.md",
        date="2026-13-45",
        extra="personas: [byuer]\nimage: cover-missing.png\n",
    )
    other = write_post(root, "[Elsewhere](nowhere.md)", name="other.md")
    checked = run_check(root)
    out = checked.stdout
    assert checked.returncode == 1
    assert f"{broken}:3: field 'date'" in out, out
    assert f"{broken}:5: field 'personas': unknown persona id 'byuer'" in out, out
    assert f"{broken}:6: field 'image'" in out and "cover-missing.png" in out, out
    assert f"{broken}:" in out and "gone.png" in out, out  # its body is checked too
    assert f"{other}:" in out and "nowhere.md" in out, out
    assert "nav" not in out, out
    # The build reads with the same reader: its first report has the same content problems.
    built = run_mkdocs(root, tmp_path / "site")
    assert built.returncode != 0
    for words in ("field 'date'", "unknown persona id 'byuer'", "cover-missing.png"):
        assert words in built.stderr, built.stderr


def test_events_and_audio_are_checked_with_everything_else(site_copy, tmp_path):
    root = site_copy("media")
    event = root / "content/events/trial-event.md"
    event.write_text(
        '---\ntitle: Trial event\nkind: webinar\nstart: "2027-01-10 10:00"\n'
        'end: "2027-01-10 11:00"\nonline: https://events.example.org/x\n'
        "speakers: [nobody]\n---\n\nText.\n",
        encoding="utf-8",
    )
    audio = write_post(
        root,
        "Listen.",
        name="trial-audio.md",
        extra='audio:\n  file: ../media/none.mp3\n  duration: "00:01:00"\n  show: shop-talk\n',
    )
    link = write_post(root, "[Gone](gone.md)", name="trial-link.md")
    checked, built = outcome(root, tmp_path)
    out = checked.stdout
    assert checked.returncode == 1, out
    assert "content/events/trial-event.md" in out and "nobody" in out, out
    assert f"{audio}:" in out and "none.mp3" in out, out
    assert f"{link}:" in out and "gone.md" in out, out
    assert built.returncode != 0
    for words in ("nobody", "none.mp3"):
        assert words in built.stderr, built.stderr


@pytest.mark.parametrize("marker", ["\ue000hubspoke-more\ue000", "\ue001hubspoke-root\ue001"])
def test_hubspokes_own_placeholder_characters_are_refused(site_copy, tmp_path, marker):
    """A literal placeholder in a page would be replaced by another page's markup."""
    root = site_copy("basic")
    page = root / "content" / "about.md"
    page.write_text(f"# About\n\nText.\n\nA {marker} here.\n", encoding="utf-8")
    checked, built = outcome(root, tmp_path)
    for result, out in ((checked, checked.stdout), (built, built.stderr)):
        assert result.returncode != 0
        assert "content/about.md:5" in out and "private-use character U+E00" in out, out
    assert not (tmp_path / "site" / "about" / "index.html").exists()


def test_the_build_reads_events_and_audio_with_the_posts_one_report(site_copy, tmp_path):
    """A bad post date, an event's unknown speaker, a podcast show that does not exist and
    a missing audio file are all in the build's first report, as in check's."""
    root = site_copy("media")
    (root / "content/events/one-report.md").write_text(
        '---\ntitle: One report\nkind: webinar\nstart: "2027-01-10 10:00"\n'
        'end: "2027-01-10 11:00"\nonline: https://events.example.org/x\n'
        "speakers: [nobody]\n---\n\nText.\n",
        encoding="utf-8",
    )
    dated = write_post(root, "Text.", name="bad-date.md", date="2025-13-01")
    show = write_post(
        root,
        "Listen.",
        name="bad-show.md",
        extra='audio:\n  file: ../media/episode-one.mp3\n  duration: "00:01:00"\n'
        "  show: no-such-show\n",
    )
    missing = write_post(
        root,
        "Listen.",
        name="no-file.md",
        extra='audio:\n  file: ../media/none.mp3\n  duration: "00:01:00"\n  show: shop-talk\n',
    )
    checked, built = outcome(root, tmp_path)
    expected = (
        f"{dated}:3: field 'date'",
        "content/events/one-report.md:7: field 'speakers'",
        f"{show}:8: field 'audio.show': unknown show 'no-such-show'",
        f"{missing}:6: field 'audio.file': '../media/none.mp3' not found",
    )
    for words in expected:
        assert words in checked.stdout, checked.stdout
        assert words in built.stderr, built.stderr
    assert built.returncode != 0 and not (tmp_path / "site").exists()


def test_hubspoke_opens_each_content_file_once(site_copy, tmp_path, monkeypatch):
    """The one reader reads posts, personas, event pages and authors, and nothing reads
    them again: not the plugins, and not MkDocs, which renders them from the reader's text."""
    import builtins
    import io

    root = site_copy("media")
    opened: list[str] = []
    real_open = io.open

    def counting_open(file, *args, **kwargs):
        name = str(file)
        if name.endswith((".md", ".yml")) and "/src/" in name:
            opened.append(Path(name).resolve().relative_to(root.resolve()).as_posix())
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(io, "open", counting_open)
    monkeypatch.setattr(builtins, "open", counting_open)
    build_in_process(root, tmp_path / "site")
    monkeypatch.undo()
    posts = sorted((root / POSTS).glob("*.md"))
    events = sorted((root / "content/events").glob("*.md"))
    personas = sorted((root / "content/personas").glob("*.md"))
    authors = sorted((root / "authors").glob("*.yml"))
    assert posts and events and personas and authors
    assert (tmp_path / "site/blog/2026/10/10/episode-one-engines-more/index.html").is_file()
    counts = {name: opened.count(name) for name in set(opened)}
    for path in posts + events + personas + authors:
        shown = path.relative_to(root).as_posix()
        assert counts.get(shown, 0) == 1, (shown, counts)
    assert counts.get("content/index.md") == 1, counts  # other pages: MkDocs reads them


def test_an_unknown_events_timezone_names_the_option(site_copy, tmp_path):
    root = site_copy("media")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - hubspoke/media:\n", "  - hubspoke/media:\n      events_timezone: Mars/Base\n"
        ),
        encoding="utf-8",
    )
    checked, built = outcome(root, tmp_path)
    for result, out in ((checked, checked.stdout + checked.stderr), (built, built.stderr)):
        assert result.returncode != 0
        assert "Traceback" not in out, out
        assert "Plugin 'hubspoke/media' option 'events_timezone':" in out, out
        assert "Mars/Base" in out, out


def test_a_post_with_windows_line_ends_is_rendered_without_its_front_matter(site_copy, tmp_path):
    """MkDocs renders posts from the reader's text: line ends read as MkDocs reads them."""
    root = site_copy("basic")
    source = write_post(root, "Second paragraph.", name="crlf.md")
    path = root / source
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    built = build_in_process(root, tmp_path / "site")
    page = built.html("blog/2025/05/01/crlf/")
    article = page.select_one("article")
    assert "Second paragraph." in article.get_text()
    assert "authors:" not in article.get_text() and "---" not in article.get_text()
    assert article.find("h1").get_text(strip=True) == "Crlf"


# Every other Markdown page goes through the same reader: the build's limits hold for the
# home page and section indexes too, and neither the build nor check prints a traceback.
PAGE_CASES = {
    "not UTF-8": (b"# Hi\n\nCaf\xe9\n", ":3: is not UTF-8 text"),
    "YAML aliases": (
        b"---\ntitle: T\na: &a [x, x]\nb: [*a, *a]\n---\n\n# T\n",
        ":4: YAML aliases (*a) are not allowed",
    ),
    "broken YAML": (b"---\ntitle: [open\n---\n\n# T\n", ":3: is not valid YAML"),
    "too large": (b"# Big\n\n" + b"word " * 500_000, ": file is larger than the limit"),
}


@pytest.mark.parametrize("case", PAGE_CASES)
def test_every_page_is_read_within_the_limits(site_copy, tmp_path, case):
    content, words = PAGE_CASES[case]
    root = site_copy("basic")
    (root / "content/extra.md").write_bytes(content)
    checked, built = outcome(root, tmp_path)
    for result, out in ((checked, checked.stdout + checked.stderr), (built, built.stderr)):
        assert result.returncode != 0, out
        assert "Traceback" not in out and "stops here" not in out, out
        assert "content/extra.md" + words in out, out
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "content",
    [
        "---\n\n# Starts with a rule\n\nText.\n",  # a thematic break, not front matter
        "title: Old style\n\n# Meta lines\n\nText.\n",  # MultiMarkdown meta, as MkDocs reads it
        "\ufeff# With a BOM\n\nText.\n",
    ],
)
def test_ordinary_pages_still_build(site_copy, tmp_path, content):
    root = site_copy("basic")
    (root / "content/extra.md").write_text(content, encoding="utf-8")
    checked, built = outcome(root, tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert built.returncode == 0, built.stderr
    assert "Text." in (tmp_path / "site/extra/index.html").read_text(encoding="utf-8")


def test_a_post_with_old_mac_line_ends_is_read(site_copy, tmp_path):
    """CR-only line ends, which Python and MkDocs read as line ends, are not 'no date'."""
    root = site_copy("basic")
    source = write_post(root, "Second paragraph.", name="cr-only.md")
    path = root / source
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    checked, built = outcome(root, tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert built.returncode == 0, built.stderr
    html = (tmp_path / "site/blog/2025/05/01/cr-only/index.html").read_text(encoding="utf-8")
    assert "Second paragraph." in html and "authors:" not in html


def test_lines_are_counted_as_mkdocs_counts_them(site_copy, tmp_path):
    """U+2028, U+0085 and form feed are not line ends: a problem's line is the editor's."""
    root = site_copy("basic")
    source = write_post(root, "A\u2028B\u0085C\x0cD\n\n[Gone](gone.md)", name="odd-breaks.md")
    (root / source).write_text(
        (root / source)
        .read_text(encoding="utf-8")
        .replace("authors: [ada]", "authors: [ada]\nx: [\u2028"),
        encoding="utf-8",
    )
    checked, built = outcome(root, tmp_path)
    for out in (checked.stdout, built.stderr):
        assert f"{source}:6: is not valid YAML" in out, out  # the closing line, not 7
    assert f"{source}:12: contains a link 'gone.md'" in checked.stdout, checked.stdout


def test_content_only_skips_the_trial_and_says_so(site_copy):
    root = site_copy("basic")
    link = write_post(root, "[Gone](gone.md)", name="content-only.md")
    quick = run_check(root, "--content-only")
    assert quick.returncode == 0, quick.stdout
    assert (
        "No problems" in quick.stdout
        and "links, anchors, images and videos not checked" in quick.stdout
    )
    full = run_check(root)
    assert full.returncode == 1 and f"{link}:" in full.stdout, full.stdout
    dated = write_post(root, "Text.", name="bad-date.md", date="2025-02-30")
    quick = run_check(root, "--content-only")
    assert quick.returncode == 1 and f"{dated}:3: field 'date'" in quick.stdout, quick.stdout
    assert "gone.md" not in quick.stdout


def test_a_misspelled_persona_field_is_an_error_at_its_line(site_copy, tmp_path):
    root = site_copy("basic")
    persona = next((root / "content/personas").glob("[!i]*.md"))
    text = persona.read_text(encoding="utf-8")
    persona.write_text(text.replace("---\n", "---\nsumary: typo\n", 1), encoding="utf-8")
    shown = persona.relative_to(root).as_posix()
    checked, built = outcome(root, tmp_path)
    for out in (checked.stdout, built.stderr):
        assert f"{shown}:2: field 'sumary': is not a field" in out, out
        assert "did you mean 'summary'?" in out, out


VIDEO = "[{poster}](../media/demo.mp4){{ .video {attrs}}}"


def test_each_video_is_reported_at_its_own_line_naming_what_the_writer_wrote(site_copy, tmp_path):
    """Three videos of one file at lines 9, 11 and 13: each problem at its own link's line,
    naming the video as the writer wrote it, not as MkDocs rewrote it for the page's URL."""
    root = site_copy("media")
    poster = "![A test card](../media/poster.jpg)"
    body = "\n\n".join(
        [
            VIDEO.format(poster=poster, attrs=""),
            VIDEO.format(poster=poster, attrs='captions="../media/nope.vtt" '),
            VIDEO.format(poster="![](../media/poster.jpg)", attrs=""),
        ]
    )
    shown = write_post(root, body, name="three-videos.md")
    lines = (root / shown).read_text().splitlines()
    assert [n for n, text in enumerate(lines, 1) if ".video" in text] == [9, 11, 13]
    checked, built = outcome(root, tmp_path)
    expected = (
        f"{shown}:11: field 'captions': '../media/nope.vtt' not found",
        f"{shown}:13: field 'video poster': the poster of the video '../media/demo.mp4' "
        "has no alt text",
    )
    for result, out in ((checked, checked.stdout), (built, built.stderr)):
        assert result.returncode != 0, out
        for words in expected:
            assert out.count(words) == 1, out
        assert f"{shown}:9:" not in out, out
        assert "../../../../media" not in out, out


def test_a_missing_audio_transcript_is_reported_once_flat(site_copy, tmp_path):
    """Like every other problem: path:line: field: message, once, not nested in a summary."""
    root = site_copy("media")
    shown = write_post(
        root,
        "No words.",
        name="no-transcript.md",
        extra='audio:\n  file: ../media/episode-one.mp3\n  duration: "0:02"\n  show: shop-talk\n',
    )
    checked, built = outcome(root, tmp_path)
    words = f"{shown}:5: field 'audio.transcript': '#transcript' matches nothing on the page"
    for result, out in ((checked, checked.stdout), (built, built.stderr)):
        assert result.returncode != 0, out
        assert out.count(words) == 1, out
        assert f"{shown}: 1 problem" not in out, out
    # check lists it as it lists every problem; the build as it reports the videos'
    assert f"\n{words}" in "\n" + checked.stdout and "in the content" not in checked.stdout
    assert "1 problem in the content:\n  " + words in built.stderr, built.stderr


AUDIO_CASES = {
    # a type that does not fit the file hides neither the missing show nor a wrong size
    "type, show and size": (
        "  type: audio/ogg\n  size: 12\n",
        '"0:02"',
        [
            ":8: field 'audio.type': 'audio/ogg' does not fit a .mp3 file",
            ":5: field 'audio.show': is missing: name one of the shows after-hours, shop-talk",
            ":9: field 'audio.size': says 12 bytes but '../media/episode-one.mp3' has 8,986",
        ],
    ),
    # a duration that breaks the schema stops only the duration's own checks
    "duration and show": (
        "",
        "two minutes",
        [
            ":7: field 'audio.duration':",
            ":5: field 'audio.show': is missing: name one of the shows",
        ],
    ),
}


def _media_option(root: Path, text: str) -> None:
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace("  - hubspoke/media:\n", f"  - hubspoke/media:\n{text}"),
        encoding="utf-8",
    )


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new), encoding="utf-8")


def assert_both_fail(checked, built, site: Path, *words: str) -> None:
    """check and the strict build fail with the same words; the build publishes nothing."""
    assert "Traceback" not in checked.stdout + checked.stderr + built.stderr
    assert checked.returncode == 1, checked.stdout + checked.stderr
    assert built.returncode != 0, built.stderr
    for text in words:
        assert text in checked.stdout, checked.stdout
        assert text in built.stderr, built.stderr
    assert not site.exists() or not list(site.rglob("*.html")), "the build published pages"


PODCAST_CASES = {
    "a missing show image": (
        lambda root: (root / "content/podcast/shop-talk.jpg").unlink(),
        "image: podcast/shop-talk.jpg",
        "podcast_shows.shop-talk.image: 'podcast/shop-talk.jpg' must be a .jpg or .png file",
    ),
    "a show image that is not in the content": (
        lambda root: _replace(root / "mkdocs.yml", "podcast/shop-talk.jpg", "nowhere.png"),
        "image: nowhere.png",
        "podcast_shows.shop-talk.image: 'nowhere.png' must be a .jpg or .png file",
    ),
    "two shows' feeds at one path": (
        lambda root: _media_option(root, "      podcast_path: podcasts/all.xml\n"),
        "podcast_path:",
        "the podcast feed of show 'shop-talk' would be written to 'podcasts/all.xml', which "
        "the podcast feed of show 'after-hours' already produces; put {key} in the option "
        "podcast_path",
    ),
    "a feed at a content file's path": (
        lambda root: (
            _media_option(root, "      podcast_path: blog/media/{key}.txt\n"),
            (root / "content/blog/media/shop-talk.txt").write_text("notes\n"),
        ),
        "podcast_path:",
        "the podcast feed of show 'shop-talk' would be written to 'blog/media/shop-talk.txt', "
        "which content/blog/media/shop-talk.txt already produces",
    ),
}


@pytest.mark.parametrize("case", sorted(PODCAST_CASES))
def test_podcast_show_images_and_feed_paths_are_checked_before_pages(case, site_copy, tmp_path):
    """What the feeds need is known once the shows and posts are: both fail before pages,
    at the line of mkdocs.yml that sets the option."""
    change, option, words = PODCAST_CASES[case]
    root = site_copy("media")
    change(root)
    lines = (root / "mkdocs.yml").read_text().splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.strip().startswith(option))
    checked, built = outcome(root, tmp_path)
    assert_both_fail(
        checked, built, tmp_path / "site", f"mkdocs.yml:{line}: hubspoke/media: ", words
    )
    assert "content/podcasts/" not in checked.stdout + built.stderr  # no such file


EVENT = (
    '---\ntitle: Twice\nkind: webinar\nstart: "2026-10-10 10:00"\nend: "2026-10-10 11:00"\n'
    "online: https://events.example.org/x\n---\n\nText.\n"
)


def test_two_events_with_one_calendar_path_name_both_event_files(site_copy, tmp_path):
    root = site_copy("media")
    for folder in ("a", "b"):
        (root / "content/events" / folder).mkdir()
        (root / "content/events" / folder / "dup.md").write_text(EVENT, encoding="utf-8")
    checked, built = outcome(root, tmp_path)
    assert_both_fail(
        checked,
        built,
        tmp_path / "site",
        "the calendar file of content/events/b/dup.md would be written to 'events/dup.ics', "
        "which the calendar file of content/events/a/dup.md already produces; rename one of "
        "the two event files",
    )
    assert "content/events/dup.ics" not in checked.stdout + built.stderr


def test_one_calendar_path_for_every_event_asks_for_the_slug(site_copy, tmp_path):
    root = site_copy("media")
    _media_option(root, "      events_ics_path: events/all.ics\n")
    checked, built = outcome(root, tmp_path)
    assert_both_fail(
        checked,
        built,
        tmp_path / "site",
        "would be written to 'events/all.ics', which the calendar file of content/events/",
        "put {slug} in the option events_ics_path",
    )


IMAGES = "content/blog/images"


def _png_as_jpg(root: Path) -> str:
    folder = root / IMAGES
    (folder / "chart.jpg").write_bytes((folder / "pt70-drift-5000h.png").read_bytes())
    post = root / POSTS / "chart-post.md"
    post.write_text(
        "---\ntitle: Chart\ndate: 2025-05-01\nauthors: [amara-okafor]\n---\n\n"
        "First paragraph.\n\n![A chart](../images/chart.jpg)\n",
        encoding="utf-8",
    )
    return f"{IMAGES}/chart.jpg"


def _broken(root: Path) -> str:
    (root / IMAGES / "fake.png").write_bytes(b"x")
    return f"{IMAGES}/fake.png"


IMAGE_CASES = {
    "a broken image no page links": (
        _broken,
        [
            "is not a readable image (damaged, empty, or not an image at all)",
            "no post, persona or event names it",
        ],
    ),
    "a PNG named .jpg that a post shows": (
        _png_as_jpg,
        [
            "is a PNG image but its name ends in .jpg: rename it to chart.png",
            f"used by {POSTS}/chart-post.md:9",
        ],
    ),
}


@pytest.mark.parametrize("case", sorted(AUDIO_CASES))
def test_every_problem_of_an_audio_field_comes_together(case, site_copy, tmp_path):
    more, duration, expected = AUDIO_CASES[case]
    root = site_copy("media")  # two shows: an episode must name its show
    shown = write_post(
        root,
        "## Transcript\n\nWords.",
        name="audio-fields.md",
        extra=f"audio:\n  file: ../media/episode-one.mp3\n  duration: {duration}\n{more}",
    )
    checked, built = outcome(root, tmp_path)
    for result, out in ((checked, checked.stdout), (built, built.stderr)):
        assert result.returncode != 0, out
        for words in expected:
            assert out.count(shown + words) == 1, (words, out)


def test_an_events_bad_date_comes_with_its_other_fields_problems(site_copy, tmp_path):
    """A field that breaks the schema does not hide another field's impossible date."""
    root = site_copy("media")
    event = "content/events/dated.md"
    (root / event).write_text(
        "---\ntitle: Dated\nkind: party\nstart: '2027-01-10 10:00'\nend: '2027-01-10 11:00'\n"
        "online: https://events.example.org/x\nfree: maybe\nannounce: 2027-13-01\n---\n\nText.\n",
        encoding="utf-8",
    )
    checked, built = outcome(root, tmp_path)
    expected = (
        f"{event}:3: field 'kind':",
        f"{event}:7: field 'free':",
        f"{event}:8: field 'announce':",
    )
    for result, out in ((checked, checked.stdout), (built, built.stderr)):
        assert result.returncode != 0, out
        for words in expected:
            assert out.count(words) == 1, (words, out)


@pytest.mark.parametrize("case", sorted(IMAGE_CASES))
def test_a_bad_image_file_is_found_before_pages(case, site_copy, tmp_path):
    """The images plugin inspects every content image's header in on_files, used or not:
    check (which stops before on_env) and the build report it, the build before any page."""
    make, words = IMAGE_CASES[case]
    root = site_copy(None)
    shown = make(root)
    checked, built = outcome(root, tmp_path)
    assert_both_fail(checked, built, tmp_path / "site", f"{shown}: ", *words)


def test_a_broken_image_only_a_draft_uses_is_left_out_as_before(site_copy, tmp_path):
    """An image that only an unpublished post uses is dropped, not inspected: both pass."""
    root = site_copy(None)
    post = root / POSTS / "chart-draft.md"
    post.write_text(
        "---\ntitle: Chart\ndate: 2025-05-01\nauthors: [amara-okafor]\ndraft: true\n---\n\n"
        "First paragraph.\n\n![A chart](../images/draft-only.png)\n",
        encoding="utf-8",
    )
    (root / IMAGES / "draft-only.png").write_bytes(b"x")
    checked, built = outcome(root, tmp_path)
    assert checked.returncode == 0, checked.stdout
    assert built.returncode == 0, built.stderr


def test_a_content_file_named_like_a_variant_names_that_file(site_copy, tmp_path):
    """A content file where the build writes a variant: the message names the content file
    the contributor added (not a cache file) and the image whose variant it is."""
    root = site_copy(None)
    first = build_in_process(root, tmp_path / "first")
    variant = sorted((first.site / "blog/images").glob("winter-webinar-poster-*w.*.jpg"))[0]
    (root / IMAGES / variant.name).write_bytes(variant.read_bytes())
    checked, built = outcome(root, tmp_path)
    assert_both_fail(
        checked,
        built,
        tmp_path / "site",
        f"{IMAGES}/{variant.name}: has the name of a variant the build writes for "
        f"{IMAGES}/winter-webinar-poster.jpg",
    )
    assert ".cache/" not in checked.stdout + built.stderr


def test_a_file_the_site_leaves_out_is_named_as_left_out_not_missing(site_copy, tmp_path):
    """An audio file, a post image and a persona page that exist but that exclude_docs
    leaves out: the message says so, instead of 'not found' or 'add the file'."""
    root = site_copy("media")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        + "exclude_docs: |\n  blog/media/episode-two.mp3\n  personas/buyer.md\n",
        encoding="utf-8",
    )
    checked, built = outcome(root, tmp_path)
    for out in (checked.stdout, built.stderr):
        assert "content/blog/media/episode-two.mp3 is left out of the site (exclude_docs" in out
        assert "content/personas/buyer.md is left out of the site" in out, out
        assert "not found (looked for content/blog/media/episode-two.mp3)" not in out, out
        assert "unknown persona id 'buyer'" not in out, out


def test_clashes_of_every_section_are_reported_at_once_by_check_and_build(site_copy, tmp_path):
    """A post feed, a calendar and the insights page, each planned by its own section in
    on_files, on a page of the site: one message with all three, from check and from the
    build, each at the line of mkdocs.yml that sets the option to change."""
    root = site_copy()
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "  - hubspoke/media:\n",
        "  - hubspoke/media:\n      events_calendar_path: personas/index.html\n",
    )
    text = text.replace(
        "  - hubspoke/feeds\n",
        "  - hubspoke/feeds:\n      paths:\n        site:\n          rss: hub/index.html\n",
    )
    text = text.replace(
        "  - hubspoke/editorial:\n",
        "  - hubspoke/editorial:\n      insights_page: always\n      insights_url: authors\n",
    )
    config.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    def line(option: str) -> int:
        return next(n for n, t in enumerate(lines, 1) if t.strip().startswith(option))

    checked, built = outcome(root, tmp_path)
    words = [
        f"mkdocs.yml:{line('rss:')}: hubspoke/feeds: the RSS feed of the site would be "
        "written to 'hub/index.html'",
        f"mkdocs.yml:{line('events_calendar_path:')}: hubspoke/media: the calendar of "
        "upcoming events would be written to 'personas/index.html', which the personas "
        "overview page already produces",
        f"mkdocs.yml:{line('insights_url:')}: hubspoke/editorial: the insights page would be "
        "written to 'authors/index.html'",
    ]
    assert_both_fail(checked, built, tmp_path / "site", *words)
