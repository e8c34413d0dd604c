"""Helpers to build the real project, or a copy of it with changed data, in a test."""

import contextlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from macros.data.files import ROOT

# The project whose content the content tests check: the repository itself, or a copy with
# edited data (tests/test_contributing.py runs the content tests on the guide's edits).
PROJECT = Path(os.environ.get("EKD_PROJECT", ROOT)).resolve()
# A strict build of PROJECT made just before the run (test_contributing.py runs `make build`
# first), which the run then tests instead of building it again.
PROJECT_SITE = Path(os.environ["EKD_SITE"]).resolve() if os.environ.get("EKD_SITE") else None
# The data as adopted: frozen, so tests of the machinery that need known content use it.
ADOPTED_DATA = ROOT / "bron" / "vastgesteld"
PROJECT_PARTS = ("mkdocs.yml", "content", "data", "macros", "overrides")
# Test builds are published builds, at an address in a folder (as a GitHub Pages project
# site: https://<org>.github.io/<repo>/), so every test also checks that the site works
# there. tests/test_address.py builds once without an address (NO_ADDRESS_ENV).
SITE_URL = "https://www.example.nl/koers/"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SITE_URL": SITE_URL}
NO_ADDRESS_ENV = {key: value for key, value in ENV.items() if key != "SITE_URL"}


def copy_project(destination: Path, root: Path = ROOT, data: Path | None = None, cache: Path | None = None) -> Path:
    """A copy of everything the build reads (from `root`), to change freely.

    With `data` (e.g. ADOPTED_DATA), that folder becomes the copy's data/. With `cache`
    (the `warm_cache` fixture), the copy starts with that .cache/: its first build reuses
    what another build drew (the PDF alone takes a second), which is always what it would
    draw itself (tests/test_artefact_cache.py)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = data if part == "data" and data is not None else root / part
        if source.is_dir():
            shutil.copytree(source, destination / part)  # with __pycache__/: no compiling again
        elif source.exists():
            shutil.copy2(source, destination / part)
    if cache is not None:
        shutil.copytree(cache, destination / ".cache")
    return destination


def build(project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """A strict build (never -q: with -q MkDocs exits 0 on warnings)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env=env or ENV, cwd=project,
    )


def check(data_dir: Path) -> subprocess.CompletedProcess:
    """`python -m macros.view.check data_dir`, run in this process (the same code, without a
    second Python start): its exit status and what it printed."""
    from macros.view.check import main

    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        returncode = main([str(data_dir)])
    return subprocess.CompletedProcess(["macros.view.check", str(data_dir)], returncode, stdout.getvalue(),
                                       stderr.getvalue())


# libyaml (PyYAML's C parser and emitter), as macros/data/loader.py uses: ten times faster, and
# tests read and write the data files hundreds of times.
def read_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def write_yaml(path: Path, data) -> None:
    # No wrapping (libyaml's widest line): a wrapped text can start a line with "- ", which the
    # loader refuses as a list item glued onto the text above it.
    path.write_text(yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False, width=2**31 - 1),
                    encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    """Run git in `repo` as a test author, failing the test when git fails."""
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)
