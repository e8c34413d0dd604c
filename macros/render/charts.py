"""Bar charts of the budget, laid out at build time for an inline SVG (budget_chart.html).

No JavaScript, no fonts or files from elsewhere: the SVG is part of the page and its
text takes the page's own font. Each chart is one image for assistive technology
(role="img" with a title and a description that lists every value); the same figures
stand in a real table next to it.

Labels sit above their bars, so the chart stays readable when a phone scales it down
to about 340 px. Text is dark on white (about 16:1); bars are at least 4.5:1 against
the white background (WCAG asks 3:1 for graphics), and every bar carries its amount
in text, so colour is never the only clue.
"""

import textwrap
from dataclasses import dataclass

from macros.render.comparison_words import lines_count, section_title
from macros.formatting import budget_words
from macros.view.budget import ADDED, REMOVED, Budget, Comparison

WIDTH = 360
LABEL_SIZE = 14
VALUE_SIZE = 13
LINE_HEIGHT = 18
BAR_HEIGHT = 16
BAR_GAP = 4
ROW_GAP = 16
VALUE_SPACE = 140  # room right of the longest bar for its amount ("2025: € 3.000.000")
WRAP_AT = 46  # characters of a label line at LABEL_SIZE within WIDTH
MIN_BAR = 2  # a positive amount is always visible, however small

TEXT_COLOUR = "#1f1f1f"  # 16.5:1 on white
BACKGROUND = "#ffffff"
MAIN_COLOUR = "#283593"  # indigo 800, 10.4:1 on white
EARLIER_COLOUR = "#6b6b6b"  # grey, 5.3:1 on white


@dataclass(frozen=True)
class Text:
    x: float
    y: float
    text: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    value: Text


@dataclass(frozen=True)
class Series:
    name: str
    colour: str


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[int | None, ...]  # one per series
    # Per series, what a None value says instead of "geen budget" (e.g. "niet in 2024").
    missing: tuple[str | None, ...] = ()

    def words(self, index: int) -> str:
        value = self.values[index]
        missing = self.missing[index] if index < len(self.missing) else None
        return missing if value is None and missing else budget_words(value)


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    description: str
    width: int
    height: float
    labels: tuple[Text, ...]
    bars: tuple[Bar, ...]
    legend: tuple[Series, ...]
    legend_y: float
    text_colour: str = TEXT_COLOUR
    background: str = BACKGROUND
    label_size: int = LABEL_SIZE
    value_size: int = VALUE_SIZE


def bar_chart(chart_id: str, title: str, rows: list[Row], series: list[Series], summary: str) -> Chart:
    """Horizontal bars: per row its label, then one bar per series, all to one scale."""
    largest = max((value for row in rows for value in row.values if value is not None), default=0)
    scale = (WIDTH - VALUE_SPACE) / largest if largest else 0
    show_series_name = len(series) > 1
    labels: list[Text] = []
    bars: list[Bar] = []
    legend_y = LINE_HEIGHT if show_series_name else 0
    y = legend_y + (LINE_HEIGHT if show_series_name else 0)
    for row in rows:
        for line in textwrap.wrap(row.label, WRAP_AT):
            y += LINE_HEIGHT
            labels.append(Text(0, y - 4, line))
        y += BAR_GAP
        for index, (value, one) in enumerate(zip(row.values, series)):
            width = 0 if value is None else max(value * scale, MIN_BAR if value > 0 else 0)
            amount = row.words(index)
            text = f"{one.name}: {amount}" if show_series_name else amount
            bars.append(Bar(0, y, round(width, 1), BAR_HEIGHT, one.colour,
                            Text(round(width + 6, 1), y + BAR_HEIGHT - 3, text)))
            y += BAR_HEIGHT + BAR_GAP
        y += ROW_GAP
    values = "; ".join(
        f"{row.label}: " + ", ".join(
            (f"{one.name} " if show_series_name else "") + row.words(index)
            for index, one in enumerate(series)
        )
        for row in rows
    )
    return Chart(
        id=chart_id,
        title=title,
        description=f"{summary} {values}.",
        width=WIDTH,
        height=y - ROW_GAP + BAR_GAP,
        labels=tuple(labels),
        bars=tuple(bars),
        legend=tuple(series) if show_series_name else (),
        legend_y=legend_y,
    )


def opgaven_chart(budget: Budget) -> Chart | None:
    """The budget of the opgave year, one bar per opgave."""
    year = budget.opgave_year
    if year is None:
        return None
    rows = [Row(f"{group.opgave.label}: {group.title}", (group.subtotal,)) for group in year.groups]
    return bar_chart(
        f"grafiek-per-opgave-{year.year}",
        f"Budget {year.year} per opgave",
        rows,
        [Series(str(year.year), MAIN_COLOUR)],
        f"Staafdiagram van het budget in {year.year} per opgave, in euro’s.",
    )


def comparison_chart(comparison: Comparison) -> Chart:
    """The sums of the comparison table: per kind of line (in both years, only in one) a bar
    for each year, then the totals. The same figures as the table's "Samen" and total rows."""
    earlier, later = comparison.earlier.year, comparison.later.year
    rows = [Row(f"{section_title(section, comparison)} ({lines_count(len(section.changes))})",
                (section.earlier_total, section.later_total),
                (f"niet in {earlier}" if section.kind == ADDED else None,
                 f"niet in {later}" if section.kind == REMOVED else None))
            for section in comparison.sections]
    rows.append(Row("Totaal", (comparison.earlier.total, comparison.later.total)))
    return bar_chart(
        f"grafiek-vergelijking-{earlier}-{later}",
        f"Budget {earlier} en {later}: regels in beide jaren, regels alleen in {earlier} en regels alleen in {later}",
        rows,
        [Series(str(earlier), EARLIER_COLOUR), Series(str(later), MAIN_COLOUR)],
        f"Staafdiagram. Per soort regel en voor het totaal een staaf voor {earlier} en een staaf voor {later}, "
        "in euro’s.",
    )
