"""The resolved budget: years, groups and lines with their sums and the comparison of years.

Sums are computed here once, from the line items, so the tables, the opgave pages, the
charts and the downloads all show the same numbers. "No budget" (None, a "-" in the
programme) is kept apart from € 0 all the way: a group whose lines all have no budget
has no budget as its subtotal, not zero.
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from .loader import Document
from .models.budgetten import BudgetFile, BudgetGroup, BudgetYear
from .problems import Problem
from .urls import BUDGET_PATH


class OpgaveLike(Protocol):
    id: str
    title: str
    path: str
    label: str


def sum_amounts(amounts: Iterable[int | None]) -> int | None:
    """The sum of the amounts that exist; None when none of them does."""
    present = [amount for amount in amounts if amount is not None]
    return sum(present) if present else None


def difference(before: int | None, after: int | None) -> int | None:
    """after - before; None when either has no budget (no budget is not € 0)."""
    if before is None or after is None:
        return None
    return after - before


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def year_anchor(year: int) -> str:
    return f"begroting-{year}"


@dataclass(frozen=True)
class Line:
    id: str
    name: str
    amount: int | None  # None: no budget ("-" in the programme)
    year: int


@dataclass(frozen=True)
class Group:
    year: int
    number: int
    title: str
    opgave: Any  # the OpgaveEntry this group is about, or None in an older classification
    lines: tuple[Line, ...]

    @property
    def subtotal(self) -> int | None:
        return sum_amounts(line.amount for line in self.lines)

    @property
    def anchor(self) -> str:
        key = self.opgave.id if self.opgave is not None else slugify(self.title)
        return f"{year_anchor(self.year)}-{key}"

    @property
    def path(self) -> str:
        """Where this group is in the full budget tables."""
        return f"{BUDGET_PATH}#{self.anchor}"


@dataclass(frozen=True)
class Year:
    year: int
    caption: str
    groups: tuple[Group, ...]
    adopted_total: int | None

    @property
    def total(self) -> int | None:
        return sum_amounts(group.subtotal for group in self.groups)

    @property
    def lines(self) -> tuple[Line, ...]:
        return tuple(line for group in self.groups for line in group.lines)

    @property
    def by_opgave(self) -> bool:
        """True when the groups are the opgaven of the programme (from 2025 on)."""
        return all(group.opgave is not None for group in self.groups)

    @property
    def anchor(self) -> str:
        return year_anchor(self.year)

    @property
    def path(self) -> str:
        return f"{BUDGET_PATH}#{self.anchor}"

    def group_of(self, line: Line) -> Group:
        return next(group for group in self.groups if line in group.lines)


@dataclass(frozen=True)
class Change:
    """One line that is in both years, and how its amount changed."""

    id: str
    before: Line
    after: Line
    group_before: Group
    group_after: Group

    @property
    def name(self) -> str:
        return self.after.name

    @property
    def renamed(self) -> bool:
        return self.before.name != self.after.name

    @property
    def difference(self) -> int | None:
        return difference(self.before.amount, self.after.amount)


@dataclass(frozen=True)
class Comparison:
    earlier: Year
    later: Year
    changes: tuple[Change, ...]

    @property
    def anchor(self) -> str:
        return f"vergelijking-{self.earlier.year}-{self.later.year}"

    @property
    def total_difference(self) -> int | None:
        return difference(self.earlier.total, self.later.total)


@dataclass(frozen=True)
class Budget:
    heading: str
    introduction: tuple[str, ...]
    years: tuple[Year, ...]

    @property
    def path(self) -> str:
        return BUDGET_PATH

    def year(self, number: int) -> Year:
        return next(year for year in self.years if year.year == number)

    # Cached: every opgave page and download asks, and a search through all groups each
    # time made the build grow with the square of the number of opgaven (bench/RESULTS.md).
    @cached_property
    def opgave_year(self) -> Year | None:
        """The latest year laid out by opgave: the budget an opgave page shows."""
        return next((year for year in reversed(self.years) if year.by_opgave), None)

    @cached_property
    def _groups_by_opgave(self) -> dict[str, Group]:
        year = self.opgave_year
        return {group.opgave.id: group for group in year.groups} if year else {}

    def group_for(self, opgave_id: str) -> Group | None:
        """The opgave's group in the opgave year, or None when it has no budget lines there."""
        return self._groups_by_opgave.get(opgave_id)

    @cached_property
    def comparisons(self) -> tuple[Comparison, ...]:
        """Each year against the one before, for the lines that both have (same id)."""
        return tuple(compare(earlier, later) for earlier, later in zip(self.years, self.years[1:]))


