"""The CI workflows: actionlint finds nothing, and they do what README's "Publishing" says."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT
from .gates import tools

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as the boolean true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


def uses(workflow: dict) -> set[str]:
    return {step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step}


def triggered_by(event: str) -> list[dict]:
    found = [load(path) for path in WORKFLOWS]
    return [w for w in found if event in (w["on"] if isinstance(w["on"], dict) else [w["on"]])]


def test_actionlint_finds_nothing():
    assert WORKFLOWS, "no workflow in .github/workflows"
    completed = subprocess.run(
        # No shellcheck/pyflakes integration: the result must not depend on what else the
        # machine has installed (GitHub's runners have shellcheck, ours do not).
        [tools.executable("actionlint"), "-oneline", "-shellcheck=", "-pyflakes=", *WORKFLOWS],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_pull_requests_are_checked_tested_built_and_kept():
    (workflow,) = triggered_by("pull_request")
    script = runs(workflow)
    assert "hubspoke check" in script
    assert "bash tools/test.sh" in script
    assert "mkdocs build --strict" in script
    assert "actions/upload-artifact" in uses(workflow)
    assert workflow["concurrency"]["cancel-in-progress"] is True


@pytest.mark.parametrize("event", ["push", "schedule"])
def test_main_and_a_daily_schedule_deploy_to_pages(event):
    (workflow,) = triggered_by(event)
    if event == "push":
        assert workflow["on"]["push"]["branches"] == ["main"]
    else:
        (cron,) = workflow["on"]["schedule"]
        minute, hour, day, month, weekday = cron["cron"].split()
        assert (day, month, weekday) == ("*", "*", "*"), "the rebuild must run every day"
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= uses(workflow)
    assert "mkdocs build --strict" in runs(workflow)
    # Two deploys never race: one group, and a run in progress is never cancelled.
    assert workflow["concurrency"]["group"]
    assert workflow["concurrency"]["cancel-in-progress"] is False
    deploy = next(
        job
        for job in workflow["jobs"].values()
        if any(s.get("uses", "").startswith("actions/deploy-pages") for s in job["steps"])
    )
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_pip_and_the_image_cache_are_cached():
    for workflow in map(load, WORKFLOWS):
        cached = {
            str(step.get("with", {}).get("path"))
            for step in steps(workflow)
            if step.get("uses", "").startswith("actions/cache")
        }
        pip = ".cache/pip" in cached or any(
            step.get("with", {}).get("cache") == "pip"
            for step in steps(workflow)
            if step.get("uses", "").startswith("actions/setup-python")
        )
        assert pip, f"{workflow['name']}: pip downloads are not cached"
        assert ".cache/hubspoke" in cached, f"{workflow['name']}: the image cache is not cached"


def test_ci_runs_the_readme_test_command():
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert "bash tools/test.sh" in lines


def test_the_daily_build_checks_the_coming_days_without_holding_the_deploy():
    """Scheduled posts go live unattended: the daily run checks the next days as of each,
    and a problem there is reported, never a reason to hold today's deploy."""
    (workflow,) = triggered_by("schedule")
    ahead = [s for s in steps(workflow) if "hubspoke check --as-of" in s.get("run", "")]
    assert len(ahead) == 1
    assert ahead[0]["continue-on-error"] is True
    assert "::warning::" in ahead[0]["run"]
    result = subprocess.run(
        ["bash", "-n"], input=ahead[0]["run"], text=True, capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
