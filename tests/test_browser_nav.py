"""The navigation a reader sees in headless Chromium: on a post, an author's page and an
event's page the tab of its section is active and the sidebar (the drawer on a phone)
shows that section; an overview with nothing under it shows no lonely sidebar."""

import pytest

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# The primary sidebar's entries a reader can see and reach: on screen, not covered.
SEEN_ENTRIES = """() => {
  const found = [];
  for (const el of document.querySelectorAll('.md-nav--primary .md-nav__link')) {
    const box = el.getBoundingClientRect();
    const text = el.innerText.trim();
    if (!text || box.width < 1 || box.height < 1) continue;
    const x = box.left + Math.min(box.width / 2, 20), y = box.top + box.height / 2;
    if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(el.contains(hit) || hit.contains(el))) continue;
    const item = el.closest('.md-nav--primary > .md-nav__list > .md-nav__item');
    found.push({text, active: !!item && item.classList.contains('md-nav__item--active')});
  }
  return found;
}"""


def a_post(example) -> str:
    found = sorted(example.site.glob("blog/2*/**/index.html"))
    assert found
    return found[0].parent.relative_to(example.site).as_posix() + "/"


def pages(example):
    """Each page, its section's tab, and an entry the phone's drawer shows of that
    section: a section's panel (the blog's years), else its own link. Persona pages are
    in the nav themselves."""
    return [
        (a_post(example), "Blog", "Archive"),
        ("authors/lena-hoffmann/", "Authors", "Authors"),
        ("events/magline-live-demo/", "Events", "Events"),
    ]


CASES = pytest.mark.parametrize("which", range(3), ids=["post", "author", "event"])


def visit(page, served, url, viewport):
    page.set_viewport_size(viewport)
    page.goto(served + url)
    page.wait_for_load_state("networkidle")


@CASES
def test_on_a_wide_screen_the_sections_tab_is_active_and_its_sidebar_shown(
    served, page, example, which
):
    url, section, _ = pages(example)[which]
    visit(page, served, url, DESKTOP)
    tabs = page.locator(".md-tabs__item--active")
    assert tabs.count() == 1, url
    assert tabs.inner_text().strip() == section
    assert page.locator(".md-sidebar--primary").is_visible()
    seen = page.evaluate(SEEN_ENTRIES)
    assert seen, f"{url}: the sidebar shows nothing"
    assert all(entry["active"] for entry in seen), seen  # only the active section's
    assert section in [entry["text"] for entry in seen]


@CASES
def test_on_a_phone_the_drawer_shows_the_section(served, page, example, which):
    url, _, entry = pages(example)[which]
    visit(page, served, url, PHONE)
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)  # the drawer slides in
    seen = page.evaluate(SEEN_ENTRIES)
    # The section's own entry, marked as the reader's place (a section opens on its panel).
    assert {"text": entry, "active": True} in seen, f"{url}: {seen}"


@pytest.mark.parametrize("url", ["authors/", "events/"])
def test_an_overview_alone_in_its_section_has_no_lonely_sidebar(served, page, url):
    visit(page, served, url, DESKTOP)
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert page.evaluate(SEEN_ENTRIES) == []
    # The drawer on a phone still holds the whole navigation.
    visit(page, served, url, PHONE)
    page.click("label.md-header__button[for=__drawer]")
    page.wait_for_timeout(400)
    texts = [entry["text"] for entry in page.evaluate(SEEN_ENTRIES)]
    assert "Blog" in texts and "Authors" in texts, texts
