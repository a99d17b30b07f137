"""Bad video links, audio fields and events stop the build with a message naming the file,
the line and the field; never a traceback, never a half-built site."""

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError

from .conftest import build_in_process, run_check, run_mkdocs

POST = "---\ntitle: Bad\ndate: 2026-10-20\nauthors: [ada]\n{extra}---\n\nIntro.\n\n{body}\n"
POSTER = "![A test card](../media/poster.jpg)"
EVENT = "---\ntitle: Bad event\n{extra}---\nText.\n"
TIMES = "start: '2026-12-01 10:00'\nend: '2026-12-01 11:00'\n"
AUDIO = "audio:\n  file: ../media/episode-one.mp3\n  duration: '0:02'\n  show: shop-talk\n"
TRANSCRIPT = "## Transcript\n\nWords."


def post(body: str = "", extra: str = "") -> str:
    return POST.format(extra=extra, body=body)


CASES = {
    "unknown video host": (
        "content/blog/posts/bad.md",
        post(f"[{POSTER}](https://www.dailymotion.com/video/x8abc){{ .video }}"),
        [
            "content/blog/posts/bad.md:9: field 'video':",
            "'www.dailymotion.com' is not a video host",
        ],
    ),
    "poster without alt text": (
        "content/blog/posts/bad.md",
        post("[![](../media/poster.jpg)](https://youtu.be/Kv3pTz8qLmA){ .video }"),
        ["content/blog/posts/bad.md:9: field 'video poster':", "has no alt text"],
    ),
    "video link without poster": (
        "content/blog/posts/bad.md",
        post("[Watch it](https://youtu.be/Kv3pTz8qLmA){ .video }"),
        ["content/blog/posts/bad.md:9: field 'video':", "needs a poster image"],
    ),
    "poster from elsewhere": (
        "content/blog/posts/bad.md",
        post(
            "[![A poster](https://i.ytimg.com/vi/Kv3pTz8qLmA/hq.jpg)](https://youtu.be/Kv3pTz8qLmA)"
            "{ .video }"
        ),
        ["field 'video poster':", "must be an image file of the site"],
    ),
    "video link inside a sentence": (
        "content/blog/posts/bad.md",
        post(f"Watch [{POSTER}](https://youtu.be/Kv3pTz8qLmA){{ .video }} now."),
        ["field 'video':", "must stand alone in its paragraph"],
    ),
    "captions file missing": (
        "content/blog/posts/bad.md",
        post(f'[{POSTER}](https://youtu.be/Kv3pTz8qLmA){{ .video captions="../media/nope.vtt" }}'),
        ["content/blog/posts/bad.md:9: field 'captions':", "'../media/nope.vtt' not found"],
    ),
    "transcript anchor missing": (
        "content/blog/posts/bad.md",
        post(f'[{POSTER}](https://youtu.be/Kv3pTz8qLmA){{ .video transcript="#words" }}'),
        ["content/blog/posts/bad.md: field 'transcript':", "'#words' matches no heading"],
    ),
    "bad video duration": (
        "content/blog/posts/bad.md",
        post(f'[{POSTER}](https://youtu.be/Kv3pTz8qLmA){{ .video duration="long" }}'),
        ["content/blog/posts/bad.md:9: field 'duration':", "not a duration"],
    ),
    "bad audio duration": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO.replace("'0:02'", "two minutes")),
        ["content/blog/posts/bad.md:7: field 'audio.duration':", "Expected: How long"],
    ),
    "bad audio episode": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO + "  episode: 0\n"),
        ["content/blog/posts/bad.md:9: field 'audio.episode': is out of range"],
    ),
    "audio type that does not fit": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO + "  type: audio/ogg\n"),
        ["content/blog/posts/bad.md:9: field 'audio.type':", "does not fit a .mp3 file"],
    ),
    "audio file missing": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO.replace("episode-one.mp3", "nope.mp3")),
        ["content/blog/posts/bad.md:6: field 'audio.file':", "'../media/nope.mp3' not found"],
    ),
    "audio file that is not audio": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO.replace("episode-one.mp3", "demo.en.vtt")),
        ["field 'audio.file':", "is not an audio file Hubspoke knows"],
    ),
    "wrong audio size": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO + "  size: 12\n"),
        ["content/blog/posts/bad.md:9: field 'audio.size': says 12 bytes but", "has 8,986"],
    ),
    "unknown show": (
        "content/blog/posts/bad.md",
        post(TRANSCRIPT, AUDIO.replace("shop-talk", "late-show")),
        ["content/blog/posts/bad.md:8: field 'audio.show': unknown show 'late-show'"],
    ),
    "audio post without transcript": (
        "content/blog/posts/bad.md",
        post("No words.", AUDIO),
        ["content/blog/posts/bad.md:5: field 'audio.transcript':", "needs a transcript"],
    ),
    "unknown speaker": (
        "content/events/bad.md",
        EVENT.format(extra=TIMES + "online: https://x.example/j\nspeakers: [adda]\n"),
        [
            "content/events/bad.md:6: field 'speakers': unknown author id 'adda': did you mean 'ada'?"
        ],
    ),
    "event that ends before it starts": (
        "content/events/bad.md",
        EVENT.format(
            extra="start: '2026-12-01 10:00'\nend: '2026-12-01 09:00'\nonline: https://x.example/j\n"
        ),
        ["content/events/bad.md:4: field 'end': is not after the start"],
    ),
    "event without place or link": (
        "content/events/bad.md",
        EVENT.format(extra=TIMES),
        ["content/events/bad.md:2: field 'place': is missing"],
    ),
    "recording that is not a post": (
        "content/events/bad.md",
        EVENT.format(extra=TIMES + "online: https://x.example/j\nrecording: ../index.md\n"),
        ["content/events/bad.md:6: field 'recording': 'index.md' is not a blog post"],
    ),
    "unknown event field": (
        "content/events/bad.md",
        EVENT.format(extra=TIMES + "online: https://x.example/j\nspeaker: ada\n"),
        ["content/events/bad.md:", "'speaker' is not a known field; did you mean 'speakers'?"],
    ),
}


