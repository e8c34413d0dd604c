"""A councillor sees on the budget page and on each opgave page what is budgeted for what."""

import re

import pytest

from macros.formatting import euro, euro_difference
from macros.view import load_site
from tests.text import section_text, squash

SITE = load_site()
OPGAVEN = SITE.opgaven
BUDGET_PAGE = "begroting/"


def plain(text: str) -> str:
    """Collapse white space as a browser does, but keep the non-breaking spaces in amounts."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip()


def cell_text(cell) -> str:
    return plain(cell.get_text())


def amount_shown(value) -> str:
    """What a table cell reads as text: the amount, or the dash plus words for screen readers."""
    return euro(value) if value is not None else "–geen budget"


# ---------------------------------------------------------------- the budget page


@pytest.mark.parametrize("year", SITE.budget.years, ids=lambda y: str(y.year))
def test_each_year_is_a_real_table_with_caption_headers_and_total(year, page):
    table = page(BUDGET_PAGE).find(id=year.anchor).find_next("table")
    assert squash(table.caption.get_text()) == f"{year.caption}, {year.year}"
    assert [th.get("scope") for th in table.select("thead th")] == ["col", "col"]
    total = table.select_one("tfoot tr")
    assert cell_text(total.th) == "Totaal Economische Koers"
    assert total.th["scope"] == "row"
    assert cell_text(total.td) == euro(year.total)


@pytest.mark.parametrize("year", SITE.budget.years, ids=lambda y: str(y.year))
def test_every_line_and_subtotal_is_shown_with_its_amount(year, page):
    table = page(BUDGET_PAGE).find(id=year.anchor).find_next("table")
    bodies = table.select("tbody")
    assert len(bodies) == len(year.groups)
    for body, group in zip(bodies, year.groups):
        heading, *lines, subtotal = body.select("tr")
        assert heading["id"] == group.anchor
        assert cell_text(heading.th) == f"{group.number}. {group.title}"
        assert [(cell_text(row.th), cell_text(row.td)) for row in lines] == [
            (line.name, amount_shown(line.amount)) for line in group.lines
        ]
        assert all(row.th["scope"] == "row" and "ekd-bedrag" in row.td["class"] for row in lines)
        assert cell_text(subtotal.th).startswith("Subtotaal")
        assert cell_text(subtotal.td) == amount_shown(group.subtotal)


def test_the_published_totals_are_on_the_page(page):
    text = plain(page(BUDGET_PAGE).get_text(" "))
    assert "Totaal Economische Koers €\u00a013.865.167" in text
    assert "Totaal Economische Koers €\u00a011.298.457" in text


def test_no_budget_is_a_dash_and_not_zero(page):
    group = SITE.budget.year(2024).groups[1]
    body = page(BUDGET_PAGE).find(id=group.anchor).find_parent("tbody")
    cells = [row.td for row in body.select("tr") if row.td]
    assert len(cells) == 3  # two lines and the subtotal
    for cell in cells:
        assert cell.select_one("[aria-hidden=true]").get_text() == "–"
        assert "geen budget" in cell.get_text()
        assert "€" not in cell.get_text()


def test_the_2025_groups_link_to_their_opgave(page):
    for group in SITE.budget.year(2025).groups:
        link = page(BUDGET_PAGE).find(id=group.anchor).find("a")
        assert link["href"] == f"../{group.opgave.path}"


def test_the_page_explains_that_2024_used_the_old_classification(page):
    soup = page(BUDGET_PAGE)
    intro = squash(soup.select_one("article").get_text(" "))
    for paragraph in SITE.budget.introduction:
        assert squash(paragraph) in intro
    note = squash(section_text(soup, "begroting-2024"))
    assert "In 2024 is het budget nog ingedeeld zoals in de begroting van dat jaar: in 4 groepen." in note
    assert "Vanaf 2025 is het budget ingedeeld per opgave." in note


def test_the_page_shows_the_cofinancing_funds(page):
    text = squash(page(BUDGET_PAGE).find("h2", id="cofinanciering").find_next("div", class_="ekd-alineas").get_text())
    for paragraph in SITE.programme.cofinancing.paragraphs:
        assert squash(paragraph) in text
    assert "Nationaal Groeifonds (NGF)" in text


def test_the_comparison_shows_each_recurring_line_with_its_difference(page):
    (comparison,) = SITE.budget.comparisons
    table = page(BUDGET_PAGE).find(id=comparison.anchor).find_next("table")
    headers = [cell_text(th) for th in table.select("thead th")]
    assert headers == ["Regel", "2024", "2025", "Verschil"]
    rows = table.select("tbody tr")
    assert len(rows) == len(comparison.changes)
    for row, change in zip(rows, comparison.changes):
        assert cell_text(row.th).startswith(change.after.name)
        if change.renamed:
            assert f"In 2024: {change.before.name}" in cell_text(row.th)
        assert [cell_text(td) for td in row.select("td")] == [
            euro(change.before.amount), euro(change.after.amount), euro_difference(change.difference),
        ]
    ibdo = next(row for row in rows if cell_text(row.th).startswith("Ik Ben Drents Ondernemer (IBDO)"))
    assert cell_text(ibdo.select("td")[2]) == "€\u00a018.962 meer"


def test_tables_scroll_in_their_own_focusable_region(page):
    for table in page(BUDGET_PAGE).select("table.ekd-begroting"):
        region = table.parent
        assert "ekd-tabel" in region["class"]
        assert region["role"] == "region" and region["tabindex"] == "0"
        assert region["aria-labelledby"] == table.caption["id"]


def test_the_budget_page_is_in_the_navigation_after_the_opgaven(page):
    links = [a["href"] for a in page("").select("nav.md-nav--primary a.md-nav__link[href]")]
    last_opgave = max(links.index(opgave.path) for opgave in OPGAVEN)
    assert links.index(BUDGET_PAGE) == last_opgave + 1


# ---------------------------------------------------------------- each opgave page


@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_each_opgave_page_shows_its_own_lines_and_subtotal(opgave, page):
    group = SITE.budget.group_for(opgave.id)
    soup = page(opgave.path)
    heading = soup.find("h2", id="budget")
    assert squash(heading.get_text()).startswith("Budget 2025")
    table = heading.find_next("table")
    assert [(cell_text(row.th), cell_text(row.td)) for row in table.select("tbody tr")] == [
        (line.name, amount_shown(line.amount)) for line in group.lines
    ]
    subtotal = table.select_one("tfoot tr")
    assert cell_text(subtotal.th) == "Subtotaal"
    assert cell_text(subtotal.td) == euro(group.subtotal)
    # The subtotal of no other opgave is on this page's budget table.
    others = {euro(g.subtotal) for g in SITE.budget.year(2025).groups if g is not group}
    assert not others & {cell_text(td) for td in table.select("td")}


@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_each_opgave_page_links_to_its_place_in_the_full_table(opgave, page):
    soup = page(opgave.path)
    links = [a["href"] for a in soup.find("h2", id="budget").find_next("p", class_="ekd-budget-links").select("a")]
    assert f"../../begroting/#begroting-2025-{opgave.id}" in links
    assert soup.select_one(".ekd-onderdelen a[href='#budget']") is not None


def test_every_amount_on_the_site_is_an_amount_of_the_data(built_site):
    """No euro figure on any page that the data (lines, subtotals, totals, differences) does not give."""
    budget = SITE.budget
    known = {line.amount for year in budget.years for line in year.lines}
    known |= {group.subtotal for year in budget.years for group in year.groups}
    known |= {year.total for year in budget.years}
    known |= {abs(change.difference) for comparison in budget.comparisons for change in comparison.changes}
    known |= {abs(comparison.total_difference) for comparison in budget.comparisons}
    known |= {0, 1_050_000}  # the examples in the explanations
    for html in built_site.rglob("*.html"):
        for figure in re.findall(r"€(?:\s|&nbsp;|\u00a0)*([\d.]+\d)", html.read_text(encoding="utf-8")):
            assert int(figure.replace(".", "")) in known, f"{html.relative_to(built_site)}: € {figure}"
