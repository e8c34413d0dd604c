"""Cross-references between the opgaven and the registers: partners, programmes, funds.

Two directions, computed once from the same data so they can never disagree:

- forward: every partners, context and related item of an opgave, cut into pieces of
  text, some of which link to an index entry (the wording of the programme is kept);
  funds are also found by name in activities, results and the text on cofinancing;
- back: every index entry with the places that name it (opgave sections, the
  cofinancing text, budget lines).

Items refer to entries explicitly (see macros/models/references.py); free text and
budget line names are searched for an entry's names as whole words.
"""

import difflib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .abbreviations import whole_words
from .loader import Document
from .models.organisaties import OrganisationsFile
from .models.programmas import ProgrammesFile
from .models.registers import Entry
from .problems import Problem
from .sections import SECTIONS
from .urls import BUDGET_PATH

PARTNERS_PATH = "partners/"
PROGRAMMES_PATH = "programmas-en-fondsen/"
TARGET_GROUPS_PATH = "doelgroepen/"
GLOSSARY_PATH = "begrippen/"
COFINANCING_PATH = "over/#cofinanciering"

ORGANISATIONS_FILE = "data/organisaties.yaml"
PROGRAMMES_FILE = "data/programmas.yaml"

_SECTION = {section.key: section for section in SECTIONS}
# The sections whose items refer to index entries, and which register each may name.
REFERRING_SECTIONS = ("context", "gerelateerde_projecten_en_programmas", "partners")


@dataclass(frozen=True)
class Mention:
    """One place that names an index entry."""

    label: str  # the link text: the opgave, the budget line, ...
    path: str  # site-relative, with anchor
    where: str  # the section or year, shown next to the link
    wording: str | None = None  # how the programme words it, when that is not simply the entry's name
    amount: int | None = None  # for a budget line
    budget: bool = False


@dataclass(eq=False)
class IndexEntry:
    """An organisation, programme or fund with everything that names it."""

    record: Entry
    kind: str  # "organisatie", "programma" or "fonds"
    page: str
    mentions: list[Mention] = field(default_factory=list)
    _seen: set[tuple] = field(default_factory=set, repr=False)

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def name(self) -> str:
        return self.record.name

    @property
    def label(self) -> str:
        return self.record.label

    @property
    def path(self) -> str:
        return f"{self.page}#{self.id}"

    @property
    def opgave_mentions(self) -> list[Mention]:
        return [mention for mention in self.mentions if not mention.budget]

    @property
    def budget_mentions(self) -> list[Mention]:
        return [mention for mention in self.mentions if mention.budget]

    def mention(self, new: Mention) -> None:
        # A set of what is already there: scanning the list made 1000 opgaven take
        # seconds, as every partner is named by hundreds of them (bench/RESULTS.md).
        key = (new.path, new.label, new.wording)
        if key not in self._seen:
            self._seen.add(key)
            self.mentions.append(new)


@dataclass(frozen=True)
class Segment:
    text: str
    entry: IndexEntry | None = None


@dataclass(frozen=True)
class LinkedText:
    """A text exactly as written, cut where it names index entries."""

    segments: tuple[Segment, ...]
    # Entries the text refers to without naming them in words we can find: linked after it.
    others: tuple[IndexEntry, ...] = ()

    @property
    def text(self) -> str:
        return "".join(segment.text for segment in self.segments)

    @property
    def entries(self) -> tuple[IndexEntry, ...]:
        return tuple(segment.entry for segment in self.segments if segment.entry) + self.others

    def __str__(self) -> str:
        return self.text


def link_in_place(text: str, entries: Sequence[IndexEntry]) -> LinkedText:
    """Link each entry at the first place the text names it (any of its names, any case)."""
    found = []
    for entry in entries:
        pattern = whole_words(entry.record.names, ignore_case=True)
        found += [(match.start(), -len(match.group()), match.end(), entry) for match in pattern.finditer(text)]
    placed: list[tuple[int, int, IndexEntry]] = []
    for start, _, end, entry in sorted(found, key=lambda hit: hit[:2]):
        if any(entry is other for *_, other in placed) or any(start < e and s < end for s, e, _ in placed):
            continue
        placed.append((start, end, entry))
    segments, position = [], 0
    for start, end, entry in sorted(placed, key=lambda hit: hit[0]):
        if start > position:
            segments.append(Segment(text[position:start]))
        segments.append(Segment(text[start:end], entry))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:]))
    others = tuple(entry for entry in entries if all(entry is not other for *_, other in placed))
    return LinkedText(tuple(segments), others)


