"""Publishing goes through a pull request: CI checks, builds and tests it; main is deployed.

The workflow is linted with check-jsonschema against the GitHub workflow schema it
ships (no network needed). Of its steps what CONTRIBUTING.md promises staff is checked:
every pull request runs `make check` first and fast, then `make build` and `make test`;
a failure fails the run; what is published is the build that was tested. And the
summary job's `run:` steps run here as a GitHub runner runs them (tests/runner.py):
as root in a checkout that belongs to another user, with a fresh HOME.
"""

import datetime
import fnmatch
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.data.files import DATA_FILES
from macros.view.urls import PDF_PATH
from tests import runner
from tests.fake_github import REPOSITORY, FakeGitHub
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


def job_calling(target: str) -> tuple[str, dict]:
    """The one job whose run steps call `make <target>`."""
    [found] = [(name, job) for name, job in workflow()["jobs"].items() if target in makes(job)]
    return found


def needs(job: dict) -> list[str]:
    value = job.get("needs", [])
    return [value] if isinstance(value, str) else value


def test_every_pull_request_is_checked_first_then_built_and_tested():
    data = workflow()
    assert "pull_request" in data["on"]
    check_name, check_job = job_calling("check")
    test_name, test_job = job_calling("test")
    # Both run on every event; the long job waits for the data check and summary.
    assert "if" not in check_job and "if" not in test_job
    assert check_name in needs(test_job)
    assert [target for target in makes(test_job) if target in ("build", "test")] == ["build", "test"]


def test_the_summary_comes_within_minutes_not_after_the_tests():
    _name, job = job_calling("check")
    runs = " ".join(step.get("run", "") for step in job["steps"])
    assert "tools/ci_summary.py" in runs and "tools/pr_comment.py" in runs
    assert not {"build", "test"} & set(makes(job)), "the fast job must not wait for a build or the tests"
    assert job["timeout-minutes"] <= 15


def test_the_summary_goes_on_the_pull_request_with_the_right_to_comment():
    for name, job in workflow()["jobs"].items():
        if any("tools/pr_comment.py" in step.get("run", "") for step in job["steps"]):
            assert job["permissions"].get("pull-requests") == "write", name
            [step] = [step for step in job["steps"] if "tools/pr_comment.py" in step.get("run", "")]
            assert "github.event_name == 'pull_request'" in step["if"] and "always()" in step["if"], name
            assert step["env"]["GITHUB_TOKEN"] == "${{ github.token }}"


def test_git_trusts_the_workspace_in_every_container_job():
    # actions/checkout marks the workspace safe only in a HOME of its own (actions/checkout#1048):
    # in a container (root) every later git call then fails with "dubious ownership".
    for name, job in workflow()["jobs"].items():
        if "container" not in job:
            continue
        runs = [step.get("run", "") for step in job["steps"]]
        first_make = next(index for index, run in enumerate(runs) if re.search(r"\bmake \w+", run))
        assert any('git config --global --add safe.directory "$GITHUB_WORKSPACE"' in run
                   for run in runs[:first_make]), name


def test_a_failing_make_fails_its_step_also_when_piped():
    # GitHub runs `shell: bash` with -eo pipefail; the default shell in a container (sh -e) has no
    # pipefail, so `make test | tee log` would pass when the tests fail.
    data = workflow()
    for name, job in data["jobs"].items():
        default = ((job.get("defaults") or data.get("defaults") or {}).get("run") or {}).get("shell")
        for step in job["steps"]:
            if re.search(r"\bmake \w+[^\n]*\|", step.get("run", "")):
                assert step.get("shell", default) == "bash", f"{name}: {step.get('name', step['run'])}"


def test_pre_commit_installs_into_the_projects_venv():
    # `pip install pre-commit` outside a venv fails on Debian 12 (externally managed).
    assert re.search(r"^pre-commit==", (ROOT / "requirements-dev.txt").read_text(encoding="utf-8"), re.MULTILINE)
    assert importlib.util.find_spec("pre_commit") is not None
    dry_run = subprocess.run(["make", "-n", "hooks"], cwd=ROOT, capture_output=True, text=True)
    assert re.search(r"bin/python -m pre_commit install", dry_run.stdout), dry_run.stdout


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


def job_uploading(action: str) -> tuple[str, dict]:
    [found] = [(name, job) for name, job in workflow()["jobs"].items()
               if any(step.get("uses", "").startswith(action) for step in job["steps"])]
    return found


# The runner emulation (tests/runner.py): the summary job of a pull request that changes
# one title, on a GitHub runner, with the pull request comment going to a fake GitHub.

@pytest.fixture(scope="module")
def github():
    fake = FakeGitHub()
    yield fake
    fake.close()


