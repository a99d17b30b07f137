"""Option types of the Hubspoke plugins, and the one way to word a problem found later.

The `config.py` of every plugin declares its options with these types, so MkDocs
itself refuses a wrong value while it loads mkdocs.yml, naming plugin and option:

    Config value 'plugins': Plugin 'hubspoke/network' option 'blog_per_page':
    blog_per_page must be at least 1, not 0

A message's subject is the option (`blog_per_page must be ...`) or the value it
quotes (`'../{slug}' has an unsafe part`). What can only be checked against the
whole MkDocs configuration or the content (site_url, a show's artwork) is raised
in the build through `option_error`, worded the same way for every plugin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

import yaml
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError
from mkdocs.exceptions import PluginError

from hubspoke.core import dates
from hubspoke.core.urls import PathFormatError, format_path, placeholders

SITE_URL_EXAMPLE = "site_url: https://hub.example.com/"


def option_error(plugin: str, option: str | None, problem: str, fix: str | None = None):
    """The error of a plugin option that only the build can check:
    `hubspoke/<plugin>: <option>: <problem>; <fix>` (option and fix when given)."""
    where = f"{plugin}: {option}: " if option else f"{plugin}: "
    return PluginError(where + problem + (f"; {fix}" if fix else ""))


def require_site_url(config, plugin: str, needs: str, fix: str | None = None) -> None:
    """Raise when mkdocs.yml sets no site_url and `needs` (what the plugin makes) cannot
    be written without absolute links."""
    if not config.site_url:
        raise option_error(
            plugin,
            None,
            f"{needs} need absolute links, so the option site_url must be set in mkdocs.yml "
            f"(e.g. {SITE_URL_EXAMPLE})",
            fix,
        )


def _name(option) -> str:
    return getattr(option, "_name", None) or "the option"


class AtLeast(c.Type):
    """A whole number no smaller than `low`."""

    def __init__(self, low: int, default: int):
        super().__init__(int, default=default)
        self.low = low

    def run_validation(self, value):
        value = super().run_validation(value)
        if isinstance(value, bool) or value < self.low:
            raise ValidationError(f"{_name(self)} must be at least {self.low}, not {value!r}")
        return value


class Between(c.Type):
    """A whole number from `low` to `high`, both included."""

    def __init__(self, low: int, high: int, default: int):
        super().__init__(int, default=default)
        self.low, self.high = low, high

    def run_validation(self, value):
        value = super().run_validation(value)
        if isinstance(value, bool) or not self.low <= value <= self.high:
            raise ValidationError(
                f"{_name(self)} must be from {self.low} to {self.high}, not {value!r}"
            )
        return value


class Positive(c.Type):
    """A number (whole or not) above zero."""

    def __init__(self, default: float):
        super().__init__((int, float), default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        if isinstance(value, bool) or value <= 0:
            raise ValidationError(f"{_name(self)} must be a positive number, not {value!r}")
        return value


class PixelWidths(c.ListOfItems):
    """A non-empty list of widths in pixels."""

    def __init__(self, default: list[int]):
        super().__init__(c.Type(int), default=default)

    def run_validation(self, value):
        widths = super().run_validation(value)
        if not widths or any(isinstance(w, bool) or w < 1 for w in widths):
            raise ValidationError(f"{_name(self)} must list widths in pixels, e.g. [720]")
        return widths


class KeysOf(c.DictOfItems):
    """A mapping whose keys come from `choices` (e.g. feed formats)."""

    def __init__(self, choices: Iterable[str], item, *, noun: str, default=None):
        super().__init__(item, default=default if default is not None else {})
        self.choices = tuple(choices)
        self.noun = noun

    def run_validation(self, value):
        mapping = super().run_validation(value)
        unknown = sorted(set(mapping) - set(self.choices))
        if unknown:
            raise ValidationError(
                f"{_name(self)} has unknown {self.noun} {unknown}; use {list(self.choices)}"
            )
        return mapping


class PathFormat(c.Type):
    """A site path or URL format such as `blog/{date:%Y/%m/%d}/{slug}`.

    `samples` are the placeholders it may use, with the values it is tried with; with
    `every=True` it must use each of them exactly once (`authors/{key}`).
    """

    def __init__(self, default: str, samples: Mapping[str, object] | None = None, every=False):
        super().__init__(str, default=default)
        self.samples = dict(samples or {})
        self.every = every

    def run_validation(self, value):
        value = super().run_validation(value)
        name, allowed = _name(self), sorted(self.samples)
        try:
            used = placeholders(value)
            if self.every and (
                used != set(allowed) or any(value.count("{" + p) != 1 for p in allowed)
            ):
                wanted = " and ".join("{" + p + "}" for p in allowed)
                raise ValidationError(f"{name} must use {wanted} once: {value!r}")
            unknown = sorted(used - set(allowed))
            if unknown:
                use = f"use {allowed}" if allowed else "it takes no placeholders"
                raise ValidationError(f"{name} uses unknown {unknown}; {use}")
            format_path(value, **self.samples)
        except PathFormatError as error:
            filled = f"{value!r} filled with sample values: " if self.samples else ""
            raise ValidationError(f"{filled}{error}") from None
        # The path as every path of the site is written: '/feeds/feed.xsl' is 'feeds/feed.xsl'.
        return value.strip().strip("/")


class TimeZone(c.Type):
    """An IANA time zone name (Europe/Berlin) or UTC; the value stays the name."""

    def __init__(self, default: str | None = None):
        super().__init__(str, default=default)

    def run_validation(self, value):
        value = super().run_validation(value)
        try:
            dates.zone(value)
        except dates.DateError as error:
            raise ValidationError(str(error)) from None
        return value


class CheckedItems(c.ListOfItems):
    """A list of strings each checked by `problem` (a message, or None when fine)."""

    def __init__(self, problem: Callable[[str], str | None], default: list[str]):
        super().__init__(c.Type(str), default=default)
        self.problem = problem

    def run_validation(self, value):
        items = super().run_validation(value)
        problems = [p for p in map(self.problem, items) if p]
        if problems:
            raise ValidationError("; ".join(problems))
        return items


class Ignored(c.Deprecated):
    """An option kept so that old configurations load; it does nothing, and the value
    `warn_on` (the one that would have changed something) gets `message` as a warning."""

    def __init__(self, message: str, option_type, *, default, warn_on):
        super().__init__(message=message, option_type=option_type)
        self.default = default
        self.warn_on = warn_on

    def pre_validation(self, config, key_name):
        self.option.pre_validation(config, key_name)
        if config.get(key_name) == self.warn_on:
            self.warnings.append(self.message.format(key_name))


# -- where an option is set --------------------------------------------------------


def option_line(config_file: str, plugin: str, *keys: str) -> int | None:
    """The line of mkdocs.yml where the option `keys` of `plugin` is set; None if it is not
    set there (a default) or the file cannot be read as YAML nodes."""
    try:
        with open(config_file, encoding="utf-8") as handle:
            node = yaml.compose(handle.read(1024 * 1024), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None
    node = _value(node, "plugins")
    if isinstance(node, yaml.MappingNode):  # plugins: {name: options}, as MkDocs allows
        found = _value(node, plugin)
    elif isinstance(node, yaml.SequenceNode):  # plugins: [- name: options]
        found = next((f for f in (_value(i, plugin) for i in node.value) if f is not None), None)
    else:
        return None
    for key in keys:
        if found is None:
            return None
        if key == keys[-1]:
            return _key_line(found, key)
        found = _value(found, key)
    return None


def _value(node, key: str):
    if isinstance(node, yaml.MappingNode):
        for name, value in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return value
    return None


def _key_line(node, key: str) -> int | None:
    if isinstance(node, yaml.MappingNode):
        for name, _ in node.value:
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                return name.start_mark.line + 1
    return None
