"""The site's search finds every name, typed into the search box as a reader would (issue 15.1).

The queries are not typed here: they come from the data. Every abbreviation in the glossary
(data/begrippen.yaml) and every name in the registers (partners, programmes, funds) that an opgave
page names is a query, and the pages it must return are the opgave pages whose text names it
(as whole words, as the index splits them). For each query:

- every opgave page that names it is among the results, and one of them is in the top three;
- for a *specific* query no other opgave page is returned. Search matches the start of words,
  so a query is specific when it has a word with a capital or a digit (a name or an abbreviation,
  which the search worker looks for as typed) that no other opgave page has at the start of any
  of its words. "MIT" is not specific when another opgave says "mitigatie"; "Groningen Airport
  Eelde" is, because no other opgave has a word starting with "airport". Words in small letters
  are looked for by their Dutch stem, and the stop words lunr leaves out are not looked for, so
  they never make a query specific;
- the result for an opgave that names it shows, first, the sentence that names it.

The search worker's own rules (every word, stems, phrases first) are tested on a fixed small
index in test_worker_*, through the same worker and Material's lunr in the browser.

Everything runs on one page load per viewport: about a hundred queries in well under a minute.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup

from macros.outputs.search_index import INDEX_FILE
from tests.browser.search_box import search_all

STOP_WORDS_FILE = "assets/javascripts/lunr/min/lunr.nl.min.js"
WORKER = "assets/javascripts/workers/ekd-search.js"
TOP = 3


@dataclass(frozen=True)
class Query:
    term: str
    expected: frozenset[str]  # URL paths of the opgave pages that name the term
    specific: bool  # no other opgave page may be returned


# ---------------------------------------------------------------- the table, from the data


@pytest.fixture(scope="module")
def index(built_site) -> dict:
    return json.loads((built_site / INDEX_FILE).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def separator(index) -> re.Pattern:
    """The index's own word separator (mkdocs.yml), so words here are the words the index has."""
    return re.compile(index["config"]["separator"])


@pytest.fixture(scope="module")
def stop_words(built_site) -> frozenset[str]:
    """Dutch stop words lunr leaves out of the index (and the worker out of a query)."""
    script = (built_site / STOP_WORDS_FILE).read_text(encoding="utf-8")
    match = re.search(r'nl\.stopWordFilter=\w+\.generateStopWordFilter\("([^"]*)"', script)
    assert match, f"stop word list not found in {STOP_WORDS_FILE}"
    return frozenset(match.group(1).split())


def words(text: str, separator: re.Pattern) -> list[str]:
    return [word for word in separator.split(text) if word]


def page_words(page, path: str, separator: re.Pattern) -> list[str]:
    """The words of an opgave page as a reader reads its content: no navigation, no text only for
    screen readers, nothing the page marks as not to be searched."""
    article = page(path).select_one("article")
    article = BeautifulSoup(str(article), "html.parser")  # a copy: the parsed page is shared
    for element in article.select("nav, script, style, svg, [data-search-exclude], .headerlink, .ekd-sr"):
        element.decompose()
    return [word.lower() for word in words(article.get_text(" "), separator)]


def names_term(page_text: list[str], term: list[str]) -> bool:
    n = len(term)
    return any(page_text[i:i + n] == term for i in range(len(page_text) - n + 1))


def register_names(site) -> list[str]:
    entries = [*site.indexes.organisations, *site.indexes.programmes, *site.indexes.funds]
    return [name for entry in entries for name in entry.record.names]


@pytest.fixture(scope="module")
def queries(site, page, separator, stop_words) -> list[Query]:
    opgaven = {entry.path: page_words(page, entry.path, separator) for entry in site.opgaven}
    terms = [spelling for term in site.glossary.terms for spelling in term.spellings] + register_names(site)
    table: dict[str, Query] = {}
    for term in terms:
        typed = words(term, separator)
        lower = [word.lower() for word in typed]
        expected = frozenset(path for path, text in opgaven.items() if names_term(text, lower))
        if not expected or term.lower() in table:
            continue
        names = [word.lower() for word in typed
                 if re.search(r"[A-Z0-9À-Ý]", word) and word.lower() not in stop_words]
        specific = bool(names) and all(
            any(not any(word.startswith(name) for word in text) for name in names)
            for path, text in opgaven.items() if path not in expected
        )
        table[term.lower()] = Query(term, expected, specific)
    return list(table.values())