@pytest.fixture(scope="module")
def pull_request(tmp_path_factory) -> tuple[Path, str, str, dict[str, str]]:
    """A checkout of a pull request that renames the first opgave: (workspace, base, new title, env)."""
    work = runner.clone(tmp_path_factory.mktemp("runner") / "workspace")
    base = runner.commit(work, "Basis van de pull request")
    opgaven = work / "data" / "opgaven.yaml"
    text = opgaven.read_text(encoding="utf-8")
    found = re.search(r"^(\s+titel: )(.+)$", text, re.MULTILINE)  # the first opgave's title, whatever it is
    title = f"{found.group(2)} in de proefwijziging"
    opgaven.write_text(text[:found.start(2)] + title + text[found.end(2):], encoding="utf-8")
    runner.commit(work, "Titel van de eerste opgave aangepast")
    return work, base, title, runner.hand_to_runner_user(work)


def summary_job() -> dict:
    return job_calling("check")[1]


def test_on_a_real_runner_the_summary_shows_the_change(pull_request, github, tmp_path):
    work, base, title, env = pull_request
    github.comments.clear()
    run = runner.run_job(summary_job(), work, github.url, base, tmp_path / "first", env)
    assert run.outcomes["check"] == "success", run.logs
    assert "kon niet worden gemaakt" not in run.summary, run.summary
    assert "Wat verandert er op de site?" in run.summary
    assert "proefwijziging" in run.summary, run.summary
    assert "✅ in orde" in run.summary and "⏳ bezig" in run.summary
    # On the pull request too: one comment with the same summary.
    [comment] = github.comments.values()  # updated in place on the next push: tests/test_ci_summary.py
    assert "proefwijziging" in comment and "Wat verandert er op de site?" in comment


def test_the_emulated_runner_meets_the_dubious_ownership_without_the_safe_directory_step(
        pull_request, github, tmp_path):
    # The emulation is a real test: without the step the summary loses its main part, as on GitHub.
    work, base, _title, env = pull_request
    job = summary_job()
    job["steps"] = [step for step in job["steps"] if "safe.directory" not in step.get("run", "")]
    run = runner.run_job(job, work, github.url, base, tmp_path, env)
    assert "kon niet worden gemaakt" in run.summary and "dubious ownership" in run.summary, run.summary


# Publishing: one build, in the tested container, uploaded once, deployed as it is.

