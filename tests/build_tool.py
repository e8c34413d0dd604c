"""Run tools/build (what `make build` runs) on a copy of the project."""

import shutil
import subprocess
import sys
from pathlib import Path

from tests.project import ADOPTED_DATA, ENV, ROOT, copy_project


def copy_with_build_tool(destination: Path, data: Path = ADOPTED_DATA, cache: Path | None = None) -> Path:
    """A copy of everything the build reads, plus tools/build itself (with the adopted data unless told)."""
    project = copy_project(destination, data=data, cache=cache)
    (project / "tools").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "tools" / "build", project / "tools" / "build")
    return project


def run_build_tool(project: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(project / "tools" / "build")],
        capture_output=True, text=True, env=env or ENV, cwd=project,
    )


def leftovers(project: Path) -> list[str]:
    """Temporary build directories that should have been cleaned up."""
    return sorted(path.name for path in project.glob(".site-*"))
