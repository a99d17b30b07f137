"""An episode's duration is read from its audio file (mutagen), not taken from what the
writer typed; a file that cannot be read (a guest's broken upload) is a warning or an
error naming the file, never a crash."""

import shutil
from pathlib import Path

import pytest

from hubspoke.core.media import audio, duration

ROOT = Path(__file__).resolve().parents[1]
TRAILER = ROOT / "content" / "blog" / "media" / "field-notes-trailer.mp3"  # 16.6 s
EPISODE = ROOT / "tests" / "sites" / "media" / "content" / "blog" / "media" / "episode-one.mp3"
POST = "---\ntitle: Ep\ndate: 2026-01-01\naudio:\n{audio}---\n\nText.\n"


def read(audio_lines: str) -> audio.Audio:
    raw = POST.format(audio=audio_lines).encode()
    return audio.read_audio("blog/posts/ep.md", "content/blog/posts/ep.md", raw)


def settle(docs: Path, lines: str):
    found = read(lines)
    files = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    return audio.settled(found, ("podcast",), files, docs, lambda p: f"content/{p}")


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "blog" / "media").mkdir(parents=True)
    return tmp_path


def test_seconds_are_read_from_the_file_as_a_player_shows_them():
    assert duration.read_seconds(TRAILER) == 16  # a browser's player shows 0:16
    assert duration.read_seconds(EPISODE) == 2


def test_the_file_wins_over_the_front_matter(docs):
    shutil.copy(TRAILER, docs / "blog" / "media" / "ep.mp3")
    settled, problems = settle(docs, '  file: ../media/ep.mp3\n  duration: "00:00:17"\n')
    assert problems == []
    assert settled.duration == 16
    assert settled.itunes_duration == "00:00:16" and settled.iso_duration == "PT16S"
    assert settled.warnings == ()


def test_the_front_matter_duration_may_be_left_out(docs):
    shutil.copy(TRAILER, docs / "blog" / "media" / "ep.mp3")
    settled, problems = settle(docs, "  file: ../media/ep.mp3\n")
    assert problems == [] and settled.duration == 16


# MP3 by their first bytes (the type check passes), but no length can be read.
BROKEN = {
    "truncated inside its first frame": TRAILER.read_bytes()[:200],
    "garbage after an ID3 header": b"ID3\x03\x00\x00" + bytes(range(256)) * 20,
    "a header claiming 256 MB of tags": b"ID3\x04\x00\x00\x7f\x7f\x7f\x7f" + b"\x00" * 64,
    "a frame sync and nothing else": b"\xff\xfb" + b"\x00" * 100,
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_is_an_error_naming_it_without_a_duration(docs, case):
    (docs / "blog" / "media" / "ep.mp3").write_bytes(BROKEN[case])
    settled, problems = settle(docs, "  file: ../media/ep.mp3\n")
    assert settled is None
    (problem,) = problems
    assert problem.path == "content/blog/media/ep.mp3"
    assert "how long the episode plays is unknown" in problem.message
    assert "audio.duration" in problem.message


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_broken_file_falls_back_to_the_front_matter_with_a_warning(docs, case):
    (docs / "blog" / "media" / "ep.mp3").write_bytes(BROKEN[case])
    settled, problems = settle(docs, '  file: ../media/ep.mp3\n  duration: "0:17"\n')
    assert problems == []
    assert settled.duration == 17
    (warning,) = settled.warnings
    assert str(warning).startswith("content/blog/media/ep.mp3: ")
    assert "content/blog/posts/ep.md (0:17)" in warning.message


def test_reading_is_bounded(tmp_path):
    with pytest.raises(duration.DurationError, match="more than 1,000 bytes"):
        duration.read_seconds(TRAILER, budget=1_000)
    with pytest.raises(duration.DurationError, match="cannot be read"):
        duration.read_seconds(tmp_path / "missing.mp3")
