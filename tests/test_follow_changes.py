"""Following changes: the visible "Volg de wijzigingen" link opens an HTML page in plain Dutch
(/wijzigingen/volgen/), not raw XML; that page lists the whole address of every feed to copy
(all changes, and each opgave's), and every feed stays discoverable through
<link rel="alternate" type="application/atom+xml">."""

import pytest

from macros.changes.html import UNAVAILABLE
from macros.view.urls import CHANGES_FEED_PATH as FEED_PATH, FOLLOW_PATH, opgave_feed_path
from tests.project import SITE_URL
from tests.text import squash


def follow_links(soup) -> list:
    return [link for link in soup.select("article a[href]") if squash(link.get_text()).startswith("Volg de wijzigingen")]


@pytest.mark.content
def test_the_visible_link_goes_to_the_html_page_not_to_a_feed(page, built_site):
    soup = page("wijzigingen/")
    links = follow_links(soup)
    if UNAVAILABLE not in squash(soup.select_one("article").get_text(" ")):  # a copy without git history shows none
        assert links, "geen link 'Volg de wijzigingen' op /wijzigingen/"
    for link in links:
        assert not link["href"].endswith(".xml") and link.get("type") is None, link
        assert (built_site / "wijzigingen" / link["href"].split("#")[0] / "index.html").resolve().is_file()


@pytest.mark.content
def test_the_page_lists_every_feed_address_to_copy(page, site, built_site):
    soup = page(FOLLOW_PATH)
    addresses = [squash(code.get_text()) for code in soup.select(".ekd-feeds code")]
    expected = [SITE_URL + FEED_PATH] + [SITE_URL + opgave_feed_path(entry.id) for entry in site.opgaven]
    assert addresses == expected
    for address in addresses:
        assert (built_site / address.removeprefix(SITE_URL)).is_file(), address
    buttons = soup.select("button[data-ekd-kopieer]")
    assert [button["data-ekd-kopieer"] for button in buttons] == expected
    assert all(button.has_attr("hidden") for button in buttons)  # shown by its script only
    for entry in site.opgaven:  # an opgave's own changes link to its feed on this page
        assert soup.find(id=f"feed-{entry.id}") is not None


@pytest.mark.content
def test_the_page_explains_feeds_and_keeps_them_discoverable(page, built_site):
    soup = page(FOLLOW_PATH)
    assert soup.find("h1").get_text(strip=True).rstrip("¶") == "Wijzigingen volgen"
    text = squash(soup.select_one("article").get_text(" "))
    assert "Wat is een feed?" in text and "feedlezer" in text and "Kopieer het adres" in text
    for path in ("", "wijzigingen/", FOLLOW_PATH):
        link = page(path).find("link", rel="alternate", type="application/atom+xml")
        assert link is not None, path
        assert (built_site / path / link["href"]).resolve() == (built_site / FEED_PATH).resolve(), path
