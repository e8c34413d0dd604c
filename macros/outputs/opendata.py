"""The open data downloads: the budgets and the opgaven as CSV and JSON, a CSV of each
table for Excel, and a Frictionless data package that describes the tables.

The files come from the same resolved view as the pages, so a download can never
disagree with what the site shows. The descriptions of the files and their columns
live here too: the budget page lists them and datapackage.json is made from them, so
the page, the files and their description change together.

CSV: UTF-8 without byte order mark, comma separated, a header row, amounts as plain
integers in whole euros. An empty amount is "no budget" (a "-" in the programme),
which is not the same as 0. JSON uses null for it.

CSV for Excel: the same rows and values, but separated by semicolons and starting with
a UTF-8 byte order mark. A Dutch Excel opens such a file on a double click with every
column apart, é and ë intact and the amounts as numbers (it splits on the list separator
of the Dutch locale, ";", and reads the file as UTF-8 only with the mark). Plain text
rather than xlsx, so two builds of one commit stay byte-identical.
"""

import csv
import io
import json
from dataclasses import dataclass

from macros.outputs.datapackage import PACKAGE_FILE, data_package, excel_name
from macros.formatting import listing
from macros.view.budget import ADDED, KEPT, REMOVED, slugify
from macros.view.urls import OPEN_DATA_DIR

LICENCE_NAME = "CC0 1.0 Universeel"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
LICENCE_ID = "CC0-1.0"  # its Open Definition / SPDX id, as datapackage.json names a licence
UNIT = "euro, in hele euro’s (zonder decimalen)"
NO_BUDGET_CSV = "een leeg veld betekent: geen budget (in het programma staat een streepje); dat is iets anders dan 0"
NO_BUDGET_JSON = "null betekent: geen budget (in het programma staat een streepje); dat is iets anders dan 0"


# Who a file is for: the budget page lists the files in these groups, in this order.
EXCEL, SOFTWARE, PACKAGE = "excel", "software", "package"
EXCEL_DELIMITER = ";"  # the list separator of a Dutch Windows, which Excel splits a double-clicked CSV on
BOM = "\ufeff"  # tells Excel the file is UTF-8 (without it Excel reads Windows-1252 and mangles é and ë)


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    # How datapackage.json describes the column (Table Schema): its type, whether every row
    # has a value, the least value of an amount and the table.column a value must exist in.
    type: str = "string"
    required: bool = True
    minimum: int | None = None
    references: tuple[str, str] | None = None


def _amount(name: str, description: str) -> Column:
    """Whole euros; empty is "no budget" (not 0), so not required."""
    return Column(name, description, "integer", required=False, minimum=0)


@dataclass(frozen=True)
class Table:
    """One table of the open data: written as CSV, as CSV for Excel and described in datapackage.json."""

    name: str  # the file name without .csv, and the resource name in datapackage.json
    columns: tuple[Column, ...]
    rows: tuple[tuple, ...]
    primary_key: tuple[str, ...]


@dataclass(frozen=True)
class Download:
    path: str  # site-relative
    title: str
    format: str
    description: str
    content: str
    audience: str = SOFTWARE  # EXCEL, SOFTWARE or PACKAGE
    table: Table | None = None  # for a CSV: the table it holds

    @property
    def excel(self) -> bool:
        """A CSV for Excel (semicolons, byte order mark)."""
        return self.audience == EXCEL

    @property
    def excel_file(self) -> str | None:
        """For a standard CSV: the file name of the same table for Excel."""
        return f"{excel_name(self.table.name)}.csv" if self.table and not self.excel else None

    @property
    def file_name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.table.columns if self.table else ()

    @property
    def delimiter(self) -> str:
        return EXCEL_DELIMITER if self.excel else ","


