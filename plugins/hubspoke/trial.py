"""`hubspoke check`'s trial build: the real build's reading stages, with nothing written.

The content problems come from the one reader (`core.sources.load_site`); what only
the build finds is found here by running the build itself: every plugin's
on_config and on_files (events, audio, images, the publication rule, generated
pages), then every page's Markdown through the plugins and MkDocs' own link
checks, then MkDocs' anchor check. Templates, feeds and image variants are not
made and nothing is written. Every warning the strict build would count and
every error a plugin raises becomes a problem; a stage that fails does not stop
the next page or the next plugin, so the problems come in one report.

Not core: this module drives MkDocs, like `publish.py`.
"""

from __future__ import annotations

import logging
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from .core.content.yamlfile import newlines
from .core.dates import CLOCK_VARIABLE
from .core.errors import ContentError, Problem, shown_path
from .hub import hub_of

_DOC_FILE = re.compile(r"^Doc file '(?P<src>[^']+)' (?P<rest>.*)$", re.S)
_LOCATED = re.compile(r"^(?P<path>[^\s:]+\.[A-Za-z0-9]+):(?P<line>\d+):\s*(?P<rest>.*)$", re.S)
_QUOTED = re.compile(r"'([^']+)'")


def trial_problems(config_file: str, clock: str) -> list[Problem]:
    """What the strict build of `config_file` at `clock` would reject beyond the content
    problems (those come from `load_site`, and the network plugin does not repeat them)."""
    config_path = Path(config_file).resolve()
    root = config_path.parent
    trial = _Trial(root, config_path.name)
    with tempfile.TemporaryDirectory(prefix="hubspoke-check-") as site_dir, _clock(clock):
        with trial.listening():  # MkDocs logs what is wrong with an option
            try:
                config = load_config(str(config_path), strict=True, site_dir=site_dir)
            except (ConfigurationError, Abort) as error:
                return trial.problems or [Problem(config_path.name, None, None, str(error))]
        with trial.listening():
            trial.run(config)
    return trial.problems


@contextmanager
def _clock(clock: str) -> Iterator[None]:
    old = os.environ.get(CLOCK_VARIABLE)
    os.environ[CLOCK_VARIABLE] = clock
    try:
        yield
    finally:
        if old is None:
            os.environ.pop(CLOCK_VARIABLE, None)
        else:
            os.environ[CLOCK_VARIABLE] = old


class _Trial:
    def __init__(self, root: Path, config_label: str):
        self.root = root
        self.config_label = config_label
        self.problems: list[Problem] = []
        self.docs_dir: Path | None = None
        # After a failed stage, the site is incomplete: MkDocs' warnings about the nav
        # (pages not listed, entries not found) are its consequences, not new problems.
        self.degraded = False

    # -- what the build would count -------------------------------------------------

    @contextmanager
    def listening(self) -> Iterator[None]:
        """Every warning of MkDocs and of every plugin (the strict build counts them)."""
        trial = self

        class Collect(logging.Handler):
            def emit(self, record: logging.LogRecord) -> None:
                trial.warned(record.getMessage())

        logger = logging.getLogger("mkdocs")
        saved = logger.handlers[:], logger.level, logger.propagate
        # Only ours while the trial runs: its warnings become problems, not printed twice.
        logger.handlers = [Collect(level=logging.WARNING)]
        logger.setLevel(min(logger.getEffectiveLevel(), logging.WARNING))
        logger.propagate = False
        try:
            yield
        finally:
            logger.handlers, level, logger.propagate = saved
            logger.setLevel(level)

    def warned(self, message: str) -> None:
        found = _DOC_FILE.match(message)
        if found and self.docs_dir is not None:
            src, rest = found["src"], found["rest"].strip()
            path = self.docs_dir / src
            self.problems.append(Problem(self._shown(path), _line_of(path, rest), None, rest))
            return
        if self.degraded:
            return
        found = _LOCATED.match(message)
        if found:
            self.problems.append(
                Problem(found["path"], int(found["line"]), None, found["rest"].strip())
            )
            return
        self.problems.append(Problem(self.config_label, None, None, message.strip()))

    def failed(self, error: Exception, where: str | None = None) -> None:
        """A plugin's error: its content problems as they are, anything else by its words."""
        self.degraded = True
        for content in (error, error.__cause__, error.__context__):
            if isinstance(content, ContentError):
                self.problems.extend(content.problems)
                return
        if isinstance(error, PluginError | ConfigurationError):
            text = str(error).strip()
        else:  # a fault, not a message: the build would stop with a traceback here
            text = f"the build stops here with {type(error).__name__}: {error}"
        self.problems.append(Problem(where or self.config_label, None, None, text))

    def _shown(self, path: Path) -> str:
        return shown_path(path, self.root)

    # -- the build's stages, without writing ------------------------------------------

    def run(self, config) -> None:
        hub = hub_of(config)
        hub.keep_going = True  # the content problems are check's own report
        config.plugins.on_startup(command="build", dirty=False)
        editorial = hub.options.get("editorial")
        if editorial is not None:
            editorial["policy_enabled"] = False  # check applies the policy itself
        try:
            config = config.plugins.on_config(config)
        except Exception as error:
            self.failed(error)
            return
        self.docs_dir = Path(config.docs_dir)
        if hub.site is not None and hub.site.loaded.problems:
            self.degraded = True  # broken posts are left out of the nav, as pages
        files = get_files(config)  # the intake refused links before: nothing followed
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = self._each("files", files, config=config)
        if files is None:
            return
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = self._each("nav", nav, config=config, files=files)
        if nav is None:
            return
        pages = []
        for file in files.documentation_pages(inclusion=InclusionLevel.is_included):
            page = file.page or Page(None, file, config)
            if self._populate(page, config, files):
                pages.append(page)
        for page in pages:
            page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)

    def _each(self, event: str, item, **kwargs):
        """One event's handlers in the build's order; a failing one is reported and skipped."""
        for method in config_events(kwargs["config"], event):
            try:
                result = method(item, **kwargs)
            except Exception as error:
                self.failed(error)
                continue
            if result is not None:
                item = result
        return item

    def _populate(self, page: Page, config, files: Files) -> bool:
        """Read and render one page as `mkdocs build` does; False if it failed."""
        shown = self._shown(self.docs_dir / page.file.src_uri) if self.docs_dir else None
        config._current_page = page
        try:
            page = config.plugins.on_pre_page(page, config=config, files=files)
            page.read_source(config)
            page.markdown = config.plugins.on_page_markdown(
                page.markdown, page=page, config=config, files=files
            )
            page.render(config, files)
            page.content = config.plugins.on_page_content(
                page.content, page=page, config=config, files=files
            )
        except Exception as error:
            self.failed(error, shown)
            return False
        finally:
            config._current_page = None
        return True


def config_events(config, event: str) -> list:
    """The handlers of one plugin event, in the order MkDocs calls them."""
    return list(config.plugins.events[event])


def _line_of(path: Path, message: str) -> int | None:
    """The first line of a page that holds the link a MkDocs message quotes."""
    quoted = _QUOTED.findall(message)
    if not quoted:
        return None
    link = quoted[0]
    try:
        with path.open("rb") as handle:
            text = handle.read(4 * 1024 * 1024).decode("utf-8", "replace")
    except OSError:
        return None
    for number, line in enumerate(newlines(text).split("\n"), start=1):
        if link in line:
            return number
    return None
