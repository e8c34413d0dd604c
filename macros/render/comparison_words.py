"""The words for the kinds of line in the year comparison, so the table, the text above it and
the chart call each kind the same. Plain facts: in which years a line stands, never why."""

from macros.view.budget import ADDED, KEPT, REMOVED, Comparison, Section


def section_title(section: Section, comparison: Comparison) -> str:
    """"In 2024 én in 2025", "Alleen in 2024", "Alleen in 2025"."""
    earlier, later = comparison.earlier.year, comparison.later.year
    return {
        KEPT: f"In {earlier} én in {later}",
        ADDED: f"Alleen in {later}",
        REMOVED: f"Alleen in {earlier}",
    }[section.kind]


def section_anchor(section: Section, comparison: Comparison) -> str:
    # The anchors are older than the words and stay, so links to them keep working.
    return f"{comparison.anchor}-" + {KEPT: "in-beide-jaren", ADDED: "nieuw", REMOVED: "vervallen"}[section.kind]


def lines_count(count: int) -> str:
    return "1 regel" if count == 1 else f"{count} regels"


# What the comparison template gets besides the comparisons (macros/render/parts.py).
TEMPLATE_HELPERS = {"section_title": section_title, "section_anchor": section_anchor, "lines_count": lines_count,
                    "KEPT": KEPT, "ADDED": ADDED, "REMOVED": REMOVED}
