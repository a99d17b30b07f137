"""Lighthouse (npm package `lighthouse`, as tools/test.sh installs it) on one served page,
driving Debian's Chromium, as a phone: its category scores and the audits that cost points.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from . import tools

CATEGORIES = ("accessibility", "best-practices", "seo")
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run"


@dataclass
class Report:
    url: str
    scores: dict[str, float | None]  # category id -> 0..1 (None: Lighthouse could not score)
    failing: dict[str, list[str]]  # category id -> "audit-id (score): title: where"

    def describe(self) -> str:
        lines = [f"{self.url}: " + ", ".join(f"{c} {s}" for c, s in self.scores.items())]
        for category, audits in self.failing.items():
            lines += [f"  {category}: {audit}" for audit in audits]
        return "\n".join(lines)


def run(url: str, output: Path, *, timeout: int = 300) -> Report:
    """Lighthouse's mobile run of `url`, its JSON report kept at `output`."""
    command = [
        tools.node(),
        str(tools.lighthouse()),
        url,
        "--form-factor=mobile",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--output=json",
        f"--output-path={output}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": str(tools.chromium())}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0 and output.is_file(), (
        f"lighthouse {url} failed ({done.returncode}):\n{done.stderr[-3000:]}"
    )
    return parse(url, json.loads(output.read_text(encoding="utf-8")))


def parse(url: str, report: dict) -> Report:
    """Scores, and every audit of a category that scored below 1 or could not run."""
    if report.get("runtimeError"):
        raise AssertionError(f"lighthouse {url}: {report['runtimeError']}")
    audits = report["audits"]
    scores: dict[str, float | None] = {}
    failing: dict[str, list[str]] = {}
    for category in CATEGORIES:
        found = report["categories"][category]
        scores[category] = found["score"]
        for ref in found["auditRefs"]:
            audit = audits[ref["id"]]
            mode = audit.get("scoreDisplayMode")
            if mode == "error" or (mode in ("binary", "numeric") and (audit["score"] or 0) < 1):
                failing.setdefault(category, []).append(
                    f"{audit['id']} ({audit['score']}): {audit['title']}{_where(audit)}"
                )
    return Report(url, scores, failing)


def _where(audit: dict) -> str:
    """The first few elements or URLs an audit names, or its error message."""
    if audit.get("errorMessage"):
        return f": {audit['errorMessage']}"
    items = (audit.get("details") or {}).get("items") or []
    places = []
    for item in items[:4]:
        node = item.get("node") or {}
        places.append(node.get("selector") or node.get("snippet") or item.get("url") or str(item))
    return f": {'; '.join(p[:120] for p in places)}" if places else ""
