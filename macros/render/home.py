"""The variables of the home page's parts (macros/render/parts.py): the programme at a glance.

Everything is computed from the data: the budget per year, and per opgave its budget in the
latest year laid out by opgave and its number of activities.
"""

from dataclasses import dataclass

from macros.changes.html import PAGE_PATH as CHANGES_PAGE_PATH
from macros.view.indexes import (
    BUDGET_LINES_PATH, GLOSSARY_PATH, PARTNERS_PATH, PROGRAMMES_PATH, TARGET_GROUPS_PATH,
)
from macros.view.urls import BUDGET_PATH

# The pages of the signposts on the home page that have no constant elsewhere.
OPGAVEN_PATH = "opgaven/"
ABOUT_PATH = "over/"


@dataclass(frozen=True)
class OpgaveCard:
    opgave: object  # the OpgaveEntry
    budget: int | None  # its subtotal in the opgave year; None: no budget (or no such year)
    activities: int


def activity_count(opgave) -> int:
    return sum(len(group.items) for group in opgave.record.activities)


def summary(site, context) -> dict:
    return {"budget": site.budget}


def opgave_cards(site, context) -> dict:
    budget = site.budget
    year = budget.opgave_year
    cards = []
    for opgave in site.opgaven:
        group = budget.group_for(opgave.id) if year is not None else None
        cards.append(OpgaveCard(opgave, group.subtotal if group is not None else None, activity_count(opgave)))
    return {"year": year, "cards": cards}


def signposts(site, context) -> dict:
    return {"paths": {
        "budget": BUDGET_PATH, "opgaven": OPGAVEN_PATH, "partners": PARTNERS_PATH,
        "programmes": PROGRAMMES_PATH, "budget_lines": BUDGET_LINES_PATH, "target_groups": TARGET_GROUPS_PATH, "glossary": GLOSSARY_PATH,
        "about": ABOUT_PATH, "changes": CHANGES_PAGE_PATH,
    }}


def introduction(site, context) -> dict:
    return {"about_path": ABOUT_PATH}
