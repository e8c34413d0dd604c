"""The pages' own Content-Security-Policy (macros/outputs/security_headers.py) in Chromium, with
the policy enforced: no bypass_csp anywhere. That every page runs under it, at 1280x800 and
375x812, is in test_every_page.py.

- A script the policy does not list is blocked, and Chromium names the same hash for it as
  macros/outputs/security_headers.py does.
- Under the policy, on representative pages: search finds an opgave by a word of its title
  (Material's search worker), the phone menu opens and a section in it opens, and a
  glossary abbreviation shows its meaning as a tooltip on hover (Material's content.tooltips).

Other browser tests run under the policy too: axe-core is loaded from the site's address
(conftest.py add_axe), since the policy blocks the inline script add_script_tag would add.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import expect

from macros.outputs.security_headers import script_hash
from tests.browser.conftest import VIEWPORTS, Tab, opened_tab, source_pages
from tests.browser.page_visits import PAGE_STATE, RECORD_VIOLATIONS
from tests.browser.search_box import open_search, search
from tests.browser.test_menu import OPENER, PANEL_TITLE, SECTIONS, TRANSITIONS_DONE


@dataclass
class Watched:
    """A tab whose pages report their policy violations and console errors."""

    tab: Tab
    console: list = field(default_factory=list)

    def visit(self, path: str) -> dict:
        self.console.clear()
        response = self.tab.visit(path, wait_until="networkidle")  # the search index and worker too
        assert response is not None and response.ok, f"/{path} answered {response and response.status}"
        return self.state()

    def state(self) -> dict:
        return self.tab.page.evaluate(PAGE_STATE)

    def problems(self) -> list[str]:
        """Violations, console errors and uncaught errors since the last visit."""
        state = self.state()
        problems = [f"violation: {v}" for v in state["violations"]]
        problems += [f"console: {m.text} ({m.location.get('url')})" for m in self.console]
        problems += [f"error: {e}" for e in self.tab.errors]
        return problems


@contextmanager
def watched_tab(browser, server: str, viewport_name: str) -> Iterator[Watched]:
    with opened_tab(browser, server, viewport_name) as tab:
        watched = Watched(tab)
        tab.page.context.add_init_script(RECORD_VIOLATIONS)
        tab.page.on("console", lambda message: message.type == "error" and watched.console.append(message))
        yield watched


@pytest.fixture(scope="module", params=list(VIEWPORTS), ids=list(VIEWPORTS))
def policy_tab(request, browser, server) -> Iterator[Watched]:
    with watched_tab(browser, server, request.param) as watched:
        yield watched


def _fail_on(problems: list[str], where: str) -> None:
    if problems:
        pytest.fail(f"{where}:\n" + "\n".join(f"  {p}" for p in problems), pytrace=False)


def test_a_script_the_policy_does_not_list_is_blocked(browser, server, built_site):
    injected = "window.__injected = true;"
    page_html = (built_site / "index.html").read_text(encoding="utf-8")
    assert injected not in page_html
    with watched_tab(browser, server, "desktop") as watched:
        watched.tab.page.route(f"{server}/", lambda route: route.fulfill(
            body=page_html.replace("</body>", f"<script>{injected}</script></body>"),
            content_type="text/html; charset=utf-8"))
        state = watched.visit("")
        assert watched.tab.page.evaluate("() => window.__injected") is None, "the injected script ran"
        assert state["inline"] and state["bundle"], "the page's own scripts did not run"
        assert len(state["violations"]) == 1 and state["violations"][0].startswith("script-src-elem blocked inline")
        # Chromium's message names the hash that would allow the script: ours for the same text.
        blocked = [m.text for m in watched.console if "Content Security Policy" in m.text]
        assert len(blocked) == 1 and script_hash(injected) in blocked[0], blocked


@pytest.mark.content  # the word comes from the real data
def test_search_finds_an_opgave_by_a_word_of_its_title(policy_tab: Watched, site):
    opgave = site.opgaven[0]
    word = max(opgave.title.split(), key=len).strip(",.:;()")
    page, origin = policy_tab.tab.page, policy_tab.tab.origin
    policy_tab.console.clear()
    open_search(page, origin)  # loads the home page and waits for the search worker
    hits = search(page, origin, word)
    assert opgave.path.lstrip("/") in [hit.path for hit in hits], (
        f"searching {word!r} did not find {opgave.path}: {[hit.path for hit in hits]}")
    _fail_on(policy_tab.problems(), f"search at {policy_tab.tab.viewport_name}")


def test_the_phone_menu_and_a_section_in_it_open(browser, server):
    with watched_tab(browser, server, "mobile") as watched:
        page = watched.tab.page
        watched.visit("")
        page.get_by_role("banner").get_by_role("button", name="Menu", exact=True).click()
        page.wait_for_function(TRANSITIONS_DONE, polling="raf")
        assert page.locator("#__drawer").is_checked(), "the menu button did not open the menu"
        section = next((chain[0] for chain in page.evaluate(SECTIONS)
                        if len(chain) == 1 and page.locator(OPENER.format(id=chain[0])).count()), None)
        assert section, "the menu has no section to open"
        page.locator(OPENER.format(id=section)).first.click()
        page.wait_for_function(TRANSITIONS_DONE, polling="raf")
        assert page.locator(f"#{section}").is_checked(), f"section {section} did not open"
        expect(page.locator(PANEL_TITLE.format(id=section)).first).to_be_in_viewport()
        _fail_on(watched.problems(), "the phone menu")


@pytest.fixture(scope="module")
def abbreviation_page(built_site) -> str:
    """The first page (URL path) with a glossary abbreviation in its text."""
    for path in source_pages():
        file = built_site / path / "index.html" if not path.endswith(".html") else built_site / path
        if "<abbr title=" in file.read_text(encoding="utf-8"):
            return path
    pytest.fail("no page has an abbreviation with a tooltip (data/begrippen.yaml)", pytrace=False)


@pytest.mark.content  # whether a page names an abbreviation depends on the real data
def test_an_abbreviation_shows_its_meaning_on_hover(policy_tab: Watched, abbreviation_page: str):
    page = policy_tab.tab.page
    policy_tab.visit(abbreviation_page)
    # A handle, not a locator: Material moves the title into the tooltip on hover.
    abbr = page.locator("article abbr[title]").first.element_handle()
    meaning = abbr.get_attribute("title")
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    page.wait_for_function("el => el.hasAttribute('aria-describedby')", arg=abbr)
    tooltip = page.locator("#" + abbr.get_attribute("aria-describedby"))
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(meaning)
    _fail_on(policy_tab.problems(), f"/{abbreviation_page} tooltip at {policy_tab.tab.viewport_name}")
