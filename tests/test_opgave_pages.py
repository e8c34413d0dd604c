"""Every opgave is published in full: one page each, seven linkable sections.

Content tests: each checks the real data (PROJECT) against the page built from it.
"""

import copy

import pytest

from macros.data.sections import SECTIONS
from macros.view.site import load_site_cached
from tests.browser.conftest import built_pages
from tests.project import PROJECT
from tests.text import section_text, squash, visible_text

pytestmark = pytest.mark.content

OPGAVEN = load_site_cached(PROJECT / "data").opgaven  # at collection time: the tests are made per opgave


def items_of(opgave, section) -> list[str]:
    value = opgave.section(section)
    if section.key == "activiteiten":
        return [text for group in value
                for text in ([group.heading] if group.heading else []) + [item.text for item in group.items]]
    if section.key == "resultaten":
        return [item.text for item in value]
    return [getattr(item, "text", item) for item in value]  # partners, context, ...: items that link to an index


@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_every_item_appears_on_the_page_under_its_heading(opgave, page):
    soup = page(opgave.path)
    for section in SECTIONS:
        shown = section_text(soup, section.anchor)
        items = items_of(opgave, section)
        assert items, f"{opgave.path}#{section.anchor}: geen regels om te zoeken"
        for item in items:
            assert squash(item) in shown, f"{opgave.path}#{section.anchor} mist: {item!r}"


@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_sections_are_h2_in_programme_order(opgave, page):
    ids = [h2.get("id") for h2 in page(opgave.path).select("article h2")]
    anchors = [section.anchor for section in SECTIONS]
    assert [i for i in ids if i in anchors] == anchors


@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_page_title_names_the_opgave(opgave, page):
    soup = page(opgave.path)
    h1 = soup.select("article h1")
    assert len(h1) == 1
    assert squash(h1[0].get_text(" ")) == f"Opgave {opgave.number} {opgave.title}"
    assert opgave.title in soup.title.get_text()


def test_previous_and_next_follow_the_programme_order(page):
    for index, opgave in enumerate(OPGAVEN):
        nav = page(opgave.path).select_one("nav.ekd-buren")
        previous = nav.select_one("a[rel=prev]")
        following = nav.select_one("a[rel=next]")
        if index == 0:
            assert previous is None
        else:
            assert previous["href"] == f"../../{OPGAVEN[index - 1].path}"
        if index == len(OPGAVEN) - 1:
            assert following is None
        else:
            assert following["href"] == f"../../{OPGAVEN[index + 1].path}"


def test_home_has_a_card_for_every_opgave_in_order(page):
    cards = page("").select(".ekd-kaarten li")
    assert [squash(card.select_one("h3").get_text()) for card in cards] == [o.title for o in OPGAVEN]
    assert [card.select_one("h3 a")["href"] for card in cards] == [o.path for o in OPGAVEN]


def test_navigation_lists_every_opgave_in_order(page):
    nav_links = [a["href"] for a in page("").select("nav.md-nav--primary a.md-nav__link[href]")]
    opgave_links = [link for link in nav_links if link.startswith("opgaven/") and link != "opgaven/"]
    assert opgave_links == [o.path for o in OPGAVEN]


def test_about_page_has_the_programme_texts(site, page):
    soup = page("over/")
    text = squash(visible_text(soup))
    programme = site.programme
    for passage in (programme.introduction, programme.cofinancing, programme.closing):
        assert passage.heading in text
        for paragraph in passage.paragraphs:
            assert squash(paragraph) in text
    for section in SECTIONS:
        assert squash(programme.aspects.of(section)) in text


def test_section_explanations_are_on_the_site_once(site, built_site, page):
    """The programme's explanation of each section is shown word for word on one page of the
    site ("Over dit programma", test above), not again before the section on every opgave page."""
    texts = {path: shown_text(page(path)) for path in built_pages(built_site)}
    opgave_paths = {opgave.path for opgave in site.opgaven}
    for section in SECTIONS:
        explanation = squash(site.programme.aspects.of(section))
        places = {path: text.count(explanation) for path, text in texts.items() if explanation in text}
        assert not opgave_paths & set(places), (
            f"de uitleg bij '{section.heading}' staat op opgavepagina's: {sorted(opgave_paths & set(places))}")
        assert sum(places.values()) == 1, (
            f"de uitleg bij '{section.heading}' staat niet precies één keer op de site: {places}")


def shown_text(soup) -> str:
    """The text a reader sees in the body of a page (scripts and styles left out)."""
    body = copy.copy(soup.body)  # the parsed page is shared with other tests: change a copy
    for hidden in body(["script", "style", "template", "noscript"]):
        hidden.decompose()
    return squash(visible_text(body))
