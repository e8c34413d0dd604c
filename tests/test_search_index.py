"""The text the search index holds (macros/outputs/search_index.py): content only, one sentence,
list item or table row per block; no navigation, no repeated explanations, no "Op deze pagina".

The first tests run the machinery on fixed HTML. The others read search/search_index.json of a
build: of the adopted data, and of the real data (`built`, tests/builds.py; the real one is a
content test). What the search box then finds is tests/browser/test_search.py.
"""

import json
import re
from html import unescape

from bs4 import BeautifulSoup

from macros.outputs.search_index import INDEX_FILE, rewrite_index, section_texts, sentences
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


def test_rewrite_replaces_the_text_of_known_sections_and_keeps_the_rest():
    index = {
        "config": {"lang": ["nl"], "separator": "[\\s]+"},
        "docs": [
            {"location": "p/", "title": "P", "text": "oud"},
            {"location": "p/#a", "title": "A", "text": "oud", "boost": 4},
            {"location": "q/", "title": "Q", "text": "blijft"},
        ],
    }
    pages = {"p/": {None: ["Een & twee."], "a": ["<b>niet</b> als HTML"]}}
    rewritten = json.loads(rewrite_index(json.dumps(index), pages))
    assert rewritten["config"] == index["config"]
    assert rewritten["docs"] == [
        {"location": "p/", "title": "P", "text": "<p>Een &amp; twee.</p>"},
        {"location": "p/#a", "title": "A", "text": "<p>&lt;b&gt;niet&lt;/b&gt; als HTML</p>", "boost": 4},
        {"location": "q/", "title": "Q", "text": "blijft"},
    ]



def test_a_heading_inside_an_excluded_part_leaves_the_index():
    """Material makes a section of every heading with an id, also one inside a part marked
    data-search-exclude (an entry of the change history): that section is no content."""
    html = ('<h2 id="a">A</h2><p>Tekst.</p><div data-search-exclude><h3 id="wijziging-1">Op 1 mei</h3>'
            '<ul><li>Nu genoemd: Kennisinstellingen.</li></ul></div>')
    index = {"config": {}, "docs": [
        {"location": "p/", "title": "P", "text": ""},
        {"location": "p/#a", "title": "A", "text": "oud"},
        {"location": "p/#wijziging-1", "title": "Op 1 mei", "text": "<ul><li>Nu genoemd: Kennisinstellingen.</li></ul>"},
    ]}
    rewritten = json.loads(rewrite_index(json.dumps(index), {"p/": section_texts(html)}))
    assert [doc["location"] for doc in rewritten["docs"]] == ["p/", "p/#a"]

# ---------------------------------------------------------------- the index of a build


def _index(built: Built) -> dict:
    return json.loads((built.site_dir / INDEX_FILE).read_text(encoding="utf-8"))


def _pages(built: Built) -> dict[str, BeautifulSoup]:
    """The content (article) of every page the index names, by its URL path."""
    urls = {doc["location"].partition("#")[0] for doc in _index(built)["docs"]}
    return {url: built.page(url).select_one("article") for url in urls}


def test_the_index_holds_short_blocks(built):
    """Each block of text is a sentence, an item or a row (a paragraph each): never a whole list,
    so a result shows the item that holds the hit."""
    docs = _index(built)["docs"]
    assert docs
    for doc in docs:
        blocks = re.findall(r"<p>(.*?)</p>", doc["text"])
        assert "".join(f"<p>{block}</p>" for block in blocks) == doc["text"], doc["location"]
        assert not [block for block in blocks if "<" in block], doc["location"]


def test_each_section_explanation_is_in_the_index_once(built):
    """The programme's explanation of each section is findable, on one page, not on every opgave."""
    texts = [plain(doc["text"]) for doc in _index(built)["docs"]]
    for section in built.site.sections:
        explanation = normal(built.site.programme.aspects.of(section))
        found = [text for text in texts if explanation in text]
        assert len(found) == 1, f"uitleg bij '{section.heading}' staat {len(found)} keer in de zoekindex"


def test_no_navigation_or_excluded_text_in_the_index(built):
    """'Op deze pagina', jump lists, previous/next and everything marked data-search-exclude stay out."""
    docs = _index(built)["docs"]
    boxes = [doc["location"] for doc in docs
             if "<p>op deze pagina</p>" in doc["text"].lower() or doc["title"].lower() == "op deze pagina"]
    assert not boxes, "het kader 'Op deze pagina' staat in de zoekindex"
    for url, article in _pages(built).items():
        texts = [plain(doc["text"]) for doc in docs if doc["location"].partition("#")[0] == url]
        for element in article.select("nav, [data-search-exclude]"):
            chrome = normal(element.get_text(" "))
            leaked = [text for text in texts if chrome and chrome in text]
            assert not leaked, f"/{url}: '{chrome[:60]}' staat in de zoekindex"


def test_table_cells_do_not_run_together(built):
    """A row's cells are apart in the index ("Afkorting Betekenis", not "AfkortingBetekenis")."""
    docs = _index(built)["docs"]
    checked = 0
    for url, article in _pages(built).items():
        text = " ".join(plain(doc["text"]) for doc in docs if doc["location"].partition("#")[0] == url)
        for row in article.select("tr"):
            cells = [normal(cell.get_text("")) for cell in row.find_all(["th", "td"], recursive=False)]
            for left, right in zip(cells, cells[1:]):
                if left and right:
                    checked += 1
                    assert left + right not in text, f"/{url}: '{left}{right}' in de zoekindex"
    assert checked, "no table rows with two cells: nothing checked"


def test_last_updated_is_not_indexed(built):
    """The date under every page would make every page a result for 'bijgewerkt' or a month."""
    assert not [doc["location"] for doc in _index(built)["docs"] if "laatst bijgewerkt" in doc["text"].lower()]
