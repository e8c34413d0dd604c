"""Shared fixtures: the real site, built once per test run."""

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, ENV, PROJECT, PROJECT_SITE, build, copy_project

from macros.outputs.artefacts import SHARED_CACHE_VARIABLE
from macros.view.site import load_site


def pytest_configure(config):
    """The builds of one test run share what they draw (the PDF takes seconds; some 25 builds
    of copies of the project draw the same one): one folder for the run, removed after it.
    The run's workers (pytest-xdist) inherit the folder from the process that started them."""
    if hasattr(config, "workerinput"):
        return  # started with the folder in its environment, so tests/project.py's ENV has it
    folder = tempfile.mkdtemp(prefix="ekd-artefacts-")
    config.stash[_SHARED] = folder
    os.environ[SHARED_CACHE_VARIABLE] = ENV[SHARED_CACHE_VARIABLE] = folder


def pytest_unconfigure(config):
    folder = config.stash.get(_SHARED, None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)


_SHARED = pytest.StashKey[str]()


def pytest_collection_modifyitems(items):
    """Slow tests first (pytest.ini: their modules go out to the processes first); otherwise
    the order of collection."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A fresh strict build of the real project (or EKD_PROJECT, or its EKD_SITE); the run fails if
    the build does."""
    if PROJECT_SITE is not None:
        return PROJECT_SITE
    site_dir = tmp_path_factory.mktemp("site")
    result = build(PROJECT, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site():
    """The resolved data view of the real data (or EKD_PROJECT's)."""
    return load_site(PROJECT / "data")


@pytest.fixture(scope="session")
def adopted():
    """The resolved view of the data as adopted (bron/vastgesteld/): known content that never changes."""
    return load_site(ADOPTED_DATA)


@pytest.fixture(scope="session")
def adopted_project(tmp_path_factory) -> tuple[Path, Path]:
    """A copy of the project with the adopted data, and its strict build: (project, site dir)."""
    project = copy_project(tmp_path_factory.mktemp("adopted-project"), data=ADOPTED_DATA)
    site_dir = tmp_path_factory.mktemp("adopted-site")
    result = build(project, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
    return project, site_dir


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
def renamed_site(tmp_path_factory, warm_cache) -> Path:
    """The adopted data with one opgave renamed (tests/test_redirects.py), built once for the
    redirect tests and their browser test."""
    from tests.test_redirects import build_with_renamed_slug

    return build_with_renamed_slug(tmp_path_factory.mktemp("renamed"), cache=warm_cache)


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
