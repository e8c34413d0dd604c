"""The phone menu and the header bar, in headless Chromium at 375x812:

- with the menu (navigation drawer) open, and with each section of it opened in turn, axe-core
  (WCAG 2.0/2.1 A and AA rules) finds no violations (Material's section titles were 4.41:1);
- the header's navigation landmark has a Dutch name (Material says "Header");
- the menu and search buttons in the header, icons only, are named "Menu" and "Zoeken".

The fixes are in overrides/partials/header.html and content/assets/css/accessibility.css.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import add_axe, keyboard_pages, page_id
from tests.browser.page_visits import AXE_TAGS, RUN_AXE, format_violations

# Material slides the drawer and its panels in with CSS transitions; axe must see them at rest.
TRANSITIONS_DONE = "() => document.getAnimations().every(a => a.playState !== 'running')"

# Every collapsible section of the drawer: its checkbox, and the checkboxes of the sections
# around it (outermost first), which must be open before its own opener can be clicked.
SECTIONS = """() => [...document.querySelectorAll('.md-nav--primary input.md-nav__toggle')]
  .map(toggle => {
    const chain = [];
    for (let li = toggle.closest('li.md-nav__item'); li; li = li.parentElement.closest('li.md-nav__item')) {
      const own = li.querySelector(':scope > input.md-nav__toggle');
      if (own) chain.unshift(own.id);
    }
    return chain;
  })"""

OPEN_SECTIONS = """() => [...document.querySelectorAll('.md-nav--primary input.md-nav__toggle:checked')]
  .map(toggle => toggle.id)"""

OPENER = '.md-nav--primary label.md-nav__link[for="{id}"]'
PANEL_TITLE = '.md-nav--primary label.md-nav__title[for="{id}"]'


def _settle(page, viewport: dict) -> None:
    page.wait_for_function(TRANSITIONS_DONE, polling="raf")
    # Rest the pointer on the dimmed page beside the drawer, so that no item is measured in its
    # hover state (tests/browser/test_header_buttons.py checks the hover colour).
    page.mouse.move(viewport["width"] - 1, viewport["height"] - 1)


def _open_menu(tab) -> None:
    page = tab.page
    page.get_by_role("banner").get_by_role("button", name="Menu", exact=True).click()
    _settle(page, tab.viewport)
    assert page.locator("#__drawer").is_checked(), "the menu button did not open the menu"
    expect(page.locator(".md-nav--primary > .md-nav__title")).to_be_in_viewport()


def _axe(tab) -> list[dict]:
    if not tab.page.evaluate("() => typeof axe !== 'undefined'"):
        add_axe(tab)
    return tab.page.evaluate(RUN_AXE, AXE_TAGS)


def _section_name(page, toggle_id: str) -> str:
    return " ".join(page.locator(PANEL_TITLE.format(id=toggle_id)).first.inner_text().split())


@pytest.mark.parametrize("path", keyboard_pages(), ids=page_id)
def test_open_menu_and_each_section_pass_axe(path: str, fresh_mobile_tab, axe_source: str):
    tab, page = fresh_mobile_tab, fresh_mobile_tab.page
    tab.visit(path)
    problems: list[str] = []

    _open_menu(tab)
    violations = _axe(tab)
    if violations:
        problems.append("menu open:\n" + format_violations(violations))

    chains = [c for c in page.evaluate(SECTIONS)
              if page.locator(OPENER.format(id=c[-1])).count()]  # no opener: nothing to open
    assert chains, f"/{path}: the menu has no section that can be opened, so nothing was tested"

    for chain in chains:
        tab.visit(path)  # every section starts from a freshly opened menu
        _open_menu(tab)
        # The current page's section is open already and covers the others: go back first
        # (its title bar is the back button), innermost first, as a visitor would.
        for toggle_id in reversed(page.evaluate(OPEN_SECTIONS)):
            if toggle_id not in chain:
                page.locator(PANEL_TITLE.format(id=toggle_id)).first.click()
                _settle(page, tab.viewport)
        for toggle_id in chain:
            if not page.locator(f"#{toggle_id}").is_checked():
                page.locator(OPENER.format(id=toggle_id)).first.click()
                _settle(page, tab.viewport)
        section = chain[-1]
        assert page.locator(f"#{section}").is_checked(), f"/{path}: section {section} did not open"
        expect(page.locator(PANEL_TITLE.format(id=section)).first).to_be_in_viewport()
        violations = _axe(tab)
        if violations:
            problems.append(f"section {_section_name(page, section)!r} ({section}) open:\n"
                            + format_violations(violations))

    if problems:
        pytest.fail(f"/{path} at 375x812, in the menu:\n" + "\n".join(problems), pytrace=False)


def test_header_landmark_has_a_dutch_name(fresh_mobile_tab):
    page = fresh_mobile_tab.page
    fresh_mobile_tab.visit("")
    nav = page.locator("header.md-header nav.md-header__inner")
    label = nav.get_attribute("aria-label")
    assert label and label.strip().lower() != "header", (
        f"the header's navigation landmark is named {label!r}; it needs a Dutch name"
    )
    expect(page.get_by_role("banner").get_by_role("navigation", name="Bovenbalk", exact=True)).to_have_count(1)


@pytest.mark.parametrize(("toggle", "name"), [("__drawer", "Menu"), ("__search", "Zoeken")])
def test_header_icon_buttons_have_a_name(fresh_mobile_tab, toggle: str, name: str):
    """Each header button shows only an icon: the button is named by it, once, and says what it opens."""
    page = fresh_mobile_tab.page
    fresh_mobile_tab.visit("")
    button = page.get_by_role("banner").get_by_role("button", name=name, exact=True)
    expect(button).to_have_count(1)
    expect(button).to_be_visible()
    expect(button).to_have_attribute("aria-controls", toggle)
