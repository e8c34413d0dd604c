"""Which edition of the programme a PDF is: its date and version, on the title page.

Both come from the data, never typed: the date is when the data last changed (the git history
of data/, as "Laatst bijgewerkt" under the pages: macros/outputs/last_updated.py), the version
the first characters of a fingerprint of the data files' contents. Two PDFs with the same
version hold the same programme; a reader who quotes one can name it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from macros.data.files import DATA_FILES
from macros.outputs.last_updated import LastUpdated
from macros.formatting import dutch_date

VERSION_LENGTH = 7


@dataclass(frozen=True)
class Edition:
    date: str  # in Dutch: "4 december 2026"
    version: str  # hex digits

    @property
    def text(self) -> str:
        return f"Versie {self.version}, {self.date}"


def edition(data_dir: Path) -> Edition:
    data_dir = Path(data_dir).resolve()
    files = [data_dir / name for name in sorted(DATA_FILES) if (data_dir / name).is_file()]
    fingerprint = hashlib.sha256()
    for file in files:
        fingerprint.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    day = LastUpdated(data_dir.parent, folders=[data_dir]).date_of(files)
    return Edition(date=dutch_date(day), version=fingerprint.hexdigest()[:VERSION_LENGTH])
