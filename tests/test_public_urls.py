"""The URLs and anchors communications staff link to exist and never change.

Content tests: they check the real site on invariants, so adding or renaming an opgave
(with `oude_slugs`) keeps them green, and dropping a published address makes them fail.
"""

import pytest

pytestmark = pytest.mark.content

FIXED_PAGES = ["", "opgaven/", "over/"]

# The public contract for links from news items (README, "Adding an opgave"): typed out
# here rather than taken from macros.sections, so a renamed anchor fails this test.
SECTION_ANCHORS = [
    "nut-en-noodzaak",
    "context",
    "gerelateerde-projecten-en-programmas",
    "activiteiten",
    "resultaten",
    "partners",
    "doelgroep",
]


@pytest.mark.parametrize("url", FIXED_PAGES)
def test_fixed_page_exists(url, built_site):
    assert (built_site / url / "index.html").is_file(), f"/{url} bestaat niet"


@pytest.mark.parametrize("anchor", SECTION_ANCHORS)
def test_every_opgave_has_its_page_with_each_section_anchor(anchor, site, built_site, page):
    for opgave in site.opgaven:
        assert opgave.path == f"opgaven/{opgave.slug}/"
        assert (built_site / opgave.path / "index.html").is_file(), f"/{opgave.path} bestaat niet"
        assert page(opgave.path).find(id=anchor) is not None, f"/{opgave.path}#{anchor} bestaat niet"


def test_every_address_published_at_adoption_still_answers(adopted, built_site):
    # Renaming a slug keeps the old address as a forwarding page (tests/test_redirects.py).
    for opgave in adopted.opgaven:
        assert (built_site / opgave.path / "index.html").is_file(), f"/{opgave.path} werkt niet meer"


@pytest.mark.parametrize("anchor", ["opzet", "uitvoeringsaspecten", "cofinanciering", "tot-slot"])
def test_about_anchor_exists(anchor, page):
    assert page("over/").find(id=anchor) is not None
