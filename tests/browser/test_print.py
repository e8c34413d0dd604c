"""An opgave page and the budget page print cleanly: content only, tables whole, links readable."""

import pytest

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
    after = print_page.evaluate(
        """() => { const a = [...document.querySelectorAll('article a[href^="http"]')][0];
                   return getComputedStyle(a, '::after').content; }"""
    )
    assert "provincie.drenthe.nl" in after
