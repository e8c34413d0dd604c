"""The programme's name, period, budget years and number of opgaven are data.

Nothing outside data/ (and bron/) types them: a new period, a new budget year or a sixth
opgave is an edit of data/ that every page, description, preview, download and the PDF
follow. A new budget year adds rows to the open data, never a column, so whatever reads
last month's files reads this month's.

The builds here start from the adopted data (bron/vastgesteld/) and grow it as staff would:
a sixth opgave, a budget year 2026 copied from 2025, a longer period and the site's name.
"""

import copy
import csv
import io
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.formatting import count_words
from tests.project import ADOPTED_DATA, PROJECT, build, copy_project, read_yaml, write_yaml
from tests.text import squash

MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
# Where a period, year or count may be typed only through the data: the hand-written pages,
# the MkDocs configuration and every template.
SCANNED = ("content/**/*.md", "mkdocs.yml", "macros/**/templates/**/*.*", "overrides/**/*.html")


def typed_facts(text: str, period: str, years, opgaven: int) -> list[str]:
    """The programme's period, years and number of opgaven where `text` types them.

    A year inside a date ("30 november 2026", the accessibility statement) is a date, not
    the programme's; a count is a count of opgaven ("vijf opgaven", "5 economische opgaven")."""
    found = [period] if period in text else []
    for year in years:
        found += [match[0] for match in re.finditer(rf"(?<![\d-])(\w+\s+)?{year}(?![\d])", text)
                  if not (match[1] and match[1].strip().lower() in MONTHS)]
    count = rf"\b(?:{count_words(opgaven)}|{opgaven})\s+(?:economische\s+)?opgaven?\b"
    found += [match[0] for match in re.finditer(count, text, re.IGNORECASE)]
    return found


def test_the_scan_finds_a_typed_period_year_and_count():
    assert typed_facts("Het programma 2024-2025 met vijf opgaven, budget 2025.", "2024-2025", [2024, 2025], 5) == [
        "2024-2025", "programma 2024", "budget 2025", "vijf opgaven"]
    assert typed_facts("Opgesteld op 30 november 2025. Zes maanden. 6 economische opgaven.", "2024-2025",
                       [2025], 6) == ["6 economische opgaven"]


def test_no_period_year_or_count_of_opgaven_is_typed_outside_the_data(site):
    years = sorted({year.year for year in site.budget.years} | set(map(int, re.findall(r"\d{4}", site.programme.period))))
    typed = {}
    for pattern in SCANNED:
        for path in sorted(PROJECT.glob(pattern)):
            found = typed_facts(path.read_text(encoding="utf-8"), site.programme.period, years, len(site.opgaven))
            if found:
                typed[str(path.relative_to(PROJECT))] = found
    assert not typed, f"Typed instead of taken from data/: {typed}"


# ---------------------------------------------------------------- the programme grows

NEW_PERIOD = "2024-2026"
NEW_NAME = "Economische Koers Drenthe"
SIXTH_AMOUNT = 123_456


def grow(data: Path) -> None:
    """A sixth opgave with a budget line, a budget year 2026 (2025 copied) and a longer period."""
    opgaven = read_yaml(data / "opgaven.yaml")
    sixth = copy.deepcopy(opgaven["opgaven"][0])
    sixth.update(id="zesde-opgave", slug="zesde-opgave", titel="Een zesde opgave om te testen")
    opgaven["opgaven"].append(sixth)
    write_yaml(data / "opgaven.yaml", opgaven)

    budget = read_yaml(data / "budgetten.yaml")
    latest = budget["jaren"][-1]
    latest["groepen"].append({"opgave": "zesde-opgave", "regels": [
        {"id": "zesde-opgave-regel", "naam": "Regel van de zesde opgave", "bedrag": SIXTH_AMOUNT}]})
    if latest.get("vastgesteld_totaal") is not None:
        latest["vastgesteld_totaal"] += SIXTH_AMOUNT
    following = copy.deepcopy(latest)
    following["jaar"] = latest["jaar"] + 1
    budget["jaren"].append(following)
    write_yaml(data / "budgetten.yaml", budget)

    programme = read_yaml(data / "programma.yaml")
    programme.update(periode=NEW_PERIOD, naam=NEW_NAME)
    write_yaml(data / "programma.yaml", programme)


