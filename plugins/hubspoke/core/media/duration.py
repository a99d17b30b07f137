"""How long an audio file plays, read from the file itself (with mutagen).

The front matter's `duration` is what a writer typed, and drifts from the file (a
re-export, a trimmed intro): readers see the player's time, so the episode header, the
podcast feed and the JSON-LD take the file's. The file may come from a guest's pull
request, so it is read through a budget of bytes, and any failure of the parser on a
broken file becomes a `DurationError` with a reason, never a crash of the build.
"""

from __future__ import annotations

import io
import math
from pathlib import Path

import mutagen

# Enough for the headers, frame tables and tags of any honest episode (mutagen seeks
# to what it needs and reads little); a file that makes it read more is refused.
READ_BUDGET = 16 * 1024 * 1024


class DurationError(ValueError):
    """The file's duration cannot be read; the message says why."""


class _Budgeted(io.RawIOBase):
    """A read-only binary file that refuses to deliver more than `budget` bytes in all."""

    def __init__(self, raw: io.BufferedReader, budget: int):
        super().__init__()
        self._raw = raw
        self._budget = self._left = budget
        self.name = raw.name

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._raw.seek(offset, whence)

    def tell(self) -> int:
        return self._raw.tell()

    def readinto(self, buffer) -> int:
        wanted = len(buffer)
        if wanted > self._left:
            raise DurationError(
                f"reading its length would take more than {self._budget:,} bytes of headers"
            )
        data = self._raw.read(wanted)
        self._left -= len(data)
        buffer[: len(data)] = data
        return len(data)


def read_seconds(path: Path, budget: int = READ_BUDGET) -> int:
    """Whole seconds the file at `path` plays, as a browser's player shows them (rounded
    down, at least 1); raises DurationError when the file does not tell."""
    try:
        with path.open("rb") as raw, _Budgeted(raw, budget) as stream:
            found = mutagen.File(stream)
    except DurationError:
        raise
    except OSError as error:
        raise DurationError(f"cannot be read: {error.strerror or error}") from error
    except Exception as error:  # a broken file breaks the parser in many ways
        kind = type(error).__qualname__
        if type(error).__module__ != "builtins":
            kind = f"{type(error).__module__}.{kind}"  # struct.error says more than 'error'
        reason = str(error) if str(error) and str(error) != "error" else kind
        raise DurationError(f"is not a readable audio file ({reason})") from error
    info = getattr(found, "info", None) if found is not None else None
    length = getattr(info, "length", None)
    if not isinstance(length, (int, float)) or not math.isfinite(length) or length <= 0:
        raise DurationError("is not an audio file whose length can be read")
    return max(1, int(length))
