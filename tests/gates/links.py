"""LinkChecker over a site served on loopback: anchors checked, other hosts never contacted."""

from __future__ import annotations

import csv
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import tools

CONFIG = """\
[checking]
threads=8
# Our loopback server sends the "LinkChecker" header that allows more than 10 requests a second.
maxrequestspersecond=1000
timeout=30

[filtering]
# Anything that is not the site under test (other hosts, mailto:, tel:) is only checked for
# its syntax: the checker never connects to it.
ignore=
  ^(?!{base})

[AnchorCheck]
"""


@dataclass
class Result:
    url: str
    parent: str
    line: str
    result: str
    valid: bool
    warnings: str
    info: str

    @property
    def local(self) -> bool:
        return urlsplit(self.url).hostname == "127.0.0.1"

    def __str__(self):
        where = f"{self.parent}:{self.line}" if self.parent else "(start URL)"
        problem = self.warnings or self.result
        return f"{where} -> {self.url}: {problem}"


def check(base_url: str, start_urls: list[str], workdir: Path) -> list[Result]:
    """Every URL LinkChecker saw, starting from `start_urls` (all under `base_url`)."""
    workdir.mkdir(parents=True, exist_ok=True)
    # LinkChecker drops root privileges to "nobody" before it reads anything: let it read.
    workdir.chmod(0o755)
    config = workdir / "linkcheckerrc"
    config.write_text(CONFIG.replace("{base}", re.escape(base_url)), encoding="utf-8")
    config.chmod(0o644)
    env = {
        **os.environ,
        "HOME": str(workdir),
        "XDG_CONFIG_HOME": str(workdir),
        "XDG_DATA_HOME": str(workdir),
        "LC_ALL": "C.UTF-8",
    }
    completed = subprocess.run(
        [
            tools.executable("linkchecker"),
            "--config",
            str(config),
            "--no-status",
            "--verbose",
            "--output",
            "csv/utf-8",
            *start_urls,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )
    if completed.returncode not in (0, 1):  # 1: problems found, reported below
        raise RuntimeError(f"linkchecker failed ({completed.returncode}):\n{completed.stderr}")
    lines = [line for line in completed.stdout.splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter=";"))
    if not rows:
        raise RuntimeError(f"linkchecker checked nothing:\n{completed.stderr}")
    return [
        Result(
            url=row["url"],
            parent=row["parentname"],
            line=row["line"],
            result=row["result"],
            valid=row["valid"] == "True",
            warnings=row["warningstring"],
            info=row["infostring"],
        )
        for row in rows
    ]
