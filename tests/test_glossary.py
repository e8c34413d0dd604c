"""Every abbreviation on the site is explained: it is in the glossary (data/begrippen.yaml),
it shows its meaning as a tooltip wherever it appears, and the glossary page lists it.

The tests marked `content` check the real data (PROJECT); the others check the machinery,
on the adopted data (bron/vastgesteld/) where they need known abbreviations.
"""

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from macros.data.content_rules import NOT_ABBREVIATIONS, abbreviation_like
from macros.view.glossary import Abbreviator
from tests.project import ADOPTED_DATA, PROJECT, build, copy_project, read_yaml
from tests.source_text import key, source_text
from tests.text import squash

# What counts as an abbreviation, and which capitals are none: the data check's own rule
# (macros/data/content_rules.py), so `make check` refuses what these tests would fail on.
content = pytest.mark.content


def titles_of(glossary: list[dict]) -> dict[str, str]:
    """Every spelling of every abbreviation, with its meaning."""
    return {spelling: term["betekenis"] for term in glossary
            for spelling in [term["afkorting"], *term.get("ook_geschreven_als", [])]}


GLOSSARY = read_yaml(PROJECT / "data" / "begrippen.yaml")["begrippen"]
TITLES = titles_of(GLOSSARY)
ADOPTED_TITLES = titles_of(read_yaml(ADOPTED_DATA / "begrippen.yaml")["begrippen"])
GLOSSARY_PATTERN = re.compile(
    r"(?<![^\W_])(?:" + "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True)) + r")(?![^\W_])"
)


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def visible_text_nodes(soup):
    """Text a reader sees in the page content (not in code, scripts or the tooltips themselves)."""
    article = soup.select_one("article")
    if article is None:
        return
    for node in article.find_all(string=True):
        if node.find_parent(["script", "style", "code", "pre", "svg"]) is None:
            yield node


