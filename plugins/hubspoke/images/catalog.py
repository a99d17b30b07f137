"""The images plugin's state for one build: which images are used where, and what to publish.

In on_files, `check_files` inspects every content image's header and refuses content
files named like variants, so these problems stop the build (and `hubspoke check`)
before any page. Pages are read next (`note_page`: references, alt text, escapes, infographic
marks); once every page is converted and the network has pruned what
unpublished posts used, `publish` inspects the images left (those only unpublished
posts may use), plans and
encodes what the cache lacks (in a process pool), and swaps MkDocs' files for
the cleaned ones plus their variants. `views` then tells `rewrite` how to show
each image on the final pages.
"""

from __future__ import annotations

import os
import posixpath
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hubspoke.core import html as core_html
from hubspoke.core import urls
from hubspoke.core.content.mdscan import Scanner
from hubspoke.core.errors import ContentError, ProblemList, shown_path
from hubspoke.core.images.encode import CardTask, SourceTask, missing, run_tasks
from hubspoke.core.images.inspect import (
    ImageProblem,
    inspect,
    is_raster,
    is_unsupported,
)
from hubspoke.core.images.markup import (
    INFOGRAPHIC_CLASS,
    TEXT_ATTRIBUTE,
    ImageView,
    PageImages,
    Rendition,
    SvgView,
    Variant,
    find_images,
    rewrite_page,
)
from hubspoke.core.images.plan import (
    Encoding,
    Output,
    is_infographic,
    plan_source,
    worth_publishing,
)
from hubspoke.core.images.svg import SvgProblem, check_svg
from hubspoke.core.outputs import Claims
from hubspoke.core.urls import source_path
from hubspoke.fragments import place
from hubspoke.hub import hub_of
from hubspoke.outputs import refuse, register_files

from .cards import CardMaker
from .pictures import TemplateMarkup
from .shared import ImageStats, Source

if TYPE_CHECKING:
    from hubspoke.network.build import NetworkBuild

PROGRESS_FROM = 8  # tasks: below this, no progress lines
# Pictures are written with URLs from this placeholder root, so one written picture
# serves every page that shows the image; each page's own path to the root replaces it.
_ROOT = "\ue001hubspoke-images-root\ue001"


