"""The resolved budget: years, groups and lines with their sums and the comparison of years.

Sums are computed here once, from the line items, so the tables, the opgave pages, the
charts and the downloads all show the same numbers. "No budget" (None, a "-" in the
programme) is kept apart from € 0 all the way: a group whose lines all have no budget
has no budget as its subtotal, not zero.
"""

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from macros.data import messages
from macros.data.loader import Document
from macros.data.models.budget import BudgetFile, BudgetGroup, BudgetYear
from macros.data.problems import Problem
from macros.view.urls import BUDGET_PATH


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
    def label(self) -> str:
        """"Opgave 3" in a year laid out by opgave, else "Groep 3"."""
        return self.opgave.label if self.opgave is not None else f"Groep {self.number}"

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
    layout_note: str | None = None  # the programme's sentence on how this year is laid out

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


# How a line of the comparison relates to the two years.
KEPT = "kept"  # in both years (the same id)
ADDED = "added"  # only in the later year
REMOVED = "removed"  # only in the earlier year

def same_group(earlier: Group, later: Group) -> bool:
    """Whether two groups of different years are the same: the same opgave, or the same title."""
    if earlier.opgave is not None or later.opgave is not None:
        return earlier.opgave is not None and later.opgave is not None and earlier.opgave.id == later.opgave.id
    return earlier.title.casefold() == later.title.casefold()


@dataclass(frozen=True)
class Change:
    """One line of the earlier year, the later year or both (paired by id), and what it
    adds to the change of the total."""

    id: str
    before: Line | None  # None: not in the earlier year
    after: Line | None  # None: not in the later year
    group_before: Group | None
    group_after: Group | None
    # The name, with its group when another line of the comparison has the same name
    # ("Overige bijdragen" is in three opgaven): for a sentence that names the line.
    label: str = ""

    @property
    def kind(self) -> str:
        if self.before is None:
            return ADDED
        return REMOVED if self.after is None else KEPT

    @property
    def name(self) -> str:
        return (self.after or self.before).name

    @property
    def group(self) -> Group:
        """Where the line is now: its group in the later year, or in the earlier one if it is gone."""
        return self.group_after or self.group_before

    @property
    def renamed(self) -> bool:
        return self.kind == KEPT and self.before.name != self.after.name

    @property
    def moved(self) -> bool:
        """In both years, but in another group (or another layout) in the later one."""
        return self.kind == KEPT and not same_group(self.group_before, self.group_after)

    @property
    def amount_before(self) -> int | None:
        return self.before.amount if self.before else None

    @property
    def amount_after(self) -> int | None:
        return self.after.amount if self.after else None

    @property
    def difference(self) -> int | None:
        """What the line adds to the change of the total: later minus earlier, where a year
        without the line, or without budget on it, adds nothing. None when neither year has
        budget on it (no budget is not € 0)."""
        if self.amount_before is None and self.amount_after is None:
            return None
        return (self.amount_after or 0) - (self.amount_before or 0)


@dataclass(frozen=True)
class Section:
    """The lines of a comparison of one kind (in both years, new, gone), with their sums."""

    kind: str
    changes: tuple[Change, ...]

    @property
    def earlier_total(self) -> int | None:
        return sum_amounts(change.amount_before for change in self.changes)

    @property
    def later_total(self) -> int | None:
        return sum_amounts(change.amount_after for change in self.changes)

    @property
    def difference(self) -> int | None:
        return sum_amounts(change.difference for change in self.changes)


@dataclass(frozen=True)
class Comparison:
    """Every line of two years: the lines in both, the new ones and the ones that are gone.

    Their differences add up to the change of the total. Which lines of two years are the
    same line is decided in the data (the same id), never guessed from a name; the data
    gives no reason for a difference, so neither does the comparison."""

    earlier: Year
    later: Year
    changes: tuple[Change, ...]  # the lines in both years, then the new ones, then the ones gone

    @property
    def anchor(self) -> str:
        return f"vergelijking-{self.earlier.year}-{self.later.year}"

    @property
    def total_difference(self) -> int | None:
        return difference(self.earlier.total, self.later.total)

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """The kinds that have lines: in both years, only in the earlier, only in the later."""
        kinds = (KEPT, REMOVED, ADDED)
        sections = (Section(kind, tuple(change for change in self.changes if change.kind == kind)) for kind in kinds)
        return tuple(section for section in sections if section.changes)

    def section(self, kind: str) -> Section | None:
        return next((section for section in self.sections if section.kind == kind), None)


