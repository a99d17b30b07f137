"""The bad-input corpus: broken, hostile and odd files across posts, authors,
personas, spokes and configuration. Each one either fails the strict build
with a message naming the file (and line or field) and the fix, or builds
safely, as designed; never with any other exception (which the mkdocs
command would print as a traceback)."""

import logging
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from .conftest import FIXED_CLOCK, build_in_process

POSTS = "content/blog/posts"
GOOD_POST = "---\ntitle: T\ndate: 2025-05-01\nauthors: [ada]\n{extra}---\nBody\n"
GOOD_AUTHOR = "name: N\nrole: expert\ntitle: T\nbio: B\n{extra}"


def text(path, content):
    def apply(root: Path):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")

    return apply


def raw(path, content: bytes):
    def apply(root: Path):
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)

    return apply


def post(extra="", body=None, name="bad.md"):
    content = GOOD_POST.format(extra=extra)
    if body is not None:
        content = content.replace("Body\n", body)
    return text(f"{POSTS}/{name}", content)


def author(extra="", name="bad.yml"):
    return text(f"authors/{name}", GOOD_AUTHOR.format(extra=extra))


def config(old, new):
    def apply(root: Path):
        path = root / "mkdocs.yml"
        path.write_text(path.read_text().replace(old, new, 1))

    return apply


def symlink_avatar(root: Path):
    outside = root.parent / "outside.png"
    outside.write_bytes(b"\x89PNG\r\n\x1a\n")
    (root / "authors" / "link.png").symlink_to(outside)
    author("avatar: link.png\n")(root)


