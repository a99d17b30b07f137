"""A Content-Security-Policy for each built page, as a <meta> element.

The site needs no inline script of its own, but the theme has a few small
ones: each is allowed by its SHA-256 hash. Only scripts of the page's frame
are hashed, never one inside the content (<article class="md-content__inner">,
where contributor text lands): an inline script written in a post, or slipped
in, stays blocked. No 'unsafe-inline' for scripts. A page that mkdocs.yml trusts
(`trusted_html`) has its content's inline scripts hashed too (`content_scripts`).

Scripts are found with a regular expression (every page of the build is read), which
steps over comments and reads quoted attribute values whole; tests/test_html_tokenizer.py
holds it against `html.parser` (the same scripts, the same bodies, the same decisions on
`src` and `type`).
"""

from __future__ import annotations

import base64
import hashlib
import re

from .html import ATTRS, OTHER_TAG, parse_attrs

_SCRIPT = re.compile(
    rf"<!--.*?-->|<script(?P<attrs>{ATTRS})\s*>(?P<body>.*?)</script\s*>"
    rf"|{OTHER_TAG}",
    re.S | re.I,
)
_HEAD = re.compile(r"<head\b[^>]*>", re.I)
_CONTENT = re.compile(r"<article\b[^>]*\bmd-content__inner\b[^>]*>.*</article>", re.S | re.I)
_DATA_TYPES = ("application/json", "application/ld+json", "text/template")


def inline_script_hashes(page: str, *, content_scripts: bool = False) -> list[str]:
    """'sha256-...' sources of every inline script the browser would run: the frame's,
    and with `content_scripts` those of the content as well."""
    hashes = []
    frame = page if content_scripts else _CONTENT.sub("", page)
    for match in _SCRIPT.finditer(frame):
        if match["attrs"] is None:  # a comment or another tag
            continue
        attrs = dict(parse_attrs(match["attrs"]))
        if "src" in attrs or (attrs.get("type") or "").strip().lower() in _DATA_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode()}'"
        if source not in hashes:
            hashes.append(source)
    return hashes


def policy(page: str, *, frame_hosts: tuple[str, ...] = (), content_scripts: bool = False) -> str:
    """The policy text for one page."""
    scripts = " ".join(["'self'", *inline_script_hashes(page, content_scripts=content_scripts)])
    frames = " ".join(f"https://{host}" for host in frame_hosts) or "'none'"
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self'",
            "media-src 'self'",
            "connect-src 'self'",
            f"frame-src {frames}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_policy(
    page: str, *, frame_hosts: tuple[str, ...] = (), content_scripts: bool = False
) -> str:
    """The page with its policy as the first element of <head>."""
    head = _HEAD.search(page)
    if head is None:
        return page
    text = policy(page, frame_hosts=frame_hosts, content_scripts=content_scripts)
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    return page[: head.end()] + meta + page[head.end() :]
