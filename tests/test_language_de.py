"""A German (and a French) build of the example shows no English Hubspoke text.

Every built HTML page is read: its text (SVG text included) and the attributes readers
meet (title, alt, aria-label, placeholder, data-invalid), and every feed's titles and
descriptions. None may be an English label of the catalogue, where the translation
differs. What writers wrote (posts, bios, event text) is in English in the example and
is left out, and so is the nav, which mkdocs.yml writes: the test gives it in the site's
language, as a German site would. The build includes the insights page (`insights_page:
always`), which editors see on their own site, and the feed stylesheet (`stylesheet: true`).
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import icalendar
import pytest
from bs4 import BeautifulSoup, Comment

from hubspoke.core.labels import catalogue, for_language

from .conftest import ROOT, build_in_process, copy_site
from .test_insights_page import REPORT_SITE
from .test_media_example import PODCAST_POST, VIDEO_POST

NAV = {
    "de": ["Start", "Blog", "Zielgruppen", "Autoren", "Termine", "Wo wir sind", "Über uns"],
    "fr": ["Accueil", "Blog", "Lectorats", "Auteurs", "Événements", "Où nous trouver", "À propos"],
}
ENGLISH_NAV = ["Home", "Blog", "Personas", "Authors", "Events", "Where we are", "About"]
# Pages the nav names without a title, so that they show the title Hubspoke gives them.
UNTITLED = ("Authors", "Events", "Where we are")
# What writers wrote: posts, bios, event text, excerpts, and the headings of the table of
# contents (a post's own "Transcript" section).
AUTHORED = [
    "md-nav--secondary",
    "hs-post__body",
    "hs-profile__bio",
    "hs-author__bio",
    "hs-event__body",
    "hs-card__excerpt",
]
WRITTEN_PAGES = {"about"}  # a page of the writers' own, nothing of Hubspoke's in it
ATTRIBUTES = ("title", "alt", "aria-label", "placeholder", "data-invalid")


def _texts(value):
    return list(value.values()) if isinstance(value, dict) else [value]


def known_names() -> list[str]:
    """Names a short label fills in: authors, personas, the company, networks, events."""
    names = {"Corvane Instruments", "Corvane Hub", "LinkedIn", "Mastodon", "YouTube", "X"}
    names |= {"Bluesky", "Email", "Facebook", "GitHub", "Instagram", "TikTok", "Threads"}
    for folder, field in (("authors", "name"), ("content/personas", "title")):
        for file in (ROOT / folder).glob("*.*"):
            if file.suffix in (".yml", ".md"):
                found = re.search(rf"^{field}: *(.+)$", file.read_text(encoding="utf-8"), re.M)
                if found:
                    names.add(found[1].strip().strip("\"'"))
    for file in (ROOT / "content/events").glob("*.md"):
        found = re.search(r"^title: *(.+)$", file.read_text(encoding="utf-8"), re.M)
        names.add(found[1].strip().strip("\"'"))
    return sorted(names, key=len, reverse=True)


def english_matchers(language: str) -> list[tuple[str, re.Pattern]]:
    """(key, pattern) for each English label text that the language writes otherwise.

    A placeholder matches anything where the label's own words are long enough to be
    telling; in a short label ("About {name}", "{company} on {network}") it matches a
    number or a name the example uses, so authored English prose does not count."""
    english, other = catalogue("en"), catalogue(language)
    names = "|".join(re.escape(n) for n in known_names())
    found = []
    for key, value in english.items():
        translated = set(_texts(other[key]))
        for text in _texts(value):
            if text in translated:
                continue  # the same word in both languages ("Blog", "Webinar")
            parts = re.split(r"\{[a-z_]+\}", text)
            literal = sum(len(p.strip()) for p in parts)
            fill = "(?:.+?)" if literal >= 12 else rf"(?:\d+|{names})"
            pattern = fill.join(re.escape(p) for p in parts)
            words = len(parts) == 1 and len(text.split()) >= 2
            # A whole text node; a label of several words also inside a longer one.
            found.append((key, re.compile(pattern if words else rf"^{pattern}$")))
    return found


def visible_texts(site):
    """(file, text) of every text node and reader-facing attribute of Hubspoke's pages."""
    for file in sorted(site.rglob("*.html")):
        if file.relative_to(site).parts[0] in WRITTEN_PAGES:
            continue
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for node in soup.find_all(string=True):
            if isinstance(node, Comment) or node.parent.name in ("script", "style"):
                continue
            if node.find_parent(class_=AUTHORED):
                continue
            text = " ".join(node.split())
            if text:
                yield file, text
        for element in soup.find_all(True):
            if element.find_parent(class_=AUTHORED) or element.get("class") in (AUTHORED,):
                continue
            for name in ATTRIBUTES:
                if element.get(name):
                    yield file, " ".join(str(element[name]).split())


def feed_texts(site):
    for file in sorted((site / "feeds").rglob("*")):
        if file.suffix == ".xml":
            for element in ET.parse(file).iter():
                tag = element.tag.rsplit("}", 1)[-1]
                if tag in ("title", "description", "subtitle") and element.text:
                    yield file, " ".join(element.text.split())
        elif file.suffix == ".json":
            data = json.loads(file.read_text(encoding="utf-8"))
            for key in ("title", "description"):
                if data.get(key):
                    yield file, data[key]