class _Errors(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


def failure(source: Path, site: Path) -> str:
    """What a build that must fail says (MkDocs logs the error, then raises an Abort)."""
    handler = _Errors()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        with pytest.raises((PluginError, Abort)) as raised:
            build_in_process(source, site)
    finally:
        logger.removeHandler(handler)
    return "\n".join([str(raised.value), *handler.lines])


def write(root: Path, relative: str, text: str) -> None:
    target = root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("case", list(CASES))
def test_bad_media_input_fails_naming_file_and_field(case, site_copy, tmp_path):
    path, text, expected = CASES[case]
    source = site_copy("media")
    write(source, path, text)
    message = failure(source, tmp_path / "site")
    for words in expected:
        assert words in message, message
    assert not list(tmp_path.glob("site/**/*.html")), "a failed build must not leave pages behind"


def test_the_real_command_reports_without_traceback(site_copy, tmp_path):
    source = site_copy("media")
    write(source, *CASES["unknown video host"][:2])
    result = run_mkdocs(source, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "content/blog/posts/bad.md:9: field 'video':" in result.stderr
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_frame_host_the_policy_refuses_is_an_error(site_copy, tmp_path):
    source = site_copy("media")
    config = (source / "mkdocs.yml").read_text()
    config = config.replace(
        "      csp: true\n",
        "      csp: true\n      guest_iframe_hosts: [www.youtube-nocookie.com]\n",
    )
    (source / "mkdocs.yml").write_text(config)
    assert "does not allow frames from player.vimeo.com" in failure(source, tmp_path / "site")


def test_media_needs_the_network_in_any_place(site_copy, tmp_path):
    source = site_copy("media")
    config = (source / "mkdocs.yml").read_text()
    network = config[config.index("  - hubspoke/network:") : config.index("  - hubspoke/media:")]
    config = config.replace(network, "").replace(
        "markdown_extensions:", network + "markdown_extensions:"
    )
    (source / "mkdocs.yml").write_text(config)
    assert run_mkdocs(source, tmp_path / "site").returncode == 0  # listed after: fine
    (source / "mkdocs.yml").write_text(config.replace(network, ""))
    message = failure(source, tmp_path / "site")
    assert "hubspoke/media: add the plugin hubspoke/network to plugins in mkdocs.yml" in message


def test_podcasts_and_calendars_need_site_url(site_copy, tmp_path):
    source = site_copy("media")
    config = (
        (source / "mkdocs.yml").read_text().replace("site_url: https://media.example.org/\n", "")
    )
    (source / "mkdocs.yml").write_text(config)
    assert "the option site_url must be set" in failure(source, tmp_path / "site")


@pytest.mark.parametrize(
    "text", ["\ue010", "\ue010hubspoke-video-7\ue010", "\ue010hubspoke-video-0\ue010"]
)
def test_a_video_placeholder_in_the_text_is_an_error_naming_the_file(site_copy, tmp_path, text):
    # The character that marks where players go, typed into a post with a video: before,
    # an IndexError (or a second copy of the player); now an error naming file and line.
    source = site_copy("media")
    path = source / "content/blog/posts/youtube-talk.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    line = path.read_text(encoding="utf-8").count("\n", 0, path.read_text().index("\ue010")) + 1
    result = run_mkdocs(source, tmp_path / "site")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    assert f"content/blog/posts/youtube-talk.md:{line}: field 'video':" in result.stderr
    assert "U+E010" in result.stderr


class _Warnings(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


# MP3 by its first bytes (the type check passes), but nothing after them is audio.
BROKEN_MP3 = b"ID3\x03\x00\x00" + bytes(range(256)) * 30


def test_a_guests_broken_audio_file_is_a_warning_naming_it_when_the_post_gives_a_duration(
    site_copy, tmp_path
):
    source = site_copy("media")
    (source / "content" / "blog" / "media" / "episode-one.mp3").write_bytes(BROKEN_MP3)
    handler = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:  # strict: the warning stops the build, as an editor would want
        with pytest.raises(Abort):
            build_in_process(source, tmp_path / "site")
    finally:
        logger.removeHandler(handler)
    (warning,) = [line for line in handler.lines if "episode-one.mp3" in line]
    assert "content/blog/media/episode-one.mp3: is not a readable audio file" in warning
    assert "from the front matter of content/blog/posts/episode-one.md (0:02)" in warning


def test_a_broken_audio_file_without_a_duration_stops_the_build_naming_it(site_copy, tmp_path):
    source = site_copy("media")
    (source / "content" / "blog" / "media" / "episode-one.mp3").write_bytes(BROKEN_MP3)
    post = source / "content" / "blog" / "posts" / "episode-one.md"
    post.write_text(post.read_text(encoding="utf-8").replace('  duration: "00:00:02"\n', ""))
    message = failure(source, tmp_path / "site")
    assert "content/blog/media/episode-one.mp3: is not a readable audio file" in message
    assert "how long the episode plays is unknown" in message
    assert "Traceback" not in message


def test_hubspoke_check_reports_a_broken_audio_file_as_the_build_does(site_copy):
    """Whatever stops the strict build, check reports first: the unreadable file with its
    front matter's stand-in duration is a warning of the build, and a problem of check."""
    source = site_copy("media")
    (source / "content" / "blog" / "media" / "episode-one.mp3").write_bytes(BROKEN_MP3)
    result = run_check(source)
    assert result.returncode != 0
    assert "content/blog/media/episode-one.mp3" in result.stdout + result.stderr
    assert "is not a readable audio file" in result.stdout + result.stderr
