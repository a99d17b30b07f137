"""The documentation's screenshots are made by a script from a build: it keeps working."""

import importlib.util

from PIL import Image

from .conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location("screenshots", ROOT / "tools" / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_page_is_shot_at_both_widths_and_listed(example, tmp_path):
    script = _script()
    written = script.shoot(example.site, tmp_path)
    expected = {
        f"{name}-{width}{suffix}.webp"
        for name, *_ in script.PAGES
        for width in script.WIDTHS
        for suffix, _, _ in script._variants(name)
    }
    assert {p.name for p in written} == expected
    for path in written:
        with Image.open(path) as image:
            width = "phone" if "-phone" in path.name else "desktop"
            assert image.size == (script.WIDTHS[width]["width"], script.WIDTHS[width]["height"])
            # A page, not a blank tab: more than a handful of colours.
            assert len(image.convert("RGB").getcolors(1 << 16) or range(1 << 16)) > 50, path
    index = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert all(f"({name})" in index for name in expected)
    # The committed screenshots are the script's (the list in docs is current).
    committed = {p.name for p in (ROOT / "docs" / "screenshots").glob("*.webp")}
    assert committed == expected
