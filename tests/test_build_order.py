"""The build order is one table (hubspoke.build_order) that every section's handlers follow."""

import re
from pathlib import Path

import pytest
from mkdocs.plugins import CombinedEvent

from hubspoke.build_order import BUILD
from hubspoke.editorial.plugin import EditorialPlugin
from hubspoke.feeds.plugin import FeedsPlugin
from hubspoke.hub import Section
from hubspoke.images.plugin import ImagesPlugin
from hubspoke.media.plugin import MediaPlugin
from hubspoke.network.plugin import NetworkPlugin

from .conftest import ROOT

SECTIONS = (NetworkPlugin, MediaPlugin, ImagesPlugin, FeedsPlugin, EditorialPlugin)


def handlers(plugin_class):
    """(event, handler name, priority) of every MkDocs event handler the class defines."""
    found = []
    for name in dir(plugin_class):
        if not name.startswith("on_"):
            continue
        method = plugin_class.__dict__.get(name)
        if method is None:
            continue  # BasePlugin's own, which does nothing
        subs = method.methods if isinstance(method, CombinedEvent) else (method,)
        for sub in subs:
            found.append((name[3:], sub.__name__, getattr(sub, "mkdocs_priority", None)))
    return found


@pytest.mark.parametrize("plugin_class", SECTIONS, ids=lambda c: c.section)
def test_every_handler_is_a_row_of_the_table(plugin_class):
    assert issubclass(plugin_class, Section)
    rows = {(s.event, s.handler): s.priority for s in BUILD if s.section == plugin_class.section}
    defined = {(event, name): priority for event, name, priority in handlers(plugin_class)}
    assert defined == rows


def test_rows_of_one_event_run_in_the_order_written():
    for event in dict.fromkeys(s.event for s in BUILD):
        priorities = [s.priority for s in BUILD if s.event == event]
        assert priorities == sorted(priorities, reverse=True), event
        assert len(set(priorities)) == len(priorities), f"{event}: order left to mkdocs.yml"


def test_no_section_looks_another_up_by_name():
    """Sections share the site model through hubspoke.hub, never through config.plugins."""
    offenders = []
    for path in (ROOT / "plugins" / "hubspoke").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"plugins\s*(\[|\.get\()\s*[\"']hubspoke/", text):
            line = text.count("\n", 0, match.start()) + 1
            offenders.append(f"{Path(path).relative_to(ROOT)}:{line}")
    assert offenders == []
