"""Which picture a post's card in a listing shows.

A card reads faster with a picture, and each post has one to give: the image its writer
chose for it (front matter `image`), else the first image of its text, else the social
card the images section drew or cut for it. Only the site's own files count: the built
site makes no request outside itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..html import is_external
from ..images.markup import find_images
from ..urls import resolve

# The card's picture box, as width and height attributes: the social cards' 1200 x 630
# at the width a card of the listing grid is at most shown, so a drawn card shows whole
# and `sizes` (the images section takes it from the width) asks for a fitting variant.
CARD_WIDTH = 400
CARD_HEIGHT = 210


@dataclass(frozen=True)
class CardImage:
    """The site-relative URL of a card's picture and the size of its box."""

    url: str
    width: int = CARD_WIDTH
    height: int = CARD_HEIGHT


def _local(url: str | None) -> bool:
    return bool(url) and not is_external(url or "") and not (url or "").startswith(("/", "#"))


def first_image(body_html: str, post_url: str) -> str | None:
    """The site-relative URL of the first local image of a post's HTML, if it has one."""
    for img in find_images(body_html):
        if _local(img.src):
            return resolve(img.src, post_url)
    return None


def card_image(
    *,
    image_url: str | None,
    body_html: str | None,
    post_url: str,
    social_card: str | None,
) -> CardImage | None:
    """The front-matter image (`image_url`, site-relative), else the body's first image,
    else the social card; None when the post has none of them."""
    if _local(image_url):
        return CardImage(str(image_url))
    found = first_image(body_html, post_url) if body_html else None
    if found:
        return CardImage(found)
    if _local(social_card):
        return CardImage(str(social_card))
    return None
