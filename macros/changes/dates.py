""""Laatst bijgewerkt": the day readers could first see a page's current content.

The history behind /wijzigingen/ (history.py) decides it, so the two cannot disagree.
Every date is that of a commit on main's first-parent line: a pull request counts from the
day it was merged (its merge commit), not from the days its commits were made on a branch.

- An opgave page: the newest version of the data that changed what that page shows
  (compare.Changes.opgave_pages: its own texts, amounts and progress, the links in its
  texts, its neighbours' titles, the period, the meaning of an abbreviation it shows);
  with none since adoption, the day of the adopted version. An edit to one opgave leaves
  the others' dates alone.
- Every other page: the newer of its Markdown's last first-parent commit and the newest
  version of the data that changed a part of the Site the page shows (compare.Changes.parts,
  by the names macros/view/site.py's RecordingSite notes: an opgave's text moves the pages
  that show opgaven, not the index of partners unless what it lists changes); with none
  since adoption, the day of the adopted version.

Without a history (no git, a copy, a shallow clone) the dates of the files decide, as
macros/outputs/last_updated.py finds them (leaving out data commits nobody could see).
"""

import datetime
from collections.abc import Iterable
from pathlib import Path

from ..outputs.last_updated import LastUpdated
from .history import History


def page_date(history: History, files: LastUpdated, markdown: Path | None, parts: Iterable[str],
              data: Iterable[Path], opgave_id: str | None = None) -> datetime.date:
    """The date for under a page: from its Markdown file (none for a generated page), the
    parts of the Site it shows (`parts`, made from the files `data`), for an opgave page
    `opgave_id`."""
    parts = frozenset(parts)
    if not (history.available and history.baseline is not None):
        return files.date_of([*([markdown] if markdown else []), *data])
    if opgave_id is not None:
        step = history.page_change(opgave_id)
        return step.date if step is not None else history.baseline.date
    days = [files.date_of([markdown])] if markdown else []
    if parts:
        step = history.parts_change(parts)
        days.append(step.date if step is not None else history.baseline.date)
    return max(days) if days else history.baseline.date
