"""The resolved view of all data: validated models plus what is derived from them.

Everything a page needs (numbers, URLs, neighbours, cross-references, sums) is
computed here once, so pages, indexes and downloads can never disagree.
"""

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .loader import load_document
from .models.opgaven import Opgave, OpgavenFile
from .models.programma import ProgrammeFile
from .problems import DataError, Problem
from .sections import SECTIONS
from .urls import opgave_path
from .validation import validate

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class OpgaveEntry:
    number: int
    record: Opgave

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def slug(self) -> str:
        return self.record.slug

    @property
    def title(self) -> str:
        return self.record.title

    @property
    def path(self) -> str:
        return opgave_path(self.slug)

    @property
    def label(self) -> str:
        return f"Opgave {self.number}"

    def section(self, section) -> list:
        return getattr(self.record, section.field)


@dataclass(frozen=True)
class Site:
    programme: ProgrammeFile
    opgaven: tuple[OpgaveEntry, ...]

    @cached_property
    def _by_id(self) -> dict[str, OpgaveEntry]:
        return {entry.id: entry for entry in self.opgaven}

    def opgave(self, opgave_id: str) -> OpgaveEntry:
        return self._by_id[opgave_id]

    def neighbours(self, entry: OpgaveEntry) -> tuple[OpgaveEntry | None, OpgaveEntry | None]:
        index = self.opgaven.index(entry)
        previous = self.opgaven[index - 1] if index > 0 else None
        following = self.opgaven[index + 1] if index + 1 < len(self.opgaven) else None
        return previous, following

    @property
    def sections(self):
        return SECTIONS


def load_site(data_dir: Path = DATA_DIR) -> Site:
    """Read, validate and resolve every data file; report all problems at once."""
    problems: list[Problem] = []

    def read(file_name: str, model):
        try:
            return validate(load_document(data_dir / file_name, f"data/{file_name}"), model)
        except DataError as error:
            problems.extend(error.problems)
            return None

    opgaven_file = read("opgaven.yaml", OpgavenFile)
    programme = read("programma.yaml", ProgrammeFile)
    if problems:
        raise DataError(problems)
    return Site(
        programme=programme,
        opgaven=tuple(OpgaveEntry(number, record) for number, record in enumerate(opgaven_file.opgaven, 1)),
    )


_cache: dict[Path, tuple[tuple, Site]] = {}


def load_site_cached(data_dir: Path = DATA_DIR) -> Site:
    """load_site, reused while no data file changed (one build asks many times)."""
    data_dir = data_dir.resolve()
    stamp = tuple(
        (path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in sorted(data_dir.glob("*.yaml"))
    )
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    site = load_site(data_dir)
    _cache[data_dir] = (stamp, site)
    return site
