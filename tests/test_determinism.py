"""Two builds of the same commit write the same bytes, so a deploy only uploads
what changed (no exceptions are needed today: even sitemap.xml.gz matches)."""

import hashlib

from .conftest import ROOT, build_in_process, copy_site


def digests(site):
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_of_the_example_are_identical(tmp_path):
    first = build_in_process(copy_site(ROOT, tmp_path / "a"), tmp_path / "site-a")
    # A second copy in another folder, with a cold image cache: nothing may depend on either.
    second = build_in_process(copy_site(ROOT, tmp_path / "b"), tmp_path / "site-b")
    one, two = digests(first.site), digests(second.site)
    assert one.keys() == two.keys()
    changed = sorted(name for name in one if one[name] != two[name])
    assert changed == []
    assert len(one) > 200
