"""Progress per opgave: the activities and results that carry a status.

Only items with a status take part; an opgave without any is left out, so a page
never shows an empty overview.
"""

from collections import Counter
from dataclasses import dataclass

from macros.data.models.progress import STATUSES, ProgressItem
from macros.data.sections import SECTIONS, Section

_SECTION = {section.key: section for section in SECTIONS}

STATUS_LABELS = {"gepland": "Gepland", "lopend": "Lopend", "afgerond": "Afgerond"}


@dataclass(frozen=True)
class ProgressLine:
    section: Section  # Activiteiten or Resultaten: where the item stands on the opgave page
    item: ProgressItem


@dataclass(frozen=True)
class OpgaveProgress:
    opgave: object  # view.OpgaveEntry
    lines: tuple[ProgressLine, ...]

    @property
    def counts(self) -> dict[str, int]:
        """Number of items per status, every status present (0 when none)."""
        counted = Counter(line.item.status for line in self.lines)
        return {status: counted[status] for status in STATUSES}

    def by_status(self) -> list[tuple[str, list[ProgressLine]]]:
        """(status, lines) in the order gepland, lopend, afgerond; statuses without lines left out."""
        return [
            (status, [line for line in self.lines if line.item.status == status])
            for status in STATUSES
            if any(line.item.status == status for line in self.lines)
        ]


def items_with_status(opgave) -> tuple[ProgressLine, ...]:
    record = opgave.record
    activities = [item for group in record.activities for item in group.items]
    lines = [ProgressLine(_SECTION["activiteiten"], item) for item in activities if item.status]
    lines += [ProgressLine(_SECTION["resultaten"], item) for item in record.results if item.status]
    return tuple(lines)


def progress_overview(opgaven) -> list[OpgaveProgress]:
    """One block per opgave that has at least one status, in programme order."""
    blocks = [OpgaveProgress(opgave, items_with_status(opgave)) for opgave in opgaven]
    return [block for block in blocks if block.lines]
