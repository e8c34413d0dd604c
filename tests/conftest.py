"""Shared fixtures: the real site, built once per test run."""

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.project import ROOT, build

from macros.view import load_site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A fresh strict build of the real project; the run fails if the build does."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build(ROOT, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict faalde:\n{result.stdout}\n{result.stderr}"
    return site_dir


@pytest.fixture(scope="session")
def site():
    """The resolved data view of the real data."""
    return load_site()


@pytest.fixture(scope="session")
def page(built_site):
    """Parse a built page by its URL path, e.g. page('opgaven/arbeidsmarkt/')."""
    cache: dict[str, BeautifulSoup] = {}

    def parse(url: str) -> BeautifulSoup:
        if url not in cache:
            path = built_site / url / "index.html" if not url.endswith(".html") else built_site / url
            cache[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[url]

    return parse
