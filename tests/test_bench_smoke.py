"""The benchmark harness runs (its --quick mode); speed itself is never judged by a test."""

import os
import subprocess
import sys

from .conftest import ROOT


def test_benchmark_quick_mode_runs(tmp_path):
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.strip().startswith("40 ")]
    assert len(rows) == 1, result.stdout
    assert "quick mode" in result.stdout
    assert (tmp_path / "corpus-40" / "mkdocs-bare.yml").is_file()
