"""An opgave page and the budget page print cleanly: content only, tables whole, links readable."""

import pytest

from tests.project import SITE_URL

# The first opgave's page (its slug comes from the data), the budget and a hand-written page.
PRINTED_PAGES = ["eerste-opgave", "begroting/", "toegankelijkheid/"]


@pytest.fixture
def url_of(site):
    return lambda name: site.opgaven[0].path if name == "eerste-opgave" else name


@pytest.fixture
def print_page(browser, server):
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    yield page
    page.close()


@pytest.mark.parametrize("name", PRINTED_PAGES)
def test_printout_has_no_navigation_or_search(print_page, server, url_of, name):
    path = url_of(name)
    print_page.goto(f"{server}/{path}")
    hidden = print_page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer', '.md-search']
              .map(s => document.querySelector(s))
              .filter(e => e && getComputedStyle(e).display !== 'none')
              .map(e => e.className)"""
    )
    assert hidden == [], f"zichtbaar in de afdruk van /{path}: {hidden}"


@pytest.mark.parametrize("name", PRINTED_PAGES)
def test_printed_tables_are_not_cut(print_page, server, url_of, name):
    path = url_of(name)
    print_page.goto(f"{server}/{path}")
    cut = print_page.evaluate(
        """() => [...document.querySelectorAll('article table')]
              .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
              .map(t => (t.caption && t.caption.textContent) || t.outerHTML.slice(0, 60))"""
    )
    assert cut == [], f"afgesneden tabellen op /{path}: {cut}"
    assert print_page.evaluate("document.scrollingElement.scrollWidth <= document.scrollingElement.clientWidth")


def test_printed_external_links_show_their_target(print_page, server):
    print_page.goto(f"{server}/toegankelijkheid/")
    # The first link to another host (the statement also links to the site's own address).
    after = print_page.evaluate(
        """own => { const a = [...document.querySelectorAll('article a[href^="http"]')]
                                 .filter(a => !a.href.startsWith(own))[0];
                     return getComputedStyle(a, '::after').content; }""", SITE_URL
    )
    assert "provincie.drenthe.nl" in after


def test_a_printed_opgave_names_the_programme_and_its_address(print_page, server, site):
    path = site.opgaven[0].path
    print_page.goto(f"{server}/{path}")
    line = print_page.locator("article .ekd-afdrukkop")
    assert line.is_visible(), f"de afdruk van /{path} noemt het programma en het adres niet"
    text = " ".join(line.inner_text().split())
    assert text.startswith(f"{' '.join(site.programme.title.split())} · "), text
    assert text.endswith(f"/{path}"), text  # the public address, or the path when no SITE_URL is set
    print_page.emulate_media(media="screen")
    assert not line.is_visible(), "de regel voor de afdruk staat ook op het scherm"


def _squeeze(text: str) -> str:
    return "".join(text.split())


def test_the_printed_budget_has_each_total_once_and_no_column_documentation(print_page, server, tmp_path):
    from pypdf import PdfReader

    print_page.goto(f"{server}/begroting/")
    on_screen = _squeeze(print_page.locator("article").inner_text())
    totals = [_squeeze(t) for t in print_page.locator("article tfoot tr").all_inner_texts()]
    columns = [c for c in print_page.locator("article .ekd-kolommen dt").all_inner_texts() if "_" in c]
    assert totals and columns  # else this test checks nothing
    pdf = tmp_path / "begroting.pdf"
    print_page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    assert len(reader.pages) > 1  # a page break inside a table is what repeats a footer
    printed = _squeeze(" ".join(p.extract_text() for p in reader.pages))
    for total in set(totals):
        assert printed.count(total) == on_screen.count(total), (
            f"het totaal {total!r} staat {printed.count(total)} keer in de afdruk, "
            f"{on_screen.count(total)} keer op de pagina"
        )
    assert [c for c in columns if c in printed] == [], "de afdruk toont de kolommen van de open data"
