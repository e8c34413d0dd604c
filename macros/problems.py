"""Problems found in the data, and how they are told to staff (in Dutch).

Every problem names the file, the line where known, the record, the field and what
was expected, so a staff member can fix it without help.
"""

from dataclasses import dataclass


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