BUDGET_TABLE = "begroting"
OPGAVEN_TABLE = "opgaven"
BUDGET_COLUMNS = (
    Column("jaar", "Het jaar van de begroting.", "year"),
    Column("groep_nummer", "Het nummer van de groep binnen dat jaar, zoals in het programma.", "integer", minimum=1),
    Column("groep", "De naam van de groep. In een jaar dat per opgave is ingedeeld, is dat de titel van een opgave."),
    Column("opgave_id", "De id van de opgave (zie opgaven.csv). Leeg als de groep geen opgave is: in een jaar "
                        "met een eigen indeling.", required=False, references=(OPGAVEN_TABLE, "id")),
    Column("regel_id", "Vaste sleutel van de regel. Een regel die in meer jaren staat, heeft in elk jaar "
                       "dezelfde regel_id."),
    Column("regel", "De naam van de regel, zoals in het programma."),
    _amount("bedrag", "Het budget in hele euro’s, zonder punt of komma. Een leeg veld betekent: geen budget "
                      "(in het programma staat een streepje). Dat is iets anders dan 0."),
)
BUDGET_KEY = ("jaar", "regel_id")  # a line id is unique within a year (macros/data/models/budget.py)


# The columns of every table are the same whatever the data holds: a new budget year adds rows,
# never a column, so a spreadsheet or script that reads last month's file reads this one.
OPGAVE_COLUMNS = (
    Column("nummer", "Het nummer van de opgave in het programma.", "integer", minimum=1),
    Column("id", "Vaste sleutel van de opgave."),
    Column("titel", "De titel van de opgave."),
    # Empty without a published address (`_address`): a string that may be empty.
    Column("webadres", "De pagina van de opgave op deze site.", required=False),
)
OPGAVEN_KEY = ("id",)

OPGAVE_BUDGET_TABLE = "budget-per-opgave"
OPGAVE_BUDGET_COLUMNS = (
    Column("jaar", "Het jaar van de begroting. Alleen jaren waarin de begroting per opgave is ingedeeld.", "year"),
    Column("opgave_id", "De id van de opgave (zie opgaven.csv).", references=(OPGAVEN_TABLE, "id")),
    Column("opgave", "De titel van de opgave."),
    _amount("budget", "Het budget van de opgave in dat jaar, in hele euro’s: de som van haar regels in "
                      "begroting.csv. Een leeg veld betekent: geen budget."),
)
OPGAVE_BUDGET_KEY = ("jaar", "opgave_id")


