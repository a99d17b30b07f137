"""Decode an image safely and turn it into clean pixels: oriented, sRGB, no metadata.

Every published image goes through `decode` then `clean_copy`: EXIF
orientation is applied first, an embedded colour profile is converted to sRGB,
and what is saved carries no EXIF, GPS, XMP, IPTC, maker notes, comments or
ICC profile (Pillow writes metadata only from `Image.info` and the options
given to `save`, and both are emptied here).
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps


class DecodeError(Exception):
    """The pixels cannot be read: truncated, corrupt, or too many of them."""


# A source with at most this many colours is a drawing (chart, diagram, infographic),
# not a photo: its variants are quantized to 256 colours, and WebP is lossless.
DRAWING_COLOURS = 4096


@dataclass
class Decoded:
    """Pixels ready to resize: RGB or RGBA in sRGB, plus the exact palette image if any."""

    image: Image.Image
    native: Image.Image | None = None  # palette or grey source, unchanged but oriented
    transparency: object = None
    _drawing: bool | None = None

    @property
    def drawing(self) -> bool:
        """Few colours: a drawing rather than a photo (counted once, on first use)."""
        if self._drawing is None:
            few = self.image.getcolors(DRAWING_COLOURS) is not None
            self._drawing = self.native is not None or few
        return self._drawing


def decode(path: str, *, max_pixels: int) -> Decoded:
    """Read every pixel of the image at `path`, or raise DecodeError saying why not."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        try:
            with Image.open(path) as image:
                if image.width * image.height > max_pixels:
                    raise DecodeError(
                        f"has {image.width * image.height:,} pixels, more than the limit "
                        f"of {max_pixels:,}"
                    )
                image.load()
                return _prepare(image)
        except Image.DecompressionBombError:
            raise DecodeError(f"has more pixels than the limit of {max_pixels:,}") from None
        except (OSError, SyntaxError, ValueError, EOFError) as error:
            detail = str(error) or type(error).__name__
            raise DecodeError(f"is truncated or corrupt ({detail})") from None


def _prepare(image: Image.Image) -> Decoded:
    icc = image.info.get("icc_profile")
    transparency = image.info.get("transparency")
    alpha = image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or transparency is not None
    oriented = ImageOps.exif_transpose(image)
    native = None
    if oriented.mode in ("P", "L", "1") and not icc:
        native = clean_copy(oriented)
    target = "RGBA" if alpha else "RGB"
    working = oriented
    if icc and not _is_srgb(icc):
        working = _to_srgb(working, icc, target)
    if working.mode != target:
        if working.mode in ("I;16", "I;16B", "I;16L", "I"):
            working = working.point(lambda value: value / 256).convert("L")
        working = working.convert(target)
    return Decoded(clean_copy(working), native, transparency if native is not None else None)


def _is_srgb(icc: bytes) -> bool:
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        return "srgb" in ImageCms.getProfileDescription(profile).lower().replace(" ", "")
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return True  # an unreadable profile: treat the pixels as sRGB


def _to_srgb(image: Image.Image, icc: bytes, target: str) -> Image.Image:
    """Convert pixels from their embedded profile to sRGB (keeping alpha)."""
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(target if target == "RGBA" else "RGB")
    out_mode = target if image.mode != "CMYK" else "RGB"
    if image.mode == "RGBA":
        out_mode = "RGBA"
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        srgb = ImageCms.createProfile("sRGB")
        converted = ImageCms.profileToProfile(image, source, srgb, outputMode=out_mode)
        return converted if converted is not None else image  # None only when in place
    except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
        return image  # an unusable profile: keep the numbers, assume sRGB


def clean_copy(image: Image.Image) -> Image.Image:
    """A copy of the pixels (and palette) with no metadata attached."""
    copy = image.copy()
    copy.info = {}
    return copy


def flatten(image: Image.Image, background=(255, 255, 255)) -> Image.Image:
    """RGB pixels: transparency composited on `background`."""
    if image.mode != "RGBA":
        return image.convert("RGB")
    base = Image.new("RGB", image.size, background)
    base.paste(image, mask=image.getchannel("A"))
    return base
