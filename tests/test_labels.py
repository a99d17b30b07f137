"""The label catalogue: the same keys and placeholders in every language, and the lookup."""

from __future__ import annotations

import pytest
from markupsafe import Markup

from hubspoke.core import labels
from hubspoke.core.labels import PLURAL_FORMS, catalogue, for_language, placeholders

ENGLISH = catalogue("en")


def _texts(value):
    return value.values() if isinstance(value, dict) else [value]


@pytest.mark.parametrize("language", [x for x in labels.LANGUAGES if x != "en"])
def test_every_language_has_the_english_keys_and_placeholders(language):
    other = catalogue(language)
    assert sorted(other) == sorted(ENGLISH)
    for key, value in ENGLISH.items():
        translated = other[key]
        assert isinstance(translated, dict) == isinstance(value, dict), key
        wanted = set().union(*(placeholders(t) for t in _texts(value)))
        for text in _texts(translated):
            assert placeholders(text) == wanted, (language, key, text)
        if isinstance(value, dict):
            assert "other" in translated and set(translated) <= PLURAL_FORMS, key


@pytest.mark.parametrize("language", labels.LANGUAGES)
def test_texts_hold_no_markup(language):
    """Templates place catalogue text as markup: it must hold no <, > or &."""
    for key, value in catalogue(language).items():
        for text in _texts(value):
            assert text.strip() == text and text, (language, key)
            assert not set("<>&") & set(text), (language, key, text)


def test_lookup_by_theme_language():
    assert for_language("de")["post.by"] == "Von"
    assert for_language("de-AT")["post.by"] == "Von"
    assert for_language("fr_CA")["post.by"] == "Par"
    assert for_language("pt-BR")["post.by"] == "By"
    assert for_language(None)["post.by"] == "By"
    assert for_language("de").language == "de"


def test_plural_forms_follow_the_number():
    en, de, fr = (for_language(x) for x in ("en", "de", "fr"))
    assert en.text("count.posts", count=1) == "1 post"
    assert en.text("count.posts", count=3) == "3 posts"
    assert en.text("count.posts", count=0) == "0 posts"
    assert de.text("count.posts", count=1) == "1 Beitrag"
    assert de.text("count.posts", count=2) == "2 Beiträge"
    assert fr.text("count.posts", count=0) == "0 article"  # French: 0 takes the singular
    assert en.text("post.min_read", count=1) == "1 min read"
    assert en.text("post.about_authors", count=2) == "About the authors"


def test_templates_get_markup_with_values_escaped():
    result = for_language("en")("author.about", name="<Ann & Bo>")
    assert isinstance(result, Markup)
    assert result == "About &lt;Ann &amp; Bo&gt;"
    assert for_language("en").text("author.about", name="<A>") == "About <A>"


def test_names_in_sentences():
    assert for_language("en").in_sentence("Plant engineer") == "plant engineer"
    assert for_language("de").in_sentence("Anlageningenieur") == "Anlageningenieur"
