"""Spokes, the hub page, share links and social metadata in the built example hub."""

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup

from hubspoke.core.network.spokes import NETWORKS

from .conftest import ROOT, build_in_process

SITE_URL = "https://hub.corvane.example/"
COMPANY = yaml.safe_load((ROOT / "spokes.yml").read_text())
AUTHORS = {p.stem: yaml.safe_load(p.read_text()) for p in (ROOT / "authors").glob("*.yml")}
REL_ME = {"mastodon", "github", "website", "threads"}

# The schema.org vocabulary this site may use, by type: a typo or an invented
# property fails the test.
ALLOWED = {
    "Organization": {"name", "url", "logo", "sameAs"},
    "Person": {"name", "url", "jobTitle", "worksFor", "sameAs", "image", "description"},
    "BlogPosting": {
        "headline", "datePublished", "dateModified", "author", "publisher", "url",
        "mainEntityOfPage", "description", "image", "keywords", "articleSection", "wordCount",
    },
    "ProfilePage": {"mainEntity", "url"},
    "CollectionPage": {"name", "url", "description"},
    "WebPage": {"@id"},
    "VideoObject": {
        "name", "description", "thumbnailUrl", "uploadDate", "embedUrl", "contentUrl",
        "encodingFormat", "duration",
    },
    "PodcastEpisode": {
        "name", "url", "datePublished", "description", "episodeNumber", "partOfSeries",
        "associatedMedia",
    },
    "PodcastSeries": {"name", "webFeed"},
    "AudioObject": {"contentUrl", "encodingFormat", "duration"},
    "Event": {
        "name", "startDate", "endDate", "eventStatus", "eventAttendanceMode", "url", "description",
        "location", "organizer", "performer", "isAccessibleForFree", "audience",
    },
    "Place": {"name", "address"},
    "PostalAddress": {"streetAddress", "postalCode", "addressLocality", "addressRegion", "addressCountry"},
    "VirtualLocation": {"url"},
    "Audience": {"audienceType"},
}  # fmt: skip