def sort_key(name: str) -> str:
    """Alphabetical as a reader expects: ignore accents, case and leading quotes or brackets."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return plain.lstrip("'\"([‘").casefold()


@dataclass(frozen=True)
class TargetGroups:
    opgave: Any  # OpgaveEntry
    groups: tuple[str, ...]

    @property
    def anchor(self) -> str:
        return self.opgave.id

    @property
    def path(self) -> str:
        return f"{TARGET_GROUPS_PATH}#{self.anchor}"


@dataclass(frozen=True)
class Indexes:
    organisations: tuple[IndexEntry, ...]
    programmes: tuple[IndexEntry, ...]
    funds: tuple[IndexEntry, ...]
    target_groups: tuple[TargetGroups, ...]
    cofinancing: tuple[LinkedText, ...]
    _items: dict = field(repr=False)
    _budget_lines: dict = field(repr=False)

    def items(self, opgave_id: str, section_key: str) -> tuple[LinkedText, ...]:
        """The items of a partners, context or related section, with their links."""
        return self._items[opgave_id, section_key]

    def free_text(self, text: str) -> LinkedText:
        """A text of activities or results, with the funds it names linked."""
        return link_in_place(text, named_in(text, self.funds))

    def for_budget_line(self, year: int, line_id: str) -> tuple[IndexEntry, ...]:
        """The organisations and funds a budget line names."""
        return self._budget_lines.get((year, line_id), ())

    @property
    def provincial_programmes(self) -> tuple[IndexEntry, ...]:
        return tuple(entry for entry in self.programmes if entry.record.kind == "provinciaal")

    @property
    def external_programmes(self) -> tuple[IndexEntry, ...]:
        return tuple(entry for entry in self.programmes if entry.record.kind == "extern")

    def target_groups_of(self, opgave_id: str) -> TargetGroups:
        return next(groups for groups in self.target_groups if groups.opgave.id == opgave_id)

    def entry_for_abbreviation(self, term: str) -> IndexEntry | None:
        return next((entry for entry in self.all_entries if term in (entry.record.abbreviation, entry.name)), None)

    @property
    def all_entries(self) -> tuple[IndexEntry, ...]:
        return self.organisations + self.programmes + self.funds


def named_in(text: str, entries: Iterable[IndexEntry]) -> list[IndexEntry]:
    """The entries whose name, abbreviation or other name the text contains as whole words."""
    return [entry for entry in entries if whole_words(entry.record.names).search(text)]


class _Builder:
    def __init__(self, opgaven, programme, organisations: OrganisationsFile, programmes: ProgrammesFile,
                 budget, documents: dict[str, Document]):
        self.opgaven = opgaven
        self.programme = programme
        self.budget = budget
        self.documents = documents
        self.problems: list[Problem] = []
        self.organisations = [IndexEntry(record, "organisatie", PARTNERS_PATH) for record in organisations.organisations]
        self.programmes = [IndexEntry(record, "programma", PROGRAMMES_PATH) for record in programmes.programmes]
        self.funds = [IndexEntry(record, "fonds", PROGRAMMES_PATH) for record in programmes.funds]
        self.items: dict[tuple[str, str], tuple[LinkedText, ...]] = {}
        self.budget_lines: dict[tuple[int, str], tuple[IndexEntry, ...]] = {}

    # ------------------------------------------------------------ forward
    def build(self) -> Indexes:
        for opgave_index, opgave in enumerate(self.opgaven):
            for key in REFERRING_SECTIONS:
                section = _SECTION[key]
                resolved = []
                for item_index, item in enumerate(opgave.section(section)):
                    entries = self._resolve(opgave, opgave_index, section, item_index, item)
                    linked = link_in_place(item.text, entries)
                    resolved.append(linked)
                    for entry in linked.entries:
                        entry.mention(self._opgave_mention(opgave, section, entry, item.text))
                self.items[opgave.id, key] = tuple(resolved)
            self._free_text_mentions(opgave)
        cofinancing = tuple(link_in_place(text, named_in(text, self.funds))
                            for text in self.programme.cofinancing.paragraphs)
        for paragraph in cofinancing:
            for entry in paragraph.entries:
                entry.mention(Mention("Over dit programma", COFINANCING_PATH, self.programme.cofinancing.heading))
        self._budget_mentions()
        if not self.problems:  # an item that failed to resolve would make its entries look unused
            self._unmentioned()
        by_name = lambda entries: tuple(sorted(entries, key=lambda entry: sort_key(entry.name)))  # noqa: E731
        return Indexes(
            organisations=by_name(self.organisations),
            programmes=by_name(self.programmes),
            funds=by_name(self.funds),
            target_groups=tuple(TargetGroups(opgave, tuple(opgave.record.target_groups)) for opgave in self.opgaven),
            cofinancing=cofinancing,
            _items=self.items,
            _budget_lines=self.budget_lines,
        )

    def _registers(self, section) -> dict[str, tuple[list[IndexEntry], str, str]]:
        """Per YAML key of an item block: the entries it may name, its file and (de/het, noun)."""
        if section.key == "partners":
            return {"organisaties": (self.organisations, ORGANISATIONS_FILE, ("de", "organisatie"))}
        return {
            "programmas": (self.programmes, PROGRAMMES_FILE + " (lijst 'programmas')", ("het", "programma")),
            "fondsen": (self.funds, PROGRAMMES_FILE + " (lijst 'fondsen')", ("het", "fonds")),
        }

    def _resolve(self, opgave, opgave_index, section, item_index, item) -> list[IndexEntry]:
        registers = self._registers(section)
        path = ("opgaven", opgave_index, section.key, item_index)
        ids = item.ids
        if any(value is not None for value in ids.values()):
            entries = []
            for key, values in ids.items():
                known, file_name, (article, noun) = registers[key]
                by_id = {entry.id: entry for entry in known}
                for position, value in enumerate(values or []):
                    if value in by_id:
                        entries.append(by_id[value])
                        continue
                    self._problem(path + (key, position), opgave, f"{section.key} › nr. {item_index + 1} › {key}",
                                  f"{article} {noun} '{value}' staat niet in {file_name}.{_hint(value, by_id)} "
                                  f"Verwacht: de id van een {noun} daar.")
            return entries
        candidates = {name: entry for known, _, _ in registers.values() for entry in known for name in entry.record.names}
        if item.text in candidates:
            return [candidates[item.text]]
        keys = " en/of ".join(f"'{key}'" for key in registers)
        files = sorted({file_name.split(" (")[0] for _, file_name, _ in registers.values()})
        self._problem(path, opgave, f"{section.key} › nr. {item_index + 1}",
                      f"'{item.text}' staat niet in {', '.join(files)}.{_hint(item.text, candidates)} "
                      f"Verwacht: precies een naam, afkorting of 'ook_genoemd_als' uit dat bestand, "
                      f"of een blok met 'tekst' en {keys} (een lijst met id's) als de regel meer noemt "
                      f"of het anders zegt.")
        return []

    def _problem(self, path, opgave, field_name, message) -> None:
        document = self.documents.get("opgaven.yaml")
        self.problems.append(Problem(
            file="data/opgaven.yaml",
            line=document.line_of(path) if document else None,
            record=f"opgave '{opgave.id}'",
            field=field_name,
            message=message,
        ))

    @staticmethod
    def _opgave_mention(opgave, section, entry: IndexEntry, text: str) -> Mention:
        return Mention(
            label=f"{opgave.label}: {opgave.title}",
            path=f"{opgave.path}#{section.anchor}",
            where=section.heading,
            wording=None if text in (entry.name, entry.label, entry.record.abbreviation) else text,
        )

    # ------------------------------------------------------------ back
    def _free_text_mentions(self, opgave) -> None:
        for key in ("activiteiten", "resultaten"):
            section = _SECTION[key]
            values = opgave.section(section)
            texts = [item.text for group in values for item in group.items] if key == "activiteiten" \
                else [item.text for item in values]
            for text in texts:
                for entry in named_in(text, self.funds):
                    entry.mention(self._opgave_mention(opgave, section, entry, text))

    def _budget_mentions(self) -> None:
        if self.budget is None:
            return
        for year in self.budget.years:
            for group in year.groups:
                for line in group.lines:
                    entries = tuple(named_in(line.name, self.organisations + self.funds))
                    if not entries:
                        continue
                    self.budget_lines[year.year, line.id] = entries
                    for entry in entries:
                        entry.mention(Mention(
                            label=line.name,
                            path=budget_line_path(year, group, line),
                            where=f"Begroting {year.year}",
                            amount=line.amount,
                            budget=True,
                        ))

    def _unmentioned(self) -> None:
        registers = (
            (self.organisations, ORGANISATIONS_FILE, "organisaties", "organisatie", "deze organisatie"),
            (self.programmes, PROGRAMMES_FILE, "programmas", "programma", "dit programma"),
            (self.funds, PROGRAMMES_FILE, "fondsen", "fonds", "dit fonds"),
        )
        for entries, file_name, key, noun, this in registers:
            document = self.documents.get(file_name.removeprefix("data/"))
            for index, entry in enumerate(entries):
                if entry.mentions:
                    continue
                self.problems.append(Problem(
                    file=file_name,
                    line=document.line_of((key, index)) if document else None,
                    record=f"{noun} '{entry.id}'",
                    message=(f"niets op de site noemt {this} (geen opgave, geen tekst, geen budgetpost), dus "
                             f"de overzichtspagina zou een lege vermelding tonen. Verwacht: een opgave noemt "
                             f"'{entry.id}' (met de naam, of met '{key}: [{entry.id}]'), of haal '{entry.id}' "
                             f"hier weg."),
                ))


def budget_line_path(year, group, line) -> str:
    """The budget page anchor of a line, or of its group when lines have none."""
    anchor = getattr(line, "anchor", None)
    if anchor:
        return f"{BUDGET_PATH}#{anchor}"
    return group.path


def _hint(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return f" Bedoel je '{guess[0]}'?" if guess else ""


def build_indexes(opgaven, programme, organisations: OrganisationsFile, programmes: ProgrammesFile, budget,
                  documents: dict[str, Document]) -> tuple[Indexes, list[Problem]]:
    """The resolved indexes, and every problem with a reference (empty when all is well)."""
    builder = _Builder(opgaven, programme, organisations, programmes, budget, documents)
    indexes = builder.build()
    return indexes, builder.problems
