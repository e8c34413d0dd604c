"""From the home page every page of the main navigation is at most two visible clicks away,
at 1280x800 and at 375x812, and the page title is not lighter than the headings below it.

Clicks are counted breadth-first over what a reader can see and click: links and the
buttons that open the menu or one of its sections (`label[for]` of a checkbox, as Material
draws them). An element counts when it is displayed, inside the page's width (the closed
menu is parked left of the screen), and on top at its centre once scrolled into view (not
under another layer). Search is left out: it needs typing, not clicking.

The pages are those of `nav:` in mkdocs.yml: the budget, the indexes, the opgaven overview
and the other main pages (the opgave pages are reached from their cards).
"""

from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import MKDOCS_YML

MAX_CLICKS = 2

TRANSITIONS_DONE = "() => document.getAnimations().every(a => a.playState !== 'running')"

# What can be clicked now: [{kind: 'link', href, text} | {kind: 'toggle', id, index, text}]; a toggle's
# id is a CSS selector: the labels of a checkbox, or the header buttons that stand in for them
# (overrides/assets/javascripts/accessibility.js).
CLICKABLE = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  const candidates = [...document.querySelectorAll('a[href], label[for], button[data-ekd-toggle]')];
  for (const el of candidates) {
    let toggle = null;
    if (el.tagName !== 'A') {
      const id = el.tagName === 'LABEL' ? el.htmlFor : el.dataset.ekdToggle;
      const control = document.getElementById(id);
      if (!control || control.type !== 'checkbox' || id === '__search') continue;
      toggle = el.tagName === 'LABEL' ? `label[for="${id}"]` : `button[data-ekd-toggle="${id}"]`;
    }
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility !== 'visible') continue;
    el.scrollIntoView({block: 'center', inline: 'nearest'});
    const box = el.getClientRects()[0];  // the first line of a link that wraps
    if (!box || box.width < 1 || box.height < 1) continue;
    if (box.left < 0 || box.right > width + 1) continue;
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    if (!hit || !(hit === el || el.contains(hit))) continue;
    const named = el.querySelector('[aria-label]');
    const text = (el.textContent.trim() || (named && named.getAttribute('aria-label')) || '').replace(/\\s+/g, ' ');
    if (toggle) {
      const index = [...document.querySelectorAll(toggle)].indexOf(el);
      out.push({kind: 'toggle', id: toggle, index, text: text || toggle});
    } else {
      out.push({kind: 'link', href: el.href, text});
    }
  }
  return out;
}"""

# The computed colours of the h1 and the first h2, and the background behind them.
HEADING_COLOURS = """() => {
  const background = el => {
    for (let a = el; a; a = a.parentElement) {
      const colour = getComputedStyle(a).backgroundColor;
      if (!/rgba\\(.*, 0\\)$/.test(colour) && colour !== 'transparent') return colour;
    }
    return 'rgb(255, 255, 255)';
  };
  const h1 = document.querySelector('article h1'), h2 = document.querySelector('article h2');
  return {h1: getComputedStyle(h1).color, h2: getComputedStyle(h2).color, background: background(h1)};
}"""


def nav_pages() -> list[str]:
    """The URL paths of the pages in mkdocs.yml's nav, home left out: 'begroting/', 'opgaven/'."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    config = load_config(str(MKDOCS_YML))

    def files(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                yield from files(value)
            else:
                yield value

    paths = []
    for file in files(config.nav):
        path = file.removesuffix(".md").removesuffix("index").rstrip("/")
        paths.append(f"{path}/" if path else "")
    return [path for path in paths if path]


def page_path(href: str, base: str) -> str | None:
    """The site-relative path of a link to a page of the site at `base` (the tab's origin);
    None for files, other hosts and anything outside the site's folder."""
    if not href.startswith(base + "/"):
        return None
    path = urlsplit(href[len(base):]).path.lstrip("/").removesuffix("index.html")
    return path if path == "" or path.endswith("/") else None


def open_state(tab, path: str, toggles: tuple) -> None:
    """Load a page and click the menu buttons of a state, as a reader would."""
    tab.visit(path)
    page = tab.page
    for toggle_id, index, _ in toggles:
        page.locator(toggle_id).nth(index).click()
        page.wait_for_function(TRANSITIONS_DONE, polling="raf")


def clicks_from_home(tab, targets: set[str]) -> dict[str, list[str]]:
    """Per target page reached within MAX_CLICKS: what was clicked to get there, shortest first."""
    found: dict[str, list[str]] = {}
    start = ("", ())
    frontier, seen = [(start, [])], {start}
    for _ in range(MAX_CLICKS):
        following = []
        for (path, toggles), route in frontier:
            if targets <= set(found):
                return found
            open_state(tab, path, toggles)
            for item in tab.page.evaluate(CLICKABLE):
                step = route + [f"{item['text']!r}"]
                if item["kind"] == "link":
                    target = page_path(item["href"], tab.origin)
                    if target is None:
                        continue
                    if target in targets and target not in found:
                        found[target] = step
                    state = (target, ())
                else:
                    state = (path, toggles + ((item["id"], item["index"], item["text"]),))
                if state not in seen:
                    seen.add(state)
                    following.append((state, step))
        frontier = following
    return found


def in_built_navigation(site_dir) -> set[str]:
    """The pages the built navigation lists: the build leaves some out (Voortgang until there
    is progress to report)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    return {a["href"].removeprefix("./").split("#")[0] for a in soup.select("nav.md-nav--primary a[href]")}


def test_every_main_page_is_at_most_two_visible_clicks_from_home(fresh_tab, built_site):
    targets = set(nav_pages()) & in_built_navigation(built_site)
    assert {"begroting/", "partners/", "begrippen/"} <= targets, "mkdocs.yml nav is not read"
    found = clicks_from_home(fresh_tab, targets)
    missing = sorted(targets - set(found))
    assert not missing, (
        f"{fresh_tab.viewport_name}: meer dan {MAX_CLICKS} zichtbare klikken van de home page naar "
        f"{', '.join('/' + page for page in missing)}; wel bereikt: "
        + "; ".join(f"/{page} via {' > '.join(route)}" for page, route in sorted(found.items()))
    )


def _channel(value: float) -> float:
    value /= 255
    return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4


def _rgba(colour: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in colour[colour.index("(") + 1:-1].split(",")]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)


def contrast(colour: str, background: str) -> float:
    """WCAG contrast of a (possibly translucent) text colour on an opaque background."""
    r, g, b, alpha = _rgba(colour)
    behind = _rgba(background)
    shown = [alpha * c + (1 - alpha) * bc for c, bc in zip((r, g, b), behind[:3])]
    lighter, darker = sorted((0.2126 * _channel(shown[0]) + 0.7152 * _channel(shown[1])
                              + 0.0722 * _channel(shown[2]),
                              0.2126 * _channel(behind[0]) + 0.7152 * _channel(behind[1])
                              + 0.0722 * _channel(behind[2])), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_formula():
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgba(0, 0, 0, 0.54)", "rgb(255, 255, 255)") == pytest.approx(4.6, abs=0.1)


def test_the_page_title_is_not_lighter_than_the_headings_below_it(viewport_tab):
    viewport_tab.visit("")
    colours = viewport_tab.page.evaluate(HEADING_COLOURS)
    h1, h2 = contrast(colours["h1"], colours["background"]), contrast(colours["h2"], colours["background"])
    assert h1 >= 4.5, f"h1 {colours['h1']}: contrast {h1:.2f}:1, minder dan 4,5:1"
    assert h1 >= h2, f"h1 {colours['h1']} ({h1:.2f}:1) is lichter dan h2 {colours['h2']} ({h2:.2f}:1)"
