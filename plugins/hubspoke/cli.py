"""The `hubspoke` command: add authors and posts, check content, report the content runway.

    hubspoke new author <id>            write authors/<id>.yml
    hubspoke new post "<title>" ...     write a post with every front matter field
    hubspoke check                      schemas + editorial policy, every problem as path:line
    hubspoke report                     runway per persona and category, authors, old drafts

Options are read from mkdocs.yml with MkDocs' own `load_config`, so the
command sees exactly what the build sees (defaults, `!ENV`, `INHERIT`, the
`!!python/name` tags of pymdownx); nothing is built. Exit codes: 0 fine,
1 problems found (or a file that exists, or a runway below --fail-under),
2 wrong usage or a broken mkdocs.yml.
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import sys
from collections.abc import Sequence
from datetime import datetime, time
from pathlib import Path

from hubspoke.core import dates
from hubspoke.core.content import loaders
from hubspoke.core.content.sources import LoadedSite, SiteLayout, load_site
from hubspoke.core.content.yamlfile import TextFileError
from hubspoke.core.editorial import scaffold
from hubspoke.core.editorial.formats import to_csv, to_json, to_table
from hubspoke.core.editorial.policy import check as policy_check
from hubspoke.core.editorial.report import build_report
from hubspoke.core.errors import ContentError, Problem
from hubspoke.core.network.assembly import check_references
from hubspoke.core.network.deployed import missing_posts
from hubspoke.core.urls import PathFormatError
from hubspoke.hub import hub_of

OK, PROBLEMS, USAGE = 0, 1, 2
AVATAR_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".gif")
_STYLES = {"heading": "1", "bad": "31", "warn": "33", "good": "32", "dim": "2", "path": "1"}


class CommandError(Exception):
    """A mistake in how the command was called or configured; exits with `code`."""

    def __init__(self, message: str, code: int = USAGE):
        super().__init__(message)
        self.code = code


class Output:
    """Where the command writes, with colour only on a terminal (and never with NO_COLOR)."""

    def __init__(self, choice: str = "auto", stream=None):
        self.stream = stream or sys.stdout
        terminal = hasattr(self.stream, "isatty") and self.stream.isatty()
        wanted = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        self.colour = choice == "always" or (choice == "auto" and wanted)

    def style(self, text: str, kind: str) -> str:
        code = _STYLES.get(kind)
        return f"\033[{code}m{text}\033[0m" if self.colour and code else text

    def print(self, text: str = "") -> None:
        print(text, file=self.stream)

    def problem(self, problem: Problem) -> None:
        where = problem.path if problem.line is None else f"{problem.path}:{problem.line}"
        text = str(problem)
        self.print(self.style(where, "path") + text[len(where) :])


# -- the site -------------------------------------------------------------------


class Site:
    """mkdocs.yml read with MkDocs' loader, and the plain settings taken from it."""

    def __init__(self, config_file: str, clock_text: str | None):
        from mkdocs.config import load_config
        from mkdocs.exceptions import Abort, ConfigurationError

        from hubspoke.editorial import settings

        path = Path(config_file)
        if not path.is_file():
            raise CommandError(
                f"{config_file} not found: run hubspoke in the folder of your mkdocs.yml "
                "or name it with --config-file"
            )
        try:
            self.config = load_config(str(path))  # MkDocs logs which option is wrong
        except (ConfigurationError, Abort) as error:
            raise CommandError(f"{config_file}: {error}") from None
        hub = hub_of(self.config)
        network = hub.network
        if network is None:
            raise CommandError(f"{config_file} does not use the hubspoke/network plugin")
        try:
            self.layout: SiteLayout = settings.layout(self.config, network, hub.media)
        except dates.DateError as error:
            raise CommandError(f"{config_file}: {error}") from None
        self.options = hub.editorial_options()
        self.policy = settings.policy(self.options)
        self.report_settings = settings.report_settings(self.options)
        self.clock = _clock(clock_text, network.clock, self.layout.timezone)
        # The build applies the policy only where mkdocs.yml lists the editorial plugin;
        # check applies it exactly there too, so the two agree.
        self.enabled = self.options.enabled and "editorial" in hub.options

    def load(self) -> LoadedSite:
        return load_site(self.layout, self.clock)


