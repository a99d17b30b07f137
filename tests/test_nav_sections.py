"""Pages outside the navigation (posts, blog indexes, author and event pages) make
their section's tab active and fill the sidebar, whatever the nav calls or nests the
sections, and with no nav at all; a sidebar that would list the page alone is hidden."""

import pytest

from .conftest import add_content_files, build_in_process

OTHER_NAV = """nav:
  - Start: index.md
  - Company:
      - About us: about.md
      - Journal: news/index.md
      - Who writes: authors/index.md
  - Readers: personas/index.md
  - Contact: contact.md
"""


def active_tab(soup) -> str | None:
    """The text of the active header tab (Material marks its item), if one is."""
    active = soup.select(".md-tabs__item--active")
    assert len(active) <= 1
    return active[0].get_text(" ", strip=True) if active else None


def sidebar(soup) -> str:
    """What the primary sidebar shows with tabs: the active top-level item's entries."""
    items = soup.select("nav.md-nav--primary > ul > li.md-nav__item--active")
    entries = [e.get_text(" ", strip=True) for li in items for e in li.select(".md-nav__link")]
    return " | ".join(e for e in entries if e)


def hidden_sidebar(soup) -> bool:
    return soup.select_one(".md-sidebar--primary").has_attr("hidden")


def a_post(built) -> str:
    found = sorted(built.site.glob("**/20[0-9][0-9]/[0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert found
    return found[0].parent.relative_to(built.site).as_posix() + "/"


@pytest.fixture(scope="module")
def other_nav(tmp_path_factory):
    """The basic site with the blog at news/, the sections renamed and nested."""
    from .conftest import SITES, copy_site

    base = tmp_path_factory.mktemp("other-nav")
    source = copy_site(SITES / "basic", base / "src")
    config = source / "mkdocs.yml"
    text = config.read_text()
    start, end = text.index("nav:"), text.index("plugins:")
    text = text[:start] + OTHER_NAV + text[end:]
    text = text.replace("blog_per_page: 2", "blog_per_page: 2\n      blog_url: news")
    config.write_text(text)
    # A writer's page outside the nav, in the folder of the authors overview.
    add_content_files(
        source,
        {
            "authors/faq.md": "# Writing for us\n\nAsk Mei.\n",
            "about.md": "# About us\n\nWe make meters.\n",
            "contact.md": "---\nhide:\n  - toc\n---\n# Contact\n\n## Where\n\nHere.\n",
        },
    )
    return build_in_process(source, base / "site")


def test_a_post_under_another_nav_shows_the_section_of_the_blog(other_nav):
    soup = other_nav.html(a_post(other_nav))
    assert active_tab(soup) == "Company"
    # The blog home is the index of "Company" (navigation.indexes): the section's link.
    assert "Company" in sidebar(soup) and "About us" in sidebar(soup)
    assert not hidden_sidebar(soup)


@pytest.mark.parametrize(
    "url", ["authors/ada/", "blog/category/engineering/", "news/page/2/", "authors/faq/"]
)
def test_pages_under_another_nav_show_their_section(other_nav, url):
    soup = other_nav.html(url)
    assert active_tab(soup) == "Company", url
    assert "About us" in sidebar(soup) and "Who writes" in sidebar(soup)


def test_a_page_alone_in_its_section_hides_the_sidebar(other_nav):
    assert hidden_sidebar(other_nav.html(""))  # "Start": the home page, nothing under it
    assert not hidden_sidebar(other_nav.html("news/"))  # "Company" holds two pages


def test_a_site_without_a_nav_highlights_its_sections(site_copy, tmp_path):
    source = site_copy("basic")
    config = source / "mkdocs.yml"
    text = config.read_text()
    start, end = text.index("nav:"), text.index("plugins:")
    config.write_text(text[:start] + text[end:])
    built = build_in_process(source, tmp_path / "site")
    post = built.html(a_post(built))
    assert active_tab(post) == "Blog"
    assert "Blog" in sidebar(post)
    author = built.html("authors/ada/")
    assert active_tab(author) == "Authors"
    assert "Authors" in sidebar(author)


def test_the_example_blog_sidebar_lists_years_and_categories(example):
    post = example.html(a_post(example))
    assert active_tab(post) == "Blog"
    assert "Archive" in sidebar(post) and "Categories" in sidebar(post)
    assert not hidden_sidebar(post)


@pytest.mark.parametrize(
    ("url", "tab"),
    [
        ("authors/lena-hoffmann/", "Authors"),
        ("events/magline-live-demo/", "Events"),
        ("blog/tag/accuracy/", "Blog"),
        ("blog/page/2/", "Blog"),
    ],
)
def test_example_pages_outside_the_nav_show_their_section(example, url, tab):
    soup = example.html(url)
    assert active_tab(soup) == tab
    assert tab in sidebar(soup)
    assert not hidden_sidebar(soup)


@pytest.mark.parametrize("url", ["", "authors/", "events/", "about/"])
def test_example_pages_alone_in_their_section_hide_the_sidebar(example, url):
    assert hidden_sidebar(example.html(url))


def test_a_writers_hide_list_is_kept(other_nav):
    """A page's own `hide:` (here the table of contents) stays; the navigation joins it."""
    soup = other_nav.html("contact/")
    assert hidden_sidebar(soup)
    assert soup.select_one(".md-sidebar--secondary").has_attr("hidden")
