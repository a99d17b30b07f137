"""Reading posts, authors and personas: normalisation and editor-friendly errors."""

from datetime import UTC

import pytest

from hubspoke.core.content import loaders
from hubspoke.core.content.yamlfile import TextFileError
from hubspoke.core.errors import ContentError

FORMAT = "blog/{date:%Y/%m/%d}/{slug}"


def read_post(text: str, source="blog/posts/p.md"):
    return loaders.read_post(
        source, f"content/{source}", text.encode(), timezone=UTC, url_format=FORMAT
    )


def problems_of(call) -> list[str]:
    with pytest.raises((ContentError, TextFileError)) as caught:
        call()
    error = caught.value
    found = error.problems if isinstance(error, ContentError) else [error.problem]
    return [str(p) for p in found]


def test_material_blog_front_matter_is_accepted_as_is():
    post = read_post(
        "---\ndate:\n  created: 2024-01-31\n  updated: 2024-02-02\nauthors: [ada]\n"
        "categories: [Hello world]\ntags: [x]\ndraft: false\nreadtime: 3\npin: true\n"
        "links:\n  - index.md\n---\n# Hello *there*\n\nText\n<!-- more -->\nMore\n"
    )
    assert post.title == "Hello there"
    assert post.slug == "hello-there"
    assert post.path == "blog/2024/01/31/hello-there"
    assert post.updated.day == 2
    assert post.categories[0].slug == "hello-world"
    assert post.readtime == 3 and post.pin


def test_single_values_become_lists():
    post = read_post("---\ntitle: T\ndate: 2025-01-01\nauthors: ada\ncategories: News\n---\n")
    assert post.authors == ("ada",)
    assert [c.name for c in post.categories] == ["News"]


def test_missing_title_and_date_are_reported_together_with_lines():
    found = problems_of(lambda: read_post("---\nauthors: [ada]\n---\nNo heading here.\n"))
    assert any("content/blog/posts/p.md" in p and "'title'" in p for p in found)
    assert any("'date'" in p and "is missing" in p for p in found)


@pytest.mark.parametrize(
    ("front", "field", "words"),
    [
        ("title: T\ndate: 2025-02-30\nauthors: [ada]", "date", "not a real date"),
        ("title: T\ndate: yesterday\nauthors: [ada]", "date", "wrong form"),
        ("title: T\ndate: 2025-01-01\nauthors: [Ada Lovelace]", "authors.0", "wrong form"),
        ("title: T\ndate: 2025-01-01\nauthors: [ada]\ndraft: maybe", "draft", "true or false"),
        ("title: T\ndate: 2025-01-01\nauthors: [ada]\nreadtime: soon", "readtime", "whole number"),
        ("title: T\ndate: 2025-01-01\nauthors: [ada]\nslug: ../../etc", "slug", "wrong form"),
        (
            "title: T\ndate: 2025-01-01\nauthors: [ada]\ncanonical_url: javascript:alert(1)",
            "canonical_url",
            "wrong form",
        ),
        ("title: T\ndate: 2025-03-01\nupdated: 2025-01-01\nauthors: [ada]", "updated", "before"),
    ],
)
def test_bad_post_fields_name_the_field_and_line(front, field, words):
    found = problems_of(lambda: read_post(f"---\n{front}\n---\nBody\n"))
    assert len(found) == 1, found
    line = next(
        i
        for i, text in enumerate(front.splitlines(), start=2)
        if text.startswith(field.split(".")[0])
    )
    assert found[0].startswith(f"content/blog/posts/p.md:{line}: field '{field}'")
    assert words in found[0]


def test_invalid_yaml_names_the_line_and_hints_at_the_fix():
    found = problems_of(
        lambda: read_post("---\ntitle: T\ndate: 2025-01-01\n\tauthors: [ada]\n---\n")
    )
    assert found[0].startswith("content/blog/posts/p.md:4:")
    assert "tabs" in found[0]


def test_unclosed_front_matter_is_reported():
    found = problems_of(lambda: read_post("---\ntitle: T\n"))
    assert "not closed" in found[0]


def test_duplicate_keys_are_reported_not_overwritten():
    found = problems_of(lambda: read_post("---\ntitle: A\ntitle: B\ndate: 2025-01-01\n---\n"))
    assert "content/blog/posts/p.md:3: field 'title': appears twice" in found[0]


