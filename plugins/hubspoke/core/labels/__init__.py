"""The label catalogue: every text Hubspoke itself shows a reader, per language.

One module per language (en.py, de.py, fr.py) holds a flat mapping from keys to texts
with {placeholders}; where a number is shown, the value maps plural categories (one,
other, ...) to texts. `for_language(theme.language)` picks the catalogue: a region tag
such as de-AT reads the German one, an unknown language the English one. A key that
a language lacks reads the English text.

Templates get the catalogue as the Jinja global `hubspoke_labels` and call it:
`{{ hubspoke_labels("post.by") }}`, `{{ hubspoke_labels("count.posts", count=n) }}`.
There the catalogue text is trusted and every value is escaped (the result is Markup);
Python code that writes plain text, SVG or XML calls `.text()` and escapes as it writes.
To change a wording, override the template that shows it (overrides/).
"""

from __future__ import annotations

import importlib
import re
import string
from collections.abc import Iterator, Mapping
from functools import cache

from babel.core import Locale, UnknownLocaleError
from markupsafe import Markup

LANGUAGES = ("en", "de", "fr")
DEFAULT = "en"
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})


def language_of(tag: str | None) -> str:
    """The catalogue language of a theme language tag: de-AT and de_CH read de."""
    base = re.split(r"[-_]", str(tag or "").strip().lower(), maxsplit=1)[0]
    return base if base in LANGUAGES else DEFAULT


def _module(language: str):
    return importlib.import_module(f"{__name__}.{language}")


def catalogue(language: str) -> dict:
    """The raw mapping of one catalogue language (for tests and tools)."""
    return dict(_module(language).LABELS)


def placeholders(text: str) -> set[str]:
    """The {names} a label text asks for."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Labels(Mapping):
    """The labels of one language, English where a key is missing."""

    # One object per language (for_language caches it): compared and hashed by identity,
    # so frozen dataclasses can hold it.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def __init__(self, language: str, tag: str | None = None):
        self.language = language
        module = _module(language)
        english = _module(DEFAULT).LABELS
        self._labels = {**english, **module.LABELS}
        self.lowercase_in_sentence = getattr(module, "LOWERCASE_IN_SENTENCE", True)
        try:
            self.locale = Locale.parse(str(tag or language).replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            self.locale = Locale.parse(language)

    def __getitem__(self, key: str):
        return self._labels[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)

    def form(self, key: str, count: int | None = None) -> str:
        """The text of `key`, in the plural form `count` takes in this language."""
        value = self._labels[key]
        if isinstance(value, Mapping):
            category = self.locale.plural_form(abs(count or 0))
            return value.get(category, value["other"])
        return value

    def text(self, key: str, count: int | None = None, **values) -> str:
        """Plain text of `key` with `values` (and `count`) filled in; nothing escaped."""
        if count is not None:
            values["count"] = count
        return self.form(key, count).format(**values)

    def __call__(self, key: str, count: int | None = None, **values) -> Markup:
        """For templates: the catalogue text as markup, with each value escaped."""
        if count is not None:
            values["count"] = count
        return Markup(self.form(key, count)).format(**values)

    def option(self, value: str | None, key: str, **values) -> str:
        """A text option's value as the site sets it, verbatim; where the site does not
        set it (None), this language's text of `key` (`blog_title`, `events_title`...)."""
        return self.text(key, **values) if value is None else value

    def in_sentence(self, name: str) -> str:
        """A name as it reads inside a sentence ("posts for plant engineer"); German
        nouns keep their capital."""
        return name.lower() if self.lowercase_in_sentence else name


@cache
def for_language(tag: str | None) -> Labels:
    """The labels for the theme language `tag` (en, de, fr, de-AT...; English otherwise)."""
    language = language_of(tag)
    # Plural rules and number formats follow the tag (de-AT) only for a language we have.
    same = re.split(r"[-_]", str(tag or "").strip().lower(), maxsplit=1)[0] == language
    return Labels(language, str(tag).strip() if same else None)


ENGLISH = for_language(DEFAULT)
