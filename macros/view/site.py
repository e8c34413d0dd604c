"""The resolved view of all data: validated models plus what is derived from them.

Everything a page needs (numbers, URLs, neighbours, cross-references, sums) is
computed here once, so pages, indexes and downloads can never disagree.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from macros.data.additions import missing_additions
from macros.data.content_rules import content_problems
from macros.data.files import (
    BUDGET_FILE, DATA_DIR, DATA_FILES, GLOSSARY_FILE, OPGAVEN_FILE, ORGANISATIONS_FILE, PROGRAMME_FILE, PROGRAMMES_FILE,
    shown_name,
)
from macros.data.loader import Document, load_document
from macros.data.models.opgaven import Opgave
from macros.data.models.programme import ProgrammeFile
from macros.data.problems import DataError, Problem
from macros.data.sections import SECTIONS
from macros.data.validation import validate
from macros.view.budget import Budget, opgave_problems, resolve_budget, slugify
from macros.view.glossary import Glossary
from macros.view.indexes import Indexes, build_indexes
from macros.view.urls import PDF_PATH, opgave_path, pdf_path

# The data files each part of the Site is made from, as load_site makes it: a page that
# shows a part shows these files ("Laatst bijgewerkt"). Methods count as the part they read.
SOURCES: dict[str, tuple[str, ...]] = {
    "programme": (PROGRAMME_FILE,),
    "name": (PROGRAMME_FILE,),
    "pdf_path": (PROGRAMME_FILE,),
    "pdf_paths": (PROGRAMME_FILE,),
    "opgaven": (OPGAVEN_FILE,),
    "number_of_opgaven": (OPGAVEN_FILE,),
    "opgave": (OPGAVEN_FILE,),
    "neighbours": (OPGAVEN_FILE,),
    # Group titles are the titles of the opgaven.
    "budget": (BUDGET_FILE, OPGAVEN_FILE),
    # Who names an entry: opgave sections, the cofinancing text, budget lines.
    "indexes": (ORGANISATIONS_FILE, PROGRAMMES_FILE, OPGAVEN_FILE, PROGRAMME_FILE, BUDGET_FILE),
    "glossary": (GLOSSARY_FILE,),
    "sections": (),  # fixed in code (macros/data/sections.py)
}


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
    budget: Budget
    indexes: Indexes  # partners, programmes, funds, target groups: links both ways
    glossary: Glossary

    @property
    def number_of_opgaven(self) -> int:
        """A part of its own: a page that counts the opgaven ("vijf opgaven") changes only when
        one is added or removed, not with every edit of their texts."""
        return len(self.opgaven)

    @cached_property
    def _by_id(self) -> dict[str, OpgaveEntry]:
        return {entry.id: entry for entry in self.opgaven}

    def opgave(self, opgave_id: str) -> OpgaveEntry:
        return self._by_id[opgave_id]

    def neighbours(self, entry: OpgaveEntry) -> tuple[OpgaveEntry | None, OpgaveEntry | None]:
        index = entry.number - 1
        previous = self.opgaven[index - 1] if index > 0 else None
        following = self.opgaven[index + 1] if index + 1 < len(self.opgaven) else None
        return previous, following

    @property
    def sections(self):
        return SECTIONS

    @property
    def name(self) -> str:
        """The site's name: the programme's name and period ("Economische Koers Drenthe
        2024-2025"); its title where the data names none (as adopted)."""
        programme = self.programme
        return f"{programme.name} {programme.period}" if programme.name else programme.title

    @property
    def pdf_path(self) -> str:
        """The PDF's address named after the site, which the site links to."""
        return pdf_path(slugify(self.name))

    @property
    def pdf_paths(self) -> tuple[str, ...]:
        """Every address of the PDF: named after the site, and the one that never changes."""
        return (self.pdf_path, PDF_PATH)


def load_site(data_dir: Path = DATA_DIR, current: bool = False) -> Site:
    """Read, validate and resolve every data file; report all problems at once.

    `current`: this is today's data (`make check`, the build), which must also have what was
    added to the models after adoption. Older data (bron/vastgesteld/, earlier commits) may
    lack it (macros/data/additions.py)."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}  # kept for the line numbers of cross-reference problems

    def read(file_name: str, model=None):
        model = model or DATA_FILES[file_name]
        try:
            documents[file_name] = load_document(data_dir / file_name, shown_name(file_name))
            return validate(documents[file_name], model)
        except DataError as error:
            problems.extend(error.problems)
            return None

    opgaven_file = read(OPGAVEN_FILE)
    programme = read(PROGRAMME_FILE)
    budget_file = read(BUDGET_FILE)
    organisations_file = read(ORGANISATIONS_FILE)
    programmes_file = read(PROGRAMMES_FILE)
    glossary_file = read(GLOSSARY_FILE)
    if budget_file is not None and opgaven_file is not None:
        opgave_ids = [record.id for record in opgaven_file.opgaven]
        problems.extend(opgave_problems(budget_file, opgave_ids, documents[BUDGET_FILE]))
    if current and opgaven_file is not None and programme is not None:
        problems.extend(missing_additions(opgaven_file, programme, documents))
    if problems:
        raise DataError(problems)
    opgaven = tuple(OpgaveEntry(number, record) for number, record in enumerate(opgaven_file.opgaven, 1))
    budget = resolve_budget(budget_file, {entry.id: entry for entry in opgaven})
    indexes, reference_problems = build_indexes(
        opgaven, programme, organisations_file, programmes_file, budget, documents,
    )
    if reference_problems:
        raise DataError(reference_problems)
    content = content_problems(documents, glossary_file, budget_file, opgaven_file)
    if content:
        raise DataError(content)
    return Site(
        programme=programme,
        opgaven=opgaven,
        budget=budget,
        indexes=indexes,
        glossary=Glossary(glossary_file),
    )


_cache: dict[Path, tuple[tuple, Site]] = {}


def load_site_cached(data_dir: Path = DATA_DIR) -> Site:
    """load_site of today's data (`current`), reused while no data file changed (one build asks many times)."""
    data_dir = _resolved(data_dir)
    stamp = tuple(_stamp(data_dir / name) for name in DATA_FILES)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    site = load_site(data_dir, current=True)
    _cache[data_dir] = (stamp, site)
    return site


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    return status.st_mtime_ns, status.st_size


@functools.cache
def _resolved(path: Path) -> Path:
    return path.resolve()


class RecordingSite:
    """A Site that notes which of its parts are read, for the pages rendered from it.

    A page shows the data files of the parts its rendering read (`data_files`), which is
    where its "Laatst bijgewerkt" date comes from; nobody lists them by hand."""

    def __init__(self, site: Site, read: set[str] | None = None):
        self._site = site
        self.read = set() if read is None else read

    def __getattr__(self, name: str):
        self.read.add(name)
        return getattr(self._site, name)


def data_files(parts_read: Iterable[str]) -> set[str]:
    """The data files the parts of a Site are made from; all of them for a part SOURCES lacks."""
    return {file for part in parts_read for file in SOURCES.get(part, DATA_FILES)}
