"""The budget charts: inline SVG drawn at build time, readable without JavaScript or other hosts.

The rules run on the adopted build and (marked `content`) on the real one, with expected
values taken from the raw YAML; exact titles and figures are checked on the adopted build.
"""

import re

import pytest

from macros.render.charts import MIN_BAR
from tests.builds import Built, adopted_build, built  # noqa: F401 (fixtures)
from tests.text import squash

BUDGET_PAGE = "begroting/"


def charts(built: Built):
    return built.page(BUDGET_PAGE).select("figure.ekd-grafiek svg")


def amount(line: dict) -> int | None:
    return None if line["bedrag"] == "geen" else line["bedrag"]


def shown(value: int | None) -> str:
    """An amount as a reader sees it: '€ 1.050.000', or '–' for no budget."""
    return "–" if value is None else "€ " + f"{value:,}".replace(",", ".")


def per_opgave(built: Built) -> list[tuple[str, int | None]]:
    """('Opgave n: title', sum of its lines) for each group of the latest year laid out by opgave."""
    numbers = {record["id"]: (number, record["titel"])
               for number, record in enumerate(built.raw("opgaven.yaml")["opgaven"], 1)}
    year = [year for year in built.raw("budgetten.yaml")["jaren"] if "opgave" in year["groepen"][0]][-1]
    result = []
    for group in year["groepen"]:
        number, title = numbers[group["opgave"]]
        amounts = [amount(line) for line in group["regels"] if amount(line) is not None]
        result.append((f"Opgave {number}: {squash(title)}", sum(amounts) if amounts else None))
    return result


def comparison_sums(built: Built) -> list[str]:
    """'kind (n regels): 2024 € a, 2025 € b' for each kind of line in two consecutive years (in both,
    only in the later, only in the earlier), then the totals: the sums of the comparison table."""
    years = built.raw("budgetten.yaml")["jaren"]
    result = []
    for earlier, later in zip(years, years[1:]):
        old_year, new_year = earlier["jaar"], later["jaar"]
        before = {line["id"]: amount(line) for group in earlier["groepen"] for line in group["regels"]}
        after = {line["id"]: amount(line) for group in later["groepen"] for line in group["regels"]}

        def both_sums(ids):
            sums = []
            for amounts in (before, after):
                present = [amounts[i] for i in ids if i in amounts and amounts[i] is not None]
                sums.append(sum(present) if present else None)
            return sums

        kinds = [
            (f"In {old_year} én in {new_year}", [i for i in after if i in before], "geen budget", "geen budget"),
            (f"Alleen in {old_year}", [i for i in before if i not in after], "geen budget", f"niet in {new_year}"),
            (f"Alleen in {new_year}", [i for i in after if i not in before], f"niet in {old_year}", "geen budget"),
        ]
        for title, ids, missing_before, missing_after in kinds:
            if not ids:
                continue
            old, new = both_sums(ids)
            count = "1 regel" if len(ids) == 1 else f"{len(ids)} regels"
            result.append(f"{title} ({count}): {old_year} {missing_before if old is None else shown(old)}, "
                          f"{new_year} {missing_after if new is None else shown(new)}")
        result.append(f"Totaal: {old_year} {shown(sum(v for v in before.values() if v is not None))}, "
                      f"{new_year} {shown(sum(v for v in after.values() if v is not None))}")
    return result


def contrast(colour: str, background: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_budget_page_has_two_charts(adopted_build):
    assert [svg.title.get_text() for svg in charts(adopted_build)] == [
        "Budget 2025 per opgave",
        "Budget 2024 en 2025: regels in beide jaren, regels alleen in 2024 en regels alleen in 2025",
    ]


def test_the_adopted_descriptions(adopted_build):
    first, second = (squash(svg.desc.get_text()) for svg in charts(adopted_build))
    assert "Opgave 2: Samenwerken aan een toekomstbestendige arbeidsmarkt: € 687.084;" in first
    assert first.endswith("Opgave 5: Ontwikkelen van de economische kracht van Drenthe: € 4.086.000.")
    assert "In 2024 én in 2025 (9 regels): 2024 € 5.634.905, 2025 € 6.386.719;" in second
    assert "Alleen in 2024 (9 regels): 2024 € 8.230.262, 2025 niet in 2025;" in second
    assert "Alleen in 2025 (13 regels): 2024 niet in 2024, 2025 € 4.911.738;" in second
    assert second.endswith("Totaal: 2024 € 13.865.167, 2025 € 11.298.457.")


def test_each_chart_is_one_named_image_with_a_description(built):
    soup = built.page(BUDGET_PAGE)
    svgs = charts(built)
    assert len(svgs) == 2
    for svg in svgs:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert soup.find(id=title_id).name == "title"
        assert soup.find(id=desc_id).name == "desc"


def test_the_description_lists_every_value(built):
    per_opgave_chart, comparison_chart = charts(built)
    description = squash(per_opgave_chart.desc.get_text())
    for label, subtotal in per_opgave(built):
        assert f"{label}: {shown(subtotal)}" in description
    description = squash(comparison_chart.desc.get_text())
    for text in comparison_sums(built):
        assert text in description


def test_each_chart_has_its_figures_in_a_table_too(built):
    for svg in charts(built):
        figure = svg.find_parent("figure")
        table = figure.find_next("table") if "hieronder" in figure.figcaption.get_text() else figure.find_previous("table")
        in_table = {td.get_text() for td in table.select("td")}
        values = [text.get_text() for text in svg.select("rect + text") if "€" in text.get_text()]
        assert values
        for value in values:
            figure_amount = value.split(": ")[-1]
            assert figure_amount in in_table, f"{figure_amount} staat niet in de tabel bij de grafiek"


def test_bars_are_to_scale(built):
    bars = charts(built)[0].select("g rect")
    widths = [float(bar["width"]) for bar in bars]
    subtotals = [subtotal or 0 for _, subtotal in per_opgave(built)]
    assert len(widths) == len(subtotals)
    largest = max(subtotals)
    for width, subtotal in zip(widths, subtotals):
        # A small amount still gets a bar you can see.
        expected = max(max(widths) * subtotal / largest, MIN_BAR) if subtotal > 0 else 0
        assert width == pytest.approx(expected, abs=0.1)


def test_charts_need_no_script_and_load_nothing(built):
    for svg in charts(built):
        markup = str(svg)
        assert svg.find("script") is None
        assert not re.search(r"\b(?:href|src)=|url\(|@import|<image|<foreignObject", markup, re.IGNORECASE)
        assert not re.search(r"\bon\w+=", markup), "geen event handlers in de grafiek"


def test_chart_colours_meet_the_contrast_rules(built):
    for svg in charts(built):
        background = svg.select_one(":scope > rect")["fill"]
        assert background == "#ffffff"
        for bar in svg.select("g rect"):
            assert contrast(bar["fill"], background) >= 3, f"staaf {bar['fill']} heeft te weinig contrast"
        for group in svg.select("g"):
            if group.find("text"):
                assert contrast(group["fill"], background) >= 4.5, f"tekst {group['fill']} heeft te weinig contrast"
