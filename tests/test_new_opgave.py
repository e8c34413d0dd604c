"""Adding a record to data/opgaven.yaml (and its budget group) is the whole act of adding an opgave.

Built on the adopted data (five opgaven, 2025 total € 11.298.457), so the expected numbers are known.
"""

import copy

from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, build, copy_project, read_yaml, write_yaml
from tests.text import squash

ADOPTED_TOTAL_2025 = 11_298_457
NEW_AMOUNT = 123_456


def test_a_sixth_opgave_gets_its_page_nav_entry_card_and_budget(tmp_path, warm_cache):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    sixth = copy.deepcopy(content["opgaven"][0])
    sixth.update(id="zesde-opgave", slug="zesde-opgave", titel="Een zesde opgave om te testen")
    sixth["resultaten"] = ["Een resultaat dat alleen in de zesde opgave staat"]
    content["opgaven"].append(sixth)
    write_yaml(path, content)
    budget_path = project / "data" / "budgetten.yaml"
    budget = read_yaml(budget_path)
    year = next(year for year in budget["jaren"] if year["jaar"] == 2025)
    year["groepen"].append({"opgave": "zesde-opgave", "regels": [
        {"id": "zesde-opgave-regel", "naam": "Regel van de zesde opgave", "bedrag": NEW_AMOUNT},
    ]})
    year["vastgesteld_totaal"] = ADOPTED_TOTAL_2025 + NEW_AMOUNT
    write_yaml(budget_path, budget)

    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    def soup(url):
        return BeautifulSoup((tmp_path / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")

    page = soup("opgaven/zesde-opgave")
    assert "Opgave 6" in page.select_one("article h1").get_text()
    assert "Een resultaat dat alleen in de zesde opgave staat" in page.find(id="resultaten").find_next("ul").get_text()
    budget_rows = [[squash(cell.get_text()) for cell in row.select("th, td")]
                   for row in page.find(id="budget").find_next("table").select("tr")]
    assert ["Regel van de zesde opgave", "€ 123.456"] in budget_rows
    assert ["Subtotaal", "€ 123.456"] in budget_rows

    home = soup("")
    assert "opgaven/zesde-opgave/" in [a["href"] for a in home.select(".ekd-kaarten h3 a")]
    assert "opgaven/zesde-opgave/" in [a.get("href") for a in home.select("nav.md-nav--primary a")]

    fifth = soup("opgaven/economische-kracht")
    assert fifth.select_one("nav.ekd-buren a[rel=next]")["href"] == "../../opgaven/zesde-opgave/"

    begroting = soup("begroting")
    group = begroting.find(id="begroting-2025-zesde-opgave")
    assert group is not None and "Een zesde opgave om te testen" in group.get_text()
    table_2025 = begroting.find(id="begroting-2025").find_next("table")
    total = squash(table_2025.select_one("tr.ekd-begroting__totaal td").get_text())
    assert total == "€ 11.421.913"  # 11.298.457 + 123.456
