"""The network plugin's state for one build, and the steps that use it."""

from __future__ import annotations

import fnmatch
import os
import posixpath
import re
from collections.abc import Mapping
from datetime import datetime, tzinfo
from pathlib import Path
from typing import cast
from urllib.parse import quote, unquote, urlsplit

import markdown
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure import StructureItem
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from hubspoke.core import html, labels, urls
from hubspoke.core.content import references
from hubspoke.core.content.sanitize import expert_policy, guest_policy, safe_id, sanitize
from hubspoke.core.content.sources import LoadedSite, load_site
from hubspoke.core.content.yamlfile import FRONT_MATTER
from hubspoke.core.errors import ContentError, Problem, shown_path
from hubspoke.core.network.assembly import Network, Settings
from hubspoke.core.network.indexes import IndexPage
from hubspoke.core.network.model import Author, Persona, Post
from hubspoke.core.network.publication import State
from hubspoke.core.network.spokes import Spoke
from hubspoke.core.outputs import Claims
from hubspoke.editorial.settings import layout
from hubspoke.hub import hub_of
from hubspoke.media.config import MediaConfig
from hubspoke.outputs import refuse, register_files
from hubspoke.site_options import theme_language

from . import navigation
from .addresses import Addresses
from .config import NetworkConfig
from .context import Presenter
from .kinds import KINDS
from .rendered import RenderedPost, rendered_post
from .sitefiles import PageRole, claim_page, find_source, generated_page, listed_file, move_post

SHARE_SCRIPT = "assets/hubspoke/share-mastodon.js"
# Anything in an unpublished post that may name a local file: link targets (also in
# <angle brackets>), reference definitions, and any file-like word (front matter fields,
# attributes). Over-collecting is safe: a file is only dropped if no built page uses it.
_REFERENCE = re.compile(
    r"\]\(\s*<([^>]+)>|\]\(\s*([^)\s]+)|^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)"
    r"|([\w./%-]+\.[A-Za-z0-9]{2,5})\b",
    re.M,
)
# Private-use characters of Hubspoke's own placeholders (sanitize._MORE_TOKEN, the fragments'
# and images' root); the video marker U+E010 is refused by the media plugin.
MARKERS = ("\ue000", "\ue001")
_OVERVIEWS = ("authors", "personas", "hub")
# The option that moves a generated index page, named when its path clashes.
_INDEX_OPTIONS = {"series": "series_url_format"}