def build_in(language, tmp_path):
    source = copy_site(ROOT, tmp_path / "src")
    text = (source / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("  language: en\n", f"  language: {language}\n")
    for english, translated in zip(ENGLISH_NAV, NAV[language], strict=True):
        text = text.replace(
            f"  - {english}: ", "  - " if english in UNTITLED else f"  - {translated}: ", 1
        )
    text = text.replace(
        "  - hubspoke/editorial:\n", "  - hubspoke/editorial:\n      insights_page: always\n"
    )
    text = text.replace("  - hubspoke/feeds\n", "  - hubspoke/feeds:\n      stylesheet: true\n")
    (source / "mkdocs.yml").write_text(text, encoding="utf-8")
    return build_in_process(source, tmp_path / "site")


_BUILDS: dict = {}


def built_in(language, tmp_path_factory):
    """The example built in `language`, once per test module (and worker)."""
    if language not in _BUILDS:
        _BUILDS[language] = build_in(language, tmp_path_factory.mktemp(language))
    return _BUILDS[language]


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    return built_in("de", tmp_path_factory)


@pytest.mark.parametrize("language", ["de", "fr"])
def test_no_english_hubspoke_text_on_any_page_or_feed(language, tmp_path_factory):
    built = built_in(language, tmp_path_factory)
    matchers = english_matchers(language)
    english = []
    seen = 0
    for file, text in [*visible_texts(built.site), *feed_texts(built.site)]:
        seen += 1
        for key, pattern in matchers:
            if pattern.search(text):
                english.append(f"{file.relative_to(built.site)}: {key}: {text[:100]!r}")
    assert seen > 1000
    assert not english, f"{len(english)} English texts, e.g.:\n" + "\n".join(english[:40])
    # And the labels are there, in the site's language.
    labels = for_language(language)
    post = built.html("blog/")
    assert labels.text("post.continue") in post.get_text()
    assert labels.text("browse.archive") in post.get_text()
    # The players sit in a post's body, which the walk leaves to its writers: their texts
    # come from the theme's templates, in the site's language too.
    audio = built.html(PODCAST_POST).select_one("figure.hs-audio")
    assert audio.select_one(".hs-audio__label").get_text() == labels.text("audio.listen")
    facts = audio.select_one(".hs-audio__facts").get_text()
    assert facts.startswith(f"{labels.text('audio.season', number=1)} · ")
    assert labels.text("audio.type.trailer") in facts
    assert audio.audio["aria-label"].startswith(labels.text("audio.listen_to", title=""))
    links = [a.get_text() for a in audio.select(".hs-audio__links a")]
    assert links[1] == labels.text("audio.transcript"), links
    video = built.html(VIDEO_POST).select_one("figure.hs-video")
    assert video.select_one(".hs-video__label").get_text() == labels.text("video.play")
    assert labels.text("video.loads_from", host="youtube-nocookie.com") in video.get_text()
    shown = (
        labels.text("video.play")
        + " "
        + labels.text("video.loads_from", host="youtube-nocookie.com")
    )
    assert video.button["aria-label"].startswith(shown)


def test_english_build_still_shows_the_english_labels(example):
    """The matchers do find English text where it is meant to be (the test can fail)."""
    matchers = english_matchers("de")
    hits = {key for _, text in visible_texts(example.site) for key, p in matchers if p.search(text)}
    for key in ("post.by", "post.min_read", "post.continue", "share.title", "author.posts_by"):
        assert key in hits


def _paragraphs_of_calendars(site) -> dict[str, list[str]]:
    """Each .ics file's event descriptions, as paragraphs, by file name."""
    found = {}
    for file in sorted((site / "events").glob("*.ics")):
        calendar = icalendar.Calendar.from_ical(file.read_bytes())
        found[file.name] = [
            paragraph
            for event in calendar.walk("VEVENT")
            for paragraph in str(event["DESCRIPTION"]).split("\n\n")
        ]
    return found


def test_calendars_of_a_german_site_describe_events_in_german(german):
    calendars = _paragraphs_of_calendars(german.site)
    assert "upcoming.ics" in calendars and len(calendars) > 2
    workshop = calendars["calibration-workshop-kestrelford.ics"]
    assert "Mit Lena Hoffmann, Jonas Brandt." in workshop
    assert "Zur Anmeldung: https://events.corvane.example/workshops/calibration-2027-01" in workshop
    assert "Alle Details: https://hub.corvane.example/events/calibration-workshop-kestrelford/" in (
        workshop
    )
    paragraphs = [p for found in calendars.values() for p in found]
    de, en = for_language("de"), for_language("en")
    for key in ("with_speakers", "join_online_at", "register_at", "recording_at", "details_at"):
        german_start, english_start = (x.form(f"event.{key}").split("{")[0] for x in (de, en))
        assert any(p.startswith(german_start) for p in paragraphs), key
        assert not any(p.startswith(english_start) for p in paragraphs), key
    upcoming = icalendar.Calendar.from_ical((german.site / "events/upcoming.ics").read_bytes())
    assert str(upcoming["X-WR-CALNAME"]) == "Termine von Corvane Hub"
    demo = icalendar.Calendar.from_ical((german.site / "events/magline-live-demo.ics").read_bytes())
    (event,) = demo.walk("VEVENT")
    assert event["CATEGORIES"].to_ical() == b"Produktvorf\xc3\xbchrung"  # not "Product demo"


def test_social_cards_of_a_german_site_say_who_wrote_the_post_in_german(german):
    alts = []
    for file in german.site.glob("blog/20*/**/index.html"):
        meta = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find(
            "meta", property="og:image:alt"
        )
        if meta is not None:
            alts.append(meta["content"])
    assert any(", von " in alt for alt in alts), alts[:5]
    assert not any(", by " in alt for alt in alts)


def test_a_german_site_that_sets_no_title_gets_the_german_ones(german):
    de = for_language("de")
    pages = {"authors/": "authors", "hub/": "hub", "events/": "events", "insights/": "insights"}
    nav = {a.get_text(strip=True) for a in german.html("").select(".md-tabs a")}
    for url, key in pages.items():
        page = german.html(url)
        assert page.h1.get_text(strip=True) == de.text(f"page.{key}"), url
        assert page.title.get_text().startswith(de.text(f"page.{key}")), url
    assert {de.text(f"page.{key}") for key in ("authors", "hub", "events")} <= nav
    disclosure = de.text("guest.disclosure")
    assert files_with(german.site / "blog", disclosure), "a guest post shows the German notice"
    english = for_language("en").text("guest.disclosure").split("'")[0]  # HTML escapes the '
    assert english == "Guest author: the views expressed here are the author"
    assert not files_with(german.site, english)


def files_with(site, text: str) -> list[str]:
    return [str(p) for p in site.rglob("*.html") if text in p.read_text(encoding="utf-8")]


def test_the_insights_page_of_a_german_site_is_german(german):
    de = for_language("de")
    page = german.html("insights/")
    headings = [h.get_text(strip=True) for h in page.select("article h2")]
    keys = ("runway_personas", "months", "coverage", "runway_categories", "authors", "drafts")
    assert headings == [de.text(f"insights.{key}") for key in keys]
    text = page.get_text(" ", strip=True)
    assert "Runway per persona" not in text and "Posts per month" not in text
    assert "Figures as of" not in text and text.count("Stand: ") == 1
    months = page.select("svg g.hs-bar > title")
    assert months and all(not t.get_text().startswith(("Oct ", "Dec ", "Mar ")) for t in months)
    titles = [t.get_text() for t in months]
    assert any(t.startswith("Okt 2026: ") for t in titles), titles
    assert "heute" in {t.get_text() for t in page.select("svg.hs-chart text")}


def test_titles_a_german_site_sets_are_kept_verbatim(tmp_path):
    """An option set to the English default's very words keeps them on a German site."""
    source = copy_site(REPORT_SITE, tmp_path / "src")
    config = source / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").replace(
        "  font: false\n", "  font: false\n  language: de\n"
    )
    text = text.replace(
        "      timezone: UTC\n",
        "      timezone: UTC\n      authors_title: Authors\n      personas_title: Personas\n",
    )
    for name in ("Personas", "Authors", "Insights"):  # the nav shows the pages' own titles
        text = text.replace(f"  - {name}: ", "  - ")
    text = text.replace(
        "      insights_page: always\n",
        "      insights_page: always\n      insights_title: Content insights\n",
    )
    config.write_text(text, encoding="utf-8")
    built = build_in_process(source, tmp_path / "site")
    nav = [a.get_text(strip=True) for a in built.html("").select(".md-tabs a")]
    assert nav == ["Home", "Blog", "Personas", "Authors", "Content insights"]
    assert built.html("authors/").h1.get_text(strip=True) == "Authors"
    assert built.html("personas/").h1.get_text(strip=True) == "Personas"
    insights = built.html("insights/")
    assert insights.h1.get_text(strip=True) == "Content insights"
    # The rest of the page follows the site's language.
    body = insights.get_text(" ", strip=True)
    assert "Vorlauf je Zielgruppe" in body and "Runway per persona" not in body
    assert "2 Entwürfe, 1 davon älter als 30 Tage." in body and "2 drafts" not in body
    assert "Nichts geplant für: Engineer" in body


def test_the_feed_stylesheet_of_a_german_site_is_german(german):
    """A feed opened in a browser reads as a page: its notes in the site's language."""
    from lxml import etree

    transform = etree.XSLT(etree.parse(str(german.site / "feeds/feed.xsl")))
    page = transform(etree.parse(str(german.site / "feeds/rss.xml")))
    text = " ".join(etree.tostring(page, method="text", encoding="unicode").split())
    de, en = for_language("de"), for_language("en")
    for key in ("feed.stylesheet_note", "feed.read_on_site"):
        assert de.text(key) in text and en.text(key) not in text, key
    assert page.xpath("//title/text()")[0].endswith(" (Web-Feed)")
