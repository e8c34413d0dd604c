"""The open data downloads: the budgets and the opgaven as CSV and JSON.

The files come from the same resolved view as the pages, so a download can never
disagree with what the site shows. The descriptions of the files and their columns
live here too: the budget page lists them, so the page and the files change together.

CSV: UTF-8 without byte order mark, comma separated, a header row, amounts as plain
integers in whole euros. An empty amount is "no budget" (a "-" in the programme),
which is not the same as 0. JSON uses null for it.
"""

import csv
import io
import json
from dataclasses import dataclass

from macros.view.budget import ADDED, KEPT, REMOVED
from macros.view.urls import OPEN_DATA_DIR

LICENCE_NAME = "CC0 1.0 Universeel"
LICENCE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"
UNIT = "euro, in hele euro’s (zonder decimalen)"
NO_BUDGET_CSV = "een leeg veld betekent: geen budget (in het programma staat een streepje); dat is iets anders dan 0"
NO_BUDGET_JSON = "null betekent: geen budget (in het programma staat een streepje); dat is iets anders dan 0"


@dataclass(frozen=True)
class Column:
    name: str
    description: str


@dataclass(frozen=True)
class Download:
    path: str  # site-relative
    title: str
    format: str
    description: str
    columns: tuple[Column, ...]  # CSV only
    content: str

    @property
    def file_name(self) -> str:
        return self.path.rsplit("/", 1)[-1]


BUDGET_COLUMNS = (
    Column("jaar", "Het jaar van de begroting."),
    Column("groep_nummer", "Het nummer van de groep binnen dat jaar, zoals in het programma."),
    Column("groep", "De naam van de groep. Vanaf 2025 is dat de titel van een opgave."),
    Column("opgave_id", "De id van de opgave (zie opgaven.csv). Leeg als de groep geen opgave is, zoals in 2024."),
    Column("regel_id", "Vaste sleutel van de regel. Een regel die in meer jaren staat, heeft in elk jaar "
                       "dezelfde regel_id."),
    Column("regel", "De naam van de regel, zoals in het programma."),
    Column("bedrag", "Het budget in hele euro’s, zonder punt of komma. Een leeg veld betekent: geen budget "
                     "(in het programma staat een streepje). Dat is iets anders dan 0."),
)


def opgave_columns(year: int | None) -> tuple[Column, ...]:
    columns = (
        Column("nummer", "Het nummer van de opgave in het programma."),
        Column("id", "Vaste sleutel van de opgave."),
        Column("titel", "De titel van de opgave."),
        Column("webadres", "De pagina van de opgave op deze site."),
    )
    if year is not None:
        columns += (Column(f"budget_{year}", f"Het budget van de opgave in {year}, in hele euro’s: de som van "
                                              "haar regels. Een leeg veld betekent: geen budget."),)
    return columns


def _csv(columns: tuple[Column, ...], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow([column.name for column in columns])
    writer.writerows([["" if value is None else value for value in row] for row in rows])
    return buffer.getvalue()


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _about(source: str) -> dict:
    """Where the figures come from (the programme's title) and under which licence."""
    return {"bron": source, "licentie": {"naam": LICENCE_NAME, "url": LICENCE_URL}}


def budget_csv(budget) -> str:
    rows = [
        [year.year, group.number, group.title, group.opgave.id if group.opgave else None,
         line.id, line.name, line.amount]
        for year in budget.years for group in year.groups for line in group.lines
    ]
    return _csv(BUDGET_COLUMNS, rows)


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


def _address(site_url: str | None, path: str) -> str:
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def opgaven_csv(budget, opgaven, site_url: str | None) -> str:
    year = budget.opgave_year
    rows = []
    for entry in opgaven:
        row = [entry.number, entry.id, entry.title, _address(site_url, entry.path)]
        if year is not None:
            group = budget.group_for(entry.id)
            row.append(group.subtotal if group else None)
        rows.append(row)
    return _csv(opgave_columns(year.year if year else None), rows)


def opgaven_json(budget, opgaven, site_url: str | None, source: str) -> str:
    year = budget.opgave_year
    items = []
    for entry in opgaven:
        record = entry.record.model_dump(by_alias=True, mode="json", exclude={"previous_slugs"}, exclude_none=True)
        item = {"nummer": entry.number, "webadres": _address(site_url, entry.path), **record}
        if year is not None:
            group = budget.group_for(entry.id)
            item["budget"] = {
                "jaar": year.year,
                "subtotaal": group.subtotal if group else None,
                "regels": [{"id": line.id, "naam": line.name, "bedrag": line.amount}
                           for line in (group.lines if group else ())],
            }
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
    year = budget.opgave_year
    years = " en ".join(str(y.year) for y in budget.years)
    return (
        Download(f"{OPEN_DATA_DIR}begroting.csv", f"Begroting {years}", "CSV",
                 f"Elke regel van de begroting van {years}, met jaar, groep en bedrag.",
                 BUDGET_COLUMNS, budget_csv(budget)),
        Download(f"{OPEN_DATA_DIR}begroting.json", f"Begroting {years}", "JSON",
                 "Dezelfde regels, met subtotalen, totalen en de vergelijking tussen de jaren.",
                 (), budget_json(budget, programme.title)),
        Download(f"{OPEN_DATA_DIR}opgaven.csv", "Opgaven", "CSV",
                 "Elke opgave met nummer, titel, webadres" + (f" en budget {year.year}." if year else "."),
                 opgave_columns(year.year if year else None), opgaven_csv(budget, opgaven, site_url)),
        Download(f"{OPEN_DATA_DIR}opgaven.json", "Opgaven", "JSON",
                 "De volledige tekst van elke opgave" + (f", met haar regels van {year.year}." if year else "."),
                 (), opgaven_json(budget, opgaven, site_url, programme.title)),
    )