class ImagesBuild:
    """Everything the images plugin knows during one build; created in on_config."""

    def __init__(self, options, config: MkDocsConfig, root: Path, encoding: Encoding, log):
        self.options = options
        self.config = config
        self.root = root
        self.log = log
        self.encoding = encoding
        self.docs_dir = Path(config.docs_dir).resolve()
        self.docs_label = shown_path(self.docs_dir, root)
        self.cache_dir = str((root / options.cache_dir).resolve())
        self.workers = options.workers or os.cpu_count() or 1
        self.stats = ImageStats()
        self.problems = ProblemList()
        self.url_map: dict[str, File] = {}
        self.uses: dict[str, list[str]] = defaultdict(list)
        self.marked: set[str] = set()
        self.alt_of: dict[str, str] = {}
        self.first_image: dict[str, str] = {}
        self.views: dict[str, ImageView | SvgView] = {}
        self.sources: dict[str, Source] = {}
        self._avatar_set: set[str] = set()
        self._pictures: dict = {}
        self._markup: TemplateMarkup | None = None  # the templates, at the first page
        self._by_url: dict[str, Source] | None = None
        self._read_early: set[str] = set()
        self._early = False
        self._names: dict[str, list[str]] | None = None  # before pages: see _note_names
        self._name_args: tuple = ()
        self._published: dict[str, str] = {}  # a path this build writes -> what it is
        self._claims = Claims()  # the network's register of output paths, in publish
        self.cards = CardMaker(self)

    # -- on_files -------------------------------------------------------------

    def index_files(self, files: Files) -> None:
        """Remember which static file each site URL is, to resolve <img> sources."""
        self.url_map = {unquote(f.url): f for f in files if not f.is_documentation_page() and f.url}

    def check_files(self, files: Files, network_build: NetworkBuild | None) -> None:
        """Inspect every content image's header and refuse content files named like the
        variants the build writes, before any page is rendered (so `hubspoke check`, which
        stops before on_env, runs this too). Images only unpublished posts may use are
        left to `publish`: the network drops them there if no built page uses them."""
        avatars = self._avatar_urls(network_build)
        later = set(network_build.unpublished_assets if network_build is not None else ())
        self._names, self._name_args = None, (files, network_build, avatars)  # made if needed
        self._early = True
        try:
            for file in sorted(files, key=lambda f: f.src_uri):
                if file.is_documentation_page() or file.src_uri in later:
                    continue
                if self._is_content(file, avatars):
                    self._read(file)
                    self._read_early.add(file.src_uri)
        finally:
            self._early = False
        self._check_variant_names(files, set(avatars.values()))
        self._raise_problems()

    def _check_variant_names(self, files: Files, avatar_urls: set[str]) -> None:
        """A content file at the path of a variant the build writes would be overwritten."""
        for source in self.sources.values():
            plan = plan_source(
                source.info,
                self.encoding,
                avatar=source.file.url in avatar_urls,
                infographic=True,  # every name the build may write, with the preview's
            )
            stem, _ = posixpath.splitext(source.file.src_uri)
            for outputs, base in ((plan.variants, stem), (plan.preview, f"{stem}-top")):
                for output in outputs:
                    other = files.get_file_from_path(_variant_uri(base, output))
                    if other is not None and other is not source.file:
                        self.problems.add(
                            self.file_label(other),
                            f"has the name of a variant the build writes for {source.label}: "
                            "remove it (the build makes the variants of an image itself) "
                            "or rename it",
                        )

    def _note_names(
        self, files: Files, network_build: NetworkBuild | None, avatars: dict[str, str]
    ) -> dict[str, list[str]]:
        """Before pages are rendered, which pages name each file: the images and links of
        the posts, personas and events the one reader read, posts' `image` fields and
        avatars; the messages of `used_by` name them until the pages are rendered."""
        names: dict[str, list[str]] = defaultdict(list)
        for author_id, url in avatars.items():
            names[unquote(url)].append(f"the avatar of author '{author_id}'")
        if network_build is None:
            return names
        for file in files.documentation_pages():
            text = network_build.source_text(file)
            if text is None:
                continue
            label = self.file_label(file)
            for ref in Scanner(text).references():
                if ref.url and not core_html.is_external(ref.url) and ref.url[0] not in "#/":
                    path = unquote(ref.url.split("#")[0].split("?")[0])
                    names[source_path(file.src_uri, path)].append(f"{label}:{ref.line}")
        for post in network_build.network.posts if network_build.content_read else ():
            if post.image and not core_html.is_external(post.image):
                line = post.lines.get("image")
                shown = f"{shown_path(Path(self.docs_dir) / post.source, self.root)}"
                names[source_path(post.source, post.image)].append(
                    f"{shown}:{line}" if line else shown
                )
        for found in names.values():
            found.sort(key=_by_line)
        return names

    def url_files_by_src(self) -> dict[str, File]:
        return {f.src_uri: f for f in self.url_map.values()}

    def source_at_url(self, url: str) -> Source | None:
        """The source image published at `url` (an avatar, for cards): a lookup, not a scan,
        as it is asked for every author of every post."""
        if self._by_url is None:
            self._by_url = {s.file.url: s for s in self.sources.values()}
        return self._by_url.get(url)

    # -- on_page_content --------------------------------------------------------

    def note_page(self, page: Page, content: str) -> None:
        """Record the images a page's content shows; warn about missing alt text."""
        label = self.page_label(page)
        for img in find_images(content):
            local = not (core_html.is_external(img.src) or img.src.startswith(("/", "data:")))
            target = self.target_of(img.src, page.url) if local else None
            file = self.url_map.get(target) if target is not None else None
            shown = self.file_label(file) if file else img.src
            if not (img.alt or "").strip():
                self.log.warning(
                    f"{label}: image '{shown}' has no alt text: describe what it shows "
                    "between the brackets of ![...](...)"
                )
            if not local:
                continue
            if target not in self.url_map:
                self._check_escape(page, label, img.src)
                continue
            self.uses[target].append(label)
            self.first_image.setdefault(page.file.src_uri, img.src)
            if img.alt and target not in self.alt_of:
                self.alt_of[target] = img.alt
            if INFOGRAPHIC_CLASS in img.classes:
                self.marked.add(target)
            anchor = img.get(TEXT_ATTRIBUTE)
            if anchor and anchor.startswith("#") and not core_html.has_id(content, anchor[1:]):
                self.log.warning(
                    f"{label}: image '{shown}': {TEXT_ATTRIBUTE}=\"{anchor}\" matches no "
                    "heading or element id on the page"
                )
        self.cards.note_page(page)

    def _check_escape(self, page: Page, label: str, src: str) -> None:
        """MkDocs leaves a link it cannot resolve as written: relative to the source file."""
        path = unquote(src.split("#")[0].split("?")[0])
        joined = source_path(page.file.src_uri, path)
        if joined == ".." or joined.startswith("../"):
            self.problems.add(
                label,
                f"image '{src}' points outside the content folder ({self.docs_label}/): "
                f"move the image into {self.docs_label}/ and link it with a relative path",
            )

    # -- on_env -----------------------------------------------------------------

    def publish(self, files: Files, network_build) -> None:
        """Check, plan, encode (what the cache lacks) and publish every content image."""
        self._raise_problems()
        self._claims = network_build.claims if network_build is not None else Claims()
        register_files(self._claims, files, self.config)
        avatars = self._avatar_urls(network_build)
        self._avatar_set = set(avatars.values())
        for author_id, url in avatars.items():
            self.uses[unquote(url)].append(f"the avatar of author '{author_id}'")
        self.cards.note_post_images(network_build)
        for file in sorted(files, key=lambda f: f.src_uri):
            if file.src_uri in self._read_early or file.is_documentation_page():
                continue
            if self._is_content(file, avatars):
                self._read(file)
        self._raise_problems()
        for source in self.sources.values():
            url = unquote(source.file.url)
            source.plan = plan_source(
                source.info,
                self.encoding,
                avatar=source.file.url in avatars.values(),
                infographic=url in self.marked,
            )
        card_outputs, card_tasks = self.cards.plan(network_build)
        self._encode(card_outputs, card_tasks)
        self._raise_problems()
        for source in self.sources.values():
            self._publish_source(files, source)
        self.cards.publish(files)
        refuse(self._claims.collisions(), self.config)
        self._report()

    def _is_content(self, file: File, avatars: dict[str, str]) -> bool:
        if file.url in avatars.values():
            return True
        path = file.abs_src_path
        if not path or file.generated_by:
            return False
        try:
            Path(path).resolve().relative_to(self.docs_dir)
        except ValueError:
            return False
        return True

    def _read(self, file: File) -> None:
        label = self.file_label(file)
        name = file.src_uri.lower()
        try:
            if name.endswith(".svg"):
                svg = check_svg(file.content_bytes)
                self.views[unquote(file.url)] = SvgView(svg.width, svg.height)
                self.stats.svgs += 1
            elif is_raster(name) or is_unsupported(name):
                path = _disk_path(file)
                info = inspect(path, file.content_bytes, max_pixels=self.max_pixels)
                self.sources[file.src_uri] = Source(file, path, label, info)
                self._by_url = None
                self.stats.sources += 1
                self.stats.bytes_sources += info.size
        except (ImageProblem, SvgProblem) as problem:
            self.problems.add(label, f"{problem}; {self.used_by(file)}")
        except OSError as error:
            self.problems.add(label, f"cannot be read ({error.strerror}); {self.used_by(file)}")

    @property
    def max_pixels(self) -> int:
        return self.options.max_pixels

    def _encode(self, card_outputs: dict[str, list[Output]], card_tasks: list[CardTask]) -> None:
        """Run every task whose outputs are not all in the cache."""
        tasks: list[SourceTask | CardTask] = []
        total = 0
        for source in self.sources.values():
            outputs = _unique(
                [*source.planned().outputs, *card_outputs.get(source.file.src_uri, [])]
            )
            total += len(outputs)
            todo = missing(outputs, self.cache_dir)
            if todo:
                tasks.append(
                    SourceTask(
                        source.path,
                        todo,
                        self.cache_dir,
                        self.max_pixels,
                        weight=source.info.pixels * len(todo),
                    )
                )
        total += len(self.cards.generated)
        tasks.extend(card_tasks)
        by_path = {s.path: s for s in self.sources.values()}
        progress = self._progress if len(tasks) >= PROGRESS_FROM else None
        if tasks:
            self.log.info(
                f"images: encoding {sum(_files_in(t) for t in tasks)} files for {len(tasks)} "
                f"images and cards with {min(self.workers, len(tasks))} worker(s)"
            )
        for result in run_tasks(tasks, self.workers, progress):
            self.stats.encoded += result.encoded
            if result.error:
                source = by_path[result.path]
                self.problems.add(
                    source.label, f"{result.error}: export it again; {self.used_by(source.file)}"
                )
        self.stats.reused = total - self.stats.encoded

    def _progress(self, done: int, total: int) -> None:
        step = max(1, total // 10)
        if done == total or done % step == 0:
            self.log.info(
                f"images: {done}/{total} images and cards encoded ({100 * done // total}%)"
            )

    def _publish_source(self, files: Files, source: Source) -> None:
        """Swap the original for its cleaned copy; add every variant; remember the view."""
        plan, original = source.planned(), source.file
        files.remove(original)
        cleaned = File.generated(
            self.config,
            original.src_uri,
            abs_src_path=self.cached(plan.original),
            inclusion=original.inclusion,
        )
        files.append(cleaned)
        if self._claims.holder(cleaned.dest_uri) is not None:
            self._claims.settle(cleaned.dest_uri, cleaned)
        self._count(plan.original)
        self._published[original.src_uri] = source.label
        stem, _ = posixpath.splitext(original.src_uri)
        full = self._rendition(files, source, plan.variants, stem)
        preview = None
        if plan.preview:
            preview = self._rendition(files, source, plan.preview, f"{stem}-top")
        tall = is_infographic(plan.info.width, plan.info.height, self.encoding.infographic_ratio)
        self.views[unquote(original.url)] = ImageView(
            original.url,
            full,
            preview,
            infographic=tall and source.file.url not in self._avatar_set,
            original_size=(plan.info.width, plan.info.height),
        )

    def _rendition(
        self, files: Files, source: Source, outputs: Iterable[Output], stem: str
    ) -> Rendition:
        """Publish one set of variants, those worth their bytes (`worth_publishing`)."""
        by_format: dict[str, list[Output]] = defaultdict(list)
        for output in outputs:
            by_format[output.fmt].append(output)
        fallback = source.planned().fallback
        kept = worth_publishing(
            {
                fmt: {o.width: os.path.getsize(self.cached(o)) for o in group}
                for fmt, group in by_format.items()
            },
            fallback,
        )
        sources: list[tuple[str, tuple[Variant, ...]]] = []
        fallback_variants: tuple[Variant, ...] = ()
        for fmt, group in by_format.items():
            if fmt not in kept:
                continue
            variants = []
            for output in (o for o in group if o.width in kept[fmt]):
                uri = _variant_uri(stem, output)
                file = self.add_file(files, uri, output, f"a variant of {source.label}")
                variants.append(Variant(file.url, output.width))
            if fmt == fallback:
                fallback_variants = tuple(variants)
            else:
                sources.append((group[0].mime, tuple(variants)))
        largest = by_format[fallback][-1]
        return Rendition(largest.width, largest.height, tuple(sources), fallback_variants)

    def add_file(self, files: Files, uri: str, output: Output, what: str) -> File:
        """Publish a cached output at `uri`; its path is claimed in the one register of
        output paths (every clash is refused at the end of `publish`)."""
        file = File.generated(self.config, uri, abs_src_path=self.cached(output))
        self._claims.claim(file.dest_uri, what, token=file, owner="hubspoke/images")
        files.append(file)
        self._published[uri] = what
        self._count(output)
        return file

    def cached(self, output: Output) -> str:
        return os.path.join(self.cache_dir, output.filename)

    def _count(self, output: Output) -> None:
        self.stats.files += 1
        self.stats.bytes_published += os.path.getsize(self.cached(output))

    def _report(self) -> None:
        s = self.stats
        cache = shown_path(Path(self.cache_dir), self.root)
        self.log.info(
            f"images: {s.sources} images, {s.svgs} SVG, {s.cards} cards -> {s.files} files, "
            f"{s.bytes_sources:,} bytes in, {s.bytes_published:,} bytes out; "
            f"{s.encoded} encoded, {s.reused} from the cache ({cache})"
        )

    # -- on_post_page -----------------------------------------------------------

    def rewrite(self, output: str, page: Page) -> str:
        """The final page HTML with responsive pictures."""
        if not self.views:
            return output
        text_id = self.options.infographic_text_id

        def lookup(src: str):
            if core_html.is_external(src) or src.startswith(("data:", "#")):
                return None
            return self.views.get(self.target_of(src, page.url))

        def text_anchor(img) -> str | None:
            anchor = img.get(TEXT_ATTRIBUTE)
            if anchor and not anchor.startswith("#"):
                return anchor
            wanted = anchor[1:] if anchor else text_id
            return f"#{wanted}" if wanted and core_html.has_id(output, wanted) else None

        output = rewrite_page(
            output,
            PageImages(
                lookup=lookup,
                relative=lambda url: f"{_ROOT}/{url}",
                sizes=self.options.variants_sizes,
                markup=self.markup,
                eager_src=self.first_image.get(page.file.src_uri),
                text_anchor=text_anchor,
                memo=self._pictures,
            ),
        )
        if _ROOT in output:
            root = urls.relative_url("", page.url)  # "../../" or, at the site root, "./"
            output = output.replace(f"{_ROOT}/", "" if root == "./" else root)
        return place(output, page.url)  # an override's own base_url

    @property
    def markup(self) -> TemplateMarkup:
        if self._markup is None:
            self._markup = TemplateMarkup(hub_of(self.config).fragments(self.config).renderer)
        return self._markup

    # -- labels -----------------------------------------------------------------

    def target_of(self, src: str, page_url: str) -> str:
        """The site path (unquoted) that `src`, written on the page at `page_url`, points to."""
        path = src.split("#")[0].split("?")[0]
        return unquote(urls.resolve(path, page_url))

    def page_label(self, page: Page) -> str:
        return self.file_label(page.file)

    def file_label(self, file: File) -> str:
        """The file as an editor knows it: content/..., or authors/... for an avatar."""
        if file.abs_src_path:
            return shown_path(Path(file.abs_src_path), self.root)
        return f"{self.docs_label}/{file.src_uri}"

    def used_by(self, file: File) -> str:
        if self._early:  # before pages are rendered: the pages whose source names it
            if self._names is None:  # scanned only when a problem needs the names
                self._names = self._note_names(*self._name_args)
            uses = _unique(self._names.get(file.src_uri, []))
            if not uses:
                return "no post, persona or event names it"
        else:
            uses = _unique(self.uses.get(unquote(file.url), []))
        if not uses:
            return "not used by any page"
        shown = ", ".join(uses[:5]) + (f" and {len(uses) - 5} more" if len(uses) > 5 else "")
        return f"used by {shown}"

    def _avatar_urls(self, network_build: NetworkBuild | None) -> dict[str, str]:
        if network_build is None:
            return {}
        return dict(network_build.addresses.avatars)

    def _raise_problems(self) -> None:
        if self.problems:
            items, self.problems = self.problems.items, ProblemList()
            error = ContentError(items)
            raise PluginError(str(error)) from error  # check reports its problems as they are


def _unique(items):
    seen, out = set(), []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out


def _by_line(label: str) -> tuple[str, int]:
    path, _, line = label.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (label, 0)


def _variant_uri(stem: str, output: Output) -> str:
    return f"{stem}-{output.width}w.{output.key[:12]}.{output.extension}"


def _files_in(task) -> int:
    return len(task.outputs) if isinstance(task, SourceTask) else 1


def _disk_path(file: File) -> str:
    """Where a content image or an avatar is on disk (both always have a path)."""
    if not file.abs_src_path:
        raise RuntimeError(f"{file.src_uri} has no file on disk")
    return file.abs_src_path
