"""Sharing a section, at 1280x800 and 375x812: after every section heading of the content there
is a visible "Kopieer link" button that Tab reaches; Enter copies the address of that section,
the button says "Link gekopieerd" and a live region tells a screen reader the same. The feed
page's "Kopieer adres" buttons copy the whole feed address. All under the page's policy (the
script is a file of the site: overrides/assets/javascripts/copy_link.js)."""

from __future__ import annotations

import pytest

from macros.view.urls import CHANGES_FEED_PATH as FEED_PATH, FOLLOW_PATH
from tests.browser.conftest import source_pages
from tests.project import SITE_URL

OPGAVE_PAGE = next(path for path in source_pages() if path.startswith("opgaven/") and path != "opgaven/")

SECTIONS = r"""() => [...document.querySelectorAll(".md-content article h2[id]")].map(h => {
  const button = h.nextElementSibling;
  const box = button && button.getBoundingClientRect();
  return {id: h.id, button: button && button.matches("button.ekd-kopieer") ? button.querySelector(".ekd-kopieer__tekst").innerText.trim() : null,
          name: button && button.textContent.replace(/\s+/g, " ").trim(), heading: h.textContent.replace("¶", "").trim(),
          visible: !!box && box.width >= 24 && box.height >= 24 && getComputedStyle(button).visibility === "visible"};
})"""


def clipboard(page) -> str:
    return page.evaluate("() => navigator.clipboard.readText()")


@pytest.fixture
def tab(viewport_tab):
    viewport_tab.page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=viewport_tab.origin)
    return viewport_tab


def test_every_section_heading_has_a_visible_copy_link_button(tab):
    tab.visit(OPGAVE_PAGE)
    sections = tab.page.evaluate(SECTIONS)
    assert len(sections) >= 7  # the seven sections of an opgave, and more
    assert all(section["button"] == "Kopieer link" and section["visible"] for section in sections), sections
    # Its name starts with what it shows (WCAG 2.5.3) and says which section it is.
    assert all(section["name"] == f"Kopieer link naar {section['heading']}" for section in sections), sections


def test_the_keyboard_copies_a_sections_address_and_it_is_announced(tab):
    tab.visit(OPGAVE_PAGE)
    page = tab.page
    first = page.evaluate(SECTIONS)[0]["id"]
    button = page.locator(f"h2#{first} + button.ekd-kopieer")
    # Tab reaches it: from the element just before it, one Tab.
    button.evaluate("b => { const all = [...document.querySelectorAll('a[href], button, [tabindex]')]"
                    ".filter(e => e.tabIndex >= 0 && e.offsetParent); all[all.indexOf(b) - 1].focus(); }")
    page.keyboard.press("Tab")
    assert button.evaluate("b => b === document.activeElement")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#ekd-kopieer-melding').textContent !== ''")
    assert clipboard(page) == f"{tab.origin}/{OPGAVE_PAGE}#{first}"
    assert button.locator(".ekd-kopieer__tekst").inner_text() == "Link gekopieerd"
    status = page.locator("#ekd-kopieer-melding")
    assert status.get_attribute("role") == "status"
    assert status.inner_text().startswith("Link gekopieerd: ")


def test_the_feed_page_copies_the_whole_feed_address(tab):
    tab.visit(FOLLOW_PATH)
    page = tab.page
    buttons = page.locator("button[data-ekd-kopieer]")
    assert buttons.count() >= 2  # every change, and each opgave
    assert buttons.first.is_visible()
    buttons.first.click()
    page.wait_for_function("() => document.querySelector('#ekd-kopieer-melding').textContent !== ''")
    assert clipboard(page) == SITE_URL + FEED_PATH
    assert buttons.first.locator(".ekd-kopieer__tekst").inner_text() == "Link gekopieerd"
