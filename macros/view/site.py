"""The resolved view of all data: validated models plus what is derived from them.

Everything a page needs (numbers, URLs, neighbours, cross-references, sums) is
computed here once, so pages, indexes and downloads can never disagree.
"""

import functools
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .abbreviations import Glossary
from .artefacts import ArtefactCache, data_inputs
from .budget import Budget, opgave_problems, resolve_budget
from .indexes import Indexes, build_indexes
from .loader import Document, load_document
from .models.begrippen import GlossaryFile
from .models.budgetten import BudgetFile
from .models.opgaven import Opgave, OpgavenFile
from .models.organisaties import OrganisationsFile
from .models.programma import ProgrammeFile
from .models.programmas import ProgrammesFile
from .problems import DataError, Problem
from .sections import SECTIONS
from .urls import opgave_path
from .validation import validate

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

# Every data file and the model that describes it. load_site reads these, and
# macros/schema.py writes an editor schema for each: add a new file here.
DATA_FILES: dict[str, type] = {
    "opgaven.yaml": OpgavenFile,
    "programma.yaml": ProgrammeFile,
    "budgetten.yaml": BudgetFile,
    "organisaties.yaml": OrganisationsFile,
    "programmas.yaml": ProgrammesFile,
    "begrippen.yaml": GlossaryFile,
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

    @property
    def summary(self) -> str:
        """The first sentence of nut & noodzaak: a teaser in the programme's own words."""
        text = self.record.need[0]
        end = text.find(". ")
        return text if end == -1 else text[: end + 1]

    def section(self, section) -> list:
        return getattr(self.record, section.field)


@dataclass(frozen=True)
class Site:
    programme: ProgrammeFile
    opgaven: tuple[OpgaveEntry, ...]
    budget: Budget
    indexes: Indexes  # partners, programmes, funds, target groups: links both ways
    glossary: Glossary

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


def load_site(data_dir: Path = DATA_DIR) -> Site:
    """Read, validate and resolve every data file; report all problems at once."""
    problems: list[Problem] = []
    documents: dict[str, Document] = {}  # kept for the line numbers of cross-reference problems

    def read(file_name: str, model=None):
        model = model or DATA_FILES[file_name]
        try:
            documents[file_name] = load_document(data_dir / file_name, f"data/{file_name}")
            return validate(documents[file_name], model)
        except DataError as error:
            problems.extend(error.problems)
            return None

    opgaven_file = read("opgaven.yaml")
    programme = read("programma.yaml")
    budget_file = read("budgetten.yaml")
    organisations_file = read("organisaties.yaml")
    programmes_file = read("programmas.yaml")
    glossary_file = read("begrippen.yaml")
    if budget_file is not None and opgaven_file is not None:
        opgave_ids = [record.id for record in opgaven_file.opgaven]
        problems.extend(opgave_problems(budget_file, opgave_ids, documents["budgetten.yaml"]))
    if problems:
        raise DataError(problems)
    opgaven = tuple(OpgaveEntry(number, record) for number, record in enumerate(opgaven_file.opgaven, 1))
    budget = resolve_budget(budget_file, {entry.id: entry for entry in opgaven})
    indexes, reference_problems = build_indexes(
        opgaven, programme, organisations_file, programmes_file, budget, documents,
    )
    if reference_problems:
        raise DataError(reference_problems)
    return Site(
        programme=programme,
        opgaven=opgaven,
        budget=budget,
        indexes=indexes,
        glossary=Glossary(glossary_file),
    )


_cache: dict[Path, tuple[tuple, Site]] = {}


def load_site_cached(data_dir: Path = DATA_DIR, artefacts: ArtefactCache | None = None) -> Site:
    """load_site, reused while no data file changed (one build asks many times).

    With `artefacts`, also across builds: at 1000 opgaven reading and validating the
    YAML takes 2.6 s, reading the stored result 0.5 s (bench/RESULTS.md)."""
    data_dir = _resolved(data_dir)
    stamp = tuple(_stamp(data_dir / name) for name in DATA_FILES)
    cached = _cache.get(data_dir)
    if cached and cached[0] == stamp:
        return cached[1]
    if artefacts is None:
        site = load_site(data_dir)
    else:  # the same data files and code gave this Site before: read it instead of validating again
        site = artefacts.get_object("site", data_inputs(data_dir), lambda: load_site(data_dir))
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
