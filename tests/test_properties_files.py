"""Random front matter, random bytes and random file names, written into a post, an
author file and spokes.yml: the build and `hubspoke check` either succeed or fail with
a clear error naming the file; never another exception (a traceback)."""

from __future__ import annotations

import logging
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mkdocs.exceptions import Abort

from .conftest import FIXED_CLOCK, SITES, build_in_process

TARGETS = {
    "post": "content/blog/posts/random{name}.md",
    "author": "authors/random{name}.yml",
    "spokes": "spokes.yml",
}
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
KEYS = st.sampled_from(
    ["title", "date", "authors", "tags", "categories", "personas", "draft", "slug", "image",
     "name", "role", "bio", "avatar", "spokes", "company", "network", "url", "audio", "x"]
)  # fmt: skip
FRONT = st.dictionaries(KEYS, VALUES, max_size=6).map(
    lambda data: yaml.safe_dump(data, allow_unicode=True)
)
CONTENT = st.one_of(
    FRONT.map(lambda text: ("---\n" + text + "---\nBody\n").encode()),
    FRONT.map(str.encode),
    st.binary(max_size=200),
)
NAMES = st.text(st.characters(blacklist_characters="/\x00", codec="utf-8"), max_size=12)


def shows_the_file(message: str, relative: str) -> bool:
    return relative in message or relative.split("/")[0] in message


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.sampled_from(sorted(TARGETS)), CONTENT, NAMES)
def test_random_files_build_or_fail_clearly(
    tmp_path_factory, monkeypatch, capsys, target, content, name
):
    from hubspoke.cli import main

    base = tmp_path_factory.mktemp("random")
    source = base / "src"
    shutil.copytree(SITES / "basic", source)
    relative = TARGETS[target].format(name=name)
    path = source / relative
    try:
        path.write_bytes(content)
    except OSError:
        return  # a name this file system refuses cannot be committed either
    handler_records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record):
            handler_records.append(record)

    logger = logging.getLogger("mkdocs")
    handler = Keep(logging.ERROR)
    logger.addHandler(handler)
    try:
        build_in_process(source, base / "out")
        built = True
    except Abort:
        built = False
    finally:
        logger.removeHandler(handler)
    message = "\n".join(r.getMessage() for r in handler_records)
    if not built:
        assert shows_the_file(message, relative), message
    monkeypatch.chdir(source)
    monkeypatch.setenv("HUBSPOKE_CLOCK", FIXED_CLOCK)
    code = main(["check"])
    output = capsys.readouterr()
    assert "Traceback" not in output.err
    assert code in (0, 1, 2), code
    if not built:
        assert code != 0, "check rejects what the build rejects"