@pytest.fixture(scope="module")
def grown(tmp_path_factory, warm_cache) -> Path:
    root = tmp_path_factory.mktemp("grown")
    project = copy_project(root / "project", data=ADOPTED_DATA, cache=warm_cache)
    grow(project / "data")
    result = build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def soup_of(site_dir: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site_dir / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def descriptions(site_dir: Path) -> dict[str, list[str]]:
    """Per page: its description, og:description and twitter:description."""
    found = {}
    for path in sorted(site_dir.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        tags = soup.select('meta[name=description], meta[property="og:description"], meta[name="twitter:description"]')
        if tags:
            found[str(path.parent.relative_to(site_dir))] = [tag["content"] for tag in tags]
    return found


def counts_of_opgaven(text: str) -> set[str]:
    return {match.lower() for match in re.findall(r"\b(\w+) (?:economische )?opgaven\b", text)}


def test_a_sixth_opgave_makes_every_description_and_intro_say_zes(grown, adopted_built_site):
    for site_dir, word, other in ((adopted_built_site, "vijf", "zes"), (grown, "zes", "vijf")):
        said = descriptions(site_dir)
        # Every page has a description of its own; the site's (mkdocs.yml's site_description,
        # set from the data) is what a page without one shows, such as the 404 page.
        site_wide = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert word in counts_of_opgaven(site_wide.select_one("meta[name=description]")["content"]), \
            "the site's own description counts the opgaven"
        assert word in counts_of_opgaven(" ".join(said["doelgroepen"]))
        assert not [page for page, texts in said.items() if other in counts_of_opgaven(" ".join(texts))]
        lead = squash(soup_of(site_dir, "").select_one(".ekd-kort__lead").get_text())
        assert f"{word} economische opgaven" in lead


def test_the_name_and_period_come_from_the_data(grown):
    home = soup_of(grown, "")
    assert home.select_one('meta[property="og:site_name"]')["content"] == f"{NEW_NAME} {NEW_PERIOD}"
    assert home.title.get_text().endswith(f"{NEW_NAME} {NEW_PERIOD}")
    assert NEW_PERIOD in home.select_one(".ekd-kort__lead").get_text()
    link = home.find("a", href=re.compile(r"\.pdf$"))
    assert link["href"] == f"downloads/economische-koers-drenthe-{NEW_PERIOD}.pdf"
    assert (grown / link["href"]).is_file()


def test_the_pdf_keeps_an_address_that_never_changes(grown, adopted_built_site, site):
    """The dated address follows the site's name; downloads/uitvoeringsprogramma.pdf always
    holds the current programme, whatever its period."""
    for site_dir in (adopted_built_site, grown):
        linked = soup_of(site_dir, "").find("a", href=re.compile(r"\.pdf$"))["href"]
        assert (site_dir / "downloads" / "uitvoeringsprogramma.pdf").read_bytes() == (site_dir / linked).read_bytes()
    assert site.pdf_path == f"downloads/economische-koers-drenthe-{site.programme.period}.pdf", \
        "the address published at adoption"


def test_a_new_budget_year_is_shown_on_every_opgave_page_and_compared(grown):
    for slug in ("vestigingsklimaat", "zesde-opgave"):
        page = soup_of(grown, f"opgaven/{slug}")
        captions = [squash(caption.get_text()) for caption in page.select(".ekd-begroting caption")]
        assert captions == ["Budget 2025 voor deze opgave, in euro’s", "Budget 2026 voor deze opgave, in euro’s"]
        assert squash(page.find(id="budget").get_text()).startswith("Budget 2025 en 2026")
        assert "De begroting van 2024 is niet per opgave ingedeeld." in squash(page.get_text(" "))
    budget = soup_of(grown, "begroting")
    assert budget.find(id="vergelijking-2024-2025") and budget.find(id="vergelijking-2025-2026")
    assert not budget.find(id="vergelijking-2024-2026")


def headers(site_dir: Path) -> dict[str, list[str]]:
    """Per CSV of the open data: its columns."""
    return {path.name: next(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline=""),
                                       delimiter=";" if path.name.endswith("-excel.csv") else ","))
            for path in sorted((site_dir / "open-data").glob("*.csv"))}


def test_a_new_budget_year_keeps_the_open_data_columns(grown, adopted_built_site):
    assert headers(grown) == headers(adopted_built_site)
    described = [{resource["name"]: [field["name"] for field in resource["schema"]["fields"]]
                  for resource in json.loads((site_dir / "open-data" / "datapackage.json").read_text())["resources"]}
                 for site_dir in (adopted_built_site, grown)]
    assert described[0] == described[1]
    rows = list(csv.DictReader(io.StringIO((grown / "open-data" / "budget-per-opgave.csv").read_text(), newline="")))
    assert [(row["jaar"], row["opgave_id"]) for row in rows if row["opgave_id"] == "zesde-opgave"] == [
        ("2025", "zesde-opgave"), ("2026", "zesde-opgave")]
    assert len(rows) == 2 * 6
