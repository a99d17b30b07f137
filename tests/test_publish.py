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
    assert leftovers == [".public.lock"], "only the lock that keeps two builds apart"


def build_into(source, target):
    return hubspoke(source, "build", "-d", str(target))


def test_the_repository_and_its_folders_are_never_the_target(site_copy, tmp_path):
    source = site_copy("basic")
    (source / "keep.txt").write_text("mine")
    before = snapshot(source)
    for target in (source, source / "content", source / "authors", tmp_path,
                   source / "content/blog/site", source / "authors/site"):  # fmt: skip
        result = build_into(source, target)
        assert result.returncode != 0, target
        assert "refusing to publish into" in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert snapshot(source) == before, "nothing was deleted or written"


def test_a_folder_that_is_not_a_site_is_not_replaced(site_copy, tmp_path):
    source = site_copy("basic")
    other = tmp_path / "documents"
    other.mkdir()
    (other / "thesis.txt").write_text("years of work")
    result = build_into(source, other)
    assert result.returncode != 0 and "does not look like a built site" in result.stderr
    assert (other / "thesis.txt").read_text() == "years of work"
    out = tmp_path / "public"
    assert build_into(source, out).returncode == 0
    assert (out / ".hubspoke-site").is_file()
    assert build_into(source, out).returncode == 0, "a site it built is replaced"


def test_the_published_folder_has_normal_permissions(site_copy, tmp_path):
    source = site_copy("basic")
    out = tmp_path / "public"
    mask = os.umask(0o022)
    try:
        assert build_into(source, out).returncode == 0
    finally:
        os.umask(mask)
    assert (out.stat().st_mode & 0o777) == 0o755


def test_leftovers_of_a_killed_build_are_removed_by_the_next(site_copy, tmp_path):
    source = site_copy("basic")
    out = tmp_path / "public"
    for name in (".public.building-abc123", ".public.previous-def456"):
        (tmp_path / name / "assets").mkdir(parents=True)
        (tmp_path / name / "assets/big.bin").write_bytes(b"x" * 1000)
    assert build_into(source, out).returncode == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".public")) == [
        ".public.lock"
    ]


def test_a_second_build_at_the_same_time_fails_clearly(site_copy, tmp_path):
    import fcntl

    source = site_copy("basic")
    out = tmp_path / "public"
    with open(tmp_path / ".public.lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        result = build_into(source, out)
    assert result.returncode != 0 and "another hubspoke build is publishing" in result.stderr
    assert not out.exists()


def test_the_swap_exchanges_folders_in_one_step(tmp_path):
    from hubspoke.publish import _exchange

    old, new = tmp_path / "site", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "index.html").write_text("old")
    (new / "index.html").write_text("new")
    assert _exchange(new, old), "renameat2 exchange is available on Linux"
    assert (old / "index.html").read_text() == "new"
    assert (new / "index.html").read_text() == "old"


WORKERS = """
import multiprocessing, os, sys, time
from concurrent.futures import ProcessPoolExecutor
from hubspoke.core.images.encode import end_with_parent

if __name__ == "__main__":
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(2, mp_context=context, initializer=end_with_parent) as pool:
        pids = {pool.submit(os.getpid).result() for _ in range(8)}
        print(" ".join(map(str, sorted(pids))), flush=True)
        time.sleep(120)
"""


def test_image_workers_end_when_the_build_is_killed(tmp_path):
    import signal
    import time

    script = tmp_path / "workers.py"
    script.write_text(WORKERS)
    process = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    pids = [int(p) for p in process.stdout.readline().split()]
    assert pids
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [pid for pid in pids if _running(pid)]
    assert alive == [], "workers outlived the killed build"


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
