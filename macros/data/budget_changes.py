"""Which amounts of a budget year changed since the last (or, when committed, the previous) commit.

When a year's lines no longer add up to its `vastgesteld_totaal`, the amount that was
just typed is the likely culprit; naming it saves staff comparing every line with the
programme. Reads the committed file with the same safe loader as the data itself.
"""

from typing import Any

from macros.data import messages
from macros.data.loader import Document, committed_version
from macros.data.models.budget import NO_BUDGET_WORD
from macros.data.problems import value_at
from macros.formatting import euro


def amounts_changed_since_commit(document: Document, year_loc: tuple) -> str:
    """A Dutch sentence naming the changed lines of the year at `year_loc`; "" when git cannot tell."""
    year = value_at(document.data, year_loc)
    before, since = _committed_year(document, year.get("jaar") if isinstance(year, dict) else None)
    if before is None:
        return ""
    old_amounts = dict(_amounts(before))
    changes = []
    new_ids = set()
    for line_loc, line_id, amount in _amounts_with_loc(year, year_loc):
        new_ids.add(line_id)
        where = messages.AT_BUDGET_LINE.format(line=document.line_of(line_loc + ("bedrag",)))
        if line_id not in old_amounts:
            changes.append(messages.NEW_LINE.format(where=where, id=line_id, amount=_show(amount)))
        elif old_amounts[line_id] != amount:
            changes.append(messages.CHANGED_AMOUNT.format(where=where, id=line_id, before=_show(old_amounts[line_id]),
                                                          after=_show(amount)))
    changes += [messages.REMOVED_LINE.format(id=line_id, amount=_show(amount))
                for line_id, amount in old_amounts.items() if line_id not in new_ids]
    if changes:
        one = len(changes) == 1
        return messages.AMOUNTS_CHANGED.format(
            since=since, changed=messages.AMOUNT_CHANGED_ONE if one else messages.AMOUNTS_CHANGED_MANY,
            year=year["jaar"], changes="; ".join(changes), which=messages.THAT_AMOUNT if one else messages.THOSE_AMOUNTS)
    sentence = messages.NO_AMOUNT_CHANGED.format(year=year["jaar"], since=since)
    if before.get("vastgesteld_totaal") != year.get("vastgesteld_totaal"):
        sentence += messages.TOTAL_CHANGED.format(total=_show(before.get("vastgesteld_totaal")))
    return sentence


def _committed_year(document: Document, number: Any) -> tuple[dict | None, str]:
    """The raw year `number` as last committed (loader.committed_version), and how to name that commit."""
    if number is None:
        return None, ""
    committed, since = committed_version(document)
    years = committed.get("jaren") if isinstance(committed, dict) else None
    year = next((year for year in years or [] if isinstance(year, dict) and year.get("jaar") == number), None)
    return year, since


def _amounts_with_loc(year: dict, year_loc: tuple):
    for group_index, group in enumerate(year.get("groepen") or []):
        if not isinstance(group, dict):
            continue
        for line_index, line in enumerate(group.get("regels") or []):
            if isinstance(line, dict) and isinstance(line.get("id"), str):
                yield year_loc + ("groepen", group_index, "regels", line_index), line["id"], line.get("bedrag")


def _amounts(year: dict):
    return ((line_id, amount) for _, line_id, amount in _amounts_with_loc(year, ()))


def _show(amount: Any) -> str:
    if amount == NO_BUDGET_WORD:
        return messages.NO_BUDGET
    if isinstance(amount, int) and not isinstance(amount, bool):
        return euro(amount)
    return messages.NOTHING if amount is None else f"'{amount}'"
