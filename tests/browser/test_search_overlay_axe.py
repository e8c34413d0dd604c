"""The search overlay, open with a query typed and its results shown, at 1280x800 and 375x812:
axe-core finds no WCAG 2.x A/AA violation in it (Material's result meta line was 4.41:1 until
content/assets/css/accessibility.css darkened it). The query is a word of the data, so the
overlay shows results whatever staff change."""

from __future__ import annotations

import re

import pytest

from macros.view.site import load_site
from tests.browser.conftest import add_axe
from tests.browser.page_visits import AXE_TAGS, RUN_AXE, format_violations
from tests.browser.search_box import open_search, search
from tests.project import PROJECT


def a_word_of_the_data() -> str:
    """The longest word of the first opgave's title: certain to be found."""
    title = load_site(PROJECT / "data").opgaven[0].title
    return max(re.findall(r"\w+", title), key=len)


def test_the_open_search_with_results_has_no_axe_violations(viewport_tab):
    page = viewport_tab.page
    open_search(page, viewport_tab.origin)
    hits = search(page, viewport_tab.origin, a_word_of_the_data())
    assert hits, "the search shows no results: nothing to check"
    add_axe(viewport_tab)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    if violations:
        pytest.fail(f"search open at {viewport_tab.viewport_name}:\n" + format_violations(violations), pytrace=False)
