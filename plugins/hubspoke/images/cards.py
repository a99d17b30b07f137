"""Social cards: which page gets which 1200x630 image, and its og:image / twitter:image tags.

A post's card is cut from its `image` (around `image_focus` when given), or
drawn; an author's first page and the home page get drawn cards; every other
page shares the home page's card. Cards need `site_url` (og:image is absolute).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from hubspoke.core import html as core_html
from hubspoke.core.images.cards import (
    BOLD_FONT,
    REGULAR_FONT,
    CardSpec,
    Person,
    color,
    readable_on,
)
from hubspoke.core.images.encode import CardTask, missing
from hubspoke.core.images.plan import (
    CARD_SIZE,
    Output,
    cache_key,
    card_from_source,
)
from hubspoke.core.urls import source_path
from hubspoke.head import head_of
from hubspoke.network.kinds import KINDS
from hubspoke.options import option_error

from .shared import ImageSite

if TYPE_CHECKING:
    from hubspoke.network.build import NetworkBuild

FOCUS_FIELD = "image_focus"


@dataclass
class Card:
    """One card: the file it is, what it shows (for og:image:alt), and its URL once published."""

    output: Output
    alt: str
    url: str | None = None


class CardMaker:
    """Plans, publishes and announces the cards of one build."""

    def __init__(self, build: ImageSite):
        self.build = build
        options, config = build.options, build.config
        self.enabled = bool(options.cards_enabled and config.site_url)
        self.focus: dict[str, tuple[float, float]] = {}
        self.cards: dict[tuple[str, str], Card] = {}  # (kind, key) -> card
        self.generated: list[tuple[CardSpec, Output]] = []
        self.post_images: dict[str, str] = {}  # post source -> image src_uri
        self.style: dict = {}

    # -- reading ------------------------------------------------------------------

    def note_page(self, page: Page) -> None:
        """Read and check a page's `image_focus: [x, y]` (fractions from the top left)."""
        value = page.meta.get(FOCUS_FIELD)
        if value is None:
            return
        if (
            isinstance(value, list | tuple)
            and len(value) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in value)
            and all(0 <= v <= 1 for v in value)
        ):
            self.focus[page.file.src_uri] = (float(value[0]), float(value[1]))
            return
        self.build.problems.add(
            self.build.page_label(page),
            f"must be [x, y], two numbers from 0 to 1 measured from the top left of the "
            f"image, e.g. [0.3, 0.6], not {value!r}",
            field=FOCUS_FIELD,
        )

    def note_post_images(self, network_build: NetworkBuild | None) -> None:
        """Count each built post's front-matter `image` as a use of that file."""
        if network_build is None or not network_build.content_read:
            return
        network = network_build.network
        by_src = self.build.url_files_by_src()
        for post in network.posts:
            if not network.visibility(post).built or not post.image:
                continue
            if core_html.is_external(post.image):
                continue
            src_uri = source_path(post.source, post.image)
            self.post_images[post.source] = src_uri
            file = by_src.get(src_uri)
            if file is not None:
                label = f"{self.build.docs_label}/{post.source}"
                self.build.uses[self.build.target_of(file.url, "")].append(
                    f"{label} (field 'image')"
                )

    # -- planning -----------------------------------------------------------------

    def plan(
        self, network_build: NetworkBuild | None
    ) -> tuple[dict[str, list[Output]], list[CardTask]]:
        """Cards cut from sources (encoded with them), and drawn cards as their own tasks."""
        if not self.enabled:
            return {}, []
        build, config = self.build, self.build.config
        self.style = self._style()
        from_sources: dict[str, list[Output]] = {}
        site_name = str(config.site_name)
        if network_build is not None and network_build.content_read:
            network = network_build.network
            for post in network.posts:
                if not network.visibility(post).built:
                    continue
                names = [network.authors[a].name for a in post.authors]
                source = build.sources.get(self.post_images.get(post.source, ""))
                output = None
                if source is not None:
                    focus = self.focus.get(post.source)
                    output = card_from_source(source.info, focus, build.encoding)
                if source is not None and output is not None:
                    from_sources.setdefault(source.file.src_uri, []).append(output)
                    alt = build.alt_of.get(self.build.target_of(source.file.url, "")) or post.title
                    self.cards[("post", post.source)] = Card(output, alt)
                    continue
                spec = self._spec(
                    "post",
                    post.title,
                    post.description or "",
                    tuple(self._person(network_build, a) for a in post.authors),
                )
                labels = network_build.labels
                by = (
                    f" {labels.text('post.and')} ".join(names)
                    if len(names) < 3
                    else ", ".join(names)
                )
                alt = labels.text("image.card_post", title=post.title, names=by)
                self._draw(("post", post.source), spec, alt)
            for author in network.authors.values():
                if network_build.view_url("author", author.id) is None:
                    continue
                subtitle = author.title + (
                    f", {author.organization}" if author.organization else ""
                )
                spec = self._spec(
                    "person",
                    author.name,
                    subtitle,
                    (self._person(network_build, author.id),),
                )
                self._draw(("author", author.id), spec, f"{author.name}, {subtitle}")
        description = str(config.site_description or "")
        spec = self._spec("site", site_name, description, ())
        self._draw(("site", ""), spec, f"{site_name}: {description}" if description else site_name)
        tasks = [
            CardTask(spec, output, build.cache_dir, weight=CARD_SIZE[0] * CARD_SIZE[1])
            for spec, output in self.generated
            if missing([output], build.cache_dir)
        ]
        return from_sources, tasks

    def _draw(self, key: tuple[str, str], spec: CardSpec, alt: str) -> None:
        options = self.build.encoding.options("png")
        digest = cache_key(*spec.key_parts(self.style["font_sha"]), options)
        output = Output(digest, "card", "png", CARD_SIZE[0], CARD_SIZE[1], None, options)
        self.generated.append((spec, output))
        self.cards[key] = Card(output, alt)

    def _spec(self, layout: str, title: str, subtitle: str, people) -> CardSpec:
        style = self.style
        return CardSpec(
            layout=layout,
            title=str(title),
            subtitle=str(subtitle),
            site=str(self.build.config.site_name),
            footer=urlsplit(self.build.config.site_url or "").netloc,
            people=people,
            background=style["background"],
            foreground=style["foreground"],
            accent=style["accent"],
            regular_font=style["regular"],
            bold_font=style["bold"],
            max_pixels=self.build.max_pixels,
        )

    def _person(self, network_build: NetworkBuild, author_id: str) -> Person:
        author = network_build.network.authors[author_id]
        url = network_build.addresses.avatars.get(author_id)
        source = self.build.source_at_url(url) if url else None
        if source is None:
            return Person(author.name)
        return Person(author.name, source.path, source.info.sha256)

    def _style(self) -> dict:
        options, config = self.build.options, self.build.config
        palette = config.theme.get("palette") or {}
        if isinstance(palette, list):
            palette = palette[0] if palette else {}
        background = color(options.cards_background or palette.get("primary"), "#4051b5")
        accent = color(options.cards_accent or palette.get("accent"), "#009485")
        foreground = color(options.cards_foreground, readable_on(background))
        regular = self._font("cards_font", options.cards_font, REGULAR_FONT)
        bold_option = "cards_font_bold" if options.cards_font_bold else "cards_font"
        bold = self._font(bold_option, options.cards_font_bold or options.cards_font, BOLD_FONT)
        digest = hashlib.sha256()
        for path in (regular, bold):
            digest.update(Path(path).read_bytes() if Path(path).is_file() else b"default")
        return {
            "background": background,
            "foreground": foreground,
            "accent": accent,
            "regular": regular,
            "bold": bold,
            "font_sha": digest.hexdigest(),
        }

    def _font(self, option: str, value: str | None, default: Path) -> str:
        if not value:
            return str(default)
        path = (self.build.root / value).resolve()
        if not path.is_file():
            raise option_error(
                "hubspoke/images", option, f"{value!r} not found (looked for {path})"
            )
        return str(path)

    # -- publishing ---------------------------------------------------------------

    def publish(self, files: Files) -> None:
        directory = self.build.options.cards_dir.strip("/")
        published: dict[str, str] = {}
        for card in self.cards.values():
            key = card.output.key
            if key not in published:
                uri = f"{directory}/{key[:16]}.{card.output.extension}"
                published[key] = self.build.add_file(files, uri, card.output, "a social card").url
                self.build.stats.cards += 1
            card.url = published[key]

    def post_urls(self) -> dict[str, str]:
        """Each post's published card (post source -> URL), for the post cards of listings."""
        return {
            key: card.url
            for (kind, key), card in self.cards.items()
            if kind == "post" and card.url is not None
        }

    def card_for(self, page: Page, network_build: NetworkBuild | None) -> Card | None:
        if not self.enabled:
            return None
        role = network_build.role_of(page) if network_build is not None else None
        own = KINDS[role.kind].card if role is not None else "site"
        card = self.cards.get((own, role.key)) if role is not None and own != "site" else None
        return card or self.cards.get(("site", ""))

    def add_head(self, context, page: Page, network_build: NetworkBuild | None) -> None:
        """og:image and twitter:image tags, with size, type and alt text."""
        card = self.card_for(page, network_build)
        if card is None or card.url is None:
            return
        url = urljoin(self.build.config.site_url or "", card.url)  # cards need a site_url
        head = head_of(context)
        head.property("og:image", url)
        head.property("og:image:type", card.output.mime)
        head.property("og:image:width", card.output.width)
        head.property("og:image:height", card.output.height)
        head.property("og:image:alt", card.alt)
        head.name("twitter:image", url)
        head.name("twitter:image:alt", card.alt)
