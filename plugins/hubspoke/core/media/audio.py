"""Audio posts: the `audio` front matter field, the file it names, and the player.

A post becomes a podcast episode with, in its front matter:

    audio: {file: ../../media/episode-3.mp3, duration: "00:04:12", episode: 3, season: 1}

The field is checked against `schemas/audio.schema.json` (errors name the file,
the line of the sub-field and the sub-field); the file's first bytes must match
its type, and its size is measured from the file that is published.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
from collections.abc import Set
from dataclasses import dataclass, field

import yaml

from .. import html as core_html
from ..content import validation
from ..content.intake import left_out_message
from ..content.yamlfile import FRONT_MATTER, Document, decode, split_front_matter
from ..errors import ContentError, Problem
from ..urls import source_path
from .duration import DurationError, read_seconds
from .video import clock_duration, iso_duration, parse_duration

FIELD = "audio"
DEFAULT_TRANSCRIPT = "#transcript"

# The media types each file name ending may carry; the first is used when `type` is left out.
TYPES_BY_SUFFIX = {
    ".mp3": ("audio/mpeg",),
    ".m4a": ("audio/mp4", "audio/x-m4a"),
    ".aac": ("audio/aac",),
    ".ogg": ("audio/ogg",),
    ".oga": ("audio/ogg",),
    ".opus": ("audio/ogg", "audio/opus"),
    ".flac": ("audio/flac",),
    ".wav": ("audio/wav",),
}
LABELS = {
    "audio/mpeg": "MP3",
    "audio/mp4": "M4A",
    "audio/x-m4a": "M4A",
    "audio/aac": "AAC",
    "audio/ogg": "Ogg",
    "audio/opus": "Opus",
    "audio/flac": "FLAC",
    "audio/wav": "WAV",
}


@dataclass(frozen=True)
class Audio:
    """A post's audio, as written in its front matter and checked."""

    source: str  # the post, docs-relative
    file: str  # as written
    path: str  # docs-relative path of the audio file
    media_type: str
    duration: int  # seconds: the file's once settled (0 when neither file nor field tells)
    transcript: str = DEFAULT_TRANSCRIPT
    size: int | None = None
    episode: int | None = None
    season: int | None = None
    episode_type: str = "full"
    explicit: bool | None = None
    show: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # What reading found wrong (`settled` reports it with the show's and file's problems),
    # and the sub-fields those problems make unfit for further checks.
    problems: tuple[Problem, ...] = field(default=(), compare=False, repr=False)
    broken: frozenset[str] = field(default=frozenset(), compare=False, repr=False)
    # What the build says but lets pass: a file whose length could not be read, when the
    # front matter's `duration` stands in (the media plugin logs them as warnings).
    warnings: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    def line(self, key: str | None = None) -> int | None:
        return self.lines.get(key or "", self.lines.get(""))

    @property
    def label(self) -> str:
        return LABELS.get(self.media_type, self.media_type)

    @property
    def itunes_duration(self) -> str:
        h, rest = divmod(self.duration, 3600)
        m, s = divmod(rest, 60)
        return f"{h:02d}:{m:02d}:{s:02d}"

    @property
    def iso_duration(self) -> str:
        return iso_duration(self.duration)