def built_pages(built_site: Path):
    for path in sorted(built_site.rglob("*.html")):
        yield path.relative_to(built_site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# ------------------------------------------------------------------ completeness


def test_the_scanner_finds_abbreviations():
    text = "Het UWV en ESF+ voor mkb-bedrijven, o.a. RIS3, VNO-NCW, UTF-8 en de Mkb-regeling; niet: Drenthe, TopDutch"
    assert abbreviation_like(text) == {"UWV", "ESF+", "mkb", "o.a.", "RIS3", "VNO-NCW", "UTF-8", "Mkb"}


@content
@pytest.mark.parametrize("path", sorted((PROJECT / "data").glob("*.yaml")), ids=lambda p: p.name)
def test_every_abbreviation_in_the_data_is_in_the_glossary(path):
    found = set().union(*(abbreviation_like(text) for text in strings(read_yaml(path))))
    missing = found - TITLES.keys() - NOT_ABBREVIATIONS
    assert not missing, f"{path.name}: afkortingen zonder uitleg in data/begrippen.yaml: {sorted(missing)}"


@content
def test_every_abbreviation_on_the_site_is_in_the_glossary(built_site):
    missing = {}
    for url, soup in built_pages(built_site):
        for node in visible_text_nodes(soup):
            for word in abbreviation_like(node) - TITLES.keys() - NOT_ABBREVIATIONS:
                missing.setdefault(word, url)
    assert not missing, f"afkortingen zonder uitleg in data/begrippen.yaml (en waar): {missing}"


# ------------------------------------------------------------------ tooltips


@content
def test_every_abbreviation_on_the_site_shows_its_meaning_as_a_tooltip(built_site):
    bare, wrong = [], []
    for url, soup in built_pages(built_site):
        for node in visible_text_nodes(soup):
            abbr = node.find_parent("abbr")
            if abbr is not None:
                if abbr.get("title") != TITLES.get(abbr.get_text()):
                    wrong.append((url, abbr.get_text(), abbr.get("title")))
                continue
            bare += [(url, match) for match in GLOSSARY_PATTERN.findall(node)]
    assert not bare, f"afkortingen zonder tooltip: {bare[:10]} (en {max(0, len(bare) - 10)} meer)"
    assert not wrong, f"tooltips met een andere betekenis dan data/begrippen.yaml: {wrong[:10]}"


def test_tooltips_reach_the_opgave_pages(adopted_page):
    soup = adopted_page("opgaven/transities/")
    assert soup.find("abbr", string="EZK")["title"] == ADOPTED_TITLES["EZK"]
    assert soup.find("abbr", string="RIS3")["title"] == ADOPTED_TITLES["RIS3"]


def test_hand_written_markdown_gets_tooltips_too(tmp_path, warm_cache):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)
    page = project / "content" / "proef.md"
    page.write_text("# Proef\n\nHet mkb en het Ministerie van EZK, zie ook de NOM.\n", encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - Home: index.md\n", "  - Home: index.md\n  - Proef: proef.md\n"),
                      encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup((tmp_path / "site" / "proef" / "index.html").read_text(encoding="utf-8"), "html.parser")
    shown = {abbr.get_text(): abbr["title"] for abbr in soup.select("article abbr")}
    assert shown == {"mkb": ADOPTED_TITLES["mkb"], "EZK": ADOPTED_TITLES["EZK"], "NOM": ADOPTED_TITLES["NOM"]}


# ------------------------------------------------------------------ the filter


@pytest.fixture
def abbreviate():
    return Abbreviator({"mkb": "Midden- en kleinbedrijf", "EU": "Europese Unie", "ESF+": "Europees <Sociaal> Fonds"})


def test_only_whole_words_are_marked_and_case_counts(abbreviate):
    html = str(abbreviate("mkb-dienstverlening, EU-middelen, ESF+) maar niet mkbx, EUR, Mkb of eu"))
    assert html.count("<abbr") == 3
    assert '<abbr title="Midden- en kleinbedrijf">mkb</abbr>-dienstverlening' in html
    assert '<abbr title="Europese Unie">EU</abbr>-middelen' in html
    assert '<abbr title="Europees &lt;Sociaal&gt; Fonds">ESF+</abbr>)' in html


def test_data_text_is_escaped_not_executed(abbreviate):
    html = str(abbreviate('<script>alert("mkb")</script> {{ EU }}'))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "{{ " in html


def test_markup_is_changed_only_between_tags(abbreviate):
    html = Markup('<p title="EU">EU <code>EU</code> <abbr title="x">EU</abbr> &amp; mkb</p><!-- EU -->')
    assert str(abbreviate(html)) == (
        '<p title="EU"><abbr title="Europese Unie">EU</abbr> <code>EU</code> <abbr title="x">EU</abbr> '
        '&amp; <abbr title="Midden- en kleinbedrijf">mkb</abbr></p><!-- EU -->'
    )


# ------------------------------------------------------------------ the glossary itself


@content
def test_the_glossary_page_lists_every_term_with_its_meaning(page):
    rows = page("begrippen/").select("article table tbody tr")
    shown = {squash(row.th.find("abbr").get_text()): squash(row.td.get_text()) for row in rows}
    assert list(shown) == sorted(shown, key=str.casefold)
    for term in GLOSSARY:
        assert term["afkorting"] in shown, f"{term['afkorting']} staat niet op de pagina"
        assert shown[term["afkorting"]].startswith(squash(term["betekenis"]))


@content
@pytest.mark.parametrize("term", [t for t in GLOSSARY if t["herkomst"] == "programma"], ids=lambda t: t["afkorting"])
def test_a_meaning_marked_as_from_the_programme_is_in_the_programme(term):
    # A meaning starts with a capital on the site; the source may have it mid-sentence.
    assert key(term["betekenis"]).casefold() in key(source_text()).casefold(), (
        f"{term['afkorting']}: '{term['betekenis']}' staat niet zo in het programma. "
        "Zet 'herkomst: toelichting' als de redactie de betekenis heeft toegevoegd."
    )
