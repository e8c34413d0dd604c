"""One fixture for tests that hold for any data: `built` runs such a test on the build of the
adopted data (known content, part of the plain test run) and on the real build (marked
`content`, so `EKD_PROJECT=/copy pytest -m content` runs it on an edited copy).

Use it with `from tests.builds import Built, built` in the test module."""

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from macros.view.site import Site
from tests.project import ADOPTED_DATA, PROJECT, read_yaml


@dataclass(frozen=True)
class Built:
    site: Site  # the resolved view of the data the build read
    site_dir: Path
    page: Callable  # page(url) -> BeautifulSoup, as the `page` fixture
    data: Path  # that data folder, for expectations from the raw YAML

    def raw(self, file_name: str):
        return read_yaml(self.data / file_name)


@pytest.fixture(params=["adopted", pytest.param("real", marks=pytest.mark.content)])
def built(request) -> Built:
    """The adopted build, then the real one (a content test)."""
    if request.param == "adopted":
        names, data = ("adopted", "adopted_built_site", "adopted_page"), ADOPTED_DATA
    else:
        names, data = ("site", "built_site", "page"), PROJECT / "data"
    return Built(*(request.getfixturevalue(name) for name in names), data)


@pytest.fixture
def adopted_build(adopted, adopted_built_site, adopted_page) -> Built:
    """Only the adopted build: for exact figures and texts."""
    return Built(adopted, adopted_built_site, adopted_page, ADOPTED_DATA)
