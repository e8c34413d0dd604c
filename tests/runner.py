"""Runs a workflow job's `run:` steps the way a GitHub runner runs them in the job's container.

What matters for the steps, measured (/work/shared/TOOLING.md, "GitHub job containers"):
the container runs as root, the checkout belongs to the runner's user (uid 1001), and
HOME is fresh (actions/checkout's safe.directory is lost with its own HOME). So: a clone
of this repository with the working tree's files, owned by uid 1001 (when the tests run
as root; else git is told to treat it as another user's, GIT_TEST_ASSUME_DIFFERENT_OWNER),
a new empty HOME, only GitHub's variables, each step as `bash --noprofile --norc -eo
pipefail`, in order, with GitHub's rules for `if:` and the outcome of each step.
`uses:` steps are not run: the clone stands in for actions/checkout, a cache may always
miss, and a job with any other action is refused, since its effect would be missing.

The venv is the one running the tests (linked as .venv), so no step installs anything.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.fake_github import REPOSITORY, event_file
from tests.project import ROOT

RUNNER_UID = 1001  # the runner user of GitHub's hosted machines
GIT = ["git", "-c", "user.name=Medewerker", "-c", "user.email=medewerker@example.nl"]


def clone(destination: Path) -> Path:
    """A clone with the full history (fetch-depth: 0) and the working tree's files committed."""
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", str(ROOT), str(destination)], check=True)
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source, target = ROOT / name, destination / name
        if source.is_file():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        elif not source.exists() and target.exists():
            target.unlink()  # deleted in the working tree
    commit(destination, "Werkmap zoals getest")
    venv = Path(sys.prefix)
    (destination / ".venv").symlink_to(venv)
    # make must see the venv as up to date: its stamp newer than the requirement files.
    stamp = (venv / ".installed").stat().st_mtime
    for name in ("requirements.txt", "requirements-dev.txt", "constraints.txt"):
        os.utime(destination / name, (stamp - 60, stamp - 60))
    return destination


def commit(work: Path, message: str) -> str:
    subprocess.run([*GIT, "-C", str(work), "add", "-A"], check=True)
    subprocess.run([*GIT, "-C", str(work), "commit", "--quiet", "--allow-empty", "-m", message], check=True)
    return subprocess.run(["git", "-C", str(work), "rev-parse", "HEAD"], capture_output=True, text=True,
                          check=True).stdout.strip()


def hand_to_runner_user(work: Path) -> dict[str, str]:
    """Make `work` another user's, as the runner's checkout is to the container's root."""
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "--no-dereference", f"{RUNNER_UID}:{RUNNER_UID}", str(work)], check=True)
        return {}
    return {"GIT_TEST_ASSUME_DIFFERENT_OWNER": "1"}  # git's own switch for this case


@dataclass
class Run:
    outcomes: dict[str, str] = field(default_factory=dict)  # step id (or name) -> success/failure/skipped
    logs: dict[str, str] = field(default_factory=dict)  # step name -> its stdout + stderr
    summary: str = ""  # what the job wrote to $GITHUB_STEP_SUMMARY


class Expressions:
    """The `${{ }}` expressions of a pull_request event, as far as the workflow uses them.
    An expression it does not know fails the test: the emulation would be incomplete."""

    def __init__(self, base: str, run: Run):
        self.names = {
            "github.event_name": "pull_request",
            "github.event.pull_request.base.sha": base,
            "github.event.before": "",
            "github.token": "token-van-de-test",
            "github.ref": "refs/pull/7/merge",
        }
        self.run = run

    def value(self, expression: str):
        python = expression.replace("&&", " and ").replace("||", " or ").replace("!=", "__ne__")
        python = python.replace("always()", "True").replace("success()", "__success__")
        python = python.replace("__ne__", "!=")

        def name(found: re.Match) -> str:
            text = found.group(0)
            if text in ("True", "and", "or", "__success__") or text.startswith("'"):
                return text
            step = re.fullmatch(r"steps\.([\w-]+)\.outcome", text)
            if step:
                return repr(self.run.outcomes.get(step.group(1), ""))
            if text not in self.names:
                raise AssertionError(f"the emulated runner does not know the expression {text!r}")
            return repr(self.names[text])

        python = re.sub(r"'[^']*'|[A-Za-z_][\w.-]*(?:\(\))?", name, python)
        success = "failure" not in self.run.outcomes.values()  # skipped steps do not count
        return eval(python, {"__success__": success})  # noqa: S307 - the workflow's own text

    def substitute(self, text: str) -> str:
        return re.sub(r"\$\{\{\s*(.+?)\s*\}\}", lambda found: str(self.value(found.group(1)) or ""), text)


def run_job(job: dict, work: Path, github_api: str, base: str, scratch: Path, extra_env: dict[str, str]) -> Run:
    """Run `job`'s steps in `work` for a pull request whose base is `base`."""
    others = [step["uses"] for step in job["steps"]
              if "uses" in step and not step["uses"].startswith(("actions/checkout@", "actions/cache@"))]
    assert not others, f"the emulated runner cannot stand in for {others}"
    scratch.mkdir(parents=True, exist_ok=True)
    home = scratch / "home"
    home.mkdir()
    summary, output = scratch / "step_summary.md", scratch / "output"
    summary.touch()
    output.touch()
    environment = {
        "PATH": os.environ["PATH"], "HOME": str(home), "LANG": "C.UTF-8", "CI": "true", "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": str(work), "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_OUTPUT": str(output),
        "GITHUB_EVENT_NAME": "pull_request", "GITHUB_EVENT_PATH": event_file(scratch, base),
        "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_API_URL": github_api, "RUNNER_TEMP": str(scratch),
        **extra_env,
    }
    run = Run()
    expressions = Expressions(base, run)
    for step in job["steps"]:
        if "run" not in step:
            continue
        key = step.get("id", step.get("name", step["run"]))
        if not expressions.value(step.get("if", "success()")):
            run.outcomes[key] = "skipped"
            continue
        env = {**environment, **{name: expressions.substitute(str(value)) for name, value in step.get("env", {}).items()}}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", expressions.substitute(step["run"])],
                                cwd=work, env=env, capture_output=True, text=True)
        run.outcomes[key] = "success" if result.returncode == 0 else "failure"
        run.logs[step.get("name", key)] = result.stdout + result.stderr
    run.summary = summary.read_text(encoding="utf-8")
    return run
