"""What an image file is, read from its header before any pixel is decoded.

The checks that need no decoding run here, in the main process, so that a bad
file stops the build before encoding starts: not an image, a format browsers
cannot show, a name that lies about the format, too many pixels (a
decompression bomb), animation. Truncated pixel data is found when decoding
(see `image_encode`).
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import re
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

# File name endings of the raster formats Hubspoke publishes, and the format Pillow must find.
RASTER_SUFFIXES = {
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".png": "PNG",
    ".webp": "WEBP",
    ".gif": "GIF",
    ".avif": "AVIF",
}
# Image formats a browser cannot show (or Hubspoke cannot clean): an error when published.
UNSUPPORTED_SUFFIXES = (".tif", ".tiff", ".bmp", ".heic", ".heif", ".jxl", ".psd", ".jp2")
# Pillow names a multi-picture JPEG (many cameras write them) MPO: it is a JPEG.
_SAME_FORMAT = {"MPO": "JPEG"}
_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
_ORIENTATION = 0x0112


class ImageProblem(Exception):
    """Something wrong with an image file, phrased for an editor (without the file name)."""


@dataclass(frozen=True)
class SourceInfo:
    """A source image: where it is, its content hash, and its shape once oriented."""

    path: str
    sha256: str
    format: str
    width: int
    height: int
    alpha: bool
    size: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


def is_raster(path: str) -> bool:
    return posixpath.splitext(path.lower())[1] in RASTER_SUFFIXES


def is_unsupported(path: str) -> bool:
    return posixpath.splitext(path.lower())[1] in UNSUPPORTED_SUFFIXES


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def inspect(path: str, data: bytes, *, max_pixels: int) -> SourceInfo:
    """Identify the image in `data` (the bytes of the file at `path`), or raise ImageProblem."""
    suffix = posixpath.splitext(path.lower())[1]
    if suffix in UNSUPPORTED_SUFFIXES:
        raise ImageProblem(
            f"is a {suffix[1:].upper()} file, a format browsers cannot show: "
            "export it as PNG (drawings, charts) or JPEG (photos) and link that file"
        )
    expected = RASTER_SUFFIXES.get(suffix)
    if expected is None:
        raise ImageProblem("is not a PNG, JPEG, WebP, GIF or AVIF image")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except Image.DecompressionBombError as error:
            count = re.search(r"\((\d+) pixels\)", str(error))
            raise ImageProblem(
                _too_large(int(count.group(1)) if count else None, max_pixels)
            ) from None
        except UnidentifiedImageError:
            raise ImageProblem(
                "is not a readable image (damaged, empty, or not an image at all): "
                "export it again as PNG or JPEG"
            ) from None
        except (OSError, SyntaxError, ValueError) as error:
            raise ImageProblem(f"cannot be read ({error}): export it again") from None
    with image:
        named = image.format or ""
        found = _SAME_FORMAT.get(named, named)
        if found != expected:
            right = _suffix_for(found)
            stem = posixpath.splitext(posixpath.basename(path))[0]
            fix = (
                f"rename it to {stem}{right} and update the links to it"
                if right
                else "export it as PNG or JPEG"
            )
            raise ImageProblem(
                f"is a {found or 'unknown'} image but its name ends in {suffix}: {fix}"
            )
        width, height = image.size
        if width * height > max_pixels:
            raise ImageProblem(_too_large(width * height, max_pixels, (width, height)))
        if getattr(image, "is_animated", False) and found != "JPEG":
            raise ImageProblem(
                f"is animated ({getattr(image, 'n_frames', '?')} frames); Hubspoke publishes still images only: "
                "export one frame, or publish the animation as a video"
            )
        try:
            orientation = image.getexif().get(_ORIENTATION, 1)
        except (OSError, SyntaxError, ValueError):
            orientation = 1
        if orientation in _ROTATED:
            width, height = height, width
        mode = image.mode
        alpha = mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info
        return SourceInfo(
            path=path,
            sha256=sha256_of(data),
            format=found,
            width=width,
            height=height,
            alpha=alpha,
            size=len(data),
        )


def _suffix_for(found: str | None) -> str | None:
    for suffix, name in RASTER_SUFFIXES.items():
        if name == found:
            return suffix
    return None


def _too_large(pixels: int | None, max_pixels: int, size: tuple[int, int] | None = None) -> str:
    if size:
        shown = f"{size[0]} x {size[1]} = {pixels:,} pixels"
    else:
        shown = f"{pixels:,} pixels" if pixels else "far too many pixels"
    return (
        f"has {shown}, more than the limit of {max_pixels:,} (a decompression bomb guard): "
        "scale it down, or raise the hubspoke/images option max_pixels"
    )