@pytest.fixture(scope="module")
def results(browser, server, queries) -> dict:
    """What the search box shows for every query, on one page load (desktop)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    try:
        return search_all(context.new_page(), server, [query.term for query in queries])
    finally:
        context.close()


def test_the_table_has_abbreviations_and_names(site, queries):
    """The data gives queries of both kinds, and some are specific (else nothing is checked)."""
    abbreviations = {spelling.lower() for term in site.glossary.terms for spelling in term.spellings}
    assert [query for query in queries if query.term.lower() in abbreviations]
    assert [query for query in queries if len(query.term.split()) > 1]
    assert [query for query in queries if query.specific]


def _report(problems: list[str], queries) -> str:
    return f"{len(problems)} van {len(queries)} zoekvragen:\n" + "\n".join(problems)


def test_every_opgave_that_names_a_term_is_found_and_one_is_in_the_top_three(queries, results):
    problems = []
    for query in queries:
        paths = [hit.path for hit in results[query.term]]
        missing = sorted(query.expected - set(paths))
        if missing:
            problems.append(f"'{query.term}': mist {missing}; gevonden: {paths}")
        elif not query.expected & set(paths[:TOP]):
            problems.append(f"'{query.term}': geen opgave bij de eerste {TOP}: {paths[:TOP]}")
    assert not problems, _report(problems, queries)


def test_a_specific_term_finds_no_opgave_that_does_not_name_it(site, queries, results):
    opgaven = {entry.path for entry in site.opgaven}
    problems = []
    for query in queries:
        if query.specific:
            wrong = sorted({hit.path for hit in results[query.term]} & opgaven - query.expected)
            if wrong:
                problems.append(f"'{query.term}': ook {wrong}, die het niet noemen")
    assert not problems, _report(problems, queries)


def test_the_result_shows_the_sentence_that_names_the_term(queries, results, separator):
    """An opgave's result shows the sentence (item, row) with the term as its first snippet: not
    a run-together table, not 'Op deze pagina', not a sentence with only some of the words."""
    problems = []
    for query in queries:
        term = [word.lower() for word in words(query.term, separator)]
        for hit in results[query.term]:
            if any(snippet.lower().startswith("op deze pagina") for snippet in hit.snippets):
                problems.append(f"'{query.term}' /{hit.path}: 'Op deze pagina' als uitsnede")
            if hit.path in query.expected:
                shown = [word.lower() for word in words(hit.snippets[0] if hit.snippets else "", separator)]
                if not names_term(shown, term):
                    problems.append(f"'{query.term}' /{hit.path}: uitsnede zonder de term: {hit.snippets[:1]}")
    assert not problems, _report(problems, queries)


def test_search_works_the_same_on_a_phone(browser, server, queries, results):
    """The phone's search (behind the magnifier button) gives the same first result."""
    sample = [query.term for query in queries if query.specific][:3]
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale="nl-NL", has_touch=True)
    try:
        phone = search_all(context.new_page(), server, sample)
    finally:
        context.close()
    assert [phone[term][0].path for term in sample] == [results[term][0].path for term in sample]


# ---------------------------------------------------------------- the worker, on a fixed index

# Small "pages" (one section each) that test the worker's rules. The config (separator, field
# boosts) is the built site's own; the stop words are lunr's Dutch ones.
FIXTURE_DOCS = [
    {"location": "a/", "title": "A", "text": "<p>Het noorden doet mee.</p><p>Founded in 2020.</p>"},
    {"location": "b/", "title": "B", "text": "<p>Het programma Founded in the North helpt start-ups.</p>"},
    # Every word of the query, more often than b/ has them, but not one after the other.
    {"location": "e/", "title": "E", "text": "<p>North, north, the north: founded and founded again, the end.</p>"},
    {"location": "c/", "title": "C", "text": "<p>Wij werken aan samenwerking met de regio.</p>"},
    {"location": "d/", "title": "D", "text": "<p>Bedrijven gaan samenwerken (IBDO).</p>"},
]

_ASK_WORKER = """async ([url, setup, queries]) => {
    const worker = new Worker(url);
    const next = () => new Promise(resolve => worker.addEventListener(
        "message", ev => resolve(ev.data), { once: true }));
    worker.postMessage({ type: 0, data: setup });  // SETUP
    await next();  // READY
    const answers = {};
    for (const query of queries) {
        worker.postMessage({ type: 2, data: query });  // QUERY
        const result = await next();  // RESULT: pages, best first, each its sections
        answers[query] = result.data.items.map(group => group[0].location);
    }
    worker.terminate();
    return answers;
}"""


@pytest.fixture(scope="module")
def ask(browser, server, index):
    """Ask the site's search worker directly, with the fixed index: {query: locations, best first}."""
    context = browser.new_context()
    tab = context.new_page()
    tab.goto(f"{server}/", wait_until="load")
    setup = {"config": index["config"], "docs": FIXTURE_DOCS, "options": {"suggest": False}}
    yield lambda *queries: tab.evaluate(_ASK_WORKER, [f"{server}/{WORKER}", setup, list(queries)])
    context.close()


def test_worker_finds_pages_with_every_word_and_puts_the_phrase_first(ask):
    answers = ask("Founded in the North", "founded north")
    assert answers["Founded in the North"] == ["b/", "e/"]  # a/ has "Founded" but not "North"
    assert set(answers["founded north"]) == {"b/", "e/"}  # not one after the other in b/ either


def test_worker_finds_other_forms_of_a_word_in_small_letters(ask):
    answers = ask("samenwerking", "samenwerken", "Samenwerking")
    assert set(answers["samenwerking"]) == {"c/", "d/"}
    assert set(answers["samenwerken"]) == {"c/", "d/"}
    assert answers["Samenwerking"] == ["c/"]  # a capital: the word as typed


def test_worker_finds_words_in_brackets_and_leaves_out_stop_words(ask):
    answers = ask("IBDO", "het noorden")
    assert answers["IBDO"] == ["d/"]
    assert answers["het noorden"] == ["a/"]  # "het" is a stop word: not in the index, not asked


def test_worker_leaves_lunr_syntax_to_material(ask):
    assert set(ask("founded -north")["founded -north"]) == {"a/"}
