"""An opgave page leads with the opgave, on a phone (375x812) in headless Chromium:

- the first paragraph of "Nut & noodzaak" starts on the first screen (its first line is in view
  before any scrolling), not below the title, a list of links and explanations;
- the opgave's budget in the opgave year (its subtotal, or "geen budget") is shown within the
  first two screens, not only in the table at the end of the page.

Every opgave page of the build is tested; the expected texts come from the data.
"""

from __future__ import annotations

import re

import pytest

from macros.data.sections import SECTIONS
from macros.formatting import euro
from tests.browser.conftest import VIEWPORTS, page_id, source_pages
from tests.text import squash

pytestmark = pytest.mark.content

PHONE = VIEWPORTS["mobile"]
SCREEN = PHONE["height"]


def opgave_pages() -> list[str]:
    """The opgave pages MkDocs builds ('opgaven/<slug>/'), known before the build."""
    return [path for path in source_pages() if re.fullmatch(r"opgaven/[^/]+/", path)]


# Where the first paragraph of the section starts and how high its lines are, at the top of the page.
FIRST_PARAGRAPH = """(anchor) => {
  const heading = document.querySelector(`article h2[id="${anchor}"]`);
  if (!heading) return null;
  for (let el = heading.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) {
    const p = el.matches('p') ? el : el.querySelector('p');
    if (p) {
      return {text: p.innerText, top: p.getBoundingClientRect().top,
              lineHeight: parseFloat(getComputedStyle(p).lineHeight), scrollY: window.scrollY};
    }
  }
  return null;
}"""

# The bottom edge of the first place in the article that shows `text` and can be seen (a
# closed <details> has no boxes), or null.
FIRST_VISIBLE = """(text) => {
  const plain = s => s.replace(/\\s/g, ' ');  // one for one: offsets stay those of the node
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = plain(node.textContent).indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const box = range.getBoundingClientRect();
    if (box.width > 0 && box.height > 0) return box.bottom + window.scrollY;
  }
  return null;
}"""


@pytest.fixture(scope="module")
def opgave_by_path(site):
    return {opgave.path: opgave for opgave in site.opgaven}


def budget_text(site, opgave) -> str | None:
    """What the page must show as the opgave's budget: its subtotal in the opgave year, or
    "geen budget"; None when no year of the budget is laid out per opgave."""
    if site.budget.opgave_year is None:
        return None
    group = site.budget.group_for(opgave.id)
    subtotal = group.subtotal if group else None
    return "geen budget" if subtotal is None else squash(euro(subtotal))


def test_every_opgave_is_an_opgave_page(opgave_by_path):
    assert sorted(opgave_pages()) == sorted(opgave_by_path)


@pytest.mark.parametrize("path", opgave_pages(), ids=page_id)
def test_opgave_text_starts_on_the_first_screen(phone_tab, opgave_by_path, path):
    opgave = opgave_by_path[path]
    phone_tab.visit(path)
    found = phone_tab.page.evaluate(FIRST_PARAGRAPH, SECTIONS[0].anchor)
    assert found is not None, f"/{path}: geen alinea onder #{SECTIONS[0].anchor}"
    assert found["scrollY"] == 0
    assert squash(found["text"]) == squash(opgave.section(SECTIONS[0])[0]), (
        f"/{path}: de eerste alinea onder {SECTIONS[0].heading} is niet de eerste alinea van de opgave zelf: "
        f"{found['text'][:80]!r}")
    first_line_bottom = found["top"] + found["lineHeight"]
    assert first_line_bottom <= SCREEN, (
        f"/{path}: de eerste regel van {SECTIONS[0].heading} eindigt op {first_line_bottom:.0f} px, "
        f"onder het eerste scherm van {SCREEN} px")


@pytest.mark.parametrize("path", opgave_pages(), ids=page_id)
def test_opgave_budget_within_two_screens(phone_tab, site, opgave_by_path, path):
    expected = budget_text(site, opgave_by_path[path])
    if expected is None:  # no year per opgave: the page has no budget of its own to show
        return
    phone_tab.visit(path)
    bottom = phone_tab.page.evaluate(FIRST_VISIBLE, expected)
    assert bottom is not None, f"/{path}: het budget {expected!r} staat nergens zichtbaar op de pagina"
    assert bottom <= 2 * SCREEN, (
        f"/{path}: het budget {expected!r} staat pas op {bottom:.0f} px, "
        f"niet binnen de eerste twee schermen ({2 * SCREEN} px)")
