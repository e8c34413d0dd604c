"""The year comparison states facts: every line of both years is in it (also the lines of one year
only and the lines that moved group), the listed differences add up exactly to the change of the
total, it quotes the programme's own sentence on the layout (from the data), and it gives no cause
the programme does not give. Only lines with the same id in the data are "the same line".

Exact figures on the adopted data (bron/vastgesteld/); the same rules on the real data (marked
`content`), with expectations taken from the raw YAML; small edits of the adopted data for the
cases it does not have (a rising total, a line that gets budget)."""

import re
import shutil

import pytest
from bs4 import BeautifulSoup

from macros.data.problems import DataError
from macros.formatting import euro, euro_difference
from macros.render.parts import PARTS
from macros.render.renderer import Renderer
from macros.view.budget import ADDED, KEPT, REMOVED
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, PROJECT, read_yaml, write_yaml
from tests.text import squash

BUDGET_PAGE = "begroting/"
NBSP = "\u00a0"


def plain(text: str) -> str:
    """Collapse white space as a browser does, but keep the non-breaking spaces in amounts."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip()


def signed(text: str) -> int:
    """A difference as the page says it ("€ 8.000 meer", "€ 113.648 minder", "gelijk", "–") as a number."""
    text = plain(text)
    if text == "gelijk" or "geen budget" in text:
        return 0
    match = re.fullmatch(r"€\s?([\d.]+) (meer|minder)", text.replace(NBSP, " "))
    assert match, f"geen verschil in woorden: {text!r}"
    value = int(match[1].replace(".", ""))
    return value if match[2] == "meer" else -value


def comparison_table(soup, anchor: str):
    table = soup.find(id=f"{anchor}-bijschrift").find_parent("table")
    assert "ekd-vergelijking" in table["class"]
    return table


def line_rows(table) -> dict[str, list[str]]:
    """Per line id (data-regel on its name cell): the texts of its amount cells (earlier, later, difference)."""
    rows = {}
    for name in table.select("th[data-regel]"):
        assert name["data-regel"] not in rows, f"regel {name['data-regel']} staat twee keer in de tabel"
        amounts = name.find_parent("tr").find_next_sibling("tr")
        rows[name["data-regel"]] = [plain(td.get_text()) for td in amounts.select("td")]
    return rows


def list_after(soup, anchor: str, opening: str) -> list[str]:
    """The items of the list that follows the paragraph starting with `opening` in the explanation."""
    explanation = soup.find(id=f"{anchor}-bijschrift").find_previous("div", class_="ekd-vergelijking-uitleg")
    paragraph = next((p for p in explanation.find_all("p") if squash(p.get_text()).startswith(opening)), None)
    assert paragraph is not None, f"geen alinea '{opening}'"
    return [plain(li.get_text()) for li in paragraph.find_next_sibling("ul").find_all("li")]


# ---------------------------------------------------------------- raw YAML (for the content tests)


def raw_years(data_dir) -> list[tuple[int, dict[str, int | None]]]:
    """Per year: {line id: amount (None for no budget)}."""
    years = read_yaml(data_dir / "budgetten.yaml")["jaren"]
    return [(year["jaar"], {line["id"]: None if line["bedrag"] == "geen" else line["bedrag"]
                            for group in year["groepen"] for line in group["regels"]}) for year in years]


def raw_differences(before: dict, after: dict) -> dict[str, int | None]:
    """Per line id of either year: later minus earlier, a missing line or no budget counting as nothing."""
    result = {}
    for line_id in [*after, *(line_id for line_id in before if line_id not in after)]:
        old, new = before.get(line_id), after.get(line_id)
        result[line_id] = None if old is None and new is None else (new or 0) - (old or 0)
    return result


def total(amounts: dict) -> int:
    return sum(amount for amount in amounts.values() if amount is not None)


# ---------------------------------------------------------------- the view, on the adopted data


def test_the_comparison_has_every_line_of_both_years(adopted):
    (comparison,) = adopted.budget.comparisons
    earlier, later = adopted.budget.years
    ids = [change.id for change in comparison.changes]
    assert len(ids) == len(set(ids)) == 31
    assert set(ids) == {line.id for line in earlier.lines} | {line.id for line in later.lines}
    kinds = {kind: {change.id for change in comparison.changes if change.kind == kind} for kind in (KEPT, ADDED, REMOVED)}
    assert len(kinds[KEPT]) == 9 and len(kinds[ADDED]) == 13 and len(kinds[REMOVED]) == 9
    assert {"overig-ves-en-coalitieakkoord", "bedrijvenregeling-dtz", "versterken-goed-ondernemerschap"} <= kinds[REMOVED]
    assert {"toekomstbestendige-bedrijventerreinen", "founded-in-the-north", "edih"} <= kinds[ADDED]


def test_the_differences_add_up_to_the_change_of_the_total(adopted):
    (comparison,) = adopted.budget.comparisons
    assert comparison.total_difference == 11_298_457 - 13_865_167 == -2_566_710
    assert sum(change.difference or 0 for change in comparison.changes) == -2_566_710
    sums = {section.kind: (section.earlier_total, section.later_total, section.difference)
            for section in comparison.sections}
    assert sums == {
        KEPT: (5_634_905, 6_386_719, 751_814),
        ADDED: (None, 4_911_738, 4_911_738),
        REMOVED: (8_230_262, None, -8_230_262),
    }


def test_lines_that_moved_group_are_marked(adopted):
    (comparison,) = adopted.budget.comparisons
    changes = {change.id: change for change in comparison.changes}
    # 2024 has its own layout, 2025 the opgaven: every line in both years is in another group now.
    assert all(change.moved for change in comparison.changes if change.kind == KEPT)
    assert changes["ibdo"].group_before.title == "Een goed vestigings- en ondernemersklimaat"
    assert changes["ibdo"].group_after.opgave.id == "ondernemerschap"
    assert not changes["edih"].moved and not changes["just-transition-fund"].moved


def test_only_the_data_pairs_lines_of_two_years(adopted):
    """Lines with similar names are different lines unless the data gives them the same id."""
    (comparison,) = adopted.budget.comparisons
    changes = {change.id: change for change in comparison.changes}
    assert changes["ibdo"].kind == KEPT and changes["ibdo"].renamed  # one id, two names
    assert changes["just-transition-fund"].kind == REMOVED  # "Just Transition Fund uitvoeringskosten" is another
    assert changes["overig-ves-en-coalitieakkoord"].kind == REMOVED  # "Overige bijdragen" are other lines


# ---------------------------------------------------------------- the page, on the adopted data


def test_the_table_lists_every_line_once_and_its_rows_add_up(adopted, adopted_page):
    (comparison,) = adopted.budget.comparisons
    table = comparison_table(adopted_page(BUDGET_PAGE), comparison.anchor)
    rows = line_rows(table)
    assert set(rows) == {line.id for year in adopted.budget.years for line in year.lines}
    assert sum(signed(cells[2]) for cells in rows.values()) == -2_566_710
    assert rows["ibdo"] == [f"€{NBSP}931.038", f"€{NBSP}950.000", f"€{NBSP}18.962 meer"]
    assert rows["bedrijvenregeling-dtz"] == [f"€{NBSP}1.250.000", "niet in 2025", f"€{NBSP}1.250.000 minder"]
    assert rows["founded-in-the-north"] == ["niet in 2024", f"€{NBSP}250.000", f"€{NBSP}250.000 meer"]
    assert rows["versterken-goed-ondernemerschap"] == ["–geen budget", "niet in 2025", "–geen budget"]
    # The total row of the table is the change of the total.
    total_cells = [plain(td.get_text()) for td in table.select("tfoot td")]
    assert total_cells == [f"€{NBSP}13.865.167", f"€{NBSP}11.298.457", f"€{NBSP}2.566.710 minder"]


def test_each_line_says_where_it_belongs_in_each_year(adopted_page):
    table = comparison_table(adopted_page(BUDGET_PAGE), "vergelijking-2024-2025")
    ibdo = squash(table.select_one("th[data-regel=ibdo]").get_text())
    assert ibdo == (
        "Ik Ben Drents Ondernemer (IBDO) In 2024 bij groep 3: Een goed vestigings- en ondernemersklimaat. "
        "In 2025 bij opgave 3: Versterken van het ondernemerschap. "
        "In 2024 heette deze regel: Ik Ben Drents Ondernemer 2.0 (IBDO)."
    )
    edih = squash(table.select_one("th[data-regel=edih]").get_text())
    assert edih == "European Digital Innovation Hub (EDIH) In 2025 bij opgave 3: Versterken van het ondernemerschap."


def test_every_amount_cell_names_its_line_and_column(adopted_page):
    soup = adopted_page(BUDGET_PAGE)
    table = comparison_table(soup, "vergelijking-2024-2025")
    cells = table.select("td")
    assert cells
    for cell in cells:
        ids = cell["headers"]  # BeautifulSoup splits this attribute into its ids
        assert len(ids) in (2, 3)  # (the section,) the line, "Samen" or "Totaal", and the column
        headers = [soup.find(id=header) for header in ids]
        assert all(header is not None and header.name == "th" for header in headers), ids
        assert headers[-1].get_text() == cell["data-label"]  # the column; the others: section and line


CAUSAL_WORDS = re.compile(r"komt (vooral )?door|daling komt|stijging komt|oorza|waardoor|dankzij|als gevolg van",
                          re.IGNORECASE)


def comparison_text(soup, anchor: str) -> str:
    """Everything the comparison says in words: the text above the table, the chart and the table."""
    heading = soup.find(id=anchor)
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element.get_text(" "))
    return plain(" ".join(parts))


def test_the_page_states_which_lines_stand_in_which_year(adopted_page):
    soup = adopted_page(BUDGET_PAGE)
    explanation = plain(soup.find(id="vergelijking-2024-2025-per-jaar").find_next("div").get_text(" "))
    assert (f"9 regels staan in 2024 én in 2025. Samen: €{NBSP}5.634.905 in 2024 en €{NBSP}6.386.719 in 2025."
            in explanation)
    assert f"9 regels staan alleen in 2024. Samen: €{NBSP}8.230.262." in explanation
    assert f"13 regels staan alleen in 2025. Samen: €{NBSP}4.911.738." in explanation
    assert explanation.index("alleen in 2024") < explanation.index("alleen in 2025")


def test_the_comparison_names_no_cause(adopted_page):
    text = comparison_text(adopted_page(BUDGET_PAGE), "vergelijking-2024-2025")
    assert "Overig Versterking Economische Structuur" in text  # the table is part of what was read
    assert not CAUSAL_WORDS.search(text), CAUSAL_WORDS.search(text)


def test_without_a_note_in_the_data_nothing_is_quoted(adopted_page):
    # The adopted data (bron/vastgesteld/) has no over_de_indeling: no quote is made up.
    explanation = adopted_page(BUDGET_PAGE).find(id="vergelijking-2024-2025-per-jaar").find_next("div")
    assert explanation.find("blockquote") is None


# ---------------------------------------------------------------- small edits of the adopted data


@pytest.fixture
def edited(tmp_path):
    """Load the adopted data after `change(budget)`; the declared totals follow the lines."""

    def load(change):
        data = tmp_path / "data"
        shutil.copytree(ADOPTED_DATA, data)
        budget = read_yaml(data / "budgetten.yaml")
        change(budget)
        for year in budget["jaren"]:
            year["vastgesteld_totaal"] = sum(line["bedrag"] for group in year["groepen"] for line in group["regels"]
                                             if line["bedrag"] != "geen")
        write_yaml(data / "budgetten.yaml", budget)
        site = load_site(data)
        html = Renderer(site).part(PARTS["begroting_vergelijking"], BUDGET_PAGE)
        return site, BeautifulSoup(html, "html.parser")

    return load


def line(budget, year: int, line_id: str) -> dict:
    year_data = next(data for data in budget["jaren"] if data["jaar"] == year)
    return next(line for group in year_data["groepen"] for line in group["regels"] if line["id"] == line_id)


@pytest.mark.parametrize("sentence", [
    "Met ingang van 2025 willen we met de nieuwe indeling gaan werken.",
    "Het gaat om middelen uit de Meerjarenbegroting, inclusief de extra middelen van de 1e en 2e uitwerking van "
    "het Coalitieakkoord ‘Samen bouwen we Drenthe! 2023-2027’.",
], ids=["layout", "other"])
def test_the_comparison_quotes_the_layout_sentence_from_the_data(edited, sentence):
    """The quote is what staff wrote in over_de_indeling, whichever sentence of the introduction it is."""
    _, soup = edited(lambda budget: budget["jaren"][1].update(over_de_indeling=sentence))
    (quote,) = soup.find_all("blockquote")
    assert plain(quote.get_text()) == sentence


def test_a_layout_note_that_is_not_in_the_introduction_stops_the_build(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ADOPTED_DATA, data)
    budget = read_yaml(data / "budgetten.yaml")
    budget["jaren"][1]["over_de_indeling"] = "Vanaf 2025 snijden we in de begroting."
    write_yaml(data / "budgetten.yaml", budget)
    with pytest.raises(DataError) as stopped:
        load_site(data)
    message = str(stopped.value)
    assert "budgetten.yaml" in message and "over_de_indeling" in message and "inleiding" in message


def test_a_rising_total_names_no_cause_either(edited):
    site, soup = edited(lambda budget: line(budget, 2025, "greenwise-campus").update(bedrag=9_000_000))
    (comparison,) = site.budget.comparisons
    assert comparison.total_difference == 6_000_000 - 2_566_710
    assert not CAUSAL_WORDS.search(plain(soup.get_text(" ")))
    rows = line_rows(comparison_table(soup, comparison.anchor))
    assert sum(signed(cells[2]) for cells in rows.values()) == comparison.total_difference


def test_a_line_that_gets_budget_counts_its_whole_amount(edited):
    def give_budget(budget):
        group = next(data for data in budget["jaren"] if data["jaar"] == 2025)["groepen"][0]
        group["regels"].append({"id": "versterken-goed-ondernemerschap", "naam": "Versterken goed ondernemerschap",
                                "bedrag": 40_000})

    site, soup = edited(give_budget)
    (comparison,) = site.budget.comparisons
    change = next(change for change in comparison.changes if change.id == "versterken-goed-ondernemerschap")
    assert (change.kind, change.difference) == (KEPT, 40_000)  # no budget in 2024 adds nothing there
    rows = line_rows(comparison_table(soup, comparison.anchor))
    assert rows[change.id] == ["–geen budget", euro(40_000), euro_difference(40_000)]
    assert sum(signed(cells[2]) for cells in rows.values()) == comparison.total_difference == 40_000 - 2_566_710


# ---------------------------------------------------------------- the real data


@pytest.mark.content
def test_the_real_comparison_covers_every_line_and_adds_up(site, page):
    years = raw_years(PROJECT / "data")
    soup = page(BUDGET_PAGE)
    assert len(site.budget.comparisons) == len(years) - 1
    for comparison, ((earlier, before), (later, after)) in zip(site.budget.comparisons, zip(years, years[1:])):
        assert (comparison.earlier.year, comparison.later.year) == (earlier, later)
        rows = line_rows(comparison_table(soup, comparison.anchor))
        differences = raw_differences(before, after)
        assert set(rows) == set(before) | set(after)
        assert {line_id: signed(cells[2]) for line_id, cells in rows.items()} == {
            line_id: difference or 0 for line_id, difference in differences.items()
        }
        assert sum(signed(cells[2]) for cells in rows.values()) == total(after) - total(before)


@pytest.mark.content
def test_the_real_page_quotes_its_layout_notes_and_names_no_cause(site, page):
    soup = page(BUDGET_PAGE)
    years = read_yaml(PROJECT / "data" / "budgetten.yaml")["jaren"]
    for comparison, later in zip(site.budget.comparisons, years[1:]):
        quote = soup.find(id=f"{comparison.anchor}-per-jaar").find_next("div").find("blockquote")
        note = later.get("over_de_indeling")
        assert (plain(quote.get_text()) if quote else None) == (plain(note) if note else None)
        text = comparison_text(soup, comparison.anchor)
        assert not CAUSAL_WORDS.search(text), CAUSAL_WORDS.search(text)
