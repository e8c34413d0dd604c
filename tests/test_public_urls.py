"""The URLs and anchors communications staff link to exist and never change."""

import pytest

PUBLIC_URLS = [
    "",
    "opgaven/",
    "opgaven/vestigingsklimaat/",
    "opgaven/arbeidsmarkt/",
    "opgaven/ondernemerschap/",
    "opgaven/transities/",
    "opgaven/economische-kracht/",
    "over/",
]

SECTION_ANCHORS = [
    "nut-en-noodzaak",
    "context",
    "gerelateerde-projecten-en-programmas",
    "activiteiten",
    "resultaten",
    "partners",
    "doelgroep",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_url_exists(url, built_site):
    assert (built_site / url / "index.html").is_file(), f"/{url} bestaat niet"


@pytest.mark.parametrize("url", [u for u in PUBLIC_URLS if u.startswith("opgaven/") and u != "opgaven/"])
@pytest.mark.parametrize("anchor", SECTION_ANCHORS)
def test_section_anchor_exists(url, anchor, page):
    assert page(url).find(id=anchor) is not None, f"/{url}#{anchor} bestaat niet"


@pytest.mark.parametrize("anchor", ["opzet", "uitvoeringsaspecten", "cofinanciering", "tot-slot"])
def test_about_anchor_exists(anchor, page):
    assert page("over/").find(id=anchor) is not None
