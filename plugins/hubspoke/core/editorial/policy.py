"""The editorial policy: what a post must be before it goes live.

Every rule is a field of `Policy` and can be turned off. The rules run on the
posts that are or will be public (published, unlisted and scheduled ones:
a scheduled post goes live without anyone looking at it again); drafts are
work in progress and are left alone unless `drafts` is set. Author bios get
the link and wording rules too. Problems name the file and line, like the
schema's, so `hubspoke check` and the build report them the same way.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..content import validation
from ..content.mdscan import Reference, Scanner, heading_line
from ..content.yamlfile import Document, TextFileError, parse_mapping, split_front_matter
from ..errors import Problem
from ..network.assembly import Network
from ..network.model import Post
from ..network.publication import State, state
from ..urls import resolve, site_base

_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_FILE_NAME = re.compile(r"^[\w.-]+\.(png|jpe?g|gif|webp|svg|avif)$", re.I)


def field_problem(name: str) -> str | None:
    """Why `name` cannot be a required front-matter field of a post (None: it can)."""
    known = sorted(validation.schema("post")["properties"])
    if name in known:
        return None
    close = difflib.get_close_matches(name, known, n=1)
    hint = f"did you mean '{close[0]}'?" if close else f"use one of {', '.join(known)}"
    return f"'{name}' is not a post field; {hint}"


def scheme_problem(scheme: str) -> str | None:
    """Why `scheme` is not a URL scheme a link may use (None: it is one)."""
    if re.match(r"^[a-z][a-z0-9+.-]*$", scheme):
        return None
    return f"{scheme!r} is not a URL scheme like https"


@dataclass(frozen=True)
class Policy:
    """The editorial rules; each one can be switched off (empty, 0 or false)."""

    required_fields: tuple[str, ...] = ("description", "personas")
    guest_reviewer: bool = True
    image_alt: bool = True
    banned_phrases: tuple[str, ...] = ()
    title_max_length: int = 70
    link_schemes: tuple[str, ...] = ("https", "mailto", "tel")
    unpublished_links: bool = True
    drafts: bool = False

    def option_problems(self) -> list[str]:
        """What is wrong with the rules themselves (named as the mkdocs.yml options)."""
        problems = [
            f"policy_required_fields: {p}" for p in map(field_problem, self.required_fields) if p
        ]
        if self.title_max_length < 0:
            problems.append("policy_title_max_length must be 0 (no limit) or more")
        problems += [
            f"policy_link_schemes: {p}" for p in map(scheme_problem, self.link_schemes) if p
        ]
        return problems

    def covers(self, current: State) -> bool:
        return current is not State.DRAFT or self.drafts


@dataclass(frozen=True)
class SourceText:
    """A content file's text and the path an editor knows it by."""

    shown: str
    text: str


def check(
    network: Network,
    policy: Policy,
    posts: Mapping[str, SourceText],
    authors: Mapping[str, SourceText],
    *,
    site_url: str | None = None,
) -> list[Problem]:
    """Every policy problem of the posts (by docs-relative source) and author files (by id)."""
    problems: list[Problem] = []
    by_path = {p.path: p for p in network.posts}
    by_source = {p.source: p for p in network.posts}
    for post in network.posts:
        source = posts.get(post.source)
        if source is None or not policy.covers(network.visibility(post).state):
            continue
        rules = _PostCheck(network, policy, post, source, by_source, by_path, posts, site_url)
        problems.extend(rules.run())
    for author_id, source in sorted(authors.items()):
        if author_id in network.authors:
            problems.extend(_author_problems(network.authors[author_id].bio, source, policy))
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field or "", p.message))