@dataclass(frozen=True)
class Budget:
    heading: str
    introduction: tuple[str, ...]
    years: tuple[Year, ...]
    search_words: tuple[str, ...] = ()  # words readers type for the budget (zoekwoorden)

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
    def opgave_years(self) -> tuple[Year, ...]:
        """Every year laid out by opgave, old to new: the years an opgave page shows."""
        return tuple(year for year in self.years if year.by_opgave)

    @cached_property
    def _groups_by_opgave(self) -> dict[tuple[int, str], Group]:
        return {(year.year, group.opgave.id): group for year in self.opgave_years for group in year.groups}

    def group_for(self, opgave_id: str, year: "Year | None" = None) -> Group | None:
        """The opgave's group in `year` (by default the opgave year), or None when it has no
        budget lines there."""
        year = year or self.opgave_year
        return self._groups_by_opgave.get((year.year, opgave_id)) if year else None

    @cached_property
    def comparisons(self) -> tuple[Comparison, ...]:
        """Each year against the one before: every line of both, paired by id."""
        return tuple(compare(earlier, later) for earlier, later in zip(self.years, self.years[1:]))


def compare(earlier: Year, later: Year) -> Comparison:
    """Pair the lines of two years by id; every line of either year is in the comparison."""
    before = {line.id: line for line in earlier.lines}
    after_ids = {line.id for line in later.lines}
    pairs = [(before.get(line.id), line) for line in later.lines if line.id in before]
    pairs += [(None, line) for line in later.lines if line.id not in before]
    pairs += [(line, None) for line in earlier.lines if line.id not in after_ids]
    names = Counter((after or before).name.casefold() for before, after in pairs)
    changes = []
    # By id, not with Year.group_of: a search per line grew with the square of the lines (bench/).
    groups_before = {line.id: group for group in earlier.groups for line in group.lines}
    groups_after = {line.id: group for group in later.groups for line in group.lines}
    for line_before, line_after in pairs:
        group_before = groups_before[line_before.id] if line_before else None
        group_after = groups_after[line_after.id] if line_after else None
        name = (line_after or line_before).name
        group = group_after or group_before
        label = f"{name} ({group.label.lower()})" if names[name.casefold()] > 1 else name
        changes.append(Change((line_after or line_before).id, line_before, line_after, group_before, group_after,
                              label))
    return Comparison(earlier, later, tuple(changes))


def resolve_budget(file: BudgetFile, opgaven: Mapping[str, OpgaveLike]) -> Budget:
    """The budget with every group tied to its opgave; call after `opgave_problems` found none."""
    return Budget(
        heading=file.introduction.heading,
        introduction=tuple(file.introduction.paragraphs),
        years=tuple(_year(year, opgaven) for year in file.years),
        search_words=tuple(file.search_words),
    )


def _year(year: BudgetYear, opgaven: Mapping[str, OpgaveLike]) -> Year:
    return Year(
        year=year.year,
        caption=year.caption,
        groups=tuple(_group(year.year, number, group, opgaven) for number, group in enumerate(year.groups, 1)),
        adopted_total=year.adopted_total,
        layout_note=year.layout_note,
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
                    record=messages.RECORD.format(name=messages.RECORD_NAMES["jaren"], key=year.year),
                    field="groepen",
                    message=messages.NO_GROUP_FOR_OPGAVE.format(opgave=opgave_id, year=year.year),
                ))
        for group_index, group in enumerate(year.groups):
            if group.opgave is None or group.opgave in known:
                continue
            guess = difflib.get_close_matches(group.opgave, known, n=1)
            hint = messages.DID_YOU_MEAN.format(guess=guess[0]) if guess else ""
            problems.append(Problem(
                file=document.name,
                line=document.line_of(("jaren", year_index, "groepen", group_index, "opgave")),
                record=" › ".join((messages.RECORD.format(name=messages.RECORD_NAMES["jaren"], key=year.year),
                                   messages.RECORD_BY_NUMBER.format(name=messages.RECORD_NAMES["groepen"],
                                                                    number=group_index + 1))),
                field="opgave",
                message=messages.NO_SUCH_OPGAVE.format(opgave=group.opgave, hint=hint, known=", ".join(known)),
            ))
    return problems