def _csv(columns: tuple[Column, ...], rows, delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")  # RFC 4180
    writer.writerow([column.name for column in columns])
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue()


def table_csv(table: Table) -> str:
    return _csv(table.columns, table.rows)


def table_excel_csv(table: Table) -> str:
    """The same rows for a Dutch Excel: amounts stay plain digits (no thousands separator, no
    quotes), so Excel reads them as numbers."""
    return BOM + _csv(table.columns, table.rows, delimiter=EXCEL_DELIMITER)


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _about(source: str) -> dict:
    """Where the figures come from (the programme's title) and under which licence."""
    return {"bron": source, "licentie": {"naam": LICENCE_NAME, "url": LICENCE_URL}}


def budget_table(budget) -> Table:
    rows = tuple(
        (year.year, group.number, group.title, group.opgave.id if group.opgave else None,
         line.id, line.name, line.amount)
        for year in budget.years for group in year.groups for line in group.lines
    )
    return Table(BUDGET_TABLE, BUDGET_COLUMNS, rows, BUDGET_KEY)



def budget_json(budget, source: str) -> str:
    return _json({
        **_about(source),
        "titel": budget.heading,
        "eenheid": UNIT,
        "geen_budget": NO_BUDGET_JSON,
        "jaren": [
            {
                "jaar": year.year,
                "indeling": "opgaven" if year.by_opgave else "eigen indeling van de begroting",
                "totaal": year.total,
                "groepen": [
                    {
                        "nummer": group.number,
                        "titel": group.title,
                        "opgave_id": group.opgave.id if group.opgave else None,
                        "subtotaal": group.subtotal,
                        "regels": [{"id": line.id, "naam": line.name, "bedrag": line.amount} for line in group.lines],
                    }
                    for group in year.groups
                ],
            }
            for year in budget.years
        ],
        "vergelijking": [_comparison(comparison) for comparison in budget.comparisons],
    })


# The kinds of line in a comparison, as the JSON names them.
CHANGE_KINDS = {KEPT: "in_beide_jaren", ADDED: "nieuw", REMOVED: "vervallen"}


def _comparison(comparison) -> dict:
    """Every line of both years, as the budget page's comparison table: the differences add
    up to the change of the total."""
    earlier, later = str(comparison.earlier.year), str(comparison.later.year)
    return {
        "van": comparison.earlier.year,
        "naar": comparison.later.year,
        "uitleg": (f"Elke regel van {earlier} en {later}, gekoppeld op id. 'soort' is in_beide_jaren, nieuw (alleen "
                   f"in {later}) of vervallen (alleen in {earlier}). 'verschil' is het bedrag in {later} min het "
                   f"bedrag in {earlier}; een jaar zonder de regel of zonder budget telt als 0, en null betekent: "
                   "in geen van beide jaren budget. De verschillen samen zijn het verschil tussen de totalen."),
        "totaal": {earlier: comparison.earlier.total, later: comparison.later.total},
        "verschil": comparison.total_difference,
        "regels": [
            {
                "id": change.id,
                "soort": CHANGE_KINDS[change.kind],
                "naam": {earlier: change.before.name if change.before else None,
                         later: change.after.name if change.after else None},
                "groep_nummer": {earlier: change.group_before.number if change.group_before else None,
                                 later: change.group_after.number if change.group_after else None},
                "bedrag": {earlier: change.amount_before, later: change.amount_after},
                "verschil": change.difference,
            }
            for change in comparison.changes
        ],
    }


def _address(site_url: str | None, path: str) -> str | None:
    # The page's full address; without the published address (macros/view/address.py) none:
    # a path alone says nothing to someone who downloaded the file. CSV: empty, JSON: null.
    return f"{site_url.rstrip('/')}/{path}" if site_url else None


def opgaven_table(opgaven, site_url: str | None) -> Table:
    rows = tuple((entry.number, entry.id, entry.title, _address(site_url, entry.path)) for entry in opgaven)
    return Table(OPGAVEN_TABLE, OPGAVE_COLUMNS, rows, OPGAVEN_KEY)


def opgave_budget_table(budget, opgaven) -> Table:
    """One row per opgave per year laid out by opgave: its subtotal that year."""
    rows = []
    for year in budget.opgave_years:
        for entry in opgaven:
            group = budget.group_for(entry.id, year)
            rows.append((year.year, entry.id, entry.title, group.subtotal if group else None))
    return Table(OPGAVE_BUDGET_TABLE, OPGAVE_BUDGET_COLUMNS, tuple(rows), OPGAVE_BUDGET_KEY)



def opgaven_json(budget, opgaven, site_url: str | None, source: str) -> str:
    items = []
    for entry in opgaven:
        record = entry.record.model_dump(by_alias=True, mode="json", exclude={"previous_slugs"}, exclude_none=True)
        item = {"nummer": entry.number, "webadres": _address(site_url, entry.path), **record, "budget": []}
        for year in budget.opgave_years:  # every year laid out by opgave, old to new
            group = budget.group_for(entry.id, year)
            item["budget"].append({
                "jaar": year.year,
                "subtotaal": group.subtotal if group else None,
                "regels": [{"id": line.id, "naam": line.name, "bedrag": line.amount}
                           for line in (group.lines if group else ())],
            })
        items.append(item)
    return _json({**_about(source), "eenheid": UNIT, "geen_budget": NO_BUDGET_JSON, "opgaven": items})


def downloads(site, site_url: str | None = None) -> tuple[Download, ...]:
    """The files, made once per site: the build publishes them and the budget page lists
    them (at 1000 opgaven making them takes about half a second). Made from the programme's
    title, the budget and the opgaven alone: what a page that lists them shows."""
    made_from = (site.programme, site.budget, site.opgaven)
    key = (*map(id, made_from), site_url)
    made = _made.get(key)
    if made is None or any(old is not new for old, new in zip(made[0], made_from)):
        made = _made[key] = (made_from, _downloads(*made_from, site_url))
        while len(_made) > 4:  # `mkdocs serve` makes a new site after every edit
            del _made[next(iter(_made))]
    return made[1]


_made: dict[tuple, tuple[tuple, tuple[Download, ...]]] = {}


def _downloads(programme, budget, opgaven, site_url: str | None) -> tuple[Download, ...]:
    years = listing(year.year for year in budget.years)
    # The same files whatever the data: without a year laid out by opgave the budget per opgave has no rows.
    opgave_years = listing(year.year for year in budget.opgave_years) if budget.opgave_years else ""
    tables = (
        (budget_table(budget), f"Begroting {years}",
         f"Elke regel van de begroting van {years}, met jaar, groep en bedrag."),
        (opgaven_table(opgaven, site_url), "Opgaven", "Elke opgave met nummer, titel en webadres."),
        (opgave_budget_table(budget, opgaven), "Budget per opgave",
         "Het budget van elke opgave in elk jaar waarin de begroting per opgave is ingedeeld"
         + (f" ({opgave_years})" if opgave_years else "") + ": één regel per opgave per jaar."),
    )
    excel = tuple(
        Download(f"{OPEN_DATA_DIR}{excel_name(table.name)}.csv", title, "CSV voor Excel",
                 f"Dezelfde gegevens als {table.name}.csv, klaar om te openen in Excel.",
                 table_excel_csv(table), EXCEL, table)
        for table, title, _ in tables
    )
    standard = {
        table.name: Download(f"{OPEN_DATA_DIR}{table.name}.csv", title, "CSV", description, table_csv(table),
                             SOFTWARE, table)
        for table, title, description in tables
    }
    software = (
        standard[BUDGET_TABLE],
        Download(f"{OPEN_DATA_DIR}begroting.json", f"Begroting {years}", "JSON",
                 "Dezelfde regels, met subtotalen, totalen en de vergelijking tussen de jaren.",
                 budget_json(budget, programme.title)),
        standard[OPGAVEN_TABLE],
        standard[OPGAVE_BUDGET_TABLE],
        Download(f"{OPEN_DATA_DIR}opgaven.json", "Opgaven", "JSON",
                 "De volledige tekst van elke opgave" + (f", met haar regels van {opgave_years}." if opgave_years
                                                          else "."),
                 opgaven_json(budget, opgaven, site_url, programme.title)),
    )
    package = data_package(
        name=slugify(programme.title),
        title=f"Open data: {programme.title}",
        description=(f"De begroting en de opgaven van het {programme.title}, als tabellen. Elke tabel staat er "
                     "twee keer in: als CSV met komma’s (voor software) en als CSV voor Excel (puntkomma’s en "
                     "een byte order mark). Bedragen zijn in hele euro’s; een leeg bedrag betekent: geen budget "
                     "(in het programma staat een streepje), en dat is iets anders dan 0. De volledige teksten "
                     "staan in begroting.json en opgaven.json."),
        source=programme.title,
        licence=(LICENCE_ID, LICENCE_NAME, LICENCE_URL),
        files=[download for download in (*software, *excel) if download.table],
    )
    return (*excel, *software,
            Download(f"{OPEN_DATA_DIR}{PACKAGE_FILE}", "Datapakket", "JSON",
                     "De beschrijving van alle CSV-bestanden: de kolommen, wat voor gegevens erin staan en de "
                     "licentie.", package, PACKAGE))
