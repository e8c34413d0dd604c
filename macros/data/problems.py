"""Problems found in the data, and how they are told to staff (in Dutch).

Every problem names the file, the line where known, the record, the field and what
was expected, so a staff member can fix it without help.
"""

from dataclasses import dataclass
from typing import Any

# How a record in a list is called, by the key of that list.
RECORD_NAMES = {
    "opgaven": "opgave",
    "jaren": "jaar",
    "groepen": "groep",
    "regels": "begrotingsregel",
    "organisaties": "organisatie",
    "begrippen": "begrip",
    "programmas": "programma",
    "fondsen": "fonds",
}

# The keys that name a record, in order of preference.
RECORD_KEYS = ("id", "jaar", "naam")


@dataclass(frozen=True)
class Problem:
    file: str
    message: str
    line: int | None = None
    record: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}, regel {self.line}"
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(f"veld '{self.field}'")
        return " · ".join(parts) + f": {self.message}"


class DataError(Exception):
    """One or more problems in the data; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "probleem" if count == 1 else "problemen"
        lines = [f"De data bevat {count} {noun}. De site is niet gebouwd."]
        lines += [f"  - {problem}" for problem in self.problems]
        lines.append("Uitleg bij elke melding: zie CONTRIBUTING.md.")
        return "\n".join(lines)


def record_name(list_key: Any, position: int, record: Any) -> str | None:
    """How staff recognise item `position` of the list under `list_key`, e.g. "opgave 'arbeidsmarkt'"."""
    if list_key not in RECORD_NAMES or not isinstance(record, dict):
        return None
    name = RECORD_NAMES[list_key]
    key = next((record[k] for k in RECORD_KEYS if isinstance(record.get(k), (str, int))), None)
    return f"{name} '{key}'" if key is not None and not isinstance(key, bool) else f"{name} nr. {position + 1}"


def value_at(data: Any, loc: tuple) -> Any:
    """The raw value at `loc` (keys and list positions), or None when there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def locate(data: Any, loc: tuple) -> tuple[str | None, str]:
    """Split a location into the deepest named record and the field path below it."""
    record, start = None, 0
    node = data
    for position, part in enumerate(loc):
        parent_key = loc[position - 1] if position else None
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int):
            name = record_name(parent_key, part, node)
            if name:
                record, start = name, position + 1
    field_parts = [f"nr. {part + 1}" if isinstance(part, int) else str(part) for part in loc[start:]]
    return record, " › ".join(field_parts)
