"""Two builds of the same commit write the same bytes, so a deploy only uploads
what changed (no exceptions are needed today: even sitemap.xml.gz matches)."""

import hashlib
import os
import subprocess
import sys

from .conftest import FIXED_CLOCK, ROOT, build_in_process, copy_site


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


def _build_as(source, site, *, seed: str, day: str):
    """`mkdocs build` in a fresh process with this hash seed and this build day."""
    env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": day}
    env.update(HUBSPOKE_CLOCK=FIXED_CLOCK, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return site


def test_same_bytes_under_any_hash_seed_and_on_any_day(tmp_path):
    # The example has posts, events in two time zones, videos and podcasts; the second
    # build has another hash seed (0 and 1 order its time zones apart) and another day.
    source = copy_site(ROOT, tmp_path / "src")
    first = _build_as(source, tmp_path / "site-a", seed="0", day="1767225600")  # 2026-01-01
    second = _build_as(source, tmp_path / "site-b", seed="1", day="1798761600")  # 2027-01-01
    one, two = digests(first), digests(second)
    assert one.keys() == two.keys()
    changed = sorted(name for name in one if one[name] != two[name])
    assert changed == [], f"these files differ between the builds: {changed}"
    # A post's lastmod is its own date (this one was updated on 20 June), not the build day.
    xml = (first / "sitemap.xml").read_text(encoding="utf-8")
    assert (
        "five-questions-we-hear-on-every-service-call/</loc>\n         <lastmod>2025-06-20<" in xml
    )
    assert "<lastmod>2026-01-01<" not in xml
