"""The published programme as extracted from the PDF (bron/), and how a text is found in it.

Comparison ignores white space and hyphens, because the PDF extraction breaks words
across lines ("bedrijven terreinen", "water- voorziening", "ophet"). Everything else,
every letter and figure, must match.
"""

import re
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "bron" / "uitvoeringsprogramma-economische-koers-drenthe-2024-2025.txt"


def key(text: str) -> str:
    return re.sub(r"[\s\-•]+", "", text)


def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _searchable() -> str | None:
    return key(source_text()).casefold() if SOURCE.is_file() else None


def in_source(text: str) -> bool | None:
    """Whether `text` is in the programme (case aside); None when the source is not there
    (a copy of the project without bron/, as some tests build)."""
    searchable = _searchable()
    return None if searchable is None else key(text).casefold() in searchable
