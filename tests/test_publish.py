"""`hubspoke build`: a failed build leaves the published site untouched."""

import hashlib
import os
import subprocess
import sys

from .conftest import FIXED_CLOCK


def hubspoke(source, *args):
    env = {**os.environ, "HUBSPOKE_CLOCK": FIXED_CLOCK, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "hubspoke.cli", *args],
        cwd=source,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def snapshot(site):
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_failed_builds_leave_the_previous_site_untouched(site_copy, tmp_path):
    source = site_copy("basic")
    out = tmp_path / "public"
    first = hubspoke(source, "build", "-d", str(out))
    assert first.returncode == 0, first.stderr
    assert (out / "index.html").is_file()
    before = snapshot(out)

    bad = source / "content/blog/posts/bad.md"
    bad.write_text("---\ntitle: Bad\ndate: 2025-05-01\nauthors: [nobody]\n---\nBody\n")
    failed = hubspoke(source, "build", "-d", str(out))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "content/blog/posts/bad.md:4: field 'authors'" in failed.stderr
    assert "was left as it was" in failed.stderr
    assert snapshot(out) == before

    # A fault in the middle of writing pages (a template that does not exist) too.
    bad.write_text(
        "---\ntitle: Bad\ndate: 2025-05-01\nauthors: [ada]\ntemplate: gone.html\n---\nBody\n"
    )
    failed = hubspoke(source, "build", "-d", str(out))
    assert failed.returncode == 1
    assert "Traceback" not in failed.stderr
    assert "gone.html" in failed.stderr and "was left as it was" in failed.stderr
    assert snapshot(out) == before

    bad.unlink()
    (source / "content/blog/posts/new.md").write_text(
        "---\ntitle: Brand new\ndate: 2025-06-01\nauthors: [ada]\n---\nFresh.\n"
    )
    second = hubspoke(source, "build", "-d", str(out))
    assert second.returncode == 0, second.stderr
    assert (out / "blog/2025/06/01/brand-new/index.html").is_file()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".public.")]
    assert leftovers == []
