"""The budget charts: inline SVG drawn at build time, readable without JavaScript or other hosts."""

import re

import pytest

from macros.formatting import euro
from macros.view import load_site

SITE = load_site()
BUDGET_PAGE = "begroting/"


def contrast(colour: str, background: str) -> float:
    def luminance(hex_colour: str) -> float:
        channels = [int(hex_colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(colour), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.fixture
def charts(page):
    return page(BUDGET_PAGE).select("figure.ekd-grafiek svg")


def test_the_budget_page_has_two_charts(charts):
    assert [svg.title.get_text() for svg in charts] == [
        "Budget 2025 per opgave",
        "Budget 2024 en 2025 van de regels die in beide jaren staan",
    ]


def test_each_chart_is_one_named_image_with_a_description(charts, page):
    soup = page(BUDGET_PAGE)
    for svg in charts:
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert soup.find(id=title_id).name == "title"
        assert soup.find(id=desc_id).name == "desc"


def test_the_description_lists_every_value(charts):
    per_opgave, comparison = charts
    description = per_opgave.desc.get_text()
    for group in SITE.budget.year(2025).groups:
        assert f"{group.opgave.label}: {group.title}: {euro(group.subtotal)}" in description
    description = comparison.desc.get_text()
    for change in SITE.budget.comparisons[0].changes:
        assert f"{change.name}: 2024 {euro(change.before.amount)}, 2025 {euro(change.after.amount)}" in description


def test_each_chart_has_its_figures_in_a_table_too(charts):
    for svg in charts:
        figure = svg.find_parent("figure")
        table = figure.find_next("table") if "hieronder" in figure.figcaption.get_text() else figure.find_previous("table")
        shown = {td.get_text() for td in table.select("td")}
        values = [text.get_text() for text in svg.select("rect + text") if "€" in text.get_text()]
        assert values
        for value in values:
            amount = value.split(": ")[-1]
            assert amount in shown, f"{amount} staat niet in de tabel bij de grafiek"


def test_bars_are_to_scale(charts):
    per_opgave = charts[0]
    bars = per_opgave.select("g rect")
    widths = [float(bar["width"]) for bar in bars]
    subtotals = [group.subtotal for group in SITE.budget.year(2025).groups]
    largest = max(subtotals)
    for width, subtotal in zip(widths, subtotals):
        assert width == pytest.approx(max(widths) * subtotal / largest, abs=0.1)


def test_charts_need_no_script_and_load_nothing(charts):
    for svg in charts:
        markup = str(svg)
        assert svg.find("script") is None
        assert not re.search(r"\b(?:href|src)=|url\(|@import|<image|<foreignObject", markup, re.IGNORECASE)
        assert not re.search(r"\bon\w+=", markup), "geen event handlers in de grafiek"


def test_chart_colours_meet_the_contrast_rules(charts):
    for svg in charts:
        background = svg.select_one(":scope > rect")["fill"]
        assert background == "#ffffff"
        for bar in svg.select("g rect"):
            assert contrast(bar["fill"], background) >= 3, f"staaf {bar['fill']} heeft te weinig contrast"
        for group in svg.select("g"):
            if group.find("text"):
                assert contrast(group["fill"], background) >= 4.5, f"tekst {group['fill']} heeft te weinig contrast"