# (change, expected words in the error, or None when the build must succeed)
CASES = {
    # posts
    "post: tabs in front matter": (post("\ttags: [x]\n"), ["bad.md:5:", "tabs"]),
    "post: not UTF-8": (
        raw(f"{POSTS}/bad.md", b"---\ntitle: caf\xe9\n---\n"),
        ["bad.md:2:", "UTF-8"],
    ),
    "post: empty file": (text(f"{POSTS}/bad.md", ""), ["bad.md", "'date': is missing"]),
    "post: huge file": (post(body="x" * 2_200_000), ["bad.md", "the limit is"]),
    "post: front matter not closed": (
        text(f"{POSTS}/bad.md", "---\ntitle: T\n"),
        ["bad.md", "not closed"],
    ),
    "post: NUL bytes": (
        raw(f"{POSTS}/bad.md", b"---\ntitle: T\x00\n---\n"),
        ["bad.md", "contains NUL bytes"],
    ),
    "post: a field name that is a number": (post("1: x\n"), ["bad.md", "field name 1 is not text"]),
    "post: a title that gives no slug": (
        text(f"{POSTS}/bad.md", "---\ntitle: '!!!'\ndate: 2025-05-01\nauthors: [ada]\n---\n"),
        ["bad.md", "'slug'", "cannot be made from the title"],
    ),
    "post: front matter is a list": (
        text(f"{POSTS}/bad.md", "---\n- a\n- b\n---\n"),
        ["bad.md:2:", "mapping"],
    ),
    "post: duplicate field": (post("title: Again\n"), ["bad.md:5: field 'title': appears twice"]),
    "post: date in an impossible format": (
        text(f"{POSTS}/bad.md", "---\ntitle: T\ndate: 31/12/2025\nauthors: [ada]\n---\n"),
        ["bad.md:3: field 'date'"],
    ),
    "post: impossible UTC offset": (
        text(
            f"{POSTS}/bad.md", "---\ntitle: T\ndate: 2025-01-01 10:00 +25:00\nauthors: [ada]\n---\n"
        ),
        ["bad.md:3: field 'date'", "offset"],
    ),
    "post: impossible day": (
        text(f"{POSTS}/bad.md", "---\ntitle: T\ndate: 2025-02-29\nauthors: [ada]\n---\n"),
        ["bad.md:3: field 'date'", "not a real date"],
    ),
    "post: unknown author": (
        text(f"{POSTS}/bad.md", "---\ntitle: T\ndate: 2025-05-01\nauthors: [bob]\n---\n"),
        ["bad.md:4: field 'authors'", "unknown author id 'bob'"],
    ),
    "post: no author": (
        text(f"{POSTS}/bad.md", "---\ntitle: T\ndate: 2025-05-01\nauthors: []\n---\n"),
        ["bad.md:4: field 'authors'"],
    ),
    "post: unknown reviewer": (post("reviewer: nobody\n"), ["bad.md:5: field 'reviewer'"]),
    "post: unknown persona": (post("personas: [martian]\n"), ["unknown persona id 'martian'"]),
    "post: slug with path traversal": (post("slug: ../../../etc\n"), ["bad.md:5: field 'slug'"]),
    "post: duplicate slug": (
        text(
            f"{POSTS}/dup.md",
            "---\ntitle: Other\ndate: 2025-01-10\nauthors: [ada]\nslug: first-post\n---\n",
        ),
        [
            "content/blog/posts/dup.md",
            "content/blog/posts/first.md",
            "give one of them another 'slug'",
        ],
    ),
    "post: same URL as another post": (
        text(f"{POSTS}/bad.md", "---\ntitle: First post\ndate: 2025-01-10\nauthors: [ada]\n---\n"),
        ["same URL", "content/blog/posts/first.md"],
    ),
    "post: image outside the content folder": (
        post("image: ../../../../mkdocs.yml\n"),
        ["bad.md:5: field 'image': points outside the content folder"],
    ),
    "post: missing image": (post("image: nowhere.png\n"), ["field 'image'", "not found"]),
    "post: javascript canonical URL": (
        post("canonical_url: javascript:alert(1)\n"),
        ["bad.md:5: field 'canonical_url'"],
    ),
    "post: canonical URL breaking out of its attribute": (
        post("canonical_url: 'https://a.example/x\"><script>alert(4)</script>'\n"),
        ["bad.md:5: field 'canonical_url'"],
    ),
    "post: http canonical URL": (post("canonical_url: http://example.org/x\n"), ["canonical_url"]),
    "post: category of punctuation only": (
        post("categories: ['!!!']\n"),
        ["has no letters or digits"],
    ),
    "post: negative reading time": (post("readtime: -3\n"), ["field 'readtime'"]),
    "post: updated before date": (post("updated: 2020-01-01\n"), ["field 'updated'", "before"]),
    "post: title too long for a page title": (
        text(
            f"{POSTS}/bad.md",
            "---\ntitle: '" + "x" * 301 + "'\ndate: 2025-05-01\nauthors: [ada]\n---\n",
        ),
        ["bad.md:2: field 'title': is too long"],
    ),
    "post: draft written as text": (post("draft: 'yes please'\n"), ["field 'draft'"]),
    "post: authors as a number": (
        text(f"{POSTS}/bad.md", "---\ntitle: T\ndate: 2025-05-01\nauthors: 42\n---\n"),
        ["field 'authors'"],
    ),
    "post: BOM before front matter": (
        raw(f"{POSTS}/bom.md", "\ufeff".encode() + GOOD_POST.format(extra="slug: bom\n").encode()),
        None,
    ),
    "post: script in the title": (
        post("description: '</title><script>alert(1)</script>'\n", name="hostile.md"),
        None,
    ),
    # authors
    "author: invalid YAML": (
        text("authors/bad.yml", "name: [unclosed\n"),
        ["authors/bad.yml:", "YAML"],
    ),
    "author: empty file": (text("authors/bad.yml", ""), ["authors/bad.yml:1: is empty"]),
    "author: not UTF-8": (
        raw("authors/bad.yml", b"name: J\xf6rg\n"),
        ["authors/bad.yml:1:", "UTF-8"],
    ),
    "author: tabs": (
        text("authors/bad.yml", "name: N\n\trole: expert\n"),
        ["authors/bad.yml:2:", "tabs"],
    ),
    "author: missing role": (
        text("authors/bad.yml", "name: N\ntitle: T\nbio: B\n"),
        ["field 'role': is missing"],
    ),
    "author: guest without organization": (
        text("authors/bad.yml", "name: N\nrole: guest\ntitle: T\nbio: B\n"),
        ["field 'organization': is missing"],
    ),
    "author: unknown role": (
        text("authors/bad.yml", "name: N\nrole: intern\ntitle: T\nbio: B\n"),
        ["authors/bad.yml:2: field 'role': must be one of expert, guest"],
    ),
    "author: misspelt field": (author("organisation: X\n"), ["did you mean 'organization'"]),
    "author: topics not a list": (author("topics: sensors\n"), ["field 'topics': must be a list"]),
    "author: javascript spoke": (
        author("spokes:\n  x: javascript:alert(1)\n"),
        ["field 'spokes.x'"],
    ),
    "author: data spoke": (
        author("spokes:\n  website: 'data:text/html,<b>x</b>'\n"),
        ["field 'spokes.website'"],
    ),
    "author: http spoke": (
        author("spokes:\n  website: http://example.org\n"),
        ["field 'spokes.website'"],
    ),
    "author: spoke on the wrong host": (
        author("spokes:\n  linkedin: https://linkedin.evil.example/in/x\n"),
        ["field 'spokes.linkedin'", "not a LinkedIn profile"],
    ),
    "author: avatar path traversal": (
        author("avatar: ../../etc/passwd.png\n"),
        ["field 'avatar'", "inside the authors folder"],
    ),
    "author: avatar missing": (author("avatar: ghost.png\n"), ["field 'avatar'", "not found"]),
    "author: avatar symlink outside the repo": (
        symlink_avatar,
        ["authors/link.png: is a symbolic link to", "points outside the repository"],
    ),
    "author: file name is not an id": (
        author(name="Bad Name.yml"),
        ["Bad Name.yml", "the file name is the author id"],
    ),
    "author: same id twice": (
        lambda root: author(name="ada.yaml")(root),
        ["authors/ada.yml", "same author id"],
    ),
    "author: HTML in the name": (
        text(
            "authors/htmlname.yml",
            "name: '<img src=x onerror=alert(1)>'\nrole: expert\ntitle: T\nbio: B\n",
        ),
        None,
    ),
    "author: BOM at the start": (
        raw("authors/bom.yml", "\ufeff".encode() + GOOD_AUTHOR.format(extra="").encode()),
        None,
    ),
    # personas
    "persona: missing summary": (
        text("content/personas/ceo.md", "---\nname: CEO\n---\n"),
        ["ceo.md:2: field 'summary'"],
    ),
    "persona: unknown function": (
        text("content/personas/ceo.md", "---\nname: CEO\nsummary: S\nfunction: golf\n---\n"),
        ["ceo.md:4: field 'function'"],
    ),
    "persona: invalid YAML": (
        text("content/personas/ceo.md", "---\nname: [x\n---\n"),
        ["ceo.md:", "YAML"],
    ),
    "persona: file name is not an id": (
        text("content/personas/Big Boss.md", "---\nname: B\nsummary: S\n---\n"),
        ["Big Boss.md", "persona id"],
    ),
    # company spokes
    "spokes: javascript URL": (
        text(
            "spokes.yml",
            "spokes:\n  - network: x\n    url: javascript:alert(1)\n    purpose: P\n    team: T\n",
        ),
        ["spokes.yml:2: field 'spokes.0.url'"],
    ),
    "spokes: missing team": (
        text("spokes.yml", "spokes:\n  - network: x\n    url: https://x.com/a\n    purpose: P\n"),
        ["spokes.yml", "team"],
    ),
    "spokes: same profile twice": (
        text(
            "spokes.yml",
            "spokes:\n  - {network: x, url: 'https://x.com/a', purpose: P, team: T}\n"
            "  - {network: x, url: 'https://x.com/a', purpose: Q, team: T}\n",
        ),
        ["spokes.yml:3:", "same URL"],
    ),
    # configuration
    "config: unknown time zone": (
        config("timezone: Europe/Berlin", "timezone: Europe/Atlantis"),
        ["unknown time zone"],
    ),
    "config: unsafe post URL format": (
        config("blog_per_page: 2", "blog_per_page: 2\n      post_url_format: '../{slug}'"),
        ["unsafe part"],
    ),
    "config: unknown placeholder": (
        config("blog_per_page: 2", "blog_per_page: 2\n      post_url_format: 'blog/{author}'"),
        ["post_url_format uses unknown ['author']"],
    ),
    "config: zero posts per page": (
        config("blog_per_page: 2", "blog_per_page: 0"),
        ["blog_per_page must be at least 1"],
    ),
    "config: authors folder missing": (
        config("blog_per_page: 2", "blog_per_page: 2\n      authors_dir: people"),
        ["people", "authors folder not found"],
    ),
    "config: spokes file missing": (
        config("blog_per_page: 2", "blog_per_page: 2\n      hub_spokes_file: nowhere.yml"),
        ["nowhere.yml", "spokes file not found"],
    ),
}


