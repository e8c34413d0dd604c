"""Staff work on their own computer without root: Linux, macOS or Windows (WSL).

`make check`, `make diff` and `make serve` need only Python and make: no apt, no sudo.
The PDF's system libraries are needed only where the PDF is drawn; where they are
missing, the PDF says so in Dutch, and only a build to publish stops for it.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.outputs import pdf
from tests.project import ENV, ROOT, copy_project

MAKEFILE_TARGETS_WITHOUT_ROOT = ("check", "diff", "serve")
# The libraries cffi fails to open when Pango is not installed, in WeasyPrint's own words.
NO_PANGO = "cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file"


def bare_path(tmp_path: Path, *programs: str) -> str:
    """A PATH with only these programs: what a laptop without Debian's tools has."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for program in programs:
        (folder / program).symlink_to(shutil.which(program))
    return str(folder)


def test_make_check_works_without_apt_or_root_tools(tmp_path):
    path = bare_path(tmp_path, "make", "python3", "git")
    result = subprocess.run(["make", "check"], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "PATH": path})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "De data is in orde" in result.stdout
    assert "apt-get" not in result.stdout + result.stderr


@pytest.mark.parametrize("target", MAKEFILE_TARGETS_WITHOUT_ROOT)
def test_setting_up_from_scratch_installs_nothing_outside_python(target, tmp_path):
    # What make would run for a new venv (-n: print only, -B: as if nothing were there yet).
    result = subprocess.run(["make", "-n", "-B", target, f"VENV={tmp_path / 'venv'}"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "python3 -m venv" in result.stdout and "pip install" in result.stdout
    for root_only in ("install-system-deps", "apt-get", "sudo"):
        assert root_only not in result.stdout, f"make {target} runs {root_only}"


def install_system_deps(tmp_path, *arguments) -> subprocess.CompletedProcess:
    path = bare_path(tmp_path, "bash", "env")
    return subprocess.run([str(ROOT / "tools" / "install-system-deps"), *arguments], capture_output=True, text=True,
                          env={**os.environ, "PATH": path})


def test_without_apt_the_pdf_step_lets_the_build_go_on(tmp_path):
    result = install_system_deps(tmp_path, "--pdf")
    assert result.returncode == 0, result.stderr
    assert "command not found" not in result.stderr


def test_without_apt_the_full_tests_say_in_dutch_where_they_run(tmp_path):
    result = install_system_deps(tmp_path)
    assert result.returncode != 0
    assert "command not found" not in result.stderr
    assert "hebben Debian of Ubuntu nodig" in result.stderr and "dev container" in result.stderr


@pytest.fixture
def without_pango(tmp_path) -> dict[str, str]:
    """An environment whose WeasyPrint cannot load its libraries, as on a laptop without Pango."""
    fake = tmp_path / "no-pango" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(f"raise OSError({NO_PANGO!r})\n", encoding="utf-8")
    return {**ENV, "PYTHONPATH": os.pathsep.join(filter(None, [str(fake.parent), os.environ.get("PYTHONPATH")]))}


def test_without_pango_the_pdf_says_so_in_dutch(without_pango, tmp_path):
    # `make serve` draws the PDF so, in a process of its own; the site goes on without it.
    out = tmp_path / "programma.pdf"
    result = subprocess.run([sys.executable, "-m", "macros.outputs.pdf", str(ROOT / "data"), str(pdf.CSS_DIR), str(out)],
                            cwd=ROOT, env=without_pango, capture_output=True, text=True)
    assert result.returncode == 1
    assert "De PDF van het programma kan op deze computer niet worden gemaakt" in result.stderr
    assert "De rest van de site werkt wel" in result.stderr and "libpango" in result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


def test_without_pango_a_build_to_publish_stops_in_dutch(without_pango, tmp_path):
    project = copy_project(tmp_path / "project")  # no cache: the PDF must be drawn
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], cwd=project, env=without_pango, capture_output=True, text=True)
    said = result.stdout + result.stderr
    assert result.returncode != 0
    assert "De PDF van het programma kan op deze computer niet worden gemaakt" in said
    assert "Traceback" not in said


def jsonc(path: Path):
    """VS Code's JSON with // comment lines."""
    return json.loads("\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                                if not line.strip().startswith("//")))


def sections(text: str) -> list[tuple[str, str]]:
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2]))


def test_contributing_leads_with_editing_in_the_browser():
    found = sections((ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8"))
    titles = [title for title, _body in found]
    first_title, first = found[0]
    assert "browser" in first_title
    # The whole path, with nothing to install: edit, propose, summary, preview, review, merge.
    for step in ("Edit this file", "github.dev", "Create pull request", "wat er op de site", "PDF",
                 "Reviewers", "Merge pull request"):
        assert step in first, step
    assert "make " not in first and "installeer" not in first.lower()
    local = next(index for index, title in enumerate(titles) if "eigen computer" in title)
    assert local > titles.index("Publiceren met een pull request"), "the local path comes second"


def test_the_editor_help_is_offered_in_the_browser_and_in_the_dev_container():
    # github.dev and VS Code offer the recommended extensions; the schemas do the rest.
    assert "redhat.vscode-yaml" in jsonc(ROOT / ".vscode" / "extensions.json")["recommendations"]
    container = jsonc(ROOT / ".devcontainer" / "devcontainer.json")
    assert "redhat.vscode-yaml" in container["customizations"]["vscode"]["extensions"]
    assert "bookworm" in container["image"] and "3.11" in container["image"]  # as the workflow's container
    assert "tools/install-system-deps" in container["postCreateCommand"]
