"""Abbreviations are explained for keyboard and touch users too: the first use of each
abbreviation on a page can be focused (Material shows its tooltip on focus, and a tap focuses),
except inside a link or another control, where HTML allows nothing focusable."""

import pytest

from macros.render.abbreviations import focusable_first_abbreviations


def test_the_first_use_of_each_abbreviation_is_focusable():
    html = ('<p><abbr title="midden- en kleinbedrijf">mkb</abbr> en <abbr title="Noordelijke">NOM</abbr>, '
            'weer <abbr title="midden- en kleinbedrijf">mkb</abbr>.</p>')
    assert focusable_first_abbreviations(html) == (
        '<p><abbr title="midden- en kleinbedrijf" tabindex="0">mkb</abbr> en '
        '<abbr title="Noordelijke" tabindex="0">NOM</abbr>, weer <abbr title="midden- en kleinbedrijf">mkb</abbr>.</p>')


def test_an_abbreviation_in_a_link_is_not_focusable_and_a_later_use_is():
    html = ('<a href="x/">de <abbr title="Noordelijke">NOM</abbr></a> <button>'
            '<abbr title="Noordelijke">NOM</abbr></button> en <abbr title="Noordelijke">NOM</abbr>')
    assert focusable_first_abbreviations(html) == (
        '<a href="x/">de <abbr title="Noordelijke">NOM</abbr></a> <button><abbr title="Noordelijke">NOM</abbr>'
        '</button> en <abbr title="Noordelijke" tabindex="0">NOM</abbr>')


@pytest.mark.content
def test_every_page_explains_each_abbreviation_once_for_the_keyboard(built_site, page):
    for path in sorted(built_site.rglob("*.html")):
        url = path.relative_to(built_site).as_posix().removesuffix("index.html")
        article = page(url).select_one("article")
        if article is None:
            continue
        terms = {abbr.get_text() for abbr in article.find_all("abbr") if not abbr.find_parent(["a", "button", "label", "summary"])}
        focusable = [abbr.get_text() for abbr in article.find_all("abbr", tabindex="0")]
        assert sorted(focusable) == sorted(terms), url
        assert not any(abbr.find_parent("a") for abbr in article.find_all("abbr", tabindex=True)), url
