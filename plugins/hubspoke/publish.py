"""Build the site into a temporary folder and swap it into place only on success.

A failed build (bad content, a broken template, an interrupted run) leaves the
previous site exactly as it was, so a deploy step never uploads half a site.
The swap is two renames in the same parent folder: the old site is moved
aside, the new one moved in, then the old one deleted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError

from .core.dates import CLOCK_VARIABLE


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
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
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
    _swap(building, target)
    return target


def _swap(new: Path, target: Path) -> None:
    previous = None
    if target.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{target.name}.previous-", dir=target.parent))
        previous.rmdir()
        target.rename(previous)
    new.rename(target)
    if previous is not None:
        shutil.rmtree(previous, ignore_errors=True)
