"""The budget: sums computed from the lines, Dutch amounts, and "no budget" kept apart from € 0.

The machinery runs on the adopted data, whose published totals and subtotals are known
facts; the content test checks that the real budget page adds up.
"""

import dataclasses
import re

import pytest
from bs4 import BeautifulSoup

from macros.formatting import euro, euro_difference
from macros.render.parts import PARTS
from macros.render.renderer import Renderer
from macros.view.budget import sum_amounts
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, PROJECT, copy_project, read_yaml
from tests.text import squash

NBSP = "\u00a0"


# ---------------------------------------------------------------- sums


def test_the_totals_are_those_the_programme_publishes(adopted):
    # The sums of the lines, against the totals printed in the programme.
    assert adopted.budget.year(2024).total == 13_865_167
    assert adopted.budget.year(2025).total == 11_298_457


def test_a_total_is_the_sum_of_the_lines_not_the_declared_total(adopted):
    declared_wrongly = dataclasses.replace(adopted.budget.year(2024), adopted_total=1)
    assert declared_wrongly.total == 13_865_167


@pytest.mark.parametrize(("year", "subtotals"), [
    (2024, [112_449, None, 10_117_518, 3_635_200]),
    (2025, [2_171_540, 687_084, 2_047_500, 2_306_333, 4_086_000]),
])
def test_each_group_subtotal_is_the_sum_of_its_lines(adopted, year, subtotals):
    assert [group.subtotal for group in adopted.budget.year(year).groups] == subtotals


def shown_amount(cell) -> int | None:
    """The amount in a rendered cell: '€ 1.050.000' is 1050000, the dash of "geen budget" is None."""
    text = squash(cell.get_text())
    if text == "–geen budget":
        return None
    match = re.fullmatch(r"€ (\d{1,3}(?:\.\d{3})*)", text)
    assert match, f"geen bedrag: {text!r}"
    return int(match.group(1).replace(".", ""))


@pytest.mark.content
def test_the_budget_page_adds_up_to_the_declared_totals(page):
    soup = page("begroting/")
    for year in read_yaml(PROJECT / "data" / "budgetten.yaml")["jaren"]:
        table = soup.find(id=f"begroting-{year['jaar']}-bijschrift").find_parent("table")
        everything = []
        for body in table.select("tbody"):
            lines = [shown_amount(row.td) for row in body.select("tr:not([class])")]
            subtotal = shown_amount(body.select_one("tr.ekd-begroting__subtotaal td"))
            known = [amount for amount in lines if amount is not None]
            assert subtotal == (sum(known) if known else None), squash(body.tr.get_text())
            everything += known
        total = shown_amount(table.select_one("tfoot tr.ekd-begroting__totaal td"))
        assert total == sum(everything) == year.get("vastgesteld_totaal", total)  # the adopted total is optional


def test_2024_keeps_its_own_four_groups_and_2025_has_one_group_per_opgave(adopted):
    site = adopted
    old, new = site.budget.year(2024), site.budget.year(2025)
    assert not old.by_opgave
    assert [group.title for group in old.groups][0] == "Innovatie en digitalisering als kans"
    assert len(old.groups) == 4
    assert new.by_opgave
    assert [group.opgave.id for group in new.groups] == [opgave.id for opgave in site.opgaven]
    assert [group.title for group in new.groups] == [opgave.title for opgave in site.opgaven]


# ---------------------------------------------------------------- no budget is not zero


def test_lines_shown_as_a_dash_in_the_source_have_no_budget(adopted):
    group = adopted.budget.year(2024).groups[1]
    assert group.title == "Drenthe wordt dé circulaire en groene provincie"
    assert [line.amount for line in group.lines] == [None, None]
    assert group.subtotal is None  # not 0


def test_sum_of_no_budget_is_no_budget_but_zero_counts():
    assert sum_amounts([None, None]) is None
    assert sum_amounts([None, 0]) == 0
    assert sum_amounts([None, 5, 7]) == 12


def test_zero_and_no_budget_are_shown_differently(tmp_path):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    path = project / "data" / "budgetten.yaml"
    text = path.read_text(encoding="utf-8")
    # The first line of 2024 group 2 gets € 0 instead of no budget: the group now has a subtotal of € 0.
    line = "naam: Versterken goed ondernemerschap\n            bedrag: geen"
    assert line in text
    path.write_text(text.replace(line, line.replace("geen", "0")), encoding="utf-8")
    site = load_site(project / "data")
    group = site.budget.year(2024).groups[1]
    assert [line.amount for line in group.lines] == [0, None]
    assert group.subtotal == 0

    soup = BeautifulSoup(Renderer(site).part(PARTS["begroting_jaren"], "begroting/"), "html.parser")
    rows = soup.find(id=group.anchor).find_parent("tbody").select("tr")
    cells = [row.select_one("td").get_text() if row.select_one("td") else None for row in rows]
    assert cells[1] == f"€{NBSP}0"
    assert cells[2] == "–geen budget"  # the dash, and words for screen readers
    assert cells[3] == f"€{NBSP}0"


# ---------------------------------------------------------------- Dutch notation


@pytest.mark.parametrize(("amount", "shown"), [
    (1_050_000, f"€{NBSP}1.050.000"),
    (13_865_167, f"€{NBSP}13.865.167"),
    (6_000, f"€{NBSP}6.000"),
    (0, f"€{NBSP}0"),
    (None, "–"),
])
def test_amounts_are_in_dutch_notation_without_cents(amount, shown):
    assert euro(amount) == shown


@pytest.mark.parametrize(("difference", "shown"), [
    (18_962, f"€{NBSP}18.962 meer"),
    (-113_648, f"€{NBSP}113.648 minder"),
    (0, "gelijk"),
    (None, "–"),
])
def test_differences_are_said_in_words(difference, shown):
    assert euro_difference(difference) == shown


# ---------------------------------------------------------------- recurring lines


def test_recurring_lines_are_paired_by_id_only(adopted):
    (comparison,) = adopted.budget.comparisons
    pairs = {change.id: (change.before.name, change.after.name) for change in comparison.changes
             if change.before and change.after}
    assert pairs["ibdo"] == ("Ik Ben Drents Ondernemer 2.0 (IBDO)", "Ik Ben Drents Ondernemer (IBDO)")
    assert set(pairs) == {
        "ibdo", "nom", "mit", "voucherregelingen", "greenwise-campus", "uitvoeringskosten",
        "bijdrage-instellingen", "promotie-goed-ondernemerschap", "internationaal-ondernemen",
    }
    # Names the programme does not clearly pair stay apart.
    names = {name for pair in pairs.values() for name in pair}
    assert "Just Transition Fund" not in names
    assert "Just Transition Fund uitvoeringskosten" not in names
    assert "Overige bijdragen" not in names


def test_difference_is_later_minus_earlier(adopted):
    changes = {change.id: change for change in adopted.budget.comparisons[0].changes}
    assert changes["ibdo"].difference == 950_000 - 931_038
    assert changes["bijdrage-instellingen"].difference == 51_884 - 165_532
    assert changes["greenwise-campus"].difference == 0
    assert adopted.budget.comparisons[0].total_difference == 11_298_457 - 13_865_167