def test_non_utf8_file_is_reported():
    with pytest.raises(TextFileError, match="not UTF-8"):
        loaders.read_post(
            "p.md", "content/p.md", b"---\ntitle: \xff\n---\n", timezone=UTC, url_format=FORMAT
        )


def write_author(tmp_path, name, text):
    (tmp_path / name).write_text(text, encoding="utf-8")


def test_author_files_load(tmp_path):
    write_author(
        tmp_path,
        "ada.yml",
        "name: Ada\nrole: expert\ntitle: Engineer\nbio: Builds.\navatar: ada.png\n"
        "spokes:\n  linkedin: https://www.linkedin.com/in/ada\n",
    )
    (tmp_path / "ada.png").write_bytes(b"png")
    authors = loaders.load_authors(tmp_path, "authors")
    (spoke,) = authors["ada"].spokes
    assert (spoke.network, spoke.url, spoke.name, spoke.handle) == (
        "linkedin",
        "https://www.linkedin.com/in/ada",
        "LinkedIn",
        "ada",
    )
    assert authors["ada"].avatar.endswith("ada.png")
    assert authors["ada"].active


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "name: G\nrole: guest\ntitle: T\nbio: B\n",
            "authors/x.yml:1: field 'organization': is missing",
        ),
        (
            "name: A\nrole: boss\ntitle: T\nbio: B\n",
            "authors/x.yml:2: field 'role': must be one of expert, guest",
        ),
        (
            "name: A\nrole: expert\ntitle: T\nbio: B\norganisation: X\n",
            "'organisation' is not a known field; did you mean 'organization'?",
        ),
        (
            "name: [A]\nrole: expert\ntitle: T\nbio: B\n",
            "authors/x.yml:1: field 'name': must be text, not a list",
        ),
        (
            "name: A\nrole: expert\ntitle: T\nbio: B\nspokes:\n  x: javascript:alert(1)\n",
            "field 'spokes.x': has the wrong form",
        ),
        (
            "name: A\nrole: expert\ntitle: T\nbio: B\nspokes:\n  web: http://insecure.example\n",
            "field 'spokes.web'",
        ),
        (
            "name: A\nrole: expert\ntitle: T\nbio: B\navatar: ../../etc/passwd.png\n",
            "authors/x.yml:5: field 'avatar': must be a file inside the authors folder",
        ),
        (
            "name: A\nrole: expert\ntitle: T\nbio: B\navatar: missing.png\n",
            "field 'avatar': file 'missing.png' not found",
        ),
        ("", "authors/x.yml:1: is empty"),
        ("- just\n- a list\n", "must be a YAML mapping"),
        ("name: A\n  role: expert\n", "authors/x.yml:2: is not valid YAML"),
    ],
)
def test_bad_author_files(tmp_path, text, expected):
    write_author(tmp_path, "x.yml", text)
    found = problems_of(lambda: loaders.load_authors(tmp_path, "authors"))
    assert any(expected in p for p in found), found


def test_every_bad_author_file_is_reported_at_once(tmp_path):
    write_author(tmp_path, "a.yml", "name: A\n")
    write_author(tmp_path, "b.yml", "name: B\nrole: expert\ntitle: T\nbio: B\n")
    write_author(tmp_path, "c.yml", "role: guest\n")
    found = problems_of(lambda: loaders.load_authors(tmp_path, "authors"))
    assert {p.split(":")[0] for p in found} == {"authors/a.yml", "authors/c.yml"}


def test_author_id_must_be_a_slug(tmp_path):
    write_author(tmp_path, "Ada Lovelace.yml", "name: A\nrole: expert\ntitle: T\nbio: B\n")
    found = problems_of(lambda: loaders.load_authors(tmp_path, "authors"))
    assert "the file name is the author id" in found[0]


def test_persona_requires_name_and_summary():
    found = problems_of(
        lambda: loaders.read_persona(
            "buyer",
            "personas/buyer.md",
            "content/personas/buyer.md",
            b"---\nname: Buyer\nfunction: sales\n---\nText",
        )
    )
    assert found == [
        "content/personas/buyer.md:2: field 'summary': is missing. Expected: One sentence: who this reader is and what they need."
    ]