def _clock(given: str | None, option: str | None, tz) -> datetime:
    """--clock, else $HUBSPOKE_CLOCK, else the network plugin's `clock`, else now."""
    try:
        if given:
            return dates.parse(given, tz)
        return dates.build_clock(option, tz)
    except dates.DateError as error:
        raise CommandError(f"clock: {error}") from None


# -- hubspoke new ---------------------------------------------------------------


def new_author(args, out: Output) -> int:
    site = Site(args.config_file, args.clock)
    author_id = args.id
    if not loaders.ID.match(author_id):
        raise CommandError(
            f"'{author_id}' cannot be an author id: use lowercase letters, digits and hyphens, "
            "e.g. lena-hoffmann"
        )
    directory = site.layout.authors_dir
    target = directory / f"{author_id}.yml"
    for suffix in loaders.AUTHOR_SUFFIXES:
        existing = directory / f"{author_id}{suffix}"
        if existing.exists():
            return _refuse(out, site.layout.shown(existing))
    if args.role == "guest" and not args.organization:
        raise CommandError("a guest author needs --organization (their employer)")
    avatar = next(
        (
            f"{author_id}{suffix}"
            for suffix in AVATAR_SUFFIXES
            if (directory / f"{author_id}{suffix}").is_file()
        ),
        None,
    )
    text = scaffold.author_text(
        author_id,
        name=args.name or scaffold.name_from_id(author_id),
        role=args.role,
        title=args.title,
        organization=args.organization,
        avatar=avatar,
    )
    shown = site.layout.shown(target)
    try:
        loaders.read_author(author_id, shown, text.encode(), directory)
    except ContentError as error:
        return _invalid(out, error.problems)
    directory.mkdir(parents=True, exist_ok=True)
    if not _write_new(target, text):
        return _refuse(out, shown)
    out.print(f"Created {shown}.")
    steps = ["check name and title", "write your bio", "add your social profiles under spokes"]
    if not avatar:
        steps.append(f"put a square picture next to it as {author_id}.png and uncomment 'avatar'")
    out.print("Next: " + "; ".join(steps) + ". Then run: hubspoke check")
    return OK


