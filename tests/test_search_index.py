"""The text the search index holds (macros/outputs/search_index.py): content only; no navigation,
no repeated explanations, no "Op deze pagina"; the site's own entries with where they are; the
list of the site's words.

The first tests run the machinery on fixed HTML. The others read the index of a build (Pagefind's
records, pagefind/fragment/, and search/woorden.json): of the adopted data, and of the real data
(`built`, tests/builds.py; the real one is a content test). What the search box then finds is
tests/browser/test_search.py.
"""

import gzip
import json
import re
from html import unescape

from macros.outputs.search_entries import search_entries
from macros.outputs.search_index import (
    ENTRIES_DIR, INDEX_FILE, PAGEFIND_DIR, WORDS_FILE, entry_page, section_texts, sentences, words_of,
)
from tests.builds import Built, built  # noqa: F401 - the fixture

_SPACE = re.compile(r"\s+")


def plain(html_text: str) -> str:
    """Index text (escaped HTML) as a reader reads it: tags as spaces, one space between words."""
    return _SPACE.sub(" ", unescape(re.sub(r"<[^>]*>", " ", html_text))).strip()


def normal(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


# ---------------------------------------------------------------- the machinery, on fixed HTML


def test_sections_are_cut_at_headings_with_an_id_like_material_does():
    html = """<h1 id="t">Titel</h1><p>Inleiding.</p>
    <section><h3 id="a">A</h3><p>Over A.</p></section><p>Weer bij de pagina.</p>
    <h2 id="b">B</h2><p>Over B.</p><h3>Geen id</h3><p>Nog B.</p>"""
    texts = section_texts(html)
    assert texts == {
        None: ["Inleiding.", "Weer bij de pagina."],  # the first heading's section is the page itself
        "a": ["Over A."],
        "b": ["Over B.", "Geen id", "Nog B."],
    }


def test_text_before_the_first_heading_belongs_to_the_page():
    assert section_texts('<p>Vooraf.</p><h2 id="x">X</h2><p>In X.</p>') == {None: ["Vooraf."], "x": ["In X."]}


def test_one_block_per_sentence_list_item_and_table_row_with_cells_apart():
    html = """<p>Eerste zin. Tweede zin met (IBDO)! “Derde” zin.</p>
    <ul><li>Een <a href="#">punt</a></li><li>Nog een<br>regel</li><li><a href="#">Naam</a><span>Uitleg</span></li>
    <li>Met (<abbr title="Ik Ben Drents Ondernemer">IBDO</abbr>)-tekst</li></ul>
    <table><caption>Bijschrift</caption><tr><th>Afkorting</th><th>Betekenis</th></tr>
    <tr><th scope="row">MIT</th><td>€ 800.000</td></tr></table>"""
    assert section_texts(html)[None] == [
        "Eerste zin.", "Tweede zin met (IBDO)!", "“Derde” zin.",
        "Een punt", "Nog een", "regel", "Naam Uitleg", "Met (IBDO)-tekst",
        "Bijschrift", "Afkorting Betekenis", "MIT € 800.000",
    ]


def test_navigation_marked_and_hidden_text_stay_out():
    html = """<h1>Opgave</h1>
    <nav aria-label="Onderdelen"><p>Op deze pagina</p><ul><li><a href="#a">A</a></li></ul></nav>
    <h2 id="a">A<a class="headerlink" href="#a">¶</a></h2>
    <p class="ekd-uitleg" data-search-exclude>Uitleg die elke opgave herhaalt.</p>
    <div data-search-exclude><div><p>Genest.</p></div><p>Ook weg.</p></div>
    <p>Eigen tekst<span class="ekd-sr"> voor schermlezers</span>.</p>
    <script>var x = "code";</script><svg><text>Tekening</text></svg>
    <p class="ekd-bijgewerkt" data-search-exclude>Laatst bijgewerkt: 1 januari 2025</p>"""
    assert section_texts(html) == {None: ["Opgave"], "a": ["Eigen tekst."]}


def test_sentences_are_not_cut_inside_numbers_or_abbreviations():
    assert sentences("In 2025 is het € 1.050.000. Dat is o.a. voor mkb. En 2,5 procent.") == [
        "In 2025 is het € 1.050.000.", "Dat is o.a. voor mkb.", "En 2,5 procent.",
    ]


def test_a_hyphenated_word_gives_itself_and_its_parts():
    assert words_of("Start-ups en (IBDO) regio’s") == ["start-ups", "start", "ups", "en", "ibdo", "regio’s", "regio", "s"]


def test_an_entry_page_holds_its_text_escaped_and_says_where_the_entry_is():
    class Entry:
        path = "partners/#x"
        title = "<script>x</script>"
        kind = "Partner"
        names = ("A & B",)
        words = ("banen",)
        description = "Zin."
        content = "A & B banen Zin."
    html = entry_page(Entry())
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'data-pagefind-meta="adres[content]" content="/partners/#x"' in html


# ---------------------------------------------------------------- the index of a build


_SIGNATURE = b"pagefind_dcd"  # Pagefind 1.5 stores each record gzipped, after this signature


def _records(built: Built) -> list[dict]:
    """Every record Pagefind indexed: its url, content (the text) and meta."""
    records = []
    for path in sorted((built.site_dir / PAGEFIND_DIR / "fragment").iterdir()):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(_SIGNATURE), path.name
        records.append(json.loads(data[len(_SIGNATURE):]))
    return records


def _page_texts(built: Built) -> dict[str, str]:
    """The text Pagefind holds of each page (not the entries), by URL path."""
    return {record["url"].lstrip("/"): normal(record["content"]) for record in _records(built)
            if "adres" not in record["meta"]}


def test_every_page_and_every_entry_is_in_the_index(built):
    records = _records(built)
    pages = {record["url"].lstrip("/") for record in records if "adres" not in record["meta"]}
    assert {entry.path for entry in built.site.opgaven} <= pages
    addresses = sorted(record["meta"]["adres"].lstrip("/") for record in records if "adres" in record["meta"])
    assert addresses == sorted(entry.path for entry in search_entries(built.site))
    assert not (built.site_dir / ENTRIES_DIR).exists(), "the entries' pages are left in the site"
    assert json.loads((built.site_dir / INDEX_FILE).read_text(encoding="utf-8"))["docs"] == []


def test_the_word_list_has_the_words_of_the_pages_and_the_zoekwoorden(built):
    words = json.loads((built.site_dir / WORDS_FILE).read_text(encoding="utf-8"))["woorden"]
    for entry in search_entries(built.site):
        for word in [*entry.words, *entry.names]:
            assert set(words_of(word)) <= set(words), word
    title = built.site.opgaven[0].title
    assert set(words_of(title)) <= set(words)


def test_each_section_explanation_is_in_the_index_once(built):
    """The programme's explanation of each section is findable, on one page, not on every opgave."""
    texts = _page_texts(built).values()
    for section in built.site.sections:
        explanation = normal(built.site.programme.aspects.of(section))
        found = [text for text in texts if explanation in text]
        assert len(found) == 1, f"uitleg bij '{section.heading}' staat {len(found)} keer in de zoekindex"


def test_no_navigation_or_excluded_text_in_the_index(built):
    """'Op deze pagina', jump lists, previous/next and everything marked data-search-exclude stay out."""
    for url, text in _page_texts(built).items():
        article = built.page(url).select_one("article")
        for element in article.select("nav, [data-search-exclude]"):
            chrome = normal(element.get_text(" "))
            assert not (len(chrome) > 20 and chrome in text), f"/{url}: '{chrome[:60]}' staat in de zoekindex"


def test_table_cells_do_not_run_together(built):
    """A row's cells are apart in the index ("Afkorting Betekenis", not "AfkortingBetekenis")."""
    checked = 0
    for url, text in _page_texts(built).items():
        for row in built.page(url).select_one("article").select("tr"):
            cells = [normal(cell.get_text("")) for cell in row.find_all(["th", "td"], recursive=False)]
            for left, right in zip(cells, cells[1:]):
                if left and right:
                    checked += 1
                    assert left + right not in text, f"/{url}: '{left}{right}' in de zoekindex"
    assert checked, "no table rows with two cells: nothing checked"


def test_last_updated_is_not_indexed(built):
    """The date under every page would make every page a result for 'bijgewerkt' or a month."""
    # The line itself, date and all: the words may also be in a page's text (a change note).
    lines = {url: normal(built.page(url).select_one(".ekd-bijgewerkt").get_text(" ")) for url in _page_texts(built)}
    assert all(lines.values()), "a page without its 'Laatst bijgewerkt' line: nothing checked"
    assert not [url for url, text in _page_texts(built).items() if lines[url] in text]
