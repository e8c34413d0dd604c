"""Long pages have a jump list under their title that works on a phone: the page's own
sections (its h2 headings), each link leading to one of them (tests/browser/test_every_page.py
checks at 320 px that every long page has one near its top)."""

import pytest

from macros.render.jump_list import with_jump_list


def test_the_jump_list_follows_the_title_and_escapes_its_text():
    html = with_jump_list('<h1 id="t">Titel</h1><p>Tekst</p>', [("Fondsen & <regelingen>", "#fondsen")])
    assert html.startswith('<h1 id="t">Titel</h1><nav class="ekd-springlijst ekd-springlijst--pagina"')
    assert '<a href="#fondsen">Fondsen &amp; &lt;regelingen&gt;</a>' in html
    assert html.endswith("<p>Tekst</p>")


def test_a_page_without_sections_gets_no_jump_list():
    assert with_jump_list("<h1>Titel</h1>", []) == "<h1>Titel</h1>"


@pytest.mark.content
def test_each_jump_list_names_every_section_of_its_page(built_site, page):
    pages = 0
    for path in sorted(built_site.rglob("index.html")):
        soup = page(path.relative_to(built_site).as_posix().removesuffix("index.html"))
        nav = soup.select_one("article nav.ekd-springlijst--pagina")
        if nav is None:
            continue
        pages += 1
        sections = [f"#{h2['id']}" for h2 in soup.select("article h2[id]")]
        assert [a["href"] for a in nav.select("a")] == sections, path
    assert pages >= 1
