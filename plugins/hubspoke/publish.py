"""Build the site into a temporary folder and swap it into place only on success.

A failed build (bad content, a broken template, an interrupted run) leaves the
previous site exactly as it was, so a deploy step never uploads half a site.
The target may not be the repository, the content, the authors or the theme
folder, nor hold or sit inside one of them, nor be a folder that is not a site.
One build at a time holds a lock beside the target and first removes what a
killed build left there. The new site gets the permissions of a normal folder
and is exchanged with the old one atomically (renameat2 on Linux), so the site
is never missing; the old one is then deleted.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .core.dates import CLOCK_VARIABLE
from .hub import hub_of


class BuildFailed(Exception):
    """The build did not succeed; the published site was not touched."""


def build_and_swap(
    config_file: str, *, site_dir: str | None = None, clock: str | None = None
) -> Path:
    """Build `config_file` in strict mode and publish it at `site_dir` (default: its site_dir)."""
    try:
        config = load_config(config_file, strict=True)
    except ConfigurationError as error:
        raise BuildFailed(f"{config_file}: {error}") from None
    target = Path(site_dir or config.site_dir).resolve()
    _refuse_unsafe_target(target, config)
    target.parent.mkdir(parents=True, exist_ok=True)
    with _lock(target):
        _remove_leftovers(target)
        return _build_locked(config_file, target, clock)


def _build_locked(config_file: str, target: Path, clock: str | None) -> Path:
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    building.chmod(_folder_mode())
    old_clock = os.environ.get(CLOCK_VARIABLE)
    if clock:
        os.environ[CLOCK_VARIABLE] = clock
    try:
        config = load_config(config_file, strict=True, site_dir=str(building))
        config.plugins.on_startup(command="build", dirty=False)
        build(config)
    except (Abort, ConfigurationError) as error:
        shutil.rmtree(building, ignore_errors=True)
        raise BuildFailed(f"the build failed ({error}); {target} was left as it was") from None
    except Exception as error:  # a template or plugin fault mid-build: still nothing published
        shutil.rmtree(building, ignore_errors=True)
        raise BuildFailed(
            f"the build stopped: {type(error).__name__}: {error}; {target} was left as it was"
        ) from None
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    finally:
        if clock:
            if old_clock is None:
                os.environ.pop(CLOCK_VARIABLE, None)
            else:
                os.environ[CLOCK_VARIABLE] = old_clock
    (building / MARKER).write_text("Built by hubspoke build; replaced by the next build.\n")
    _swap(building, target)
    return target


MARKER = ".hubspoke-site"


def _refuse_unsafe_target(target: Path, config) -> None:
    """The site folder is deleted and replaced: never one that holds the project's files."""
    root = Path(config.config_file_path).resolve().parent
    protected = {"the folder of mkdocs.yml": root, "the docs dir": Path(config.docs_dir)}
    network = hub_of(config).network
    if network is not None:
        protected["the authors dir"] = root / network.authors_dir
    if config.theme.custom_dir:
        protected["the theme's custom_dir"] = Path(config.theme.custom_dir)
    git = _git_root(root)
    if git is not None:
        protected["the git repository"] = git
    protected["your home folder"] = Path.home()
    for what, folder in protected.items():
        folder = folder.resolve()
        if target == folder or folder.is_relative_to(target):
            raise BuildFailed(
                f"refusing to publish into {target}: it is or contains {what} ({folder}), "
                "which the build would delete; choose an empty or new folder (e.g. site/)"
            )
        if what in ("the docs dir", "the authors dir") and target.is_relative_to(folder):
            raise BuildFailed(
                f"refusing to publish into {target}: it is inside {what} ({folder}), so the "
                "site would be read as content; choose a folder outside it (e.g. site/)"
            )
    if target.is_dir() and any(target.iterdir()) and not _looks_built(target):
        raise BuildFailed(
            f"refusing to replace {target}: it is not empty and does not look like a built "
            "site (no index.html with sitemap.xml or 404.html); choose an empty or new folder"
        )
    if target.exists() and not target.is_dir():
        raise BuildFailed(f"refusing to replace {target}: it is a file, not a folder")


def _looks_built(folder: Path) -> bool:
    if (folder / MARKER).is_file():
        return True
    return (folder / "index.html").is_file() and any(
        (folder / name).is_file() for name in ("sitemap.xml", "404.html")
    )


def _git_root(folder: Path) -> Path | None:
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return Path(result.stdout.strip()) if result.returncode == 0 and result.stdout.strip() else None


def _folder_mode() -> int:
    """The mode a normally created folder gets under the current umask."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o777 & ~mask


@contextmanager
def _lock(target: Path):
    """One build per site folder at a time; a second one fails at once, clearly."""
    path = target.parent / f".{target.name}.lock"
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildFailed(
                f"another hubspoke build is publishing {target} (lock {path}); "
                "wait for it to finish"
            ) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_leftovers(target: Path) -> None:
    """What a killed build left beside the site (the lock says no build is running)."""
    for kind in ("building", "previous"):
        for leftover in target.parent.glob(f".{target.name}.{kind}-*"):
            if leftover.is_dir() and not leftover.is_symlink():
                shutil.rmtree(leftover, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux renameat2); False where it is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    renameat2.argtypes += [ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _swap(new: Path, target: Path) -> None:
    if target.is_dir() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # now the old site
        return
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.previous-", dir=target.parent))
        previous.rmdir()
        target.rename(previous)
    new.rename(target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
