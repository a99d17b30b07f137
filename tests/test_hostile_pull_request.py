"""One hostile pull request with every payload of the trust-boundary review: what must
be refused fails the build and `hubspoke check` alike, each file named; what can be
neutralised builds, and no canary reaches any output file or file name."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import Abort

from .conftest import build_in_process, run_check

POSTS = Path("content/blog/posts")
CANARY = "zq9canary"


def write(root: Path, relative: str, data: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(data, encoding="utf-8")


def refused_payloads(root: Path, machine: Path) -> list[str]:
    """Payloads the build must refuse; returns the path each problem must name."""
    write(machine, "environ", f"SECRET={CANARY}")
    (root / POSTS / "env.txt").symlink_to(machine / "environ")
    (root / POSTS / "chart.png").symlink_to(machine / "environ")
    (root / "content/machine").symlink_to(machine)
    (root / "authors/mallory.yml").symlink_to(machine / "environ")
    write(root, "content/worker.js", f"postMessage('{CANARY}')")
    write(root, "content/landing.html", f"<script>{CANARY}</script>")
    write(root, "content/config.json", f'{{"{CANARY}": 1}}')
    write(
        root,
        POSTS / "x.svg",
        f"<svg xmlns='http://www.w3.org/2000/svg'><script>{CANARY}</script></svg>",
    )
    laughs = "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8)
    )
    write(
        root,
        "authors/laughs.yml",
        f"name: N\nrole: guest\ntitle: T\norganization: O\nbio: B\na: &a [x]\n{laughs}topics: [*i]\n",
    )
    tags = ", ".join(f"{CANARY}{n}" for n in range(10_000))
    write(
        root,
        POSTS / "tags.md",
        f"---\ntitle: Tags\ndate: 2025-05-01\nauthors: [gus]\ntags: [{tags}]\n---\nBody\n",
    )
    write(
        root,
        POSTS / "old.md",
        "---\ntitle: Old\ndate: '0001-01-01 00:30 +01:00'\nauthors: [gus]\n---\nBody\n",
    )
    return [
        f"{POSTS}/env.txt", f"{POSTS}/chart.png", "content/machine", "authors/mallory.yml",
        "content/worker.js", "content/landing.html", "content/config.json", f"{POSTS}/x.svg",
        "authors/laughs.yml", f"{POSTS}/tags.md", f"{POSTS}/old.md",
    ]  # fmt: skip


def neutralised_payloads(root: Path) -> None:
    """Payloads in the prose an editor reads: they build, and do nothing."""
    write(
        root,
        f"{POSTS}/guest.md",
        "---\ntitle: A guest's view\ndate: 2025-05-02\nauthors: [gus]\n---\n"
        f'{{"search": "{CANARY}.js"}}\n{{: #__config }}\n\n'
        f"<script>{CANARY}()</script>\n\n"
        f'<img src="x.png" onerror="{CANARY}()" alt="x">\n\n'
        f'<a href="javascript:{CANARY}()">click</a>\n',
    )
    write(
        root,
        f"{POSTS}/posing.md",
        "---\ntitle: Posing as an expert\ndate: 2025-05-03\nauthors: [ada]\n---\n"
        f'<base href="https://{CANARY}.example/">\n'
        f'<meta http-equiv="refresh" content="0;url=https://{CANARY}.example/">\n\n'
        f'<div id="__search" data-md-component="{CANARY}">x</div>\n\n'
        f'<iframe src="https://{CANARY}.example/"></iframe>\n\n'
        f'<object data="{CANARY}.swf"></object>\n',
    )
    write(root, "content/about.md", f"# About\n\n<script>{CANARY}()</script>\n")
    write(
        root,
        f"{POSTS}/draft-files.md",
        "---\ntitle: Draft\ndate: 2025-05-04\nauthors: [gus]\ndraft: true\n---\n"
        f'<img src="{CANARY} one.png" alt="a">\n\n![b]({CANARY}(1).png)\n',
    )
    for name in (f"{CANARY} one.png", f"{CANARY}(1).png"):
        (root / POSTS / name).write_bytes((root / POSTS / "shared-chart.png").read_bytes())


def test_refused_payloads_fail_build_and_check_naming_every_file(site_copy, tmp_path, caplog):
    source = site_copy("basic")
    expected = refused_payloads(source, tmp_path / "machine")
    site = tmp_path / "out"
    with pytest.raises(Abort):
        build_in_process(source, site)
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert not site.exists() or not any(site.rglob("*"))
    assert CANARY not in message.replace(f"'{tmp_path}", "")
    first_round = [path for path in expected if f"{path}:" in message]
    assert first_round, message
    result = run_check(source)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for path in expected:
        assert f"{path}:" in result.stdout, (path, result.stdout)


def test_neutralised_payloads_leave_no_canary_in_the_site(site_copy, tmp_path):
    source = site_copy("basic")
    neutralised_payloads(source)
    built = build_in_process(source, tmp_path / "out")
    for path in sorted(built.site.rglob("*")):
        name = path.relative_to(built.site).as_posix()
        assert CANARY not in name, name
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".js", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            if CANARY in text:
                page = BeautifulSoup(text, "lxml")
                # The guest's prose stays readable; it only may not be code or config.
                for element in page.find_all(["script", "base", "meta", "iframe", "object"]):
                    assert CANARY not in str(element), (name, str(element))
                for element in page.find_all(True):
                    for attribute, value in element.attrs.items():
                        assert CANARY not in str(value) or attribute == "content", (name, element)
    for page in built.site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        assert len(soup.select("#__config")) <= 1, page
        config = soup.select_one("#__config")
        if config is not None:
            assert config.name == "script" and CANARY not in config.text, page
    assert run_check(source).returncode == 0
