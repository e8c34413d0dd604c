"""Publishing goes through a pull request: CI checks, builds and tests it; main is deployed.

The workflow is linted with check-jsonschema against the GitHub workflow schema it
ships (no network needed). Of its steps only what CONTRIBUTING.md promises staff is
checked: every pull request runs `make check`, `make build` and `make test`, and a
failure fails the run.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.data.files import DATA_FILES
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


def makes(job: dict) -> list[str]:
    """The make targets a job's run steps call, in order."""
    return [target for step in job["steps"] for target in re.findall(r"\bmake (\w+)", step.get("run", ""))]


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
    # A job that runs on every event (no `if`) calls the three targets in this order.
    runs = [makes(job) for job in data["jobs"].values() if "if" not in job]
    assert any([target for target in targets if target in ("check", "build", "test")] == ["check", "build", "test"]
               for targets in runs), runs


def test_a_failing_make_fails_its_step_also_when_piped():
    # GitHub runs `shell: bash` with -eo pipefail; the default shell in a container (sh -e) has no
    # pipefail, so `make test | tee log` would pass when the tests fail.
    data = workflow()
    for name, job in data["jobs"].items():
        default = ((job.get("defaults") or data.get("defaults") or {}).get("run") or {}).get("shell")
        for step in job["steps"]:
            if re.search(r"\bmake \w+[^\n]*\|", step.get("run", "")):
                assert step.get("shell", default) == "bash", f"{name}: {step.get('name', step['run'])}"


def test_pre_commit_runs_the_data_check_on_data_files():
    config = yaml.safe_load(PRE_COMMIT.read_text(encoding="utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]}
    check = hooks["data-check"]
    assert check["entry"] == "make check"
    assert check["pass_filenames"] is False  # `make check data/x.yaml` would ask make for a target data/x.yaml
    for name in DATA_FILES:
        assert re.search(check["files"], f"data/{name}"), name
    assert not re.search(check["files"], "content/index.md")
    assert re.search(hooks["schema-up-to-date"]["files"], "macros/data/models/opgaven.py")


def deploy_job() -> dict:
    """The job that publishes the site (the one that runs actions/deploy-pages)."""
    [job] = [job for job in workflow()["jobs"].values()
             if any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job["steps"])]
    return job


@pytest.fixture(scope="module")
def address_step() -> dict:
    """The deploy job's step before `make build` that hands the build its address ($GITHUB_ENV)."""
    steps = deploy_job()["steps"]
    build = next(index for index, step in enumerate(steps) if re.search(r"\bmake build\b", step.get("run", "")))
    [step] = [step for step in steps[:build] if "GITHUB_ENV" in step.get("run", "")]
    return step


def run_step(step: dict, pages_url: str, tmp_path: Path) -> tuple[subprocess.CompletedProcess, str]:
    """Runs the step as GitHub does (bash -eo pipefail), its env set to `pages_url`; returns what
    it wrote to $GITHUB_ENV too."""
    github_env = tmp_path / "github_env"
    github_env.write_text("", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env.update({name: pages_url for name in step.get("env", {})}, GITHUB_ENV=str(github_env))
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    return result, github_env.read_text(encoding="utf-8")


@pytest.mark.parametrize("pages_url", ["", "http://127.0.0.1:8000", "http://localhost:4000/ekd", "/ekd"])
def test_the_deploy_refuses_to_publish_without_a_public_address(address_step, pages_url, tmp_path):
    result, github_env = run_step(address_step, pages_url, tmp_path)
    assert result.returncode != 0, "the site would be published without an address"
    assert "::error" in result.stderr and "De site is niet gepubliceerd" in result.stderr, result.stderr
    assert "SITE_URL" not in github_env


def test_the_deploy_builds_for_the_pages_address(address_step, tmp_path):
    result, github_env = run_step(address_step, "https://provincie.github.io/ekd", tmp_path)
    assert result.returncode == 0, result.stderr
    assert github_env == "SITE_URL=https://provincie.github.io/ekd/\n"
    # Nothing in the job sets another SITE_URL for the build.
    assert not [step for step in deploy_job()["steps"] if "SITE_URL" in (step.get("env") or {})]
