"""The published programme as extracted from the PDF, and how data is matched to it.

Comparison ignores white space and hyphens, because the PDF extraction breaks words
across lines ("bedrijven terreinen", "water- voorziening", "ophet"). Everything else,
every letter and figure, must match.
"""

import re

from macros.data.source import SOURCE, key, source_text  # noqa: F401 - the tests' names for them

# Deliberate repairs in the data, each also explained in a YAML comment there.
REPAIRS = {
    "inspiratiebijeenkomsten)": "inspiratiebijeenkomsten",  # closing parenthesis missing in the source
}


def data_key(text: str) -> str:
    for repaired, original in REPAIRS.items():
        text = text.replace(repaired, original)
    return key(text)


# The budget part of the source: from its heading up to "Cofinanciering".
BUDGET_START = "Beschikbare budgetten 2024-2025"
BUDGET_END = "Cofinanciering"


def budget_part() -> str:
    """The budget text of the source with white space collapsed (its words are not broken)."""
    text = source_text()
    return re.sub(r"\s+", " ", text[text.index(BUDGET_START): text.index(BUDGET_END)]).strip()

