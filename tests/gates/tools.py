"""Where the third-party checkers are, as installed by tools/test.sh.

A missing checker fails the test in CI (CI=true: every gate must run there) and skips it
on a developer's machine, with the command that installs it.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
CHROMIUM = Path(os.environ.get("HUBSPOKE_CHROMIUM", "/usr/bin/chromium"))
VNU_JAR = Path(
    os.environ.get("HUBSPOKE_VNU_JAR", ROOT / ".cache/npm/node_modules/vnu-jar/build/dist/vnu.jar")
)
LIGHTHOUSE = Path(
    os.environ.get("HUBSPOKE_LIGHTHOUSE", ROOT / ".cache/npm/node_modules/lighthouse/cli/index.js")
)
ARTIFACTS = Path(os.environ.get("HUBSPOKE_TEST_ARTIFACTS", ROOT / "test-artifacts"))


def missing(what: str):
    """Fail (in CI) or skip (elsewhere): `what` is not installed."""
    message = f"{what} is not installed: run `bash tools/test.sh` (it installs every checker)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def executable(name: str) -> str:
    """A console script of the venv (e.g. linkchecker), else one on PATH."""
    candidate = VENV_BIN / name
    if candidate.is_file():
        return str(candidate)
    found = shutil.which(name)
    if found is None:
        missing(name)
    return found


def _on_path(command: str, what: str) -> str:
    found = shutil.which(command)
    if found is None:
        missing(what)
    return found


def java() -> str:
    return _on_path("java", "Java (Debian package default-jre-headless)")


def vnu_jar() -> Path:
    if not VNU_JAR.is_file():
        missing(f"The Nu HTML Checker ({VNU_JAR.relative_to(ROOT)}, npm package vnu-jar)")
    return VNU_JAR


def lighthouse() -> Path:
    if not LIGHTHOUSE.is_file():
        missing(f"Lighthouse ({LIGHTHOUSE.relative_to(ROOT)}, npm package lighthouse)")
    return LIGHTHOUSE


def node() -> str:
    return _on_path("node", "Node.js (Debian package nodejs)")


def chromium() -> Path:
    if not CHROMIUM.is_file():
        missing("Chromium (Debian package chromium)")
    return CHROMIUM


def artifacts(name: str) -> Path:
    """A git-ignored folder for files a person looks at after the run (screenshots)."""
    folder = ARTIFACTS / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder
