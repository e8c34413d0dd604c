"""The figures can be downloaded: CSV and JSON of the budgets and the opgaven, a CSV of each table
for Excel, and a Frictionless data package that describes them, all described and licensed.

Expectations come from the raw YAML and the adopted totals, not from the resolved view that
writes the files. The general rules run on the adopted build and (marked `content`) on the
real one; exact figures are checked on the adopted build only.
"""

import csv
import io
import json
import re
import shutil

import frictionless
import pytest

from macros.outputs.opendata import BUDGET_COLUMNS, LICENCE_URL
from tests.builds import Built, adopted_build, built  # noqa: F401 (fixtures)
from tests.text import squash

BUDGET_PAGE = "begroting/"
TABLES = ["begroting", "opgaven", "budget-per-opgave"]
FILES = ["open-data/begroting.csv", "open-data/begroting.json", "open-data/opgaven.csv", "open-data/opgaven.json",
         "open-data/budget-per-opgave.csv", "open-data/begroting-excel.csv", "open-data/opgaven-excel.csv",
         "open-data/budget-per-opgave-excel.csv", "open-data/datapackage.json"]
BOM = b"\xef\xbb\xbf"


def read_csv(built: Built, name: str) -> list[dict]:
    raw = (built.site_dir / "open-data" / name).read_bytes()
    assert not raw.startswith(BOM), "geen byte order mark"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))


def read_json(built: Built, name: str):
    return json.loads((built.site_dir / "open-data" / name).read_text(encoding="utf-8"))


def amount(line: dict) -> int | None:
    return None if line["bedrag"] == "geen" else line["bedrag"]


def line_sum(lines: list[dict]) -> int | None:
    amounts = [amount(line) for line in lines if amount(line) is not None]
    return sum(amounts) if amounts else None


def year_total(year: dict) -> int:
    """The total a year states, or (the total is optional) the sum of its amounts."""
    return year.get("vastgesteld_totaal", sum(amount(line) or 0 for group in year["groepen"] for line in group["regels"]))


def raw_budget_rows(built: Built) -> list[dict]:
    """The budget lines as the YAML has them, in the columns of begroting.csv."""
    titles = {record["id"]: record["titel"] for record in built.raw("opgaven.yaml")["opgaven"]}
    return [
        {
            "jaar": str(year["jaar"]),
            "groep_nummer": str(number),
            "groep": titles[group["opgave"]] if "opgave" in group else group["titel"],
            "opgave_id": group.get("opgave", ""),
            "regel_id": line["id"],
            "regel": line["naam"],
            "bedrag": "" if amount(line) is None else str(amount(line)),
        }
        for year in built.raw("budgetten.yaml")["jaren"]
        for number, group in enumerate(year["groepen"], 1) for line in group["regels"]
    ]


def opgave_budgets(built: Built) -> dict[int, dict[str, int | None]]:
    """Per year laid out by opgave, per opgave id: the sum of its lines."""
    return {year["jaar"]: {group["opgave"]: line_sum(group["regels"]) for group in year["groepen"]}
            for year in built.raw("budgetten.yaml")["jaren"] if "opgave" in year["groepen"][0]}


@pytest.mark.parametrize("path", FILES)
def test_each_file_is_published_and_linked_from_the_budget_page(path, built):
    assert (built.site_dir / path).is_file()
    links = [a["href"] for a in built.page(BUDGET_PAGE).select("#open-data ~ ul a")]
    assert f"../{path}" in links


def test_the_budget_csv_read_back_equals_the_data(built):
    rows = read_csv(built, "begroting.csv")
    assert list(rows[0]) == [column.name for column in BUDGET_COLUMNS]
    assert rows == raw_budget_rows(built)


def test_csv_amounts_are_plain_integers_and_add_up_to_the_adopted_totals(built):
    rows = read_csv(built, "begroting.csv")
    assert all(re.fullmatch(r"\d*", row["bedrag"]) for row in rows)
    for year in built.raw("budgetten.yaml")["jaren"]:
        total = sum(int(row["bedrag"]) for row in rows if row["jaar"] == str(year["jaar"]) and row["bedrag"])
        assert total == year.get("vastgesteld_totaal", total)  # the adopted total is optional


def test_no_budget_is_an_empty_field_not_zero(adopted_build):
    rows = read_csv(adopted_build, "begroting.csv")
    empty = [row["regel"] for row in rows if row["bedrag"] == ""]
    assert empty == ["Versterken goed ondernemerschap", "Profilering van Drenthe als groene economische provincie"]


def test_the_budget_json_has_lines_subtotals_and_totals(built):
    data = read_json(built, "begroting.json")
    assert data["licentie"]["url"] == LICENCE_URL
    years = built.raw("budgetten.yaml")["jaren"]
    assert [year["totaal"] for year in data["jaren"]] == [year_total(year) for year in years]
    for year_data, year in zip(data["jaren"], years, strict=True):
        for group_data, group in zip(year_data["groepen"], year["groepen"], strict=True):
            assert group_data["subtotaal"] == line_sum(group["regels"])
            assert [(line["id"], line["naam"], line["bedrag"]) for line in group_data["regels"]] == [
                (line["id"], line["naam"], amount(line)) for line in group["regels"]
            ]


def test_the_adopted_budget_json(adopted_build):
    data = read_json(adopted_build, "begroting.json")
    assert [year["totaal"] for year in data["jaren"]] == [13_865_167, 11_298_457]
    assert data["jaren"][0]["groepen"][1]["subtotaal"] is None  # no budget, not 0
    ibdo = next(line for line in data["vergelijking"][0]["regels"] if line["id"] == "ibdo")
    assert ibdo["bedrag"] == {"2024": 931_038, "2025": 950_000}
    assert ibdo["verschil"] == 18_962
    dtz = next(line for line in data["vergelijking"][0]["regels"] if line["id"] == "bedrijvenregeling-dtz")
    assert (dtz["soort"], dtz["bedrag"], dtz["verschil"]) == ("vervallen", {"2024": 1_250_000, "2025": None}, -1_250_000)
    assert data["vergelijking"][0]["verschil"] == -2_566_710


def test_the_budget_json_compares_every_line_and_adds_up(built):
    data = read_json(built, "begroting.json")
    years = built.raw("budgetten.yaml")["jaren"]
    assert len(data["vergelijking"]) == len(years) - 1
    for comparison, earlier, later in zip(data["vergelijking"], years, years[1:]):
        before = {line["id"]: amount(line) for group in earlier["groepen"] for line in group["regels"]}
        after = {line["id"]: amount(line) for group in later["groepen"] for line in group["regels"]}
        lines = {line["id"]: line for line in comparison["regels"]}
        assert len(lines) == len(comparison["regels"])
        assert set(lines) == set(before) | set(after)
        for line_id, line in lines.items():
            assert line["soort"] == ("in_beide_jaren" if line_id in before and line_id in after
                                     else "nieuw" if line_id in after else "vervallen")
            assert line["bedrag"] == {str(earlier["jaar"]): before.get(line_id), str(later["jaar"]): after.get(line_id)}
        assert sum(line["verschil"] or 0 for line in lines.values()) == comparison["verschil"] == (
            year_total(later) - year_total(earlier))


def test_the_opgaven_csv_has_each_opgave(built):
    rows = read_csv(built, "opgaven.csv")
    records = built.raw("opgaven.yaml")["opgaven"]
    assert [(row["nummer"], row["id"], row["titel"]) for row in rows] == [
        (str(number), record["id"], record["titel"]) for number, record in enumerate(records, 1)
    ]
    assert all(row["webadres"].endswith(f"opgaven/{record['slug']}/") for row, record in zip(rows, records))


def test_the_budget_per_opgave_csv_has_a_row_per_opgave_per_year_laid_out_by_opgave(built):
    rows = read_csv(built, "budget-per-opgave.csv")
    titles = {record["id"]: record["titel"] for record in built.raw("opgaven.yaml")["opgaven"]}
    assert [(row["jaar"], row["opgave_id"], row["opgave"], row["budget"]) for row in rows] == [
        (str(year), opgave_id, titles[opgave_id], "" if budgets.get(opgave_id) is None else str(budgets[opgave_id]))
        for year, budgets in opgave_budgets(built).items() for opgave_id in titles
    ]


def test_the_adopted_budget_per_opgave_csv(adopted_build):
    rows = read_csv(adopted_build, "budget-per-opgave.csv")
    assert [(row["jaar"], int(row["budget"])) for row in rows] == [
        ("2025", 2_171_540), ("2025", 687_084), ("2025", 2_047_500), ("2025", 2_306_333), ("2025", 4_086_000)]


def test_the_opgaven_json_has_the_full_text_and_budget(built):
    data = read_json(built, "opgaven.json")
    budgets = opgave_budgets(built)
    for item, record in zip(data["opgaven"], built.raw("opgaven.yaml")["opgaven"], strict=True):
        assert item["id"] == record["id"] and item["titel"] == record["titel"]
        assert [squash(text) for text in item["nut_en_noodzaak"]] == [
            squash(text) for text in record["nut_en_noodzaak"]
        ]
        assert [(part["jaar"], part["subtotaal"]) for part in item["budget"]] == [
            (year, amounts.get(record["id"])) for year, amounts in budgets.items()]


def test_the_page_describes_columns_unit_and_licence(built):
    section = built.page(BUDGET_PAGE).find("h2", id="open-data")
    text = " ".join(element.get_text(" ") for element in section.find_next_siblings())
    for column in BUDGET_COLUMNS:
        assert column.name in text
    assert "in hele euro’s" in text
    assert "UTF-8" in text
    licence = built.page(BUDGET_PAGE).find("a", href=LICENCE_URL)
    assert licence is not None and "CC0 1.0" in licence.get_text()


# The files for Excel: the same table, split on ";", starting with a byte order mark.

def amount_columns(header: list[str]) -> list[int]:
    return [index for index, name in enumerate(header) if name in ("bedrag", "budget")]


@pytest.mark.parametrize("table", ["begroting", "budget-per-opgave"])  # the tables with amounts
def test_the_excel_csv_holds_the_same_rows_for_a_dutch_excel(table, built):
    raw = (built.site_dir / "open-data" / f"{table}-excel.csv").read_bytes()
    assert raw.startswith(BOM), "Excel leest een CSV alleen met byte order mark als UTF-8"
    text = raw[len(BOM):].decode("utf-8")
    excel_rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    standard = (built.site_dir / "open-data" / f"{table}.csv").read_text(encoding="utf-8")
    assert excel_rows == list(csv.reader(io.StringIO(standard, newline="")))
    assert len(excel_rows[0]) > 1 and len(excel_rows) > 1
    amounts = amount_columns(excel_rows[0])
    assert amounts
    for row in excel_rows[1:]:
        assert all(re.fullmatch(r"\d+", row[index]) for index in amounts if row[index]), row
    # A number in quotes is text to Excel; csv.writer only quotes a field with ";", '"' or a line break.
    assert not re.search(r'(?:^|;)"\d*"(?=;|\r?$)', text, re.MULTILINE)


def test_the_excel_csv_keeps_accented_letters(adopted_build):
    text = (adopted_build.site_dir / "open-data" / "begroting-excel.csv").read_bytes().decode("utf-8")
    assert "Drenthe wordt dé circulaire en groene provincie" in text


# The data package: frictionless reads datapackage.json and checks every CSV against it.

def read_package(built: Built) -> dict:
    return read_json(built, "datapackage.json")


def test_the_data_package_validates_with_frictionless(built):
    report = frictionless.validate(str(built.site_dir / "open-data" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "message"])
    described = {resource["path"] for resource in read_package(built)["resources"]}
    assert described == {path.name for path in (built.site_dir / "open-data").glob("*.csv")}


