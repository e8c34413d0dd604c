"""The variables of the home page's parts (macros/render/parts.py): the programme at a glance.

Everything is computed from the data: the budget per year, and per opgave its budget in the
latest year laid out by opgave and its number of activities.
"""

from dataclasses import dataclass

from macros.view.sentences import first_sentence

@dataclass(frozen=True)
class OpgaveCard:
    opgave: object  # the OpgaveEntry
    budget: int | None  # its subtotal in the opgave year; None: no budget (or no such year)
    activities: int
    summary: str  # the first sentence of nut & noodzaak: a teaser in the programme's own words


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
        cards.append(OpgaveCard(opgave, group.subtotal if group is not None else None, activity_count(opgave),
                                first_sentence(opgave.record.need[0], site.glossary.titles)))
    return {"year": year, "cards": cards}
