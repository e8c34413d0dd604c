"""Typing into the site's own search box (Material's) and reading what it shows, as a reader would.

Used by tests/browser/test_search.py and by `python -m tests.browser.search_box SITE_DIR QUERY...`,
which prints what the search returns for each query (to measure a change to the search).

One page load serves many queries: each query is typed into the field, and the answer is read when
Material has written its count line above the results. Material shows the first ten pages at once
and more as the reader scrolls down, so the results box is scrolled until every page is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

QUERY_FIELD = "input.md-search__input"
META = ".md-search-result__meta"
ITEMS = "li.md-search-result__item"
SCROLL_BOX = ".md-search__scrollwrap"


@dataclass(frozen=True)
class Hit:
    """One page in the results, in the order shown."""

    path: str  # URL path of the page without the site's base, '' for the home page: 'opgaven/x/'
    title: str  # the page's title as shown in the results
    snippets: tuple[str, ...]  # the text under each matching section shown for the page


# Waits for Material's answer (it writes the count line above the results), has every page shown
# (Material adds four more each time the reader scrolls the box to its end, so it scrolls down
# step by step, and back a little at the end), then reads the results.
_ANSWER = """async ([meta, box, items]) => {
  const line = document.querySelector(meta);
  for (let waited = 0; !line.textContent.trim(); waited += 10) {
    if (waited > 10000) throw new Error("no answer from the search");
    await new Promise(resolve => setTimeout(resolve, 10));
  }
  const count = line.textContent.match(/\\d+/);
  const total = count ? +count[0] : /Geen/.test(line.textContent) ? 0 : 1;
  const scroller = document.querySelector(box);
  for (let tries = 0; tries < 300 && document.querySelectorAll(items).length < total; tries++) {
    const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    scroller.scrollTop += atEnd ? -60 : 400;
    await new Promise(resolve => setTimeout(resolve, 25));
  }
  scroller.scrollTop = 0;
  return [...document.querySelectorAll(items)].map(item => {
    const links = [...item.querySelectorAll("a.md-search-result__link")];
    return {
      href: links[0].href,
      title: links[0].querySelector("h1, h2").textContent.trim(),
      // Per section shown: its blocks (a sentence, an item, a row), joined by " / ".
      snippets: links.map(a => [...a.querySelectorAll("article > :not(h1, h2, div, nav)")]
        .filter(e => !e.matches(".md-search-result__terms"))
        .map(e => e.textContent.replace(/\\s+/g, " ").trim()).filter(Boolean).join(" / ")
      ).filter(Boolean),
    };
  });
}"""


def open_search(page, origin: str) -> None:
    """Load the home page and open the search field; waits until the search index is loaded."""
    page.goto(f"{origin}/", wait_until="load")
    button = page.get_by_role("banner").get_by_role("button", name="Zoeken", exact=True)
    if button.is_visible():  # a phone: the field is behind the magnifier button
        button.click()
    else:
        page.locator(QUERY_FIELD).click()
    page.wait_for_function(
        "el => el && !/initialiseren/i.test(el.textContent)",
        arg=page.locator(META).element_handle(), timeout=20_000,
    )


def search(page, origin: str, query: str) -> list[Hit]:
    """Type `query` into the open search field; every page the results show, best first."""
    field = page.locator(QUERY_FIELD)
    # Empty the count line first: Material rewrites it when the answer to this query arrives.
    page.eval_on_selector(META, "el => { el.textContent = '' }")
    field.fill(query)
    field.press("End")  # Material reads the field on keyup
    base = urlsplit(origin).path.rstrip("/") + "/"
    hits = []
    for item in page.evaluate(_ANSWER, [META, SCROLL_BOX, ITEMS]):
        path = urlsplit(item["href"]).path
        hits.append(Hit(path.removeprefix(base).removeprefix("/"), item["title"], tuple(item["snippets"])))
    return hits


def search_all(page, origin: str, queries) -> dict[str, list[Hit]]:
    """The results for every query, asked one after another on one page load."""
    open_search(page, origin)
    return {query: search(page, origin, query) for query in dict.fromkeys(queries)}


def main(argv: list[str]) -> int:
    """Print the pages (and first snippet) the site's search returns for each query."""
    import argparse
    from pathlib import Path

    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, VIEWPORTS, serve

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("site", type=Path, help="a built site (mkdocs build -d SITE)")
    parser.add_argument("queries", nargs="+")
    parser.add_argument("--top", type=int, default=8, help="pages shown per query")
    args = parser.parse_args(argv)
    with serve(args.site) as origin, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport=VIEWPORTS["desktop"])
        for query, hits in search_all(page, origin, args.queries).items():
            print(f"## {query!r}: {len(hits)} pagina's")
            for n, hit in enumerate(hits[: args.top], 1):
                snippet = hit.snippets[0][:110] if hit.snippets else ""
                print(f"  {n}. /{hit.path}  [{hit.title[:50]}]  {snippet}")
        browser.close()
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
