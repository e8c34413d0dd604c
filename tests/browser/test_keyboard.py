"""The site works with a keyboard alone, at 1280x800 and 375x812, on the home page and a deep page:

- the first Tab reaches a Dutch skip link that becomes visible and jumps past the navigation
  to the page's main heading;
- every element that Tab reaches shows a focus indicator and is on screen, not hidden or covered;
- search can be reached with Tab (and opened with "/"), typed into, and shows results.
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import add_style

# Up to how many Tab presses one walk through a page may take (the walk stops when focus wraps).
MAX_TAB_STOPS = 400

ACTIVE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const name = e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
    [...e.classList].filter(c => c !== "focus-visible").map(c => "." + c).join("");
  return {name, text: (e.innerText || e.value || e.getAttribute("aria-label") || "").trim().slice(0, 50),
          href: e.getAttribute("href")};
}"""

# Is the focused element on screen, painted, not covered, and drawn with a focus indicator?
FOCUS_CHECK = """() => {
  const e = document.activeElement;
  const problems = [];
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = s.boxShadow && s.boxShadow !== "none";
  if (!outline && !shadow) problems.push("no focus indicator (outline none, box-shadow none)");
  const r = e.getClientRects()[0] || e.getBoundingClientRect();
  if (!r || r.width === 0 || r.height === 0) {
    problems.push("has no size");
    return problems;
  }
  if (r.right <= 0 || r.bottom <= 0 || r.left >= innerWidth || r.top >= innerHeight)
    problems.push(`off screen at x=${Math.round(r.left)} y=${Math.round(r.top)}`);
  for (let a = e; a; a = a.parentElement) {
    const as = getComputedStyle(a);
    if (parseFloat(as.opacity) < 0.1) { problems.push("transparent (opacity 0)"); break; }
    if (as.visibility === "hidden") { problems.push("visibility: hidden"); break; }
  }
  if (!problems.length) {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (hit && !(hit === e || e.contains(hit) || hit.contains(e))) {
      problems.push("covered by " + hit.tagName.toLowerCase() +
        [...hit.classList].map(c => "." + c).join(""));
    }
  }
  return problems;
}"""

# Transitions are switched off for the focus walk: it checks where things end up, not how they
# animate, and waiting 250 ms per Tab stop would make the walk slow.
NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def describe(active: dict | None) -> str:
    if active is None:
        return "nothing (body)"
    text = f" {json.dumps(active['text'], ensure_ascii=False)}" if active["text"] else ""
    href = f" href={active['href']}" if active["href"] else ""
    return f"{active['name']}{text}{href}"


def test_first_tab_is_a_visible_skip_link_to_the_content(fresh_tab, keyboard_path):
    tab, path = fresh_tab, keyboard_path
    tab.visit(path)
    page = tab.page

    page.keyboard.press("Tab")
    active = page.evaluate(ACTIVE)
    assert active and active["name"].startswith("a.md-skip"), (
        f"/{path} at {tab.viewport_name}: the first Tab focused {describe(active)}, "
        "not the skip link (a.md-skip)"
    )
    assert "inhoud" in active["text"].lower(), (
        f"the skip link is not in Dutch: {active['text']!r} (expected e.g. 'Ga naar inhoud')"
    )

    # Material slides the link in when it gets focus (a 250 ms transition): wait for it.
    try:
        page.wait_for_function(
            """() => {
              const e = document.activeElement, r = e.getBoundingClientRect();
              if (r.width === 0 || r.left < 0 || r.top < 0 || r.right > innerWidth) return false;
              if (parseFloat(getComputedStyle(e).opacity) < 1) return false;
              const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
              return hit === e || e.contains(hit);
            }""",
            timeout=2000,
        )
    except Exception:  # playwright TimeoutError
        pytest.fail(f"/{path} at {tab.viewport_name}: the focused skip link does not become "
                    "visible on screen", pytrace=False)

    target = page.evaluate(
        """href => {
          const t = href && href.startsWith("#") && document.getElementById(decodeURIComponent(href.slice(1)));
          return t ? {inContent: !!t.closest("main .md-content"), tag: t.tagName} : null;
        }""",
        active["href"],
    )
    assert target, f"the skip link's target {active['href']!r} does not exist on /{path}"
    assert target["inContent"], (
        f"the skip link's target {active['href']!r} ({target['tag']}) is not in the main content"
    )
    assert target["tag"] in ("H1", "ARTICLE"), (  # the page's main heading (or the article it opens)
        f"the skip link's target {active['href']!r} is a {target['tag']}, not the page's h1"
    )

    # Following the link must move the keyboard past header and navigation into the content.
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    in_content = page.evaluate(
        "() => !!(document.activeElement && document.activeElement.closest('main .md-content'))"
    )
    assert in_content, (
        f"/{path} at {tab.viewport_name}: after Enter on the skip link, Tab focused "
        f"{describe(page.evaluate(ACTIVE))}, which is not in the main content"
    )