def test_the_data_package_describes_each_table_in_dutch_with_types_and_keys(built):
    package = read_package(built)
    assert package["licenses"] == [{"name": "CC0-1.0", "title": "CC0 1.0 Universeel", "path": LICENCE_URL}]
    assert all(package[key] for key in ("name", "title", "description"))
    resources = {resource["name"]: resource for resource in package["resources"]}
    assert set(resources) == {*TABLES, *(f"{table}-excel" for table in TABLES)}
    for name, resource in resources.items():
        fields = resource["schema"]["fields"]
        header = next(csv.reader(io.StringIO(
            (built.site_dir / "open-data" / resource["path"]).read_text(encoding="utf-8-sig"), newline=""),
            delimiter=resource.get("dialect", {}).get("delimiter", ",")))
        assert [field["name"] for field in fields] == header
        assert all(field["description"] for field in fields)
        integers = {"begroting": ["groep_nummer", "bedrag"], "opgaven": ["nummer"],
                    "budget-per-opgave": ["budget"]}[name.removesuffix("-excel")]
        assert [field["name"] for field in fields if field["type"] == "integer"] == integers
        assert ("dialect" in resource) == name.endswith("-excel")
    budget, opgaven = resources["begroting"]["schema"], resources["opgaven"]["schema"]
    per_opgave = resources["budget-per-opgave"]["schema"]
    assert budget["primaryKey"] == ["jaar", "regel_id"] and opgaven["primaryKey"] == ["id"]
    assert per_opgave["primaryKey"] == ["jaar", "opgave_id"]
    to_opgaven = [{"fields": ["opgave_id"], "reference": {"resource": "opgaven", "fields": ["id"]}}]
    assert budget["foreignKeys"] == per_opgave["foreignKeys"] == to_opgaven
    assert resources["begroting-excel"]["dialect"]["delimiter"] == ";"


def test_the_column_descriptions_on_the_page_are_those_of_the_data_package(adopted_build):
    page = adopted_build.page(BUDGET_PAGE)
    for resource in read_package(adopted_build)["resources"]:
        if resource["name"].endswith("-excel"):
            continue
        heading = page.find(id=f"kolommen-{resource['path'].replace('.', '-')}")
        listed = heading.find_next_sibling("dl")
        documented = dict(zip([dt.get_text(strip=True) for dt in listed.find_all("dt")],
                              [squash(dd.get_text(" ")) for dd in listed.find_all("dd")], strict=True))
        assert documented == {field["name"]: squash(field["description"]) for field in resource["schema"]["fields"]}
        assert resource["path"].replace(".csv", "-excel.csv") in heading.get_text()


def test_frictionless_finds_a_changed_file_and_a_wrong_amount(adopted_build, tmp_path):
    """The package has teeth: a file that no longer matches its size and hash, an amount with a
    thousands separator and an opgave_id that names no opgave are each reported."""
    folder = tmp_path / "open-data"
    shutil.copytree(adopted_build.site_dir / "open-data", folder)
    rows = read_csv(adopted_build, "begroting.csv")
    line = next(row for row in rows if row["bedrag"] and row["opgave_id"])
    line["bedrag"] = f"{int(line['bedrag']):,}".replace(",", ".")
    line["opgave_id"] = "bestaat-niet"
    with (folder / "begroting.csv").open("w", encoding="utf-8", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    descriptor = folder / "datapackage.json"
    found = {error[0] for error in frictionless.validate(str(descriptor)).flatten(["type"])}
    assert {"hash-count", "byte-count", "type-error"} <= found
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        del resource["hash"], resource["bytes"]
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    errors = frictionless.validate(str(descriptor)).flatten(["type", "fieldName"])
    assert ["type-error", "bedrag"] in errors
    assert any(error[0] == "foreign-key" for error in errors)


# The page says which file is for whom.

def test_the_page_says_which_file_is_for_whom(built):
    page = built.page(BUDGET_PAGE)
    sections = {"open-data-excel": ["begroting-excel.csv", "opgaven-excel.csv", "budget-per-opgave-excel.csv"],
                "open-data-software": ["begroting.csv", "begroting.json", "opgaven.csv", "budget-per-opgave.csv",
                                       "opgaven.json"],
                "open-data-datapakket": ["datapackage.json"]}
    intro = [a["href"] for a in page.find("h2", id="open-data").find_next_sibling("div").select("a")]
    assert intro == [f"#{anchor}" for anchor in sections]
    for anchor, files in sections.items():
        heading = page.find("h3", id=anchor)
        listed = heading.find_next_sibling("ul")
        assert listed.find_previous_sibling(["h2", "h3"]) is heading
        assert [a["href"] for a in listed.select("a")] == [f"../open-data/{name}" for name in files]
    excel = page.find("h3", id="open-data-excel")
    assert "Excel" in excel.get_text() and "Dubbelklik" in excel.find_next_sibling("div").get_text()