def new_post(args, out: Output) -> int:
    site = Site(args.config_file, args.clock)
    layout = site.layout
    loaded = site.load()
    network = loaded.network
    tz = layout.timezone
    if args.date:
        try:
            when = dates.parse(args.date, tz)
        except dates.DateError as error:
            raise CommandError(f"--date: {error}") from None
    else:
        when = datetime.combine(site.clock.astimezone(tz).date(), time(0), tz)
    new = scaffold.NewPost(
        title=" ".join(args.title.split()),
        date=when,
        authors=tuple(_unique(_split(args.author))),
        personas=tuple(_unique(_split(args.persona))),
        categories=tuple(_unique(args.category or [])),
        tags=tuple(_unique(args.tag or [])),
        description=args.description or "",
        reviewer=args.reviewer,
        draft=not args.publish,
    )
    if not new.slug:
        raise CommandError("the title needs letters or digits (it gives the post its address)")
    try:
        relative = scaffold.post_path(new, site.options.new_post_path)
    except PathFormatError as error:
        from hubspoke.options import option_error

        problem = option_error("hubspoke/editorial", "new_post_path", str(error))
        raise CommandError(str(problem)) from None
    blog = layout.blog_dir.strip("/")
    source = f"{blog}/{relative}"
    target = layout.docs_dir / source
    shown = layout.shown(target)
    if target.exists():
        return _refuse(out, shown)
    guest = any(network.authors[a].is_guest for a in new.authors if a in network.authors)
    text = scaffold.post_text(
        new,
        images=scaffold.relative_images(blog, relative),
        guest=guest,
        personas_known=sorted(network.personas),
        categories_allowed=layout.categories_allowed,
        title_limit=site.policy.title_max_length,
    )
    try:
        post = loaders.read_post(
            source, shown, text.encode(), timezone=tz, url_format=layout.post_url_format
        )
    except ContentError as error:
        return _invalid(out, error.problems)
    except TextFileError as error:
        return _invalid(out, [error.problem])
    problems = check_references(
        [post],
        network.authors,
        network.personas,
        shown={source: shown},
        categories_allowed=layout.categories_allowed,
    )
    if problems:
        return _invalid(out, problems)
    taken = next((p for p in network.posts if p.path == post.path), None)
    if taken is not None:
        other = loaded.posts[taken.source].shown if taken.source in loaded.posts else taken.source
        raise CommandError(
            f"{other} already has the address '{post.path}/': choose another title or date"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    if not _write_new(target, text):
        return _refuse(out, shown)
    out.print(f"Created {shown}.")
    if new.draft:
        out.print(
            "It is a draft: fill in the description and the text, then delete the line "
            "'draft: true' to publish it. Check it with: hubspoke check"
        )
    elif when > site.clock:
        out.print(
            f"It is scheduled: it goes live with the first build on or after {when:%Y-%m-%d %H:%M}."
        )
    if guest and not new.reviewer:
        out.print("A guest wrote it: add 'reviewer: <id>' with the expert who reviewed it.")
    return OK


def _write_new(path: Path, text: str) -> bool:
    """Write a file that must not exist yet; False if it does (never overwritten)."""
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        return False
    return True


def _refuse(out: Output, shown: str) -> int:
    print(f"error: {shown} already exists; it was not overwritten", file=sys.stderr)
    return PROBLEMS


def _invalid(out: Output, problems: Sequence[Problem]) -> int:
    for problem in problems:
        field = f"field '{problem.field}': " if problem.field else ""
        print(f"error: {field}{problem.message}", file=sys.stderr)
    return USAGE


def _split(values: Sequence[str] | None) -> list[str]:
    """Ids from repeated options, also comma-separated: --persona a,b --persona c."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


def _unique(values: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(values))


# -- hubspoke check -------------------------------------------------------------


def check(args, out: Output) -> int:
    site = Site(args.config_file, args.clock)
    loaded = site.load()
    problems = list(loaded.problems)
    if site.enabled and site.options.policy_enabled:
        problems += policy_check(
            loaded.network,
            site.policy,
            loaded.posts,
            loaded.authors,
            site_url=site.layout.site_url,
        )
    if not args.content_only:
        from .trial import trial_problems

        problems += _new_to(problems, trial_problems(args.config_file, site.clock.isoformat()))
    if args.published_site:
        folder = Path(args.published_site)
        if not folder.is_dir():
            raise CommandError(f"--published-site: {folder} is not a folder")
        problems += missing_posts(
            loaded.network,
            folder,
            directory_urls=site.layout.directory_urls,
            shown={src: text.shown for src, text in loaded.posts.items()},
            site_label=folder.as_posix().rstrip("/"),
        )
    problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field or "", p.message))
    for problem in problems:
        out.problem(problem)
    counts = (
        f"{_count(len(loaded.posts), 'post')}, {_count(len(loaded.authors), 'author')} "
        f"and {_count(len(loaded.personas), 'persona')}"
    )
    if args.content_only:
        counts += "; --content-only: pages, links, anchors, images and videos not checked"
    if problems:
        files = len({p.path for p in problems})
        summary = f"{_count(len(problems), 'problem')} in {_count(files, 'file')}"
        out.print(out.style(summary, "bad") + f" (checked {counts}).")
        return PROBLEMS
    out.print(out.style("No problems", "good") + f" in {counts}.")
    return OK


def _new_to(known: list[Problem], found: list[Problem]) -> list[Problem]:
    """The trial build's problems that are not said already: MkDocs' "target not found" for
    a link that the policy explains at the same line (a link to a draft) is left out."""
    said: dict[tuple[str, int | None], list[str]] = {}
    for problem in known:
        said.setdefault((problem.path, problem.line), []).append(problem.message)
    fresh = []
    for problem in found:
        targets = re.findall(r"the target '([^']+)'", problem.message)
        here = said.get((problem.path, problem.line), [])
        if targets and any(targets[0] in message for message in here):
            continue
        fresh.append(problem)
    return fresh


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- hubspoke report ------------------------------------------------------------


def report(args, out: Output) -> int:
    site = Site(args.config_file, args.clock)
    loaded = site.load()
    if loaded.problems:
        print(
            f"warning: {len(loaded.problems)} content problem(s); files that cannot be read "
            "are left out of the report (run: hubspoke check)",
            file=sys.stderr,
        )
    result = build_report(
        loaded.network,
        site.layout.timezone,
        site.report_settings,
        shown={src: text.shown for src, text in loaded.posts.items()},
        categories_allowed=site.layout.categories_allowed,
    )
    if args.format == "json":
        out.stream.write(to_json(result))
    elif args.format == "csv":
        out.stream.write(to_csv(result))
    else:
        out.stream.write(to_table(result, out.style, fail_under=args.fail_under))
    if args.fail_under is not None:
        short = result.short_runways(args.fail_under)
        if short:
            names = ", ".join(f"{p.name} ({p.runway_days} days)" for p in short)
            print(
                f"error: runway shorter than {args.fail_under} days for: {names}", file=sys.stderr
            )
            return PROBLEMS
    return OK


# -- arguments ------------------------------------------------------------------


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if value < 0:
        raise argparse.ArgumentTypeError("days cannot be negative")
    return value


def build_site(args, out: Output) -> int:
    """Build into a temporary folder; replace the published site only on success."""
    from .publish import BuildFailed, build_and_swap

    try:
        target = build_and_swap(args.config_file, site_dir=args.site_dir, clock=args.clock)
    except BuildFailed as error:
        raise CommandError(str(error), PROBLEMS) from None
    out.print(f"built {target}")
    return OK


def parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-f",
        "--config-file",
        default="mkdocs.yml",
        metavar="FILE",
        help="the site's MkDocs configuration (default: mkdocs.yml)",
    )
    common.add_argument(
        "--clock",
        "--as-of",
        dest="clock",
        metavar="DATE",
        help="act as of this date, e.g. 2026-12-01 or '2026-12-01 09:30' "
        "(default: $HUBSPOKE_CLOCK, else the plugin's clock option, else now)",
    )
    common.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output: auto (on a terminal, unless NO_COLOR is set), always or never",
    )

    main = argparse.ArgumentParser(
        prog="hubspoke",
        description="Write, check and plan the content of a Hubspoke site.",
        epilog="Exit codes: 0 fine, 1 problems found, 2 wrong usage or configuration.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND", required=True)

    new = commands.add_parser("new", help="write a new author or post file")
    kinds = new.add_subparsers(dest="kind", metavar="KIND", required=True)
    author = kinds.add_parser(
        "author",
        parents=[common],
        help="write authors/<id>.yml",
        description="Write authors/<id>.yml with every field, ready to fill in.",
    )
    author.add_argument("id", help="the author id and file name, e.g. lena-hoffmann")
    author.add_argument("--name", help="full name (default: from the id)")
    author.add_argument("--role", choices=("expert", "guest"), default="expert")
    author.add_argument("--title", help="job title")
    author.add_argument("--organization", help="employer (required for guests)")
    author.set_defaults(run=new_author)

    post = kinds.add_parser(
        "post",
        parents=[common],
        help="write a new post",
        description="Write a new post with every front matter field and a short template "
        "body. It is a draft until you delete the line 'draft: true' (or use --publish).",
    )
    post.add_argument("title", help="the post's title, in quotes")
    post.add_argument(
        "--author", action="append", required=True, metavar="ID", help="author id (repeatable)"
    )
    post.add_argument("--persona", action="append", metavar="ID", help="persona id (repeatable)")
    post.add_argument("--category", action="append", metavar="NAME", help="category (repeatable)")
    post.add_argument("--tag", action="append", metavar="TAG", help="tag (repeatable)")
    post.add_argument(
        "--date", help="publication date (default: today); a future date schedules it"
    )
    post.add_argument("--description", help="one or two sentences for listings and search")
    post.add_argument("--reviewer", metavar="ID", help="the expert who reviewed a guest post")
    post.add_argument(
        "--publish", action="store_true", help="leave out 'draft: true' (publish on its date)"
    )
    post.set_defaults(run=new_post)

    checker = commands.add_parser(
        "check",
        parents=[common],
        help="report everything the build would reject, and the editorial policy",
        description="Report, all at once, everything the strict build would reject: every "
        "post, author, persona, event and spokes file against the JSON Schemas and each other, "
        "body links, images and anchors as MkDocs resolves them, audio and video, and the "
        "editorial policy in mkdocs.yml. Prints every problem as path:line: message. With "
        "--as-of DATE the site is checked as it will be built that day (scheduled posts "
        "published), so what would break the daily build is known before the day.",
    )
    checker.add_argument(
        "--content-only",
        action="store_true",
        help="skip the trial build (pages, links, anchors, media): faster, but not everything",
    )
    checker.add_argument(
        "--published-site",
        metavar="DIR",
        help="also report posts whose date has passed but that are missing from this built site",
    )
    checker.set_defaults(run=check)

    reporter = commands.add_parser(
        "report",
        parents=[common],
        help="the content runway per persona and category, authors and old drafts",
        description="The content runway: per persona and category, posts published in the last "
        "30 and 90 days, scheduled in the next 30, and days of runway; per author, the last "
        "and next post; drafts older than the configured number of days.",
    )
    reporter.add_argument("--format", choices=("table", "json", "csv"), default="table")
    reporter.add_argument(
        "--fail-under",
        type=_days,
        metavar="DAYS",
        help="exit with 1 when a persona's runway is shorter than DAYS (for CI)",
    )
    reporter.set_defaults(run=report)

    builder = commands.add_parser(
        "build",
        parents=[common],
        help="build the site in strict mode; replace the published folder only on success",
        description="Build the site in strict mode into a temporary folder next to the site "
        "folder and swap it into place only when the whole build succeeded. A failed build "
        "leaves the previous site untouched: use this as the deploy step's build.",
    )
    builder.add_argument(
        "-d",
        "--site-dir",
        metavar="DIR",
        help="where the site goes (default: site_dir of mkdocs.yml)",
    )
    builder.set_defaults(run=build_site)
    return main


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a record comes, never to a closed stream."""

    def __init__(self):
        super().__init__()

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value):
        pass


def _quiet_mkdocs_logging() -> None:
    """MkDocs' warnings about mkdocs.yml go to stderr as 'warning: ...'; nothing else."""
    logger = logging.getLogger("mkdocs")
    for old in [h for h in logger.handlers if isinstance(h, _Stderr)]:
        logger.removeHandler(old)  # main() called again in one process
    handler = _Stderr()
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    handler.setLevel(logging.WARNING)
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    _quiet_mkdocs_logging()
    out = Output(args.color)
    try:
        return args.run(args, out)
    except CommandError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) left early; that is not an error.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return OK


if __name__ == "__main__":
    sys.exit(main())
