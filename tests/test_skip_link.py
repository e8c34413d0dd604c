"""The skip link lands on the page's main heading (h1): on an opgave page not past the title,
the status, the budget line and "Op deze pagina" (tests/browser/test_keyboard.py follows it)."""

import pytest


@pytest.mark.content
def test_every_skip_link_lands_on_the_pages_h1(built_site, page):
    checked = 0
    for path in sorted(built_site.rglob("*.html")):
        url = path.relative_to(built_site).as_posix().removesuffix("index.html")
        soup = page(url)
        skip = soup.select_one("a.md-skip")
        if skip is None:
            continue  # a redirect stub: no page of its own
        h1 = soup.select_one("article h1")
        target = soup.find(id=skip["href"].removeprefix("#"))
        if skip["href"] == "#__content":  # no h1 in the table of contents: the article, which opens with it
            target = next((child for child in target.children if getattr(child, "name", None)), None)
        assert h1 is not None and target is h1, f"{url}: de link 'Direct naar de inhoud' gaat naar {skip['href']}, niet naar de h1"
        checked += 1
    assert checked > 10
