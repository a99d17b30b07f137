"""The MkDocs side of the table of outputs (`hubspoke.core.outputs`): claim, write, announce.

One way to write generated files: every output of the table (post feeds, podcast
feeds, calendars) is planned and claimed as soon as its items are known, and
written by `write_file` in on_env, once every page is rendered, straight into
site_dir (a large site's feeds need not wait in memory for the end of the build).
The same change detection holds for every output: a file whose bytes did not
change is not written again (`mkdocs serve` keeps its time stamp).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable, Mapping
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from hubspoke.core import outputs as core
from hubspoke.core.errors import ContentError, Problem, shown_path
from hubspoke.core.outputs import Claims, Collision, Output, OutputSite
from hubspoke.core.urls import PathFormatError
from hubspoke.head import Head
from hubspoke.options import option_line


def shown_file(file: File, root: Path) -> str:
    """How collision messages name a file no claim describes."""
    if file.generated_by:
        return f"the plugin '{file.generated_by}'"
    if file.abs_src_path:
        path = Path(file.abs_src_path)
        return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
    return f"'{file.src_uri}'"


def register_files(claims: Claims, files: Files, config: MkDocsConfig) -> None:
    """Every file MkDocs will write, and the theme's templates, claim their paths (two
    plain files at one path are MkDocs' concern; a file on a planned output's path is a
    collision)."""
    root = Path(config.config_file_path).parent
    for file in files:
        holder = claims.holder(file.dest_uri)
        if holder is None or isinstance(holder.token, Output):
            claims.claim(file.dest_uri, shown_file(file, root), token=file)
    for template in (*config.theme.static_templates, *config.extra_templates):
        if claims.holder(template) is None:
            claims.claim(template, f"the template {template!r}")


def refuse(collisions: list[Collision], config: MkDocsConfig) -> None:
    """Every collision at once, one line each, named by the section that writes the
    files and, when the option that moves one of them is set in mkdocs.yml, at its line
    (as `hubspoke check` reports it)."""
    if not collisions:
        return
    config_file = config.config_file_path
    where = shown_path(Path(config_file), Path(config_file).parent) if config_file else "mkdocs.yml"
    problems = []
    for collision in collisions:
        owner, option = collision.option
        line = None
        if config_file and owner and option:
            line = option_line(config_file, owner, *option.split("."))
        section = collision.owner or "hubspoke"
        problems.append(Problem(where, line, None, f"{section}: {collision.message}"))
    error = ContentError(problems)
    raise PluginError(str(error)) from error


EMPTY_SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>\n'
)


def answer_sitemap_requests(
    announced: core.Announcement, owner: str, files: Files, claims: Claims, config: MkDocsConfig
) -> None:
    """An empty sitemap.xml in each folder of an output a page links in its head.

    Material's script fetches the sitemap.xml next to every `<link rel="alternate">` of a
    page, to find the page's translations; next to a feed or calendar there was none, so
    every page logged requests answered 404. A file already at that path is left alone."""
    folders = {posixpath.dirname(o.path) for links in announced.links.values() for o in links}
    for folder in sorted(f for f in folders if f):
        path = f"{folder}/sitemap.xml"
        if claims.holder(path) is not None:
            continue
        claims.claim(path, f"the empty sitemap of '{folder}/'", owner=owner)
        file = write_file(config, path, EMPTY_SITEMAP)
        files.append(file)
        claims.settle(path, file)


def write_file(config: MkDocsConfig, path: str, content: bytes | str) -> File:
    """Write an output into site_dir (unless the same bytes are there) and return the File
    that tells MkDocs about it; its source is its destination, so MkDocs leaves it be."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    target = Path(config.site_dir, *path.split("/"))
    write_if_changed(target, data)
    return File.generated(
        config, path, abs_src_path=str(target), inclusion=InclusionLevel.NOT_IN_NAV
    )


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write `data` to `target` unless it holds them already; whether it wrote."""
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return True


class OutputRun:
    """One plugin's outputs during one build: which files, their claims, bytes and links.

    `paths` turns entries on (entry name -> path format); only the entries of `owner`
    count. The table is read when planning, so an entry added to `core.outputs.TABLE`
    is built like the others.
    """

    def __init__(self, owner: str, site: OutputSite, paths: Mapping[str, str | None]):
        self.owner = owner
        self.site = site
        self.paths = dict(paths)
        self.outputs: list[Output] = []
        self.announced = core.announcement((), site)

    def specs(self) -> list[core.OutputSpec]:
        return [s for s in core.TABLE if s.owner == self.owner and self.paths.get(s.name)]

    def plan(self, files: Files, claims: Claims, config: MkDocsConfig) -> list[Output]:
        """Select every output's items and claim its path; the clashes are refused with
        every other clash of the build's files, at the end of on_files."""
        register_files(claims, files, config)
        try:
            self.outputs = core.plan(self.specs(), self.site, self.paths)
        except PathFormatError as error:
            raise PluginError(f"{self.owner}: an output has no usable path: {error}") from None
        core.claim_outputs(claims, self.outputs, self.paths)
        self.announced = core.announcement(self.outputs, self.site)
        return self.outputs

    def render(self) -> Iterable[tuple[Output, bytes]]:
        """Every planned output's bytes, one at a time."""
        for output in self.outputs:
            yield output, output.spec.write(self.site, output)

    def write(
        self,
        rendered: Iterable[tuple[Output, bytes]],
        files: Files,
        claims: Claims,
        config: MkDocsConfig,
    ) -> None:
        """Write each output as it is rendered; a file added since planning that takes an
        output's path is refused first."""
        register_files(claims, files, config)
        refuse(claims.collisions(), config)
        for output, content in rendered:
            file = write_file(config, output.path, content)
            files.append(file)
            claims.settle(output.path, file)
        answer_sitemap_requests(self.announced, self.owner, files, claims, config)

    def announce(
        self, head: Head, roles: Iterable[core.Role], *, links: bool = True, follow: bool = True
    ) -> None:
        """`<link rel="alternate">` and "Follow" links on a page that plays `roles`."""
        roles = list(roles)
        if links:
            for output in self.announced.links_on(roles):
                head.link(
                    "alternate", output.href, type=output.spec.media_type, title=output.link_title
                )
        if follow:
            for output in self.announced.follows_on(roles):
                head.follow.append(
                    {
                        "href": output.href,
                        "type": output.spec.media_type,
                        "label": output.spec.label,
                    }
                )
