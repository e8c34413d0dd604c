"""A councillor sees on the budget page and on each opgave page what is budgeted for what.

The tests marked `content` check the real data (PROJECT) on what it says itself; the
others check the known figures of the adopted data (bron/vastgesteld/).
"""

import re

import pytest
from bs4 import BeautifulSoup

from macros.formatting import euro, euro_difference
from macros.view.site import load_site_cached
from tests.project import PROJECT
from tests.text import section_text, squash

SITE = load_site_cached(PROJECT / "data")  # also at collection time: the tests are made per year and opgave
OPGAVEN = SITE.opgaven
BUDGET_PAGE = "begroting/"
content = pytest.mark.content


def plain(text: str) -> str:
    """Collapse white space as a browser does, but keep the non-breaking spaces in amounts."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip()


def cell_text(cell) -> str:
    return plain(cell.get_text())


def amount_shown(value) -> str:
    """What a table cell reads as text: the amount, or the dash plus words for screen readers."""
    return euro(value) if value is not None else "–geen budget"


# ---------------------------------------------------------------- the budget page


@content
@pytest.mark.parametrize("year", SITE.budget.years, ids=lambda y: str(y.year))
def test_each_year_is_a_real_table_with_caption_headers_and_total(year, page):
    table = page(BUDGET_PAGE).find(id=year.anchor).find_next("table")
    assert squash(table.caption.get_text()) == f"{year.caption}, {year.year}"
    assert [th.get("scope") for th in table.select("thead th")] == ["col", "col"]
    total = table.select_one("tfoot tr")
    assert cell_text(total.th) == "Totaal Economische Koers"
    assert total.th["scope"] == "row"
    assert cell_text(total.td) == euro(year.total)


@content
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


def test_the_published_totals_are_on_the_page(adopted_page):
    # The totals of the adopted programme, summed by the site from the lines.
    text = plain(adopted_page(BUDGET_PAGE).get_text(" "))
    assert "Totaal Economische Koers €\u00a013.865.167" in text
    assert "Totaal Economische Koers €\u00a011.298.457" in text


def test_no_budget_is_a_dash_and_not_zero(adopted, adopted_page):
    # In the adopted budget, group 2 of 2024 has two lines without budget ("-" in the programme).
    group = adopted.budget.year(2024).groups[1]
    body = adopted_page(BUDGET_PAGE).find(id=group.anchor).find_parent("tbody")
    cells = [row.td for row in body.select("tr") if row.td]
    assert len(cells) == 3  # two lines and the subtotal
    for cell in cells:
        assert cell.select_one("[aria-hidden=true]").get_text() == "–"
        assert "geen budget" in cell.get_text()
        assert "€" not in cell.get_text()


@content
def test_the_groups_per_opgave_link_to_their_opgave(page):
    groups = [group for year in SITE.budget.years for group in year.groups if group.opgave is not None]
    assert groups
    for group in groups:
        link = page(BUDGET_PAGE).find(id=group.anchor).find("a")
        assert link["href"] == f"../{group.opgave.path}"


@content
def test_the_page_introduces_the_budget(page):
    intro = squash(page(BUDGET_PAGE).select_one("article").get_text(" "))
    for paragraph in SITE.budget.introduction:
        assert squash(paragraph) in intro


def test_the_page_explains_that_2024_used_the_old_classification(adopted_page):
    note = squash(section_text(adopted_page(BUDGET_PAGE), "begroting-2024"))
    assert "In 2024 is het budget nog ingedeeld zoals in de begroting van dat jaar: in 4 groepen." in note
    assert "Vanaf 2025 is het budget ingedeeld per opgave." in note


@content
def test_the_page_shows_the_cofinancing_funds(page):
    text = squash(page(BUDGET_PAGE).find("h2", id="cofinanciering").find_next("div", class_="ekd-alineas").get_text())
    for paragraph in SITE.programme.cofinancing.paragraphs:
        assert squash(paragraph) in text


@content
def test_the_comparison_shows_every_line_with_its_amounts_and_difference(page):
    # More on the comparison (sums, the explanation in words): tests/test_budget_comparison.py.
    for comparison in SITE.budget.comparisons:
        earlier, later = comparison.earlier.year, comparison.later.year
        table = page(BUDGET_PAGE).find(id=f"{comparison.anchor}-regels").find_next("table")
        headers = [cell_text(th) for th in table.select("thead th")]
        assert headers == [str(earlier), str(later), "Verschil"]
        names = table.select("th[data-regel]")
        shown = [change for section in comparison.sections for change in section.changes]  # per kind of line
        assert [th["data-regel"] for th in names] == [change.id for change in shown]
        for name, change in zip(names, shown):
            assert cell_text(name).startswith(change.name)
            if change.renamed:
                assert f"In {earlier} heette deze regel: {change.before.name}." in cell_text(name)
            amounts = name.find_parent("tr").find_next_sibling("tr")
            assert [cell_text(td) for td in amounts.select("td")] == [
                amount_shown(change.amount_before) if change.before else f"niet in {earlier}",
                amount_shown(change.amount_after) if change.after else f"niet in {later}",
                euro_difference(change.difference) if change.difference is not None else "–geen budget",
            ]


@content
def test_tables_scroll_in_their_own_focusable_region(page):
    tables = page(BUDGET_PAGE).select("table.ekd-begroting")
    assert len(tables) >= len(SITE.budget.years)
    for table in tables:
        region = table.parent
        assert "ekd-tabel" in region["class"]
        assert region["role"] == "region" and region["tabindex"] == "0"
        assert region["aria-labelledby"] == table.caption["id"]


@content
def test_the_budget_page_is_in_the_navigation_after_the_opgaven(page):
    links = [a["href"] for a in page("").select("nav.md-nav--primary a.md-nav__link[href]")]
    # The opgave pages, or only their index when there are too many for the sidebar.
    last_opgave = max(links.index(path) for path in ["opgaven/", *(opgave.path for opgave in OPGAVEN)] if path in links)
    assert links.index(BUDGET_PAGE) == last_opgave + 1


# ---------------------------------------------------------------- each opgave page


@content
@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_each_opgave_page_shows_its_own_lines_and_subtotal(opgave, page):
    group = SITE.budget.group_for(opgave.id)
    soup = page(opgave.path)
    heading = soup.find("h2", id="budget")
    assert squash(heading.get_text()).startswith(f"Budget {group.year}")
    table = heading.find_next("table")
    assert [(cell_text(row.th), cell_text(row.td)) for row in table.select("tbody tr")] == [
        (line.name, amount_shown(line.amount)) for line in group.lines
    ]
    subtotal = table.select_one("tfoot tr")
    assert cell_text(subtotal.th) == "Subtotaal"
    assert cell_text(subtotal.td) == amount_shown(group.subtotal)
    # No other figure (of another opgave) is in the table: only its lines and its subtotal.
    assert [cell_text(td) for td in table.select("td")] == [
        *(amount_shown(line.amount) for line in group.lines), amount_shown(group.subtotal),
    ]


@content
@pytest.mark.parametrize("opgave", OPGAVEN, ids=lambda o: o.id)
def test_each_opgave_page_links_to_its_place_in_the_full_table(opgave, page):
    group = SITE.budget.group_for(opgave.id)
    soup = page(opgave.path)
    links = [a["href"] for a in soup.find("h2", id="budget").find_next("p", class_="ekd-budget-links").select("a")]
    assert f"../../begroting/#{group.anchor}" in links
    assert soup.select_one(".ekd-onderdelen a[href='#budget']") is not None


@content
def test_every_amount_on_the_site_is_an_amount_of_the_data(built_site):
    """No euro figure on any page that the data (lines, subtotals, totals, differences) does not give.

    Except in the change history (.ekd-wijzigingen), which also shows amounts from before a change."""
    budget = SITE.budget
    known = {line.amount for year in budget.years for line in year.lines}
    known |= {group.subtotal for year in budget.years for group in year.groups}
    known |= {year.total for year in budget.years}
    known |= {abs(change.difference) for comparison in budget.comparisons for change in comparison.changes
              if change.difference is not None}
    known |= {abs(comparison.total_difference) for comparison in budget.comparisons}
    known |= {abs(value) for comparison in budget.comparisons for section in comparison.sections
              for value in (section.earlier_total, section.later_total, section.difference) if value is not None}
    known |= {0, 1_050_000}  # the examples in the explanations (templates)
    for html in built_site.rglob("*.html"):
        page = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
        for history in page.select(".ekd-wijzigingen"):
            history.decompose()
        for figure in re.findall(r"€(?:\s|&nbsp;|\u00a0)*([\d.]+\d)", str(page)):  # attributes too
            assert int(figure.replace(".", "")) in known, f"{html.relative_to(built_site)}: € {figure}"