class NetworkBuild:
    """Everything the network knows during one build; created in on_config."""

    def __init__(
        self,
        options: NetworkConfig,
        config: MkDocsConfig,
        root: Path,
        settings: Settings,
        tz: tzinfo,
        loaded: LoadedSite,
    ):
        self.options = options
        self.tz = tz
        self.config = config
        self.root = root
        self.settings: Settings = settings
        self.labels = settings.labels  # the texts readers see, in the theme's language
        self.docs_label = shown_path(Path(config.docs_dir), root)
        self.loaded = loaded
        self.authors: dict[str, Author] = loaded.network.authors
        # Pages mkdocs.yml exempts from sanitising (trusted_html): their own inline scripts
        # are allowed by the CSP too.
        self.trusted_pages: set[str] = set()
        self._network: Network | None = None  # both made by read_content (on_files)
        self._presenter: Presenter | None = None
        # Where each file landed (filled in on_files) and each post's final HTML (in
        # on_page_content): what the other sections read.
        self.addresses = Addresses(view_formats=settings.paths)
        self.rendered_posts: dict[str, RenderedPost] = {}
        self.posts_by_source: dict[str, Post] = {}
        self.roles: dict[str, PageRole] = {}
        self.first_files: dict[tuple[str, str], File] = {}
        # Pages outside the nav and the nav page whose section they belong to, by source
        # path, beyond what the page kinds say (`PageKind.home`): the media section's
        # event pages under the events index (filled in on_files).
        self.nav_homes: dict[str, str] = {}
        self._nav_parents: dict[str, StructureItem] = {}  # found in on_nav
        self.unpublished_assets: dict[str, File] = {}
        self._wanted: dict[str, str] = {}
        self.company: str = loaded.company or config.site_author or config.site_name
        self.company_spokes: list[Spoke] = list(loaded.company_spokes)
        self.referenced: set[str] = set()
        # The one register of output paths: every generated page and output claims its own.
        self.claims = Claims()
        self._markdown: markdown.Markdown | None = None
        self._mentions: re.Pattern[str] | None = None
        self.site_path = urlsplit(config.site_url or "").path or "/"
        hosts = tuple(options.guest_iframe_hosts)
        self.guest_policy, self.expert_policy = guest_policy(hosts), expert_policy(hosts)

    @classmethod
    def start(
        cls,
        options: NetworkConfig,
        config: MkDocsConfig,
        root: Path,
        tz: tzinfo,
        clock: datetime,
        preview: bool,
        *,
        media: MediaConfig | None = None,
        keep_going: bool = False,
    ) -> NetworkBuild:
        """Read the whole content once (the intake and the one reader `load_site`), before
        MkDocs walks docs_dir, which follows links. Every problem is raised at once; with
        `keep_going` (`hubspoke check`'s trial build) the readable content is used instead."""
        paths = {
            "blog": options.blog_url,
            "archive": options.archive_url_format,
            "category": options.category_url_format,
            "tag": options.tag_url_format,
            "author": options.authors_url_format,
            "persona": options.personas_url_format,
            "series": options.series_url_format,
        }
        texts = labels.for_language(theme_language(config, default=None))
        settings = Settings(
            clock=clock,
            preview=preview,
            per_page=options.blog_per_page,
            rows_per_page=options.blog_rows_per_page,
            blog_title=texts.option(options.blog_title, "page.blog"),
            paths=paths,
            categories_allowed=tuple(options.blog_categories_allowed),
            labels=texts,
            related=options.related_posts,
        )
        loaded = load_site(layout(config, options, media), settings=settings)
        if loaded.problems and not keep_going or loaded.intake.problems:
            raise ContentError(loaded.problems)  # never go on past a link: MkDocs follows it
        return cls(options, config, root, settings, tz, loaded)

    @property
    def network(self) -> Network:
        """The posts MkDocs lists and their authors and personas, read in on_files."""
        if self._network is None:
            raise RuntimeError("NetworkBuild.network is read in on_files (read_content)")
        return self._network

    @property
    def presenter(self) -> Presenter:
        """What the templates show of the network, made with it in on_files."""
        if self._presenter is None:
            raise RuntimeError("NetworkBuild.presenter is made in on_files (read_content)")
        return self._presenter

    @property
    def content_read(self) -> bool:
        """Whether on_files has read the content (`network` and `presenter` are there)."""
        return self._network is not None

    def source_text(self, file: File) -> str | None:
        """The text the one reader read for a content page (every Markdown file of the
        content); None for generated pages."""
        if file.generated_by is not None:
            return None
        return self.loaded.pages.get(file.src_uri)  # line ends as MkDocs reads them

    def page_text(self, file: File) -> str:
        """A page's source text: the one reader's, else the file's (an unread page)."""
        text = self.source_text(file)
        if text is not None:
            return text
        try:
            return file.content_string
        except (OSError, UnicodeDecodeError):
            return ""

    def shown(self, file: File) -> str:
        if file.abs_src_path:
            return shown_path(Path(file.abs_src_path), self.root)
        return f"{self.docs_label}/{file.src_uri}"

    # -- on_files -----------------------------------------------------------

    def read_content(self, files: Files) -> None:
        """Take the content read in on_config: the posts MkDocs lists, nothing read again."""
        listed = {f.src_uri for f in files.documentation_pages()}
        loaded = self.loaded.network
        personas = {k: v for k, v in loaded.personas.items() if v.source in listed}
        posts = [p for p in loaded.posts if p.source in listed and self._whole(p, personas)]
        readable = {p.source for p in posts} | {p.source for p in personas.values()}
        for file in files.documentation_pages():
            if file.src_uri in self.loaded.posts and file.src_uri not in readable:
                file.inclusion = InclusionLevel.NOT_IN_NAV  # a broken post, kept going past
        network = self._network = Network(self.authors, personas, posts, self.settings)
        self.posts_by_source = {p.source: p for p in network.posts}
        self._presenter = Presenter(
            network,
            guest_policy=self.guest_policy,
            expert_policy=self.expert_policy,
            locale=theme_language(self.config),
            guest_disclosure=self.guest_disclosure,
            labels=self.labels,
            guest_link_rel=tuple(self.options.guest_link_rel),
            company=self.company,
            company_spokes=list(self.company_spokes),
            site_url=self.config.site_url,
            share_networks=tuple(self.options.share_networks),
            share_utm=self.options.share_utm,
            addresses=self.addresses,
            rendered=self.rendered_posts,
            social_cards=hub_of(self.config).social_cards,
        )

    def _whole(self, post: Post, personas: Mapping[str, Persona]) -> bool:
        """Every id the post names exists (always so, unless `keep_going` went past)."""
        known = self.authors
        return (
            all(a in known for a in post.authors)
            and all(p in personas for p in post.personas)
            and (not post.reviewer or post.reviewer in known)
        )

    def place_files(self, files: Files) -> None:
        """Apply the publication rule to posts, then add every generated file."""
        network, presenter = self.network, self.presenter
        for post in network.posts:
            file = listed_file(files, post.source)
            visibility = network.visibility(post)
            if not visibility.built:
                files.remove(file)
                self._note_assets(file, post, files)
                continue
            preview_only = visibility.state in (State.DRAFT, State.SCHEDULED)
            move_post(file, post.path, self.config, draft=preview_only)
            self.addresses.posts[post.source] = file.url
            self.roles[post.source] = PageRole("post", post.source)
            if post.image:
                self.referenced.add(urls.source_path(post.source, post.image))
                self._note_post_image(post, files)
        claims = self.claims
        register_files(claims, files, self.config)
        self._add_overviews(files, claims)
        browse: dict[str, list[IndexPage]] = {"category": [], "archive": [], "tag": []}
        for index in network.index_pages():
            self._add_index_page(index, files, claims)
            if index.kind in browse and index.number == 1:
                browse[index.kind].append(index)
        presenter.set_browse(browse["category"], browse["archive"])
        presenter.set_terms(browse["category"], browse["tag"])
        self._add_term_overviews(files, claims)
        self._add_avatars(files, claims)
        home = files.get_file_from_path(self.options.home_page)
        if home is not None and home.is_documentation_page():
            self.roles[home.src_uri] = PageRole("home")

    def _note_post_image(self, post: Post, files: Files) -> None:
        """Where a post's front-matter image landed, for its card in listings."""
        if post.image is None or html.is_external(post.image):
            return
        image = files.get_file_from_path(urls.source_path(post.source, post.image))
        if image is not None and not image.is_documentation_page():
            self.addresses.post_images[post.source] = image.url

    def refuse_clashes(self, files: Files) -> None:
        """Every clash of the paths the sections claimed in on_files (pages, avatars, post
        and podcast feeds, calendars, the insights page) and of the site's files, at once."""
        register_files(self.claims, files, self.config)
        refuse(self.claims.collisions(), self.config)

    def _add_overviews(self, files: Files, claims: Claims) -> None:
        titles = {kind: self.title(kind) for kind in ("authors", "personas", "hub")}
        for kind in _OVERVIEWS:
            template = KINDS[kind].template
            if template is None:
                raise RuntimeError(f"the page kind {kind!r} names no template")
            path = self.options[f"{kind}_url"]
            file = find_source(files, path)
            if file is None:
                file = generated_page(
                    self.config, path, title=titles[kind], template=template, in_nav=True
                )
                claim_page(claims, file, f"the {kind} overview page", option=f"{kind}_url")
                files.append(file)
            self.roles[file.src_uri] = PageRole(kind)
            self.first_files[(kind, "")] = file
            self.addresses.pages[path] = file.url
        if "mastodon" in self.options.share_networks:
            path = self.options.share_url
            file = generated_page(
                self.config,
                path,
                title=self.labels.text("mastodon.title"),
                template="hubspoke/share-mastodon.html",
            )
            claim_page(claims, file, "the Mastodon share page", option="share_url")
            files.append(file)
            self.roles[file.src_uri] = PageRole("share")
            self.addresses.pages[path] = file.url
            self.addresses.mastodon_share = file.url
            files.append(
                File.generated(self.config, SHARE_SCRIPT, content=_asset("share-mastodon.js"))
            )

    def _add_term_overviews(self, files: Files, claims: Claims) -> None:
        """Every category and every tag with its post count, in the folder of their pages
        (blog/category/, blog/tag/), unless a writer's page is there already; none when
        the pages of a kind share no folder (their format puts the key elsewhere)."""
        for kind, overview, option in (
            ("category", "categories", "category_url_format"),
            ("tag", "tags", "tag_url_format"),
        ):
            path = urls.folder_of_format(self.options[option])
            if path is None or path in self.addresses.pages:
                continue  # no one folder, or one that is another page's (the blog home's)
            file = find_source(files, path)
            if file is None:
                title = self.labels.text(f"page.{overview}")
                file = generated_page(
                    self.config, path, title=title, template=KINDS[overview].template or ""
                )
                claim_page(claims, file, f"the {overview} overview page", option=option)
                files.append(file)
            self.roles[file.src_uri] = PageRole(overview)
            self.addresses.pages[path] = file.url
            self.addresses.overviews[kind] = file.url

    def _add_index_page(self, index: IndexPage, files: Files, claims: Claims) -> None:
        file = find_source(files, index.path) if index.attach else None
        if file is not None and file.inclusion.is_in_nav():
            file.inclusion = InclusionLevel.NOT_IN_NAV  # the nav is grown in on_nav
        if file is None:
            body, description = "", None
            if index.kind == "author" and index.number == 1:
                author = self.network.authors[index.key]
                body = author.bio
                description = f"{author.name}, {author.title}" + (
                    f", {author.organization}" if author.organization else ""
                )
            file = generated_page(
                self.config,
                index.path,
                title=index.title,
                template=index.template,
                body=body,
                description=description,
                in_nav=index.kind == "blog" and index.number == 1,
            )
            what = f"the {index.kind} page {index.key!r}" if index.key else f"the {index.kind} page"
            claim_page(claims, file, what, option=_INDEX_OPTIONS.get(index.kind))
            files.append(file)
        self.roles[file.src_uri] = PageRole(index.kind, index.key, index)
        self.addresses.pages[index.path] = file.url
        if index.number == 1:
            self.first_files[(index.kind, index.key)] = file

    def _add_avatars(self, files: Files, claims: Claims) -> None:
        fmt = self.options.authors_url_format
        for author in self.authors.values():
            if not author.avatar:
                continue
            page_path = fmt.format(key=author.id).strip("/")
            src = f"{page_path}/{os.path.basename(author.avatar)}"
            file = File.generated(self.config, src, abs_src_path=author.avatar)
            claim_page(claims, file, f"the avatar of author '{author.id}'")
            files.append(file)
            self.addresses.avatars[author.id] = file.url

    def _note_assets(self, file: File, post: Post, files: Files) -> None:
        """Remember local files an unpublished post uses; pruned later if no page uses them.

        Read from the HTML the post's Markdown becomes (a real parser over every URL
        attribute), and from any file-like word of its text (front matter fields);
        over-collecting is safe: a file is only dropped if no built page uses it."""
        text = self.page_text(file)
        base = urls.folder_of(post.source)
        found = references.targets(self._draft_html(text), base)
        refs = [next(group for group in match if group) for match in _REFERENCE.findall(text)]
        if post.image:
            refs.append(post.image)
        for ref in refs:
            if not html.is_external(ref) and not ref.startswith("#"):
                target = references.local_target(ref, base)
                if target:
                    found.add(target)
        for src in found:
            asset = files.get_file_from_path(src)
            if asset is not None and not asset.is_documentation_page():
                self.unpublished_assets[asset.src_uri] = asset

    def _draft_html(self, text: str) -> str:
        """An unpublished post's Markdown as HTML, with the site's extensions (never built)."""
        body = FRONT_MATTER.sub("", text, count=1)
        if self._markdown is None:
            self._markdown = markdown.Markdown(
                extensions=self.config.markdown_extensions,
                extension_configs=self.config.mdx_configs or {},
            )
        try:
            return self._markdown.reset().convert(body)
        except Exception:  # an extension that fails on odd input: the text scan still runs
            return ""

    def title(self, kind: str) -> str:
        """The title of an overview page (authors, personas, hub): its option as set, else
        the site language's."""
        return self.labels.option(self.options[f"{kind}_title"], f"page.{kind}")

    @property
    def guest_disclosure(self) -> str:
        """The notice on posts with a guest author (option, else the site language's)."""
        return self.labels.option(self.options.guest_disclosure, "guest.disclosure")

    # -- on_nav -------------------------------------------------------------

    def grow_nav(self, nav: Navigation, files: Files) -> None:
        """Personas go into the nav; the blog's years and categories only when
        `nav_blog_sections` is on (the blog home links them either way): every
        nav entry is rendered on every page of the site. Then every page outside the
        nav gets the section it belongs to (see `navigation.placements`)."""
        self._expand_nav(nav)
        homes = dict(self.nav_homes)
        for src, role in self.roles.items():
            home = self.first_files.get((KINDS[role.kind].home or "", ""))
            if home is not None:
                homes.setdefault(src, home.src_uri)
        self._nav_parents = navigation.placements(nav, files, homes)

    def _expand_nav(self, nav: Navigation) -> None:
        first = self.first_files
        years = sorted((k for kind, k in first if kind == "archive"), reverse=True)
        names = self.network.categories()
        categories = sorted(
            (k for kind, k in first if kind == "category"), key=lambda k: names[k].name.lower()
        )
        if self.options.nav_blog_sections:
            navigation.expand(
                nav,
                first.get(("blog", "")),
                self.settings.blog_title,
                [
                    (self.labels.text("browse.archive"), [first[("archive", y)] for y in years]),
                    (
                        self.labels.text("browse.categories"),
                        [first[("category", c)] for c in categories],
                    ),
                ],
            )
        personas = sorted(self.network.personas.values(), key=lambda p: p.name.lower())
        navigation.expand(
            nav,
            first.get(("personas", "")),
            self.title("personas"),
            [(None, [first[("persona", p.id)] for p in personas if ("persona", p.id) in first])],
        )

    # -- pages --------------------------------------------------------------

    def place_in_nav(self, page: Page) -> None:
        """Hang a page outside the nav under its section (found in on_nav, before MkDocs
        made this page), so that MkDocs marks the section and its tab active on it. The
        parent may be a top-level page (see `navigation.placements`): MkDocs only ever
        sets its `active` flag and lists it among the page's ancestors."""
        parent = self._nav_parents.get(page.file.src_uri)
        if parent is not None and page.parent is None:
            page.parent = cast("Section", parent)

    def hide_lone_sidebar(self, page: Page, features: list[str]) -> None:
        """With navigation tabs, the primary sidebar shows the page's top-level section
        only; where that is the page alone (the home page, an overview with no pages under
        it, a page under no section), it is hidden on wide screens (Material's
        `hide: [navigation]`; the drawer on phones keeps the whole nav)."""
        if "navigation.tabs" not in features or not navigation.shows_only(page):
            return
        hide = page.meta.get("hide") or []
        hide = [hide] if isinstance(hide, str) else list(hide)
        if "navigation" not in hide:
            page.meta["hide"] = [*hide, "navigation"]

    def refuse_markers(self, page: Page) -> None:
        """A page may not hold the private-use characters that mark where Hubspoke puts
        its own markup (the excerpt's end, the site root of shared fragments): one in the
        text would put the wrong content, or another page's address, in its place."""
        text = page.markdown or ""
        for marker in MARKERS:
            if marker in text:
                source = self.page_text(page.file) or text
                index = source.find(marker)
                line = source.count("\n", 0, index) + 1 if index >= 0 else None
                message = (
                    f"the text contains the private-use character U+{ord(marker):04X}, "
                    "which Hubspoke uses to mark its own markup: remove it"
                )
                raise ContentError([Problem(self.shown(page.file), line, None, message)])

    def prepare_page(self, page: Page) -> None:
        """Set template, title and description of a page the network owns.

        Material prints `page.meta.title` and `description` without escaping;
        titles written by contributors are escaped here, once, as Markup.
        """
        role = self.roles.get(page.file.src_uri)
        if role is None:
            return
        kind = KINDS[role.kind]
        if kind.only_with_index and role.index is None:
            return
        meta = page.meta
        title, description = meta.get("title"), meta.get("description")
        if kind.template == "index":
            if role.index is not None:
                meta.setdefault("template", role.index.template)
        elif kind.template:
            meta.setdefault("template", kind.template)
        if kind.describe is not None:
            own_title, own_description = kind.describe(self, role)
            if kind.describe_wins:
                title, description = own_title, own_description
            else:
                title, description = title or own_title, description or own_description
        if not kind.searchable:
            meta["search"] = {"exclude": True}
            meta["hubspoke_noindex"] = True
        if kind.noindex_unless_indexed:
            post = self._post(role.key)
            if not self.network.visibility(post).indexed:
                meta["search"] = {**(meta.get("search") or {}), "exclude": True}
                meta["hubspoke_noindex"] = True
            if post.canonical_url:
                page.canonical_url = post.canonical_url
        if title:
            meta["title"] = escape(str(title))
        if description:
            meta["description"] = escape(str(description))

    def sanitize_content(self, page: Page, content: str) -> str:
        """Every page through its role's profile (see hubspoke/core/content/sanitize.py), except
        the source paths mkdocs.yml trusts; a post with a guest author is never trusted."""
        role = self.role_of(page)
        guest = role is not None and KINDS[role.kind].guest(self, role.key)
        src = page.file.src_uri
        if not guest and any(fnmatch.fnmatchcase(src, p) for p in self.options.trusted_html):
            self.trusted_pages.add(src)
            return content
        _rename_toc(page.toc)
        return sanitize(content, self.guest_policy if guest else self.expert_policy)

    def has_guest(self, post: Post) -> bool:
        """A post with a guest among its authors is sanitised and disclosed as a guest's."""
        return any(self.network.authors[a].is_guest for a in post.authors)

    def keep_content(self, page: Page, content: str) -> str:
        src = page.file.src_uri
        if self.unpublished_assets:
            self._note_references(page, content)
        role = self.roles.get(src)
        if role is None or role.kind != "post":
            return content
        post = self._post(src)
        if self.has_guest(post):
            content = html.add_link_rel(content, tuple(self.options.guest_link_rel))
        self.rendered_posts[src] = rendered_post(
            content,
            page.url,
            readtime=post.readtime,
            words_per_minute=self.options.post_words_per_minute,
        )
        return content

    def _note_references(self, page: Page, content: str) -> None:
        """Mark the unpublished posts' files that this built page's HTML uses."""
        if self._mentions is None:
            self._wanted = {unquote(a.url): src for src, a in self.unpublished_assets.items()}
            names = {posixpath.basename(url) for url in self._wanted}
            names |= {quote(name) for name in names}
            self._mentions = re.compile("|".join(re.escape(n) for n in sorted(names)) + "|&#")
        if not self._mentions.search(content):
            return
        for target in references.targets(
            content, urls.folder_of(unquote(page.url)), site_path=self.site_path
        ):
            source = self._wanted.get(target)
            if source is not None:
                self.referenced.add(source)

    def prune_unpublished_assets(self, files: Files) -> None:
        for src, asset in self.unpublished_assets.items():
            if src not in self.referenced and files.get_file_from_path(src) is asset:
                files.remove(asset)

    def context_for(self, page: Page) -> dict | None:
        role = self.roles.get(page.file.src_uri)
        if role is None:
            return None
        return KINDS[role.kind].context(self, role, page)

    def _post(self, source: str) -> Post:
        return self.posts_by_source[source]

    # -- what other Hubspoke plugins read -------------------------------------

    def role_of(self, page: Page) -> PageRole | None:
        """What a page is to the network: a post, an index page, an overview, the home."""
        return self.roles.get(page.file.src_uri)

    def post_of(self, page: Page) -> Post | None:
        """The post a page shows, if it is a post."""
        role = self.role_of(page)
        return self._post(role.key) if role and role.kind == "post" else None

    def post_url(self, post: Post) -> str:
        """Site-relative URL of a built post."""
        return self.addresses.posts[post.source]

    def rendered(self, post: Post) -> RenderedPost | None:
        """The post's HTML, excerpt and reading time, once its page is rendered."""
        return self.rendered_posts.get(post.source)

    def view_url(self, kind: str, key: str = "") -> str | None:
        """Site-relative URL of the first page of an index (author, persona, category...)."""
        return self.addresses.view(kind, key)

    def report(self, log) -> None:
        counts: dict[str, int] = {}
        for post in self.network.posts:
            state = self.network.visibility(post).state.value
            counts[state] = counts.get(state, 0) + 1
        summary = ", ".join(f"{n} {state}" for state, n in sorted(counts.items()))
        log.info(f"posts: {summary or 'none'}; clock {self.settings.clock:%Y-%m-%d %H:%M %Z}")


def _asset(name: str) -> str:
    return (Path(__file__).parent / "assets" / name).read_text(encoding="utf-8")


def _rename_toc(toc) -> None:
    """The table of contents links to the ids the sanitiser renames, renamed alike."""
    for item in toc or ():
        item.id = safe_id(item.id)
        _rename_toc(item.children)
