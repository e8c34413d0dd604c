"""The accessibility statement (content/toegankelijkheid.md) follows the Dutch model and stays honest.

Staff keep its facts in the Markdown: the status, the two dates and the known problems.
These tests check what must hold whatever they write: a status in the model's words that
fits the problems listed, real dates in the right order, every problem with who it hits,
what is done and by when, and the parts the model asks for (scope, how it was examined,
how to report and to complain). Run on the adopted build and on the real one.
"""

import datetime
import re
from pathlib import Path

import pytest

from tests.builds import Built, built  # noqa: F401 - the fixture

STATEMENT = "toegankelijkheid/"
# The model's statuses (digitoegankelijk.nl), A to E.
STATUSES = ("voldoet volledig", "voldoet gedeeltelijk", "eerste maatregelen genomen", "voldoet niet", "geen inzicht")
PROBLEM_TERMS = ("Voor wie", "Wat we doen", "Wanneer")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
DUTCH_DATE = re.compile(rf"(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})")


def facts(page) -> dict[str, str]:
    """The statement's definition list under #status: term -> description."""
    section = page.find(id="status")
    dl = section.find_next("dl")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in dl.find_all("dt")}


def dutch_day(text: str) -> datetime.date:
    match = DUTCH_DATE.search(text)
    assert match, f"geen datum als '30 november 2026' in: {text!r}"
    day, month, year = match.groups()
    return datetime.date(int(year), MONTHS.index(month) + 1, int(day))  # fails on a day that does not exist


def problems(page) -> list:
    """The h3 headings under "Wat nog niet goed werkt" (#problemen), up to the next h2."""
    found = []
    for heading in page.find(id="problemen").find_all_next(["h2", "h3"]):
        if heading.name == "h2":
            break
        found.append(heading)
    return found


def test_the_status_is_one_of_the_model_and_fits_the_known_problems(built: Built):
    page = built.page(STATEMENT)
    status = facts(page)["Status"]
    assert status in STATUSES, status
    if problems(page):
        assert status != "voldoet volledig", "met bekende problemen voldoet de site niet volledig"


def test_the_dates_are_real_and_in_order(built: Built):
    found = facts(built.page(STATEMENT))
    written, examined = dutch_day(found["Verklaring opgesteld op"]), dutch_day(found["Laatste onderzoek"])
    assert examined <= written <= datetime.date.today()
    assert found["Onderzocht door"], "de verklaring zegt door wie het onderzoek is gedaan"


def test_every_known_problem_says_who_it_hits_what_is_done_and_when(built: Built):
    for heading in problems(built.page(STATEMENT)):
        dl = heading.find_next("dl")
        terms = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in dl.find_all("dt")}
        for term in PROBLEM_TERMS:
            assert terms.get(term), f"probleem '{heading.get_text(strip=True)}' mist '{term}'"
        dutch_day(terms["Wanneer"])


def test_the_header_landmark_problem_is_fixed_and_not_listed(built: Built):
    """Listed once; fixed in overrides/partials/header.html, so it may not come back on either side."""
    home = built.page("")
    assert home.select_one("header nav")["aria-label"] != "Header"
    assert "Header" not in built.page(STATEMENT).find(id="problemen").find_parent().get_text()


def test_the_statement_has_every_part_of_the_model(built: Built):
    page = built.page(STATEMENT)
    ids = {element["id"] for element in page.select("h2[id]")}
    assert {"bereik", "status", "onderzoek", "problemen", "melden", "klacht"} <= ids
    scope = [a["href"] for a in page.select(".ekd-verklaring-bereik a")]
    assert any(href.endswith(".pdf") for href in scope), "the PDF is part of what the statement covers"
    assert any("#open-data" in href for href in scope), "the open data is part of what the statement covers"
    text = page.select_one("article").get_text(" ")
    assert "Nationale ombudsman" in text
    assert re.search(r"niet getest met gebruikers", text), "the statement says no test with users was done"


@pytest.mark.parametrize("url", ["", "opgaven/", STATEMENT])
def test_the_footer_links_to_the_statement(built: Built, url):
    links = [a.get_text(strip=True) for a in built.page(url).select("footer nav.ekd-footer-links a")]
    assert "Toegankelijkheid" in links


# ---------------------------------------------------------------- the examination claims what the tests do


def test_the_widths_the_statement_names_are_the_widths_the_browser_tests_use(built: Built):
    from macros.render.statement import SEARCH_WIDTHS, TESTED_WIDTHS
    from tests.browser.conftest import NARROW_VIEWPORT, VIEWPORTS

    tested = {viewport["width"] for viewport in VIEWPORTS.values()} | {NARROW_VIEWPORT["width"]}
    assert set(TESTED_WIDTHS) == tested
    assert set(SEARCH_WIDTHS) == {viewport["width"] for viewport in VIEWPORTS.values()}
    text = built.page(STATEMENT).find(id="onderzoek").find_next("ul").get_text(" ")
    for width in TESTED_WIDTHS:
        assert f"{width}" in text


def test_the_checks_the_statement_names_exist(built: Built):
    """Each check the statement describes is a test of the project (named here by its file)."""
    tests_root = Path(__file__).resolve().parents[1]
    text = re.sub(r"\s+", " ", built.page(STATEMENT).find(id="onderzoek").find_next("ul").get_text(" "))
    claims = {
        "zoekfunctie open": "tests/browser/test_search_overlay_axe.py",
        "Nu Html Checker": "tests/test_html_valid.py",
        "axe-core": "tests/browser/test_every_page.py",
        "Kopieer link": "tests/browser/test_share_section.py",
        "met Tab aanwijzen": "tests/test_abbreviations.py",
        "Elke tabel past": "tests/browser/test_every_page.py",
        "toegankelijke PDF": "tests/test_pdf.py",
    }
    for claim, test_file in claims.items():
        assert claim in text, f"de verklaring noemt niet: {claim}"
        assert (tests_root / test_file).is_file(), f"'{claim}': {test_file} bestaat niet"


def test_the_statement_says_plainly_what_was_not_examined(built: Built):
    text = built.page(STATEMENT).select_one(".ekd-verklaring-niet-onderzocht").get_text(" ")
    for missing in ("schermlezer", "deskundige", "met de hand", "Chromium"):
        assert missing in text, missing
