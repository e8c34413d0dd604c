""""Laatst bijgewerkt": the day readers could first see a page's current content.

The history behind /wijzigingen/ (history.py) decides it, so the two cannot disagree.
Every date is that of a commit on main's first-parent line: a pull request counts from the
day it was merged (its merge commit), not from the days its commits were made on a branch.

- An opgave page: the newest version of the data that changed what that page shows
  (compare.Changes.opgave_pages: its own texts, amounts and progress, the links in its
  texts, its neighbours' titles, the period, the meaning of an abbreviation it shows);
  with none since adoption, the day of the adopted version. An edit to one opgave leaves
  the others' dates alone.
- Every other page: the newest first-parent commit that changed its Markdown or a data
  file it shows (macros/view/site.py, SOURCES), leaving out commits to data/ that nobody
  could see (only comments or layout: no step in the history).

Without a history (no git, a copy, a shallow clone) the dates of the files decide, as
macros/outputs/last_updated.py finds them.
"""

import datetime
from collections.abc import Iterable
from pathlib import Path

from ..outputs.last_updated import LastUpdated
from .history import History


def page_date(history: History, files: LastUpdated, sources: Iterable[Path],
              opgave_id: str | None = None) -> datetime.date:
    """The date for under a page made from `sources` (for an opgave page: `opgave_id`)."""
    if opgave_id is not None and history.available and history.baseline is not None:
        step = history.page_change(opgave_id)
        return step.date if step is not None else history.baseline.date
    return files.date_of(sources)
