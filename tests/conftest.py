"""Shared fixtures: the real site and the adopted one, each built once per test run."""

import fcntl
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, PROJECT, PROJECT_SITE, build, copy_project

from macros.view.site import load_site


def pytest_collection_modifyitems(items):
    """Slow tests first (pytest.ini: their modules go out to the processes first); otherwise
    the order of collection."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def once_per_run(request, name: str, make: Callable[[Path], None]) -> Path:
    """The folder `make(folder)` filled, made by the first process of the run that asks for it.

    The run's processes (pytest-xdist) each have a session of their own; a session fixture
    alone would build the same site once per process. So they share one folder of the run:
    the first process that asks builds, while another that asks waits and then reads it."""
    root = request.getfixturevalue("tmp_path_factory").getbasetemp()
    if hasattr(request.config, "workerinput"):  # a worker of this run (not a run that a test started)
        root = root.parent  # the workers' folders (popen-gw0, ...) sit side by side in the run's folder
    folder, done = root / name, root / f"{name}.done"
    with open(root / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the process ends, even when it is killed
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def strict_build(project: Path, site_dir: Path) -> None:
    result = build(project, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(request) -> Path:
    """A fresh strict build of the real project (or EKD_PROJECT, or its EKD_SITE); the run fails if
    the build does."""
    if PROJECT_SITE is not None:
        return PROJECT_SITE
    return once_per_run(request, "site", lambda folder: strict_build(PROJECT, folder))


@pytest.fixture(scope="session")
def site():
    """The resolved data view of the real data (or EKD_PROJECT's)."""
    return load_site(PROJECT / "data")


@pytest.fixture(scope="session")
def adopted():
    """The resolved view of the data as adopted (bron/vastgesteld/): known content that never changes."""
    return load_site(ADOPTED_DATA)


@pytest.fixture(scope="session")
def adopted_project(request) -> tuple[Path, Path]:
    """A copy of the project with the adopted data, and its strict build: (project, site dir).
    Shared by every test of the run: read it, never change it."""
    def make(folder: Path) -> None:
        copy_project(folder / "project", data=ADOPTED_DATA)
        strict_build(folder / "project", folder / "site")

    folder = once_per_run(request, "adopted", make)
    return folder / "project", folder / "site"


@pytest.fixture(scope="session")
def adopted_built_site(adopted_project) -> Path:
    """A strict build of the project with the adopted data, for tests that need known content."""
    return adopted_project[1]


@pytest.fixture(scope="session")
def warm_cache(adopted_project) -> Path:
    """The .cache/ of the adopted build, for copies that build again (copy_project(cache=...)):
    the first build of a copy then draws only what its changes change."""
    return adopted_project[0] / ".cache"


@pytest.fixture(scope="session")
def renamed_site(request, warm_cache) -> Path:
    """The adopted data with one opgave renamed (tests/test_redirects.py), built once for the
    redirect tests and their browser test."""
    from tests.test_redirects import build_with_renamed_slug

    return once_per_run(request, "renamed", lambda folder: build_with_renamed_slug(folder, cache=warm_cache)) \
        / "site"


@pytest.fixture(scope="session")
def page(built_site):
    """Parse a built page by its URL path, e.g. page('opgaven/arbeidsmarkt/')."""
    return page_parser(built_site)


@pytest.fixture(scope="session")
def adopted_page(adopted_built_site):
    """Like `page`, on the build with the adopted data."""
    return page_parser(adopted_built_site)


def page_parser(site_dir: Path):
    """Parse a built page by its URL path ('' for home, 'opgaven/<slug>/', '404.html'), once each."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(url: str) -> BeautifulSoup:
        if url not in cache:
            path = site_dir / url / "index.html" if not url.endswith(".html") else site_dir / url
            cache[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[url]

    return parse