def test_deploy_publishes_the_artefact_the_test_job_built_and_tested():
    data = workflow()
    builder_name, builder = job_uploading("actions/upload-pages-artifact@")
    assert builder_name == job_calling("build")[0] == job_calling("test")[0]
    builds = [step for job in data["jobs"].values() for step in job["steps"] if re.search(r"\bmake build\b", step.get("run", ""))]
    assert len(builds) == 1, "one build only: what is published is what was tested"
    steps = builder["steps"]
    index = {name: next(i for i, step in enumerate(steps) if predicate(step)) for name, predicate in {
        "build": lambda step: re.search(r"\bmake build\b", step.get("run", "")),
        "upload": lambda step: step.get("uses", "").startswith("actions/upload-pages-artifact@"),
    }.items()}
    assert index["build"] < index["upload"]
    assert steps[index["upload"]]["with"]["path"] == "site"
    deploy = deploy_job()
    assert builder_name in needs(deploy)  # so only after every test passed
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_every_pull_request_has_a_preview_of_the_site_and_the_pdf():
    _name, job = job_calling("build")
    uploads = {step["id"]: step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")}
    paths = {step_id: step["with"]["path"] for step_id, step in uploads.items()}
    assert "site" in paths.values()
    assert any(fnmatch.fnmatch(f"site/{PDF_PATH}", path) for path in paths.values()), paths
    site_step = next(step for step in uploads.values() if step["with"]["path"] == "site")
    assert site_step["with"].get("include-hidden-files") is True  # .well-known/security.txt
    [summary] = [step for step in job["steps"] if "tools/ci_summary.py" in step.get("run", "")]
    outputs = " ".join(summary["env"].values())
    for step_id in uploads:
        assert f"steps.{step_id}.outputs.artifact-url" in outputs, step_id
    assert "--site" in summary["run"] and "--pdf" in summary["run"]


def deploy_job() -> dict:
    """The job that publishes the site (the one that runs actions/deploy-pages)."""
    return job_uploading("actions/deploy-pages@")[1]


@pytest.fixture(scope="module")
def address_step() -> dict:
    """The step before `make build` that finds the address to build for ($GITHUB_OUTPUT)."""
    steps = job_calling("build")[1]["steps"]
    build = next(index for index, step in enumerate(steps) if re.search(r"\bmake build\b", step.get("run", "")))
    [step] = [step for step in steps[:build] if "site_address.py" in step.get("run", "")]
    return step


def run_step(step: dict, github: FakeGitHub, tmp_path: Path) -> tuple[subprocess.CompletedProcess, str]:
    """Runs the step as GitHub does (bash -eo pipefail), asking the fake GitHub for the Pages
    address; returns what it wrote to $GITHUB_OUTPUT too."""
    github_output = tmp_path / "github_output"
    github_output.write_text("", encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if key != "SITE_URL"}
    env.update(GITHUB_OUTPUT=str(github_output), GITHUB_API_URL=github.url, GITHUB_REPOSITORY=REPOSITORY,
               GITHUB_TOKEN="token-van-de-test")
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    return result, github_output.read_text(encoding="utf-8")


@pytest.mark.parametrize("pages_url", ["", "http://127.0.0.1:8000", "http://localhost:4000/ekd", "/ekd"])
def test_the_deploy_refuses_to_publish_without_a_public_address(address_step, github, pages_url, tmp_path):
    github.pages_url = pages_url
    result, github_output = run_step(address_step, github, tmp_path)
    assert result.returncode != 0, "the site would be published without an address"
    assert "::error" in result.stderr and "De site is niet gepubliceerd" in result.stderr, result.stderr
    assert "SITE_URL" not in github_output


def test_without_pages_switched_on_the_refusal_is_dutch(address_step, github, tmp_path):
    github.pages_url = None
    result, github_output = run_step(address_step, github, tmp_path)
    assert result.returncode != 0
    assert "GitHub Pages staat niet aan" in result.stderr and "De site is niet gepubliceerd" in result.stderr
    assert "SITE_URL" not in github_output


def test_the_build_is_for_the_pages_address(address_step, github, tmp_path):
    github.pages_url = "https://provincie.github.io/ekd"
    result, github_output = run_step(address_step, github, tmp_path)
    assert result.returncode == 0, result.stderr
    assert github_output == "SITE_URL=https://provincie.github.io/ekd/\n"
    # The build step, and only it, gets that address (the tests build for their own).
    _name, job = job_calling("build")
    with_address = [step for step in job["steps"] if "SITE_URL" in (step.get("env") or {})]
    assert [re.search(r"\bmake build\b", step["run"]) is not None for step in with_address] == [True]
    assert with_address[0]["env"]["SITE_URL"] == f"${{{{ steps.{address_step['id']}.outputs.SITE_URL }}}}"
    assert "SITE_URL" not in (job.get("env") or {}) and "SITE_URL" not in (workflow().get("env") or {})


# security.txt never lapses without a word.

def test_security_txt_is_checked_on_every_run_and_the_schedule_kept_alive():
    data = workflow()
    assert data["on"]["schedule"], "the monthly rebuild renews security.txt's Expires"
    checkers = [job for job in data["jobs"].values()
                if any("tools/security_txt_check.py" in step.get("run", "") for step in job["steps"])]
    assert checkers and all("if" not in job for job in checkers)
    [keeper] = [job for job in data["jobs"].values()
                if any("/enable" in step.get("run", "") for step in job["steps"])]
    assert keeper["if"] == "github.event_name == 'schedule'" and keeper["permissions"] == {"actions": "write"}
    assert f"/actions/workflows/{WORKFLOW.name}/enable" in " ".join(step["run"] for step in keeper["steps"])


def check_security_txt(github: FakeGitHub, expires: str | None) -> subprocess.CompletedProcess:
    github.pages_url = github.url + "/site/"
    github.files.clear()
    if expires is not None:
        github.files["/site/.well-known/security.txt"] = f"Contact: mailto:a@example.nl\nExpires: {expires}\n"
    env = {**os.environ, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_TOKEN": "t"}
    return subprocess.run([sys.executable, str(ROOT / "tools" / "security_txt_check.py"), "--github"],
                          env=env, capture_output=True, text=True)


def days_from_today(days: int) -> str:
    return (datetime.datetime.now(datetime.timezone.utc).date() + datetime.timedelta(days=days)).strftime(
        "%Y-%m-%dT00:00:00Z")


def test_a_valid_security_txt_passes_quietly(github):
    result = check_security_txt(github, days_from_today(200))
    assert result.returncode == 0 and "nog 200 dagen geldig" in result.stdout and "::" not in result.stderr


def test_a_security_txt_near_its_end_gives_a_dutch_warning(github):
    result = check_security_txt(github, days_from_today(20))
    assert result.returncode == 0
    assert "::warning" in result.stderr and "verloopt over 20 dagen" in result.stderr
    assert "Run workflow" in result.stdout


@pytest.mark.parametrize("expires", [days_from_today(0), days_from_today(-3), "morgen"])
def test_a_lapsed_security_txt_fails_the_check(github, expires):
    result = check_security_txt(github, expires)
    assert result.returncode == 1
    assert "::error" in result.stderr and "security.txt op de site" in result.stdout


def test_no_security_txt_yet_or_no_pages_is_no_failure(github):
    assert check_security_txt(github, None).returncode == 0
    github.pages_url = None
    env = {**os.environ, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_TOKEN": "t"}
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "security_txt_check.py"), "--github"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0 and "niet gecontroleerd (GitHub Pages staat niet aan" in result.stdout