def error_lines(records) -> str:
    return "\n".join(r.getMessage() for r in records if r.levelno >= logging.ERROR)


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(case, site_copy, tmp_path, caplog):
    """In-process, any exception other than Abort (what mkdocs turns a clear error
    into) fails the test: that is what would reach the reader as a traceback."""
    change, expected = CASES[case]
    source = site_copy("basic")
    change(source)
    site = tmp_path / "out"
    if expected is None:
        build_in_process(source, site)
        assert (site / "index.html").is_file()
        return
    caplog.set_level(logging.ERROR, logger="mkdocs")
    with pytest.raises(Abort):
        build_in_process(source, site)
    message = error_lines(caplog.records)
    for words in expected:
        assert words in message, message
    assert not list(site.rglob("*.html")), "nothing may be published from a failed build"


def run_check(source: Path, monkeypatch, capsys) -> tuple[int, str]:
    from hubspoke.cli import main

    monkeypatch.chdir(source)
    monkeypatch.setenv("HUBSPOKE_CLOCK", FIXED_CLOCK)
    code = main(["check"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_agrees_with_the_build(case, site_copy, monkeypatch, capsys):
    """`hubspoke check` rejects exactly what the build rejects, with the same words."""
    change, expected = CASES[case]
    source = site_copy("basic")
    change(source)
    code, output = run_check(source, monkeypatch, capsys)
    assert "Traceback" not in output
    if expected is None:
        assert code == 0, output
        return
    assert code != 0, output
    for words in expected:
        assert words in output, output