def read_audio(source: str, shown: str, raw: bytes) -> Audio | None:
    """The post's audio, or None when its front matter has no `audio` field.

    Raises ContentError only when `audio` is not a mapping; the problems of its
    sub-fields are kept in `Audio.problems`, for `settled` to report with the rest."""
    text = decode(shown, raw)
    document, _, _ = split_front_matter(shown, text)
    if FIELD not in document.data:
        return None
    line = document.line(FIELD)
    value = document.data[FIELD]
    if not isinstance(value, dict):
        raise ContentError(
            [
                Problem(
                    shown,
                    line,
                    FIELD,
                    "must be a mapping of 'field: value' lines, e.g. "
                    "{file: ../../media/episode-1.mp3, duration: '00:04:12'}",
                )
            ]
        )
    lines = _nested_lines(text, FIELD)
    inner = Document(value, lines, line)
    problems = [
        Problem(p.path, p.line, f"{FIELD}.{p.field}" if p.field else FIELD, p.message)
        for p in validation.validate(FIELD, shown, inner)
    ]
    # A sub-field that breaks the schema gets no further checks; the others still do,
    # and `settled` checks the show and the file, so every problem comes together.
    broken = {p.field.split(".")[1] for p in problems if p.field and "." in p.field}

    def ok(key: str) -> bool:
        return key in value and key not in broken

    def problem(key: str, message: str) -> None:
        broken.add(key)
        problems.append(Problem(shown, inner.line(key), f"{FIELD}.{key}", message))

    written = value["file"] if ok("file") else ""
    path = source_path(source, written) if written else ""
    suffix = posixpath.splitext(path)[1].lower()
    if not written:
        broken.add("file")
    elif "://" in written or written.startswith("/"):
        problem("file", "must be a path relative to the post, e.g. ../media/x.mp3")
    elif path.startswith("../") or path == "..":
        problem("file", "points outside the content folder")
    elif suffix not in TYPES_BY_SUFFIX:
        problem(
            "file",
            f"'{written}' is not an audio file Hubspoke knows; use "
            + ", ".join(sorted(TYPES_BY_SUFFIX)),
        )
    allowed = TYPES_BY_SUFFIX.get(suffix, ()) if "file" not in broken else ()
    media_type = allowed[0] if allowed else ""
    if ok("type") and allowed:
        if value["type"] in allowed:
            media_type = value["type"]
        else:
            problem(
                "type",
                f"'{value['type']}' does not fit a {suffix} file; use {' or '.join(allowed)}",
            )
    duration = 0
    if ok("duration"):
        try:
            duration = parse_duration(value["duration"])
        except ValueError as error:
            problem("duration", str(error))

    def given(key: str, default=None):
        return value[key] if ok(key) else default

    return Audio(
        source=source,
        file=written,
        path=path,
        media_type=media_type,
        duration=duration,
        transcript=given("transcript") or DEFAULT_TRANSCRIPT,
        size=given("size"),
        episode=given("episode"),
        season=given("season"),
        episode_type=given("episode_type", "full"),
        explicit=given("explicit"),
        show=given("show"),
        lines={"": line, **lines},
        problems=tuple(problems),
        broken=frozenset(broken),
    )


def _nested_lines(text: str, key: str) -> dict[str, int]:
    """File lines (1-based) of the keys inside the front matter mapping `key`."""
    match = FRONT_MATTER.match(text)
    if not match or not match.group(1):
        return {}
    try:
        node = yaml.compose(match.group(1), Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    for key_node, value in getattr(node, "value", []):
        if getattr(key_node, "value", None) == key and isinstance(value, yaml.MappingNode):
            return {k.value: k.start_mark.line + 2 for k, _ in value.value}
    return {}


# -- the file ----------------------------------------------------------------------


def sniff(head: bytes) -> str | None:
    """The media type the first bytes of a file show, or None when unrecognised."""
    if head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] & 0xE6 == 0xE2):
        return "audio/mpeg"
    if len(head) > 1 and head[0] == 0xFF and head[1] & 0xF6 == 0xF0:
        return "audio/aac"
    if head[4:8] == b"ftyp":
        return "audio/mp4"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"fLaC"):
        return "audio/flac"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "audio/wav"
    return None


DEFAULT_SHOW = "podcast"  # the one show of a site that configures none


def settled(
    audio: Audio,
    shows: tuple[str, ...],
    files: set[str],
    docs_dir,
    shown_path,
    left_out: Set[str] = frozenset(),
) -> tuple[Audio | None, list[Problem]]:
    """The audio with its show named and its file measured, or the problems of both.

    `files` are the docs-relative paths the intake listed (nothing outside is ever read);
    `shown_path` turns a docs-relative path into the path an editor knows."""
    shows = shows or (DEFAULT_SHOW,)
    shown = shown_path(audio.source)
    found = list(audio.problems)

    def problem(key: str, message: str) -> None:
        found.append(Problem(shown, audio.line(key), f"{FIELD}.{key}", message))

    show = audio.show or (shows[0] if len(shows) == 1 else None)
    if "show" in audio.broken:
        pass  # its schema problem is reported
    elif show is None:
        problem("show", "is missing: name one of the shows " + ", ".join(sorted(shows)))
    elif show not in shows:
        problem(
            "show",
            f"unknown show '{show}': use one of {', '.join(sorted(shows))} "
            "(the hubspoke/media option podcast_shows)",
        )
    size = None
    if "file" in audio.broken:
        pass
    elif audio.path in left_out:
        problem("file", left_out_message(shown_path(audio.path)))
    elif audio.path not in files:
        problem("file", f"'{audio.file}' not found (looked for {shown_path(audio.path)})")
    else:
        try:
            with (docs_dir / audio.path).open("rb") as stream:
                head = stream.read(16)
                size = os.fstat(stream.fileno()).st_size
        except OSError as error:  # reported with the field's other problems
            found.append(
                Problem(shown_path(audio.path), None, None, f"cannot be read: {error.strerror}")
            )
        else:
            wrong = file_problems(audio, head, size)
            for each in wrong:
                problem(*each)
            if not wrong:
                measured = _measured(audio, docs_dir / audio.path, shown_path(audio.path), shown)
                if isinstance(measured, Problem):
                    found.append(measured)
                else:
                    audio = measured
    if found:
        return None, found
    return dataclasses.replace(audio, show=show, size=size), []


