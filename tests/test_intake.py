"""The intake: every file of a pull request listed once, links never followed out of
the repository, scriptable file types refused unless mkdocs.yml allows their path;
the build and `hubspoke check` report the same problems, all at once."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from hubspoke.core.content.intake import FileRules, kind_of, scan

from .conftest import build_in_process, run_check

POSTS = "content/blog/posts"
CANARY = "hubspoke-canary-7f3a"


def write(root: Path, relative: str, data: str | bytes = "x") -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture
def outside(tmp_path) -> Path:
    """Files of the build machine, outside the repository, each with a canary."""
    folder = tmp_path / "machine"
    write(folder, "secret.txt", f"TOKEN={CANARY}\n")
    write(folder, "author.yml", f"name: {CANARY}\nrole: expert\ntitle: T\nbio: B\n")
    write(
        folder,
        "evil.svg",
        f"<svg xmlns='http://www.w3.org/2000/svg'><script>{CANARY}</script></svg>",
    )
    write(
        folder,
        "post.md",
        f"---\ntitle: {CANARY}\ndate: 2025-05-01\nauthors: [ada]\n---\n{CANARY}\n",
    )
    write(folder, "dir/inner.txt", CANARY)
    return folder


LINKS = {
    "file": (f"{POSTS}/env.txt", "secret.txt"),
    "folder": ("content/machine", "dir"),
    "image": (f"{POSTS}/chart.png", "secret.txt"),
    "svg": (f"{POSTS}/drawing.svg", "evil.svg"),
    "markdown page": (f"{POSTS}/linked.md", "post.md"),
    "author file": ("authors/mallory.yml", "author.yml"),
}


@pytest.mark.parametrize("case", sorted(LINKS))
def test_a_link_out_of_the_repository_fails_build_and_check_alike(
    case, site_copy, tmp_path, outside, caplog
):
    link, target = LINKS[case]
    source = site_copy("basic")
    (source / link).parent.mkdir(parents=True, exist_ok=True)
    (source / link).symlink_to(outside / target)
    site = tmp_path / "out"
    with pytest.raises(Abort):
        build_in_process(source, site)
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    assert f"{link}: is a symbolic link to '{outside / target}'" in message, message
    assert "points outside the repository" in message
    assert not site.exists() or not any(site.rglob("*")), "nothing is written"
    result = run_check(source)
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{link}: is a symbolic link to" in result.stdout
    assert CANARY not in result.stdout + result.stderr + message
    assert "Traceback" not in result.stderr


def test_links_inside_the_repository_build_when_the_site_allows_them(site_copy, tmp_path):
    source = site_copy("basic")
    write(source, "content/shared/logo.txt", "shared")
    (source / "content/blog/logo.txt").symlink_to("../shared/logo.txt")
    (source / "content/mirror").symlink_to("shared")
    with pytest.raises(Abort):
        build_in_process(source, tmp_path / "refused")
    config = source / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  - hubspoke/network:\n", "  - hubspoke/network:\n      content_symlinks: inside\n", 1
        )
    )
    built = build_in_process(source, tmp_path / "out")
    assert (built.site / "blog/logo.txt").read_text() == "shared"
    assert (built.site / "mirror/logo.txt").read_text() == "shared"
    assert run_check(source).returncode == 0


def test_inside_links_still_refuse_loops_git_and_broken_targets(tmp_path):
    root = tmp_path / "repo"
    write(root, ".git/config", CANARY)
    write(root, "content/index.md", "# Home")
    (root / "content/up").symlink_to("..")
    (root / "content/git").symlink_to("../.git/config")
    (root / "content/gone.png").symlink_to("missing.png")
    intake = scan(root, root / "content", rules=FileRules(symlinks="inside"))
    messages = {p.path: p.message for p in intake.problems}
    assert set(messages) == {"content/up", "content/git", "content/gone.png"}, messages
    assert "contains it (a loop)" in messages["content/up"]
    assert intake.files == ["index.md"]


def test_the_content_folder_itself_as_a_link_is_refused(tmp_path, outside):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "content").symlink_to(outside)
    intake = scan(root, root / "content")
    assert [p.path for p in intake.problems] == ["content"]
    assert intake.files == []


SCRIPTABLE = ["page.html", "app.js", "data.json", "feed.xml", "style.css", "evil.svg", "x.htm"]


def test_scriptable_and_unknown_types_fail_build_and_check_with_every_file_named(
    site_copy, tmp_path, caplog
):
    source = site_copy("basic")
    for name in [*SCRIPTABLE, "tool.exe"]:
        write(source, f"content/files/{name}", f"<script>{CANARY}</script>")
    site = tmp_path / "out"
    with pytest.raises(Abort):
        build_in_process(source, site)
    message = "\n".join(r.getMessage() for r in caplog.records if r.levelname == "ERROR")
    stdout = run_check(source).stdout
    for name in SCRIPTABLE:
        for report in (message, stdout):
            assert f"content/files/{name}: " in report, report
            assert "can run script on the hub's site" in report
            assert f"content_files_allowed: ['files/{name}']" in report
    for report in (message, stdout):
        assert "content/files/tool.exe: this type of file is not one a page may carry" in report
    assert f"{len(SCRIPTABLE) + 1} problems" in stdout


def test_allowed_paths_and_the_files_mkdocs_yml_names_are_published(site_copy, tmp_path):
    source = site_copy("basic")
    write(source, "content/landing/index.html", "<!doctype html><title>Landing</title>")
    write(source, "content/landing/app.js", "console.log('landing')")
    write(source, "content/css/extra.css", "body { color: black }")
    config = source / "mkdocs.yml"
    text = config.read_text().replace(
        "  - hubspoke/network:\n",
        '  - hubspoke/network:\n      content_files_allowed: ["landing/*"]\n',
        1,
    )
    config.write_text(text + "extra_css: [css/extra.css]\n")
    built = build_in_process(source, tmp_path / "out")
    assert (built.site / "landing/app.js").is_file()
    assert (built.site / "css/extra.css").is_file()
    assert run_check(source).returncode == 0


def test_hidden_and_excluded_files_are_not_type_checked(tmp_path):
    root = tmp_path / "repo"
    write(root, "content/.scratch/notes.html", "<script></script>")
    write(root, "content/index.md", "# Home")
    intake = scan(root, root / "content", excluded=lambda path: path.startswith("."))
    assert intake.problems == [] and intake.files == ["index.md"]


def test_a_link_anywhere_is_refused_hidden_folders_and_overrides_included(tmp_path, outside):
    root = tmp_path / "repo"
    write(root, "content/index.md", "# Home")
    (root / "content/.hidden").symlink_to(outside)
    write(root, "overrides/main.html", "{% extends 'base.html' %}")
    (root / "overrides/partials").symlink_to(outside / "dir")
    (root / "spokes.yml").symlink_to(outside / "secret.txt")
    intake = scan(
        root,
        root / "content",
        also=(root / "overrides",),
        single=(root / "spokes.yml",),
        excluded=lambda path: path.startswith("."),
    )
    assert sorted(p.path for p in intake.problems) == [
        "content/.hidden",
        "overrides/partials",
        "spokes.yml",
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a/b.PNG", "image"),
        ("talk.mp3", "audio"),
        ("talk.vtt", "captions"),
        ("paper.pdf", "document"),
        ("font.woff2", "font"),
        ("CNAME", "text"),
        ("x.md", "markdown"),
        ("x.SVG", "scriptable"),
        (".htaccess", "scriptable"),
        ("x.exe", None),
        ("Makefile", None),
    ],
)
def test_kinds_come_from_one_table(name, kind):
    assert kind_of(name) == kind


def test_a_pipe_in_the_content_is_refused_not_read(tmp_path):
    root = tmp_path / "repo"
    write(root, "content/index.md", "# Home")
    os.mkfifo(root / "content/pipe.md")  # reading it would block the build for ever
    intake = scan(root, root / "content")
    assert [(p.path, p.message) for p in intake.problems] == [
        ("content/pipe.md", "is not a regular file (a pipe, socket or device): remove it")
    ]
    assert intake.files == ["index.md"]