def check_jsonld(node, path="$"):
    """Every object has a known @type and only that type's properties."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_jsonld(item, f"{path}[{i}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    assert kind in ALLOWED, f"{path}: unknown type {kind!r}"
    for key, value in node.items():
        if key in ("@type", "@context"):
            continue
        assert key in ALLOWED[kind], f"{path}: {kind} has no property {key!r}"
        check_jsonld(value, f"{path}.{key}")


def jsonld(soup):
    return [json.loads(s.string) for s in soup.find_all("script", type="application/ld+json")]


def meta(soup, key):
    tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def post_pages(example):
    yield from sorted(example.site.glob("blog/2*/**/index.html"))


def test_hub_page_lists_every_company_spoke(example):
    soup = example.html("hub/")
    table = soup.find("h2", id="official-profiles").find_next("table")
    links = [a["href"] for a in table.select("tbody a")]
    assert links == [s["url"] for s in COMPANY["spokes"]]
    for row, spoke in zip(table.select("tbody tr"), COMPANY["spokes"], strict=True):
        text = row.get_text(" ", strip=True)
        assert spoke["purpose"] in text and spoke["team"] in text


def test_hub_picture_has_one_spoke_per_network(example):
    soup = example.html("hub/")
    svg = soup.select_one("svg.hs-hub-svg")
    networks = {s["network"] for s in COMPANY["spokes"]}
    for author in AUTHORS.values():
        if author["role"] == "expert" and author.get("active", True):
            networks |= set(author.get("spokes", {}))
    drawn = [g["data-network"] for g in svg.select("g.hs-hub-svg__spoke")]
    assert sorted(drawn) == sorted(networks)
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    assert svg.find("desc").get_text() in soup.select_one("figure.hs-hub figcaption").get_text()


def test_footer_links_to_company_spokes(example):
    soup = example.html("")
    footer = [a["href"] for a in soup.select(".md-social a")]
    assert footer == [s["url"] for s in COMPANY["spokes"]]


@pytest.mark.parametrize("author", sorted(AUTHORS))
def test_author_page_shows_spokes_with_rel(example, author):
    soup = example.html(f"authors/{author}/")
    links = soup.select(".hs-profile ~ .hs-spokes a, .hs-spokes a")
    expected = AUTHORS[author].get("spokes", {})
    found = {a["href"]: a for a in links}
    assert set(found) == set(expected.values())
    for network, url in expected.items():
        rel = found[url]["rel"]
        assert "noopener" in rel
        assert ("me" in rel) == (network in REL_ME), (network, rel)


def test_every_published_post_has_share_links_with_utm(example):
    checked = 0
    for page in post_pages(example):
        soup = BeautifulSoup(page.read_text(), "lxml")
        canonical = soup.find("link", rel="canonical")["href"]
        links = {a["class"][1].split("--")[1]: a["href"] for a in soup.select("a.hs-share__link")}
        if (
            meta(soup, "robots") == "noindex"
            if soup.find("meta", attrs={"name": "robots"})
            else False
        ):
            assert links == {}
            continue
        slug = page.parent.name
        assert set(links) == {"linkedin", "x", "facebook", "bluesky", "mastodon", "email"}
        shared = parse_qs(urlsplit(links["linkedin"]).query)["url"][0]
        parts = urlsplit(shared)
        own = f"{SITE_URL}{page.parent.relative_to(example.site).as_posix()}/"
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == own
        assert parse_qs(parts.query) == {
            "utm_source": ["linkedin"],
            "utm_medium": ["social"],
            "utm_campaign": [slug],
        }
        assert "utm_" not in canonical and "utm_" not in meta(soup, "og:url")
        x = parse_qs(urlsplit(links["x"]).query)
        assert "utm_source=x" in x["url"][0]
        checked += 1
    assert checked >= 16


PAGE_TYPES = {
    "": ("website", {"Organization"}),
    "hub/": ("website", {"Organization"}),
    "authors/lena-hoffmann/": ("profile", {"ProfilePage"}),
    "personas/plant-engineer/": ("website", {"CollectionPage"}),
    "blog/": ("website", {"CollectionPage"}),
    "blog/category/engineering/": ("website", {"CollectionPage"}),
    "about/": ("website", set()),
}


@pytest.mark.parametrize("url", sorted(PAGE_TYPES))
def test_metadata_on_every_page_type(example, url):
    soup = example.html(url)
    kind, types = PAGE_TYPES[url]
    assert meta(soup, "og:type") == kind
    assert meta(soup, "og:title") and meta(soup, "og:site_name") == "Corvane Hub"
    assert meta(soup, "og:url").startswith(SITE_URL)
    assert meta(soup, "twitter:card") in ("summary", "summary_large_image")
    assert meta(soup, "og:locale") == "en_US"
    assert {d["@type"] for d in jsonld(soup)} == types


def test_post_metadata(example):
    page = next(p for p in post_pages(example) if "digital-twins" in str(p))
    soup = BeautifulSoup(page.read_text(), "lxml")
    assert meta(soup, "og:type") == "article"
    assert meta(soup, "article:published_time").startswith("2026-02-10T00:00:00+01:00")
    authors = [m["content"] for m in soup.find_all("meta", attrs={"property": "article:author"})]
    assert authors == [f"{SITE_URL}authors/rachel-amsel/", f"{SITE_URL}authors/lena-hoffmann/"]
    (posting,) = jsonld(soup)
    assert posting["@type"] == "BlogPosting"
    rachel = posting["author"][0]
    assert (
        rachel["jobTitle"] and rachel["worksFor"]["name"] == AUTHORS["rachel-amsel"]["organization"]
    )
    assert set(rachel["sameAs"]) == set(AUTHORS["rachel-amsel"]["spokes"].values())
    assert posting["publisher"]["sameAs"] == [
        s["url"] for s in COMPANY["spokes"] if s["url"].startswith("https://")
    ]


def test_every_jsonld_block_is_valid_and_uses_known_vocabulary(example):
    count = 0
    for page in example.site.rglob("*.html"):
        for data in jsonld(BeautifulSoup(page.read_text(), "lxml")):
            assert data["@context"] == "https://schema.org"
            check_jsonld(data)
            count += 1
    assert count > 40


TITLE = "Q&A: \"quotes\", 'single', <b>tags</b> & </script><script>alert(1)</script>"


def test_hostile_title_gives_valid_escaped_metadata(site_copy, tmp_path):
    source = site_copy("basic")
    (source / "content/blog/posts/hostile.md").write_text(
        "---\ntitle: " + json.dumps(TITLE) + "\ndate: 2025-04-01\nauthors: [ada]\n"
        "description: " + json.dumps(TITLE) + "\nslug: hostile\n---\nBody.\n"
    )
    built = build_in_process(source, tmp_path / "site")
    soup = built.html("blog/2025/04/01/hostile/")
    assert meta(soup, "og:title") == TITLE
    assert meta(soup, "twitter:description") == TITLE
    (posting,) = jsonld(soup)
    assert posting["headline"] == TITLE
    raw = built.path("blog/2025/04/01/hostile/").read_text()
    script = raw[raw.index('<script type="application/ld+json">') :]
    script = script[: script.index("</script>")]
    assert "<" not in script[len('<script type="application/ld+json">') :]
    share = soup.select_one("a.hs-share__link--x")["href"]
    assert parse_qs(urlsplit(share).query)["text"] == [TITLE]


def test_an_author_with_no_listed_post_is_named_by_their_own_page(site_copy, tmp_path):
    """An author whose only post is unlisted still has a profile page, and the post's
    JSON-LD names them by it, never by the home page."""
    source = site_copy("basic")
    (source / "authors/noa.yml").write_text(
        "name: Noa Newcomer\nrole: expert\ntitle: Engineer\nbio: New here.\n"
    )
    (source / "content/blog/posts/quiet.md").write_text(
        "---\ntitle: Quiet\ndate: 2025-04-02\nauthors: [noa, ada]\nslug: quiet\n"
        "unlisted: true\n---\nBody.\n"
    )
    built = build_in_process(source, tmp_path / "site")
    (posting,) = jsonld(built.html("blog/2025/04/02/quiet/"))
    urls = {p["name"]: p["url"] for p in posting["author"]}
    assert urls == {
        "Noa Newcomer": "https://hub.example.com/authors/noa/",
        "Ada Expert": "https://hub.example.com/authors/ada/",
    }


def test_an_author_without_a_page_gets_no_url_in_jsonld():
    """Should an author have no page, their Person carries no URL (the home page's
    would give them the company's identity)."""
    from types import SimpleNamespace

    from hubspoke.core.network.model import Author
    from hubspoke.network.social import SocialMetadata

    presenter = SimpleNamespace(
        addresses=SimpleNamespace(avatars={}),
        view_url=lambda kind, key: None if key == "noa" else f"authors/{key}/",
        absolute=lambda url: "https://hub.example.com/" + url,
    )
    social = object.__new__(SocialMetadata)
    social.presenter, social.build = presenter, SimpleNamespace(company="Example Corp")
    noa = Author(
        id="noa", name="Noa", role="expert", title="Engineer", bio="New.", source="authors/noa.yml"
    )
    person = social._person(noa)
    assert person["name"] == "Noa" and "url" not in person
    ada = Author(
        id="ada", name="Ada", role="expert", title="Engineer", bio="Old.", source="authors/ada.yml"
    )
    assert social._person(ada)["url"] == "https://hub.example.com/authors/ada/"


def test_spoke_registry_errors_name_the_file_and_line(site_copy, tmp_path):
    from .conftest import run_mkdocs

    source = site_copy("basic")
    (source / "spokes.yml").write_text(
        "spokes:\n"
        "  - network: linkedin\n    url: https://www.linkedin.com/company/x\n    purpose: News\n    team: Comms\n"
        "  - network: x\n    url: javascript:alert(1)\n    purpose: News\n    team: Comms\n"
    )
    result = run_mkdocs(source, tmp_path / "out")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "spokes.yml:6: field 'spokes.1.url': must be an https:// address" in result.stderr


def test_network_table_names():
    assert {n.name for n in NETWORKS.values()} >= {"LinkedIn", "Mastodon", "Bluesky", "X"}