def compare(earlier: Year, later: Year) -> Comparison:
    before = {line.id: line for line in earlier.lines}
    changes = tuple(
        Change(line.id, before[line.id], line, earlier.group_of(before[line.id]), later.group_of(line))
        for line in later.lines
        if line.id in before
    )
    return Comparison(earlier, later, changes)


def resolve_budget(file: BudgetFile, opgaven: Mapping[str, OpgaveLike]) -> Budget:
    """The budget with every group tied to its opgave; call after `opgave_problems` found none."""
    return Budget(
        heading=file.introduction.heading,
        introduction=tuple(file.introduction.paragraphs),
        years=tuple(_year(year, opgaven) for year in file.years),
    )


def _year(year: BudgetYear, opgaven: Mapping[str, OpgaveLike]) -> Year:
    return Year(
        year=year.year,
        caption=year.caption,
        groups=tuple(_group(year.year, number, group, opgaven) for number, group in enumerate(year.groups, 1)),
        adopted_total=year.adopted_total,
    )


def _group(year: int, number: int, group: BudgetGroup, opgaven: Mapping[str, OpgaveLike]) -> Group:
    opgave = opgaven[group.opgave] if group.opgave is not None else None
    return Group(
        year=year,
        number=number,
        title=opgave.title if opgave is not None else group.title,
        opgave=opgave,
        lines=tuple(Line(line.id, line.name, line.amount, year) for line in group.lines),
    )


def opgave_problems(file: BudgetFile, opgave_ids: Iterable[str], document: Document) -> list[Problem]:
    """Groups that name an opgave data/opgaven.yaml does not have, and opgaven without a group.

    A year laid out per opgave must have a group for every opgave, so that a new opgave
    never goes online without a budget by oversight; "no budget" is written as a line
    with `bedrag: geen`."""
    known = list(opgave_ids)
    problems = []
    for year_index, year in enumerate(file.years):
        named = {group.opgave for group in year.groups if group.opgave is not None}
        for opgave_id in (known if named else []):
            if opgave_id not in named:
                problems.append(Problem(
                    file=document.name,
                    line=document.line_of(("jaren", year_index, "groepen")),
                    record=f"jaar '{year.year}'",
                    field="groepen",
                    message=(f"de opgave '{opgave_id}' heeft geen groep in de begroting van {year.year}. "
                             f"Verwacht: een groep met 'opgave: {opgave_id}' en haar regels. Heeft de opgave "
                             "geen budget, geef de regel dan 'bedrag: geen'."),
                ))
        for group_index, group in enumerate(year.groups):
            if group.opgave is None or group.opgave in known:
                continue
            guess = difflib.get_close_matches(group.opgave, known, n=1)
            hint = f" Bedoel je '{guess[0]}'?" if guess else ""
            problems.append(Problem(
                file=document.name,
                line=document.line_of(("jaren", year_index, "groepen", group_index, "opgave")),
                record=f"jaar '{year.year}' › groep nr. {group_index + 1}",
                field="opgave",
                message=(f"de opgave '{group.opgave}' bestaat niet in data/opgaven.yaml.{hint} "
                         f"Verwacht een van: {', '.join(known)}."),
            ))
    return problems