def _measured(audio: Audio, path, shown_file: str, shown_post: str) -> Audio | Problem:
    """The audio with the duration its file plays; when the file does not tell, the
    front matter's with a warning naming the file, or, without one, the problem."""
    try:
        seconds = read_seconds(path)
    except DurationError as error:
        if "duration" in audio.broken:
            return audio  # the field's own problem is reported
        if audio.duration:
            warning = Problem(
                shown_file,
                None,
                None,
                f"{error}: its duration is taken from the front matter of "
                f"{shown_post} ({clock_duration(audio.duration)}); check the file",
            )
            return dataclasses.replace(audio, warnings=(*audio.warnings, warning))
        return Problem(
            shown_file,
            None,
            None,
            f"{error}, so how long the episode plays is unknown: "
            "fix the file, or give audio.duration in the post's front matter",
        )
    return dataclasses.replace(audio, duration=seconds)


def file_problems(audio: Audio, head: bytes, size: int) -> list[tuple[str, str]]:
    """(sub-field, message) for each way the file's bytes do not match what the post says."""
    if size == 0:
        return [("file", f"'{audio.file}' is empty")]
    wrong = []
    found = sniff(head)
    expected = {
        TYPES_BY_SUFFIX[s][0] for s, types in TYPES_BY_SUFFIX.items() if audio.media_type in types
    }
    if found is None or found not in expected:
        what = LABELS.get(found, "no audio format Hubspoke knows") if found else None
        wrong.append(
            (
                "file",
                f"'{audio.file}' does not hold {audio.label} audio "
                f"(its bytes look like {what or 'no audio format Hubspoke knows'})",
            )
        )
    if audio.size is not None and audio.size != size:
        wrong.append(
            (
                "size",
                f"says {audio.size:,} bytes but '{audio.file}' has {size:,}: "
                "remove 'size' (Hubspoke measures the file) or fix it",
            )
        )
    return wrong


# -- the player ------------------------------------------------------------------


def size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} KB"


def player_offset(content: str) -> int:
    """Where a post's player goes: after `<!-- more -->` (where its excerpt ends), else
    after its leading <h1> (and the blank after it), else first."""
    body = core_html.split_title(content)[1]
    marker = core_html.more_marker(body)
    return len(content) - len(body) + (marker.end() if marker else 0)


@dataclass(frozen=True)
class Cover:
    """The image an episode shows beside its player: the post's, else its show's cover
    (the template words its alt text, in the site's language, from `of_show`)."""

    src: str  # relative to the page
    of_show: bool


@dataclass(frozen=True)
class Player:
    """What an audio post's player shows, as plain data: the theme template
    `hubspoke/partials/audio-player.html` writes it, with the texts of the site's language."""

    title: str  # the post's, as plain text
    src: str  # the audio file, relative to the page
    media_type: str
    format: str  # MP3, M4A...
    size: str  # 12 KB, 4.2 MB
    duration: str  # 4:12
    season: int | None
    episode: int | None
    episode_type: str | None  # trailer, bonus; None for a full episode
    transcript: str | None  # URL, relative to the page
    feed: str | None  # the show's podcast feed, relative to the page
    show_title: str | None
    cover: Cover | None = None


def player(
    audio: Audio,
    *,
    title: str,
    src: str,
    size: int,
    transcript: str | None,
    feed: str | None = None,
    show_title: str | None = None,
    cover: Cover | None = None,
) -> Player:
    """The player of `audio`: its facts, download, transcript and feed links."""
    return Player(
        title=title,
        src=src,
        media_type=audio.media_type,
        format=audio.label,
        size=size_text(size),
        duration=clock_duration(audio.duration),
        season=audio.season or None,
        episode=audio.episode or None,
        episode_type=None if audio.episode_type == "full" else audio.episode_type,
        transcript=transcript,
        feed=feed,
        show_title=show_title,
        cover=cover,
    )


def episode_jsonld(
    audio: Audio,
    *,
    title: str,
    url: str,
    published: str,
    description: str | None,
    content_url: str,
    show_title: str | None,
    show_feed: str | None,
) -> dict:
    """schema.org PodcastEpisode with its AudioObject."""
    data: dict = {
        "@context": "https://schema.org",
        "@type": "PodcastEpisode",
        "name": title,
        "url": url,
        "datePublished": published,
    }
    if description:
        data["description"] = description
    if audio.episode:
        data["episodeNumber"] = audio.episode
    if show_title:
        series = {"@type": "PodcastSeries", "name": show_title}
        if show_feed:
            series["webFeed"] = show_feed
        data["partOfSeries"] = series
    data["associatedMedia"] = {
        "@type": "AudioObject",
        "contentUrl": content_url,
        "encodingFormat": audio.media_type,
        "duration": audio.iso_duration,
    }
    return data
