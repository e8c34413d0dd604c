"""The figures can be downloaded: CSV and JSON of the budgets and the opgaven, described and licensed."""

import csv
import io
import json
import re

import pytest

from macros.opendata import BUDGET_COLUMNS, LICENCE_URL
from macros.view import load_site

SITE = load_site()
BUDGET_PAGE = "begroting/"
FILES = ["open-data/begroting.csv", "open-data/begroting.json", "open-data/opgaven.csv", "open-data/opgaven.json"]


def read_csv(built_site, name) -> list[dict]:
    raw = (built_site / "open-data" / name).read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf"), "geen byte order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def read_json(built_site, name):
    return json.loads((built_site / "open-data" / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", FILES)
def test_each_file_is_published_and_linked_from_the_budget_page(path, built_site, page):
    assert (built_site / path).is_file()
    links = [a["href"] for a in page(BUDGET_PAGE).select("#open-data ~ ul a")]
    assert f"../{path}" in links


def test_the_budget_csv_read_back_equals_the_data(built_site):
    rows = read_csv(built_site, "begroting.csv")
    assert list(rows[0]) == [column.name for column in BUDGET_COLUMNS]
    expected = [
        {
            "jaar": str(year.year),
            "groep_nummer": str(group.number),
            "groep": group.title,
            "opgave_id": group.opgave.id if group.opgave else "",
            "regel_id": line.id,
            "regel": line.name,
            "bedrag": "" if line.amount is None else str(line.amount),
        }
        for year in SITE.budget.years for group in year.groups for line in group.lines
    ]
    assert rows == expected


def test_csv_amounts_are_plain_integers_and_no_budget_is_empty(built_site):
    rows = read_csv(built_site, "begroting.csv")
    assert all(re.fullmatch(r"\d*", row["bedrag"]) for row in rows)
    for year in (2024, 2025):
        total = sum(int(row["bedrag"]) for row in rows if row["jaar"] == str(year) and row["bedrag"])
        assert total == SITE.budget.year(year).total
    empty = [row["regel"] for row in rows if row["bedrag"] == ""]
    assert empty == ["Versterken goed ondernemerschap", "Profilering van Drenthe als groene economische provincie"]


def test_the_budget_json_has_lines_subtotals_and_totals(built_site):
    data = read_json(built_site, "begroting.json")
    assert data["licentie"]["url"] == LICENCE_URL
    assert [year["totaal"] for year in data["jaren"]] == [13_865_167, 11_298_457]
    for year_data, year in zip(data["jaren"], SITE.budget.years):
        for group_data, group in zip(year_data["groepen"], year.groups, strict=True):
            assert group_data["subtotaal"] == group.subtotal
            assert [(line["id"], line["naam"], line["bedrag"]) for line in group_data["regels"]] == [
                (line.id, line.name, line.amount) for line in group.lines
            ]
    assert data["jaren"][0]["groepen"][1]["subtotaal"] is None  # no budget, not 0
    ibdo = next(line for line in data["vergelijking"][0]["regels"] if line["id"] == "ibdo")
    assert ibdo["bedrag"] == {"2024": 931_038, "2025": 950_000}
    assert ibdo["verschil"] == 18_962


def test_the_opgaven_csv_has_each_opgave_with_its_budget(built_site):
    rows = read_csv(built_site, "opgaven.csv")
    assert [(row["nummer"], row["id"], row["titel"]) for row in rows] == [
        (str(opgave.number), opgave.id, opgave.title) for opgave in SITE.opgaven
    ]
    assert [int(row["budget_2025"]) for row in rows] == [
        SITE.budget.group_for(opgave.id).subtotal for opgave in SITE.opgaven
    ]
    assert all(row["webadres"].endswith(opgave.path) for row, opgave in zip(rows, SITE.opgaven))


def test_the_opgaven_json_has_the_full_text_and_budget(built_site):
    data = read_json(built_site, "opgaven.json")
    for item, opgave in zip(data["opgaven"], SITE.opgaven, strict=True):
        assert item["id"] == opgave.id and item["titel"] == opgave.title
        assert item["nut_en_noodzaak"] == list(opgave.record.need)
        assert item["budget"]["subtotaal"] == SITE.budget.group_for(opgave.id).subtotal


def test_the_page_describes_columns_unit_and_licence(page):
    section = page(BUDGET_PAGE).find("h2", id="open-data")
    text = " ".join(element.get_text(" ") for element in section.find_next_siblings())
    for column in BUDGET_COLUMNS:
        assert column.name in text
    assert "in hele euro’s" in text
    assert "UTF-8" in text
    licence = page(BUDGET_PAGE).find("a", href=LICENCE_URL)
    assert licence is not None and "CC0 1.0" in licence.get_text()
