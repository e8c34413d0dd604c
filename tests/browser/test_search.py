"""The site's search forgives everyday Dutch (issue 26.1), typed into the search box as a reader would.

- Everyday queries (tests/search_queries.yaml: what readers typed first, with where the answer
  is, by the id of a record): at least 90 % have an answer among the first three results, and
  none finds nothing.
- From the data: every zoekwoord staff gave a record finds that record in the first three, and
  every name and abbreviation of a register entry or term finds its own entry first, before
  the pages that merely mention it.
- A word the site does not have never empties a result (it is shown as missing); a typo is read
  as the nearest word the site has; a query without an answer shows help: what was typed, and
  links to the overviews and the budget.
- The search box with results and with help passes axe at 320 and 1280 px, and is used with
  the keyboard alone.

How a query is read (typos, compounds) is tested on a fixed word list in test_words_*.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from macros.outputs.search_entries import search_entries
from macros.outputs.search_index import WORDS_FILE
from macros.view.urls import GLOSSARY_PATH
from tests.browser.conftest import AXE_URL_PATH, opened_tab
from tests.browser.page_visits import AXE_TAGS, RUN_AXE
from tests.browser.search_box import META, QUERY_FIELD, open_search, search, search_all

QUERIES_FILE = Path(__file__).resolve().parents[1] / "search_queries.yaml"
TOP = 3
ANSWERED = 0.9
HELP = "[data-ekd-search-help]"


def answer_paths(site, answer: dict) -> set[str]:
    """Where an answer of tests/search_queries.yaml is: the page (without anchor) of the record."""
    (kind, key), = answer.items()
    if kind == "opgave":
        return {site.opgave(key).path}
    if kind == "begroting":
        return {site.budget.path}
    if kind == "register":
        entries = (*site.indexes.organisations, *site.indexes.programmes, *site.indexes.funds)
        return {entry.page for entry in entries if entry.id == key}
    if kind == "begrotingspost":
        return {line.path.split("#")[0] for line in site.indexes.budget_lines if line.id == key}
    if kind == "begrip":
        return {GLOSSARY_PATH for term in site.glossary.terms if key in term.spellings}
    raise AssertionError(f"{QUERIES_FILE.name}: unknown kind of answer {kind!r}")


@pytest.fixture(scope="module")
def everyday(site) -> dict[str, set[str]]:
    table = {}
    for item in yaml.safe_load(QUERIES_FILE.read_text(encoding="utf-8")):
        paths = set().union(*(answer_paths(site, answer) for answer in item["antwoorden"]))
        if paths:  # a record that is no longer in the data is no answer any more
            table[item["vraag"]] = paths
    return table


@pytest.fixture(scope="module")
def entries(site):
    return search_entries(site)


@pytest.fixture(scope="module")
def results(browser, server, everyday, entries) -> dict:
    """What the search box shows for every query of these tests, on one page load (desktop)."""
    queries = [*everyday, *(word for entry in entries for word in entry.words),
               *(name for entry in entries if entry.kind != "Opgave" for name in entry.names)]
    with opened_tab(browser, server, "desktop") as tab:
        return search_all(tab.page, server, queries)


def test_everyday_queries_are_answered_in_the_first_three_and_none_finds_nothing(everyday, results):
    assert len(everyday) >= 20, "the set of everyday queries lost its answers: see tests/search_queries.yaml"
    empty = [query for query in everyday if not results[query]]
    missed = {query: [hit.path for hit in results[query][:TOP]] for query, paths in everyday.items()
              if not paths & {hit.path for hit in results[query][:TOP]}}
    answered = 1 - len(missed) / len(everyday)
    assert not empty, f"zoekvragen zonder enig resultaat: {empty}"
    assert answered >= ANSWERED, (
        f"{answered:.0%} beantwoord bij de eerste {TOP} (minstens {ANSWERED:.0%}); gemist:\n"
        + "\n".join(f"  {query!r}: verwacht {sorted(everyday[query])}, kreeg {paths}" for query, paths in missed.items()))


def test_every_zoekwoord_finds_its_record_in_the_first_three(entries, results):
    problems = []
    for entry in entries:
        page = entry.path.split("#")[0]
        for word in entry.words:
            shown = [hit.path for hit in results[word][:TOP]]
            if page not in shown:
                problems.append(f"zoekwoord {word!r} van {entry.title!r} ({page}): {shown}")
    assert not problems, "\n".join(problems)


def test_a_name_finds_its_own_entry_first(entries, results):
    """"NOM" opens the NOM entry (the partners page, at NOM), not a page that mentions NOM."""
    problems = []
    for entry in entries:
        if entry.kind == "Opgave":
            continue
        for name in entry.names:
            hits = results[name]
            owners = {other.path for other in entries if name in other.names}
            first = hits[0] if hits else None
            if first is None or not any(owner.startswith(first.path) for owner in owners):
                problems.append(f"{name!r}: eerst {first.path if first else 'niets'}, verwacht {sorted(owners)}")
    assert not problems, f"{len(problems)} namen:\n" + "\n".join(problems)


def test_a_word_the_site_lacks_does_not_empty_the_result(site, results, built_site, browser, server):
    """A query with a word the site does not have finds what the other words find."""
    words = json.loads((built_site / WORDS_FILE).read_text(encoding="utf-8"))["woorden"]
    unknown = "qzxwvj"
    assert unknown not in words
    opgave = site.opgaven[0]
    word = max(re.findall(r"\w+", opgave.title), key=len)
    with opened_tab(browser, server, "desktop") as tab:
        answers = search_all(tab.page, server, [word, f"{word} {unknown}", f"{unknown} {word}"])
        missing = tab.page.locator(".md-search-result__terms").first.inner_text()
    assert [hit.path for hit in answers[f"{word} {unknown}"]][:TOP] == [hit.path for hit in answers[word]][:TOP]
    assert answers[f"{unknown} {word}"], f"'{unknown} {word}' vond niets"
    assert unknown in missing, f"het ontbrekende woord staat niet bij het resultaat: {missing!r}"


def _typo(word: str) -> str:
    """The word with two letters in its middle swapped."""
    middle = len(word) // 2
    return word[:middle] + word[middle + 1] + word[middle] + word[middle + 2:]


def test_a_typo_is_read_as_the_word_the_site_has_and_said(site, browser, server):
    opgave = site.opgaven[0]
    word = max(re.findall(r"\w+", opgave.title), key=len).lower()
    assert len(word) >= 8 and _typo(word) != word
    with opened_tab(browser, server, "desktop") as tab:
        answers = search_all(tab.page, server, [_typo(word)])
        help_text = tab.page.locator(HELP).inner_text()
    assert opgave.path in [hit.path for hit in answers[_typo(word)][:TOP]]
    assert f"Gezocht naar: {word}" in help_text


# ---------------------------------------------------------------- help and the search box itself

NOWHERE = "Emmen qzxwvj"  # no word of it is on the site (checked below)


def _open_with(tab, server, query: str) -> None:
    open_search(tab.page, server)
    search(tab.page, server, query)
    tab.page.locator(HELP).wait_for(state="visible")


def test_a_query_without_answer_shows_help_with_links_to_the_overviews(site, built_site, browser, server):
    words = json.loads((built_site / WORDS_FILE).read_text(encoding="utf-8"))["woorden"]
    assert not any(word.lower() in words for word in NOWHERE.split())
    with opened_tab(browser, server, "mobile") as tab:
        _open_with(tab, server, NOWHERE)
        page = tab.page
        assert page.locator("li.md-search-result__item").count() == 0
        help_box = page.locator(HELP)
        assert NOWHERE in help_box.inner_text()
        links = help_box.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    targets = {link.split("/")[-2] for link in links}
    assert {site.budget.path.strip("/"), GLOSSARY_PATH.strip("/"), "partners", "programmas-en-fondsen",
            "opgaven"} <= targets, links


def test_did_you_mean_offers_a_near_word_and_searches_it(site, browser, server):
    """A word three letters off (more than the search corrects by itself) gets a suggestion."""
    opgave = site.opgaven[0]
    word = max(re.findall(r"\w+", opgave.title), key=len).lower()
    typed = word[:-3] + "qqq"
    with opened_tab(browser, server, "desktop") as tab:
        _open_with(tab, server, typed)
        page = tab.page
        suggestion = page.locator(".ekd-search-help__suggestion", has_text=word)
        suggestion.first.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("sel => document.querySelectorAll(sel).length > 0", arg="li.md-search-result__item")
        assert page.locator(QUERY_FIELD).input_value() == word


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("query", ["results", "help"])
def test_the_search_box_with_results_or_help_passes_axe(width, query, site, browser, server, axe_source):
    typed = site.opgaven[0].title.split()[-1] if query == "results" else NOWHERE
    with opened_tab(browser, server, "desktop") as tab:
        tab.page.set_viewport_size({"width": width, "height": 800})
        open_search(tab.page, server)
        hits = search(tab.page, server, typed)
        assert bool(hits) == (query == "results")
        tab.page.add_script_tag(url=tab.origin + AXE_URL_PATH)
        violations = tab.page.evaluate(RUN_AXE, AXE_TAGS)
        width_now = tab.page.evaluate("() => [document.scrollingElement.scrollWidth, innerWidth]")
    assert not violations, json.dumps(violations, indent=1, ensure_ascii=False)[:3000]
    assert width_now[0] <= width_now[1], f"the page pans sideways with search open: {width_now}"


def test_the_search_needs_no_file_named_by_a_hash(built_site):
    """The worker is the site's own file; nothing names a hashed file of Material's search."""
    worker = (built_site / "assets/javascripts/search/worker.js").read_text(encoding="utf-8")
    assert not re.search(r"search\.[0-9a-f]{8}", worker)
    config = (built_site / "index.html").read_text(encoding="utf-8")
    assert '"search": "assets/javascripts/search/worker.js"' in config.replace("\\/", "/") or \
        "assets/javascripts/search/worker.js" in config


# ---------------------------------------------------------------- how a query is read, on a fixed list

WORDS = {"start-ups": 3, "start": 5, "ups": 2, "regio": 9, "deal": 4, "bedrijventerreinen": 6,
         "werkgelegenheid": 2, "geld": 7, "de": 99}

_READ = """([counts, queries]) => {
  const words = new EkdSearchWords.Words(counts);
  return Object.fromEntries(queries.map(q => [q, words.read(q).parts.map(p => [p.how, p.used])]));
}"""


@pytest.fixture(scope="module")
def read(browser, server):
    with opened_tab(browser, server, "desktop") as tab:
        tab.page.goto(f"{server}/", wait_until="load")
        yield lambda *queries: tab.page.evaluate(_READ, [WORDS, list(queries)])


def test_words_compounds_are_read_with_and_without_hyphen_or_space(read):
    answers = read("startups", "regiodeal", "regio deal")
    assert answers["startups"] == [["joined", ["start-ups"]]]
    assert answers["regiodeal"] == [["split", ["regio", "deal"]]]
    assert answers["regio deal"] == [["known", ["regio"]], ["known", ["deal"]]]


def test_words_a_typo_is_read_as_the_nearest_word(read):
    answers = read("bedrijventerein", "werkgelegnheid", "gled", "geld")
    assert answers["bedrijventerein"] == [["corrected", ["bedrijventerreinen"]]]
    assert answers["werkgelegnheid"] == [["corrected", ["werkgelegenheid"]]]
    assert answers["gled"] == [["unknown", []]]  # four letters: too short to guess
    assert answers["geld"] == [["known", ["geld"]]]


def test_words_the_start_of_a_word_is_known_and_a_strange_word_is_left_out(read):
    answers = read("werkgel", "emmen geld")
    assert answers["werkgel"] == [["known", ["werkgel"]]]
    assert answers["emmen geld"] == [["unknown", []], ["known", ["geld"]]]


def test_words_a_hyphenated_word_the_site_writes_apart_is_read_as_its_parts(read):
    answers = read("regio-deal", "start-ups")
    assert answers["regio-deal"] == [["split", ["regio", "deal"]]]
    assert answers["start-ups"] == [["known", ["start-ups"]]]