def test_every_tab_stop_is_visible_with_a_focus_indicator(fresh_tab, keyboard_path):
    tab, path = fresh_tab, keyboard_path
    tab.visit(path)
    page = tab.page
    add_style(page, NO_TRANSITIONS)

    seen: list[str] = []
    problems: list[str] = []
    first = None
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active is None:
            if seen:
                break  # focus left the page after the last element
            continue
        key = json.dumps(active, sort_keys=True)
        if key == first:
            break  # wrapped round to the first element
        first = first or key
        seen.append(describe(active))
        found = page.evaluate(FOCUS_CHECK)
        if found:
            # Some controls are shown by Material's JavaScript in reaction to focus (the search
            # field on a phone opens the search overlay): give it a moment, then look again.
            page.wait_for_timeout(300)
            found = page.evaluate(FOCUS_CHECK)
        for problem in found:
            problems.append(f"  stop {len(seen)}: {describe(active)}: {problem}")
    else:
        pytest.fail(f"/{path}: more than {MAX_TAB_STOPS} Tab stops; raise MAX_TAB_STOPS",
                    pytrace=False)

    assert len(seen) >= 3, f"/{path}: Tab reached only {seen}"
    if problems:
        pytest.fail(
            f"/{path} at {tab.viewport_name} {json.dumps(tab.viewport)}: "
            f"{len(problems)} of {len(seen)} Tab stops are not visibly focused:\n"
            + "\n".join(problems),
            pytrace=False,
        )
    assert not tab.errors, f"JavaScript errors: {tab.errors}"


@pytest.fixture(scope="module")
def search_word(site, built_site) -> str:
    """A word from the data that search must find: the longest word of the first opgave's title."""
    word = max(re.findall(r"\w+", site.opgaven[0].title), key=len)
    index = (built_site / "search" / "woorden.json").read_text(encoding="utf-8").lower()
    assert word.lower() in index, f"{word!r}, from the title of the first opgave, is not in the search index"
    return word


def _search_by_keyboard(tab, open_search, word: str) -> None:
    """Open search with open_search(page), type `word`, see results, Enter opens one."""
    page = tab.page
    home = page.url
    open_search(page)
    active = page.evaluate(ACTIVE)
    assert active and active["name"].startswith("input.md-search__input"), (
        f"at {tab.viewport_name}: search field not focused; focus is on {describe(active)}"
    )
    page.keyboard.type(word, delay=20)
    results = page.locator(".md-search-result__item")
    try:
        results.first.wait_for(state="visible", timeout=10_000)
    except Exception:  # playwright TimeoutError
        meta = page.locator(".md-search-result__meta").inner_text()
        pytest.fail(
            f"at {tab.viewport_name}: no search results for {word!r} (search says: {meta!r})",
            pytrace=False,
        )
    assert results.count() > 0

    # Enter in the field opens the best result (Material), so results are usable without a mouse.
    page.keyboard.press("Enter")
    try:
        page.wait_for_url(lambda url: url != home, timeout=5000)
    except Exception:  # playwright TimeoutError
        pytest.fail(f"at {tab.viewport_name}: Enter in the search field did not open a result",
                    pytrace=False)


def test_search_reached_with_tab_shows_results(fresh_tab, search_word):
    tab = fresh_tab
    tab.visit("")

    def tab_to_search(page):
        for _ in range(10):
            page.keyboard.press("Tab")
            active = page.evaluate(ACTIVE)
            if active and active["name"].startswith("input.md-search__input"):
                return
        pytest.fail(f"at {tab.viewport_name}: 10 Tabs did not reach the search field",
                    pytrace=False)

    _search_by_keyboard(tab, tab_to_search, search_word)


def test_search_opens_with_slash_key(fresh_desktop_tab, search_word):
    tab = fresh_desktop_tab
    tab.visit("")
    _search_by_keyboard(tab, lambda page: page.keyboard.press("/"), search_word)
