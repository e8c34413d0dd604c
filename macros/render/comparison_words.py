"""The words for the kinds of line in the year comparison, so the table, the text that
explains the difference and the chart call each kind the same."""

from macros.view.budget import ADDED, KEPT, REMOVED, Change, Comparison, Section


def section_title(section: Section, comparison: Comparison) -> str:
    """"In 2024 én in 2025", "Nieuw in 2025", "Niet meer in 2025"."""
    earlier, later = comparison.earlier.year, comparison.later.year
    return {
        KEPT: f"In {earlier} én in {later}",
        ADDED: f"Nieuw in {later}",
        REMOVED: f"Niet meer in {later}",
    }[section.kind]


def section_anchor(section: Section, comparison: Comparison) -> str:
    return f"{comparison.anchor}-" + {KEPT: "in-beide-jaren", ADDED: "nieuw", REMOVED: "vervallen"}[section.kind]


def lines_count(count: int) -> str:
    return "1 regel" if count == 1 else f"{count} regels"


def change_kind(change: Change, comparison: Comparison) -> str:
    """What a line is, in a few words after its amount: "nieuw in 2025"."""
    earlier, later = comparison.earlier.year, comparison.later.year
    return {
        KEPT: f"in {earlier} en {later}",
        ADDED: f"nieuw in {later}",
        REMOVED: f"staat niet meer in {later}",
    }[change.kind]


# What the comparison template gets besides the comparisons (macros/render/parts.py).
TEMPLATE_HELPERS = {"section_title": section_title, "section_anchor": section_anchor, "lines_count": lines_count, "change_kind": change_kind,
                    "KEPT": KEPT, "ADDED": ADDED, "REMOVED": REMOVED}
