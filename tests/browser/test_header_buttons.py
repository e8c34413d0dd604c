"""On a phone the header's menu and search buttons work with the keyboard alone (WCAG 2.1.1),
and a link under the mouse keeps enough contrast (WCAG 1.4.3).

Material makes these two buttons <label>s of hidden checkboxes, which Tab skips;
overrides/assets/javascripts/accessibility.js puts real buttons in their place.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# Up to how many Tab presses from the top of the page the header buttons must be reached.
MAX_TABS = 10

# Contrast of the hovered element's text against the first opaque background behind it.
CONTRAST = """el => {
  const rgb = c => c.match(/[\\d.]+/g).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => {
    const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  let background = [255, 255, 255];
  for (let a = el; a; a = a.parentElement) {
    const c = rgb(getComputedStyle(a).backgroundColor);
    if (c.length < 4 || c[3] > 0) { background = c; break; }
  }
  const [l1, l2] = [luminance(rgb(getComputedStyle(el).color)), luminance(background)].sort((a, b) => b - a);
  return (l1 + 0.05) / (l2 + 0.05);
}"""


def tab_to(page, name: str):
    """Press Tab from the top of the page until the focused element is the header button `name`."""
    button = page.get_by_role("banner").get_by_role("button", name=name, exact=True)
    page.locator("body").focus()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            return button
    raise AssertionError(f"the header button {name!r} is not reached within {MAX_TABS} Tab presses")


def test_the_menu_button_is_reached_with_tab_and_opens_and_closes_the_menu(fresh_mobile_tab):
    page = fresh_mobile_tab.page
    fresh_mobile_tab.visit("")
    button = tab_to(page, "Menu")
    expect(button).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-nav--primary > .md-nav__title")).to_be_in_viewport()
    page.keyboard.press("Space")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(button).to_have_attribute("aria-expanded", "false")


def test_the_search_button_is_reached_with_tab_and_puts_the_cursor_in_the_search_field(fresh_mobile_tab):
    page = fresh_mobile_tab.page
    fresh_mobile_tab.visit("")
    tab_to(page, "Zoeken")
    page.keyboard.press("Enter")
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator("input.md-search__input")).to_be_focused()


def test_on_a_wide_screen_the_header_shows_neither_button(fresh_desktop_tab):
    """The menu is beside the page and the search field is in the header."""
    page = fresh_desktop_tab.page
    fresh_desktop_tab.visit("")
    for name in ("Menu", "Zoeken"):
        expect(page.get_by_role("banner").get_by_role("button", name=name, exact=True)).to_be_hidden()


@pytest.mark.parametrize("where", [
    "article a[href]:not(.headerlink)",  # in the text
    ".md-sidebar--primary a.md-nav__link:not(.md-nav__link--active)",  # in the menu beside the page
])
def test_a_link_under_the_mouse_keeps_enough_contrast(fresh_desktop_tab, where: str):
    page = fresh_desktop_tab.page
    fresh_desktop_tab.visit("partners/")  # a page with other pages of its section in the menu
    link = page.locator(where).filter(visible=True).filter(has_text=re.compile(r"\w")).first
    link.scroll_into_view_if_needed()
    link.hover()
    page.wait_for_timeout(300)  # Material fades the colour in (transition .25s)
    ratio = link.evaluate(CONTRAST)
    assert ratio >= 4.5, f"a hovered link ({where}) has contrast {ratio:.2f}:1; WCAG 1.4.3 asks 4.5:1"
