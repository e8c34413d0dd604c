"""Problems found in the data, and how they are told to staff (in Dutch; the words are
in messages.py).

Every problem names the file, the line where known, the record, the field and what
was expected, so a staff member can fix it without help.
"""

from dataclasses import dataclass
from typing import Any

from macros.data import messages

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
        where = self.file if self.line is None else messages.AT_LINE.format(file=self.file, line=self.line)
        parts = [where]
        if self.record:
            parts.append(self.record)
        if self.field:
            parts.append(messages.IN_FIELD.format(field=self.field))
        return " · ".join(parts) + f": {self.message}"


class DataError(Exception):
    """One or more problems in the data; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = messages.ONE_PROBLEM if count == 1 else messages.PROBLEMS
        lines = [messages.REPORT_HEADING.format(count=count, noun=noun)]
        lines += [f"  - {problem}" for problem in self.problems]
        lines.append(messages.REPORT_FOOTER)
        return "\n".join(lines)


def record_name(list_key: Any, position: int, record: Any) -> str | None:
    """How staff recognise item `position` of the list under `list_key`, e.g. "opgave 'arbeidsmarkt'"."""
    if list_key not in messages.RECORD_NAMES or not isinstance(record, dict):
        return None
    name = messages.RECORD_NAMES[list_key]
    key = next((record[k] for k in RECORD_KEYS if isinstance(record.get(k), (str, int))), None)
    if key is not None and not isinstance(key, bool):
        return messages.RECORD.format(name=name, key=key)
    return messages.RECORD_BY_NUMBER.format(name=name, number=position + 1)


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
