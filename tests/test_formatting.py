"""Money, counts and dates read as a Dutch reader writes them, decided in one module
(macros/formatting.py) that every page, report and feed uses."""

import datetime
import re

from macros.formatting import budget_words, count_words, dutch_date, euro, euro_difference, number
from tests.project import ROOT


def test_an_amount_has_dutch_separators_and_a_euro_sign_that_never_ends_a_line():
    assert euro(1_050_000) == "€\u00a01.050.000"
    assert number(1_050_000) == "1.050.000"


def test_no_budget_is_a_dash_in_tables_and_words_in_running_text():
    assert euro(None) == "–"
    assert budget_words(None) == "geen budget"
    assert budget_words(0) == euro(0) != budget_words(None)  # € 0 is a budget
    assert budget_words(12_000) == euro(12_000)


def test_a_difference_reads_as_more_or_less():
    assert euro_difference(18_962) == f"{euro(18_962)} meer"
    assert euro_difference(-113_648) == f"{euro(113_648)} minder"
    assert euro_difference(0) == "gelijk"


def test_counts_up_to_twelve_are_words_and_larger_ones_digits():
    assert [count_words(count) for count in (0, 1, 5, 12)] == ["geen", "één", "vijf", "twaalf"]
    assert count_words(13) == "13"
    assert count_words(1000) == "1.000"


def test_a_date_is_written_out():
    assert dutch_date(datetime.date(2026, 11, 27)) == "27 november 2026"


def test_no_template_decides_on_its_own_how_no_budget_reads():
    # "{% if x is none %}geen budget{% else %}{{ x | euro }}{% endif %}" is `x | budget_words`.
    own = re.compile(r"is none %\}\s*geen budget\s*\{% else %\}\s*\{\{[^}]*\|\s*euro\s*\}\}")
    templates = [path for path in (ROOT / "macros").glob("**/templates/**/*") if path.is_file()]

    assert templates
    assert not [path.name for path in templates if own.search(path.read_text(encoding="utf-8"))]
