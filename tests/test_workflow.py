"""Publishing goes through a pull request: CI checks, builds and tests it; main is deployed.

The workflow is linted with check-jsonschema against the GitHub workflow schema it
ships (no network needed), and its steps are checked against what CONTRIBUTING.md
promises staff.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.project import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "site.yml"
PRE_COMMIT = ROOT / ".pre-commit-config.yaml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
# Any attempt to reach the network fails at once: the lint must work offline.
OFFLINE = {**os.environ, "HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"}


def lint(path: Path, schema: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, str(path)],
        capture_output=True, text=True, env=OFFLINE,
    )


def workflow() -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); GitHub reads it as "on".
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    data["on"] = data.pop(True)
    return data


def run_lines(job: dict) -> list[str]:
    return [step["run"] for step in job["steps"] if "run" in step]


@pytest.mark.parametrize("schema", ["vendor.github-workflows", "custom.github-workflows-require-timeout"])
def test_workflow_passes_the_linter(schema):
    result = lint(WORKFLOW, schema)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_linter_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "site.yml"
    text = WORKFLOW.read_text(encoding="utf-8").replace("runs-on:", "run-on:", 1)
    broken.write_text(text, encoding="utf-8")
    result = lint(broken, "vendor.github-workflows")
    assert result.returncode != 0
    assert "run-on" in result.stdout + result.stderr


def test_every_pull_request_is_checked_built_and_tested():
    data = workflow()
    assert "pull_request" in data["on"]
    test_job = data["jobs"]["test"]
    assert "if" not in test_job
    assert run_lines(test_job) == ["make check", "make build", "make test"]


def test_only_main_is_deployed_to_github_pages_after_the_tests_pass():
    data = workflow()
    assert data["on"]["push"]["branches"] == ["main"]
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "test"
    assert deploy["if"] == "github.event_name == 'push' && github.ref == 'refs/heads/main'"
    assert deploy["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "").split("@")[0] for step in deploy["steps"]]
    assert uses[-2:] == ["actions/upload-pages-artifact", "actions/deploy-pages"]
    upload = next(step for step in deploy["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert "make build" in run_lines(deploy)


def test_checkouts_have_the_full_history_for_last_updated_dates():
    for name, job in workflow()["jobs"].items():
        checkout = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout.get("with", {}).get("fetch-depth") == 0, name


def test_actions_are_pinned_to_a_major_version_or_commit():
    for job in workflow()["jobs"].values():
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w.-]+@(v\d+(\.\d+)*|[0-9a-f]{40})", step["uses"]), step["uses"]


def test_pre_commit_runs_the_data_check_on_data_files():
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    check = hooks["data-check"]
    assert check["entry"] == "make check"
    assert check["language"] == "system" and check["pass_filenames"] is False
    for path in sorted((ROOT / "data").glob("*.yaml")):
        assert re.search(check["files"], path.relative_to(ROOT).as_posix()), path.name
    assert not re.search(check["files"], "content/index.md")
    assert re.search(hooks["schema-up-to-date"]["files"], "macros/models/opgaven.py")
