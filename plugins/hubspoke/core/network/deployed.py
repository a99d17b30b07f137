"""Posts whose date has passed but that a built site does not contain.

A scheduled post goes live on the first build at or after its date; if no
build ran (the scheduled rebuild failed, or nobody deployed), the post is
late. This compares the network at the clock with a built site folder.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ..errors import Problem
from ..urls import page_dest
from .assembly import Network
from .publication import State


def missing_posts(
    network: Network,
    site_dir: Path,
    *,
    directory_urls: bool,
    shown: Mapping[str, str],
    site_label: str,
) -> list[Problem]:
    """A problem for each post that should be built by now but is not in `site_dir`."""
    problems = []
    for post in sorted(network.posts, key=lambda p: (p.date, p.source)):
        if network.visibility(post).state not in (State.PUBLISHED, State.UNLISTED):
            continue
        dest = page_dest(post.path, directory_urls)
        if (site_dir / dest).is_file():
            continue
        problems.append(
            Problem(
                shown.get(post.source, post.source),
                post.lines.get("date"),
                "date",
                f"{post.date:%Y-%m-%d %H:%M} has passed but the post is missing from the built "
                f"site ({site_label}/{dest}): rebuild and deploy the site",
            )
        )
    return problems