class _PostCheck:
    """The rules applied to one post."""

    def __init__(self, network, policy, post, source, by_source, by_path, texts, site_url):
        self.network = network
        self.policy: Policy = policy
        self.post: Post = post
        self.shown = source.shown
        self.by_source = by_source
        self.by_path = by_path
        self.texts = texts
        self.site_url = site_base(site_url) or None
        try:
            self.document, self.body, self.body_line = split_front_matter(source.shown, source.text)
        except TextFileError:
            self.document, self.body, self.body_line = Document({}), "", 1
        self.scanner = Scanner(self.body, self.body_line)
        self.problems: list[Problem] = []

    def add(self, line: int | None, message: str, field: str | None = None) -> None:
        self.problems.append(Problem(self.shown, line, field, message))

    def run(self) -> list[Problem]:
        references = self.scanner.references()
        self.required_fields()
        if self.policy.guest_reviewer:
            self.reviewer()
        if self.policy.image_alt:
            self.alt_texts(references)
        if self.policy.banned_phrases:
            self.phrases()
        if self.policy.title_max_length:
            self.title_length()
        if self.policy.link_schemes:
            for problem in link_scheme_problems(references, self.policy.link_schemes):
                self.add(*problem)
        if self.policy.unpublished_links:
            self.unpublished_links(references)
        return self.problems

    def required_fields(self) -> None:
        data = self.document.data
        for name in self.policy.required_fields:
            if name == "title" and self.post.title:
                continue
            if _filled(data.get(name)):
                continue
            hint = validation.schema("post")["properties"].get(name, {}).get("description")
            message = "is required by the editorial policy" + (
                f". Expected: {hint}" if hint else ""
            )
            self.add(self.document.line(name), message, name)

    def reviewer(self) -> None:
        authors = self.network.authors
        guests = [authors[a] for a in self.post.authors if a in authors and authors[a].is_guest]
        if not guests:
            return
        if not self.post.reviewer:
            self.add(
                self.post.lines.get("authors"),
                f"is required on a guest post ({guests[0].name} is a guest author): "
                "add 'reviewer: <id>' with the author id of the expert who reviewed it",
                "reviewer",
            )
        elif self.post.reviewer in authors and authors[self.post.reviewer].is_guest:
            self.add(
                self.post.lines.get("reviewer"),
                f"'{self.post.reviewer}' is a guest author; a guest post is reviewed by an expert",
                "reviewer",
            )

    def alt_texts(self, references: Iterable[Reference]) -> None:
        for ref in references:
            if ref.kind != "image":
                continue
            name = ref.url or "image"
            if ref.text is None:
                self.add(
                    ref.line,
                    f"image '{name}' has no alt attribute: add alt=\"what the image shows\" "
                    '(alt="" only for a purely decorative image)',
                )
            elif not ref.text.strip():
                self.add(
                    ref.line,
                    f"image '{name}' has no alt text: describe what it shows between the "
                    f"brackets, e.g. ![A bar chart of calibration errors]({ref.url})",
                )
            elif _FILE_NAME.match(ref.text.strip()):
                self.add(
                    ref.line,
                    f"image '{name}' has a file name as alt text: describe what the image shows",
                )

    def phrases(self) -> None:
        banned = self.policy.banned_phrases
        for name in ("title", "description"):
            value = self.document.data.get(name)
            if isinstance(value, str):
                for phrase, _ in Scanner(value).phrases(banned):
                    self.add(self.document.line(name), _banned(phrase), name)
        for phrase, line in self.scanner.phrases(banned):
            self.add(line, _banned(phrase))

    def title_length(self) -> None:
        limit, title = self.policy.title_max_length, self.post.title
        if len(title) <= limit:
            return
        line = self.post.lines.get("title") or heading_line(self.body, self.body_line)
        self.add(
            line,
            f"is {len(title)} characters long; the editorial policy allows at most {limit} "
            "(titles are cut in search results and social cards): shorten it",
            "title",
        )

    def unpublished_links(self, references: Iterable[Reference]) -> None:
        post, clock = self.post, self.network.settings.clock
        own = self.network.visibility(post).state
        live_from = max(post.date, clock)
        for ref in references:
            if ref.kind != "link":
                continue
            target = self._target(ref.url)
            if target is None or target is post:
                continue
            target_state = state(target, live_from)
            where = (
                self.texts[target.source].shown if target.source in self.texts else target.source
            )
            if target_state is State.DRAFT:
                self.add(
                    ref.line,
                    f"links to {where}, a draft: the link would be broken; "
                    "remove it until that post is published",
                )
            elif target_state is State.SCHEDULED:
                self.add(
                    ref.line,
                    f"links to {where}, scheduled for {target.date:%Y-%m-%d}: the link would be "
                    f"broken until then (this post is live from {live_from:%Y-%m-%d})",
                )
            elif target_state is State.UNLISTED and own is not State.UNLISTED:
                self.add(
                    ref.line,
                    f"links to {where}, an unlisted post: a link makes it findable; "
                    "remove the link or list that post",
                )

    def _target(self, url: str) -> Post | None:
        """The post a link points to, if it points to one of the site's posts."""
        address = url.split("#", 1)[0].split("?", 1)[0]
        if not address:
            return None
        if self.site_url and address.startswith(self.site_url):
            return self.by_path.get(_page_path(address[len(self.site_url) :]))
        if _SCHEME.match(address) or address.startswith("//"):
            return None
        if address.endswith(".md") and not address.startswith("/"):
            joined = posixpath.normpath(
                posixpath.join(posixpath.dirname(self.post.source), address)
            )
            return self.by_source.get(joined)
        if address.startswith("/"):
            return self.by_path.get(_page_path(address))
        return self.by_path.get(_page_path(resolve(address, self.post.path + "/")))


def link_scheme_problems(
    references: Iterable[Reference], allowed: tuple[str, ...]
) -> list[tuple[int, str]]:
    """(line, message) for each link or image whose URL scheme is not allowed."""
    found = []
    for ref in references:
        match = _SCHEME.match(ref.url)
        if not match or match.group(1).lower() in allowed:
            continue
        scheme = match.group(1).lower()
        what = "image" if ref.kind == "image" else "link"
        fix = (
            f"use {'https' + ref.url[len(scheme) :]}"
            if scheme == "http"
            else f"only {', '.join(allowed)} links are allowed"
        )
        found.append((ref.line, f"{what} '{_short(ref.url)}' uses {scheme}: {fix}"))
    return found


def _author_problems(bio: str, source: SourceText, policy: Policy) -> list[Problem]:
    """Link schemes and banned phrases in an author's bio, reported at the 'bio' line."""
    try:
        line = parse_mapping(source.shown, source.text).line("bio")
    except TextFileError:
        line = None
    scanner = Scanner(bio)
    problems = []
    if policy.link_schemes:
        for _, message in link_scheme_problems(scanner.references(), policy.link_schemes):
            problems.append(Problem(source.shown, line, "bio", message))
    for phrase, _ in scanner.phrases(policy.banned_phrases):
        problems.append(Problem(source.shown, line, "bio", _banned(phrase)))
    return problems


def _filled(value) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, (list, dict)):
        return bool(value)
    return True


def _banned(phrase: str) -> str:
    return f"uses '{phrase}', a phrase the editorial policy bans: say it another way"


def _page_path(address: str) -> str:
    path = address.strip("/")
    for suffix in ("/index.html", "index.html", ".html"):
        if path.endswith(suffix):
            path = path[: -len(suffix)]
            break
    return path.strip("/")


def _short(url: str) -> str:
    return url if len(url) <= 80 else url[:77] + "..."
