"""Cross-references between the opgaven and the registers: partners, programmes, projects,
funds, and the lines of the budget.

Two directions, computed once from the same data so they can never disagree:

- forward: every text of an opgave, cut into pieces of text, some of which link to an
  index entry (the wording of the programme is kept);
- back: every index entry with the places that name it (opgave sections, the
  cofinancing text, budget lines), and every budget line with its opgave or group.

An entry is found wherever a text names it: any of its names, abbreviation or other
names as whole words, in any case, in every text of an opgave a reader sees, in the
cofinancing text and in budget line names. Where names overlap ("Regio Groningen-Assen"
holds "Groningen") the longest wins, as a reader would read it. Partners, context and
related items may also refer to entries by id (macros/data/models/references.py): those
are linked where the text names them and after the text where it does not.
"""

import difflib
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from macros.data import files, messages
from macros.data.files import shown_name
from macros.data.loader import Document
from macros.data.models.indexes import Entry
from macros.data.models.organisations import OrganisationsFile
from macros.data.models.programmes import ProgrammesFile
from macros.data.problems import Problem
from macros.data.sections import SECTIONS
from macros.view.glossary import whole_words
from macros.view.urls import (
    BUDGET_LINES_PATH, BUDGET_PATH, COFINANCING_PATH, PARTNERS_PATH, PROGRAMMES_PATH, TARGET_GROUPS_PATH,
)
# The section of an opgave page that shows its budget (macros/render/templates/opgave.md.j2).
OPGAVE_BUDGET_ANCHOR = "budget"

# As messages to staff name them.
ORGANISATIONS_FILE = shown_name(files.ORGANISATIONS_FILE)
PROGRAMMES_FILE = shown_name(files.PROGRAMMES_FILE)

_SECTION = {section.key: section for section in SECTIONS}
# The sections whose items may refer to index entries by id, and which register each may name.
REFERRING_SECTIONS = ("context", "gerelateerde_projecten_en_programmas", "partners")


@dataclass(frozen=True)
class BudgetPlace:
    """One budget line in one year, and the group it is in."""

    year: Any  # macros.view.budget.Year
    group: Any  # macros.view.budget.Group
    line: Any  # macros.view.budget.Line
    opgave_year: bool = False  # a year the opgave pages show (laid out by opgave)

    @property
    def path(self) -> str:
        return budget_line_path(self.year, self.group, self.line)

    @property
    def amount(self) -> int | None:
        return self.line.amount

    @property
    def opgave(self):
        """The opgave the line belongs to, when the data says so (a group per opgave)."""
        return self.group.opgave

    @property
    def opgave_path(self) -> str | None:
        if self.opgave is None:
            return None
        return f"{self.opgave.path}#{OPGAVE_BUDGET_ANCHOR}" if self.opgave_year else self.opgave.path

    @property
    def group_label(self) -> str:
        """Where the line is: its opgave, or the title of its group in an older layout."""
        return f"{self.opgave.label}: {self.opgave.title}" if self.opgave is not None else self.group.title


@dataclass
class Mention:
    """One place that names an index entry."""

    label: str  # the link text: the opgave, the budget line, ...
    path: str  # site-relative, with anchor
    where: str  # the section or year, shown next to the link
    section: str | None = None  # the opgave section's key, for a mention in an opgave
    opgave: Any = None  # the OpgaveEntry, for a mention in an opgave
    # How the programme words it there (the sentence), when that is not simply the entry's name.
    wordings: list[str] = field(default_factory=list)
    place: BudgetPlace | None = None  # for a budget line

    @property
    def budget(self) -> bool:
        return self.place is not None

    @property
    def amount(self) -> int | None:
        return self.place.amount if self.place else None


@dataclass(eq=False)
class IndexEntry:
    """An organisation, programme, project or fund with everything that names it."""

    record: Entry
    kind: str  # "organisatie", "programma" or "fonds"
    page: str
    mentions: list[Mention] = field(default_factory=list)
    _by_place: dict[tuple[str, str], Mention] = field(default_factory=dict, repr=False)

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
    def partner_mentions(self) -> list[Mention]:
        """The opgaven that list this as a partner."""
        return [mention for mention in self.mentions if mention.section == "partners"]

    @property
    def other_mentions(self) -> list[Mention]:
        """Every other text that names this: other sections, the cofinancing text."""
        return [mention for mention in self.mentions if mention.section != "partners" and not mention.budget]

    @property
    def budget_mentions(self) -> list[Mention]:
        return [mention for mention in self.mentions if mention.budget]

    @property
    def opgaven(self) -> list[tuple[Any, str]]:
        """(opgave, path of the first place it names this) for every opgave that names this."""
        found: dict[str, tuple[Any, str]] = {}
        for mention in self.mentions:
            if mention.opgave is not None:
                found.setdefault(mention.opgave.id, (mention.opgave, mention.path))
        return list(found.values())

    def mention(self, new: Mention, wording: str | None = None) -> None:
        # A dict of what is already there: scanning the list made 1000 opgaven take
        # seconds, as every partner is named by hundreds of them (bench/RESULTS.md).
        key = (new.path, new.label)
        mention = self._by_place.get(key)
        if mention is None:
            mention = self._by_place[key] = new
            self.mentions.append(mention)
        if wording and wording not in mention.wordings:
            mention.wordings.append(wording)


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

    def named(self) -> Iterator[tuple[IndexEntry, str]]:
        """Each entry the text names, with the sentence that names it."""
        position = 0
        for segment in self.segments:
            if segment.entry is not None:
                yield segment.entry, sentence_at(self.text, position, position + len(segment.text))
            position += len(segment.text)

    def __str__(self) -> str:
        return self.text


class NameFinder:
    """Finds the names of index entries in a text: whole words, any case, the longest first.

    One pattern for all names, so a name inside a longer one ("Groningen" in "Regio
    Groningen-Assen") is not found on its own, and a text is read once however many
    entries there are."""

    def __init__(self, entries: Iterable[IndexEntry]):
        self.by_name: dict[str, IndexEntry] = {}
        for entry in entries:
            for name in entry.record.names:
                # Two entries with one name: the first register wins (organisations first).
                self.by_name.setdefault(name.casefold(), entry)
        self.pattern = whole_words(self.by_name, ignore_case=True)

    def hits(self, text: str) -> Iterator[tuple[int, int, Any]]:
        if self.pattern is None:
            return
        for match in self.pattern.finditer(text):
            entry = self.by_name.get(match.group().casefold()) or self._slow(match.group())
            if entry is not None:
                yield match.start(), match.end(), entry

    def _slow(self, found: str):
        # re.IGNORECASE and str.casefold differ for a few letters (ß): compare the regex way.
        return next((entry for name, entry in self.by_name.items() if whole_words([name], True).fullmatch(found)),
                    None)

    def link(self, text: str, explicit: Sequence[IndexEntry] = ()) -> LinkedText:
        """The text with each entry it names linked at its first place; `explicit` entries it
        does not name are linked after it."""
        segments, position, placed = [], 0, set()
        for start, end, entry in self.hits(text):
            if id(entry) in placed:
                continue
            placed.add(id(entry))
            if start > position:
                segments.append(Segment(text[position:start]))
            segments.append(Segment(text[start:end], entry))
            position = end
        if position < len(text):
            segments.append(Segment(text[position:]))
        others = tuple(entry for entry in explicit if id(entry) not in placed)
        return LinkedText(tuple(segments), others)

    def named_in(self, text: str) -> list[Any]:
        found = []
        for _, _, entry in self.hits(text):
            if all(entry is not other for other in found):
                found.append(entry)
        return found


def sentence_at(text: str, start: int, end: int) -> str:
    """The sentence of `text` that holds text[start:end]."""
    begin = text.rfind(". ", 0, start)
    finish = text.find(". ", end)
    return text[0 if begin == -1 else begin + 2: len(text) if finish == -1 else finish + 1].strip()


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


@dataclass(eq=False)
class BudgetLineEntry:
    """One line of the budget (the same id in every year it appears), with where it is named."""

    id: str
    places: list[BudgetPlace] = field(default_factory=list)  # per year, in order
    entries: list[IndexEntry] = field(default_factory=list)  # the register entries its name names
    label: str = ""  # the name, with its opgave or group when another line has the same name

    @property
    def name(self) -> str:
        return self.places[-1].line.name

    @property
    def path(self) -> str:
        return f"{BUDGET_LINES_PATH}#{self.id}"


@dataclass(frozen=True)
class Indexes:
    organisations: tuple[IndexEntry, ...]
    programmes: tuple[IndexEntry, ...]
    funds: tuple[IndexEntry, ...]
    budget_lines: tuple[BudgetLineEntry, ...]
    target_groups: tuple[TargetGroups, ...]
    cofinancing: tuple[LinkedText, ...]
    _items: dict = field(repr=False)
    _budget_lines: dict = field(repr=False)
    _finder: NameFinder = field(repr=False)

    def items(self, opgave_id: str, section_key: str) -> tuple[LinkedText, ...]:
        """The items of a partners, context or related section, with their links."""
        return self._items[opgave_id, section_key]

    def free_text(self, text: str) -> LinkedText:
        """Any other text of an opgave, with every entry it names linked."""
        return self._finder.link(text)

    def free_texts(self, texts: Iterable[str]) -> tuple[LinkedText, ...]:
        return tuple(self._finder.link(text) for text in texts)

    def for_budget_line(self, year: int, line_id: str) -> tuple[IndexEntry, ...]:
        """The entries a budget line names."""
        return self._budget_lines.get((year, line_id), ())

    @property
    def provincial_programmes(self) -> tuple[IndexEntry, ...]:
        return tuple(entry for entry in self.programmes if entry.record.kind == "provinciaal")

    @property
    def external_programmes(self) -> tuple[IndexEntry, ...]:
        return tuple(entry for entry in self.programmes if entry.record.kind == "extern")

    @property
    def projects(self) -> tuple[IndexEntry, ...]:
        return tuple(entry for entry in self.programmes if entry.record.kind == "project")

    def target_groups_of(self, opgave_id: str) -> TargetGroups:
        return next(groups for groups in self.target_groups if groups.opgave.id == opgave_id)

    def entry_for_abbreviation(self, term: str) -> IndexEntry | None:
        return next((entry for entry in self.all_entries if term in (entry.record.abbreviation, entry.name)), None)

    @property
    def all_entries(self) -> tuple[IndexEntry, ...]:
        return self.organisations + self.programmes + self.funds


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
        self.finder = NameFinder(self.organisations + self.programmes + self.funds)
        self.items: dict[tuple[str, str], tuple[LinkedText, ...]] = {}
        self.budget_line_entries: dict[tuple[int, str], tuple[IndexEntry, ...]] = {}
        self.lines: dict[str, BudgetLineEntry] = {}

    def build(self) -> Indexes:
        self._budget()
        for opgave_index, opgave in enumerate(self.opgaven):
            for key in REFERRING_SECTIONS:
                section = _SECTION[key]
                self.items[opgave.id, key] = tuple(
                    self.finder.link(item.text, self._resolve(opgave, opgave_index, section, item_index, item))
                    for item_index, item in enumerate(opgave.section(section))
                )
            self._opgave_mentions(opgave)
        cofinancing = tuple(self.finder.link(text) for text in self.programme.cofinancing.paragraphs)
        for paragraph in cofinancing:
            for entry, _ in paragraph.named():
                entry.mention(Mention("Over dit programma", COFINANCING_PATH, self.programme.cofinancing.heading))
        if not self.problems:  # an item that failed to resolve would make its entries look unused
            self._unmentioned()
        by_name = lambda entries: tuple(sorted(entries, key=lambda entry: sort_key(entry.name)))  # noqa: E731
        return Indexes(
            organisations=by_name(self.organisations),
            programmes=by_name(self.programmes),
            funds=by_name(self.funds),
            budget_lines=self._budget_line_index(),
            target_groups=tuple(TargetGroups(opgave, tuple(opgave.record.target_groups)) for opgave in self.opgaven),
            cofinancing=cofinancing,
            _items=self.items,
            _budget_lines=self.budget_line_entries,
            _finder=self.finder,
        )

    # ------------------------------------------------------------ explicit references
    def _indexes(self, section) -> dict[str, tuple[list[IndexEntry], str]]:
        """Per YAML key of an item block: the entries it may name, and where they are."""
        if section.key == "partners":
            return {"organisaties": (self.organisations, ORGANISATIONS_FILE)}
        return {
            "programmas": (self.programmes, messages.IN_LIST.format(file=PROGRAMMES_FILE, key="programmas")),
            "fondsen": (self.funds, messages.IN_LIST.format(file=PROGRAMMES_FILE, key="fondsen")),
        }

    def _resolve(self, opgave, opgave_index, section, item_index, item) -> list[IndexEntry]:
        indexes = self._indexes(section)
        path = ("opgaven", opgave_index, section.key, item_index)
        ids = item.ids
        if any(value is not None for value in ids.values()):
            entries = []
            for key, values in ids.items():
                known, where = indexes[key]
                article, noun, _ = messages.ENTRY_WORDS[key]
                by_id = {entry.id: entry for entry in known}
                for position, value in enumerate(values or []):
                    if value in by_id:
                        entries.append(by_id[value])
                        continue
                    self._problem(path + (key, position), opgave, f"{section.key} › nr. {item_index + 1} › {key}",
                                  messages.NO_SUCH_ID.format(article=article, noun=noun, value=value, file=where,
                                                             hint=_hint(value, by_id)))
            return entries
        candidates = {name: entry for known, _ in indexes.values() for entry in known for name in entry.record.names}
        if item.text in candidates:
            return [candidates[item.text]]
        keys = messages.EITHER_KEY.join(f"'{key}'" for key in indexes)
        files = sorted({ORGANISATIONS_FILE if key == "organisaties" else PROGRAMMES_FILE for key in indexes})
        self._problem(path, opgave, f"{section.key} › nr. {item_index + 1}",
                      messages.NO_SUCH_NAME.format(text=item.text, files=", ".join(files),
                                                   hint=_hint(item.text, candidates), keys=keys))
        return []

    def _problem(self, path, opgave, field_name, message) -> None:
        document = self.documents.get(files.OPGAVEN_FILE)
        self.problems.append(Problem(
            file=shown_name(files.OPGAVEN_FILE),
            line=document.line_of(path) if document else None,
            record=messages.RECORD.format(name=messages.RECORD_NAMES["opgaven"], key=opgave.id),
            field=field_name,
            message=message,
        ))

    # ------------------------------------------------------------ back
    def _opgave_mentions(self, opgave) -> None:
        """Every entry named anywhere on the opgave's page links back to it."""
        referring = {key: iter(self.items[opgave.id, key]) for key in REFERRING_SECTIONS}
        for section, text in opgave.record.texts():
            if section is None:
                continue  # the title names no entry: it is the opgave's own
            linked = next(referring[section.key]) if section.key in referring else self.finder.link(text)
            for entry, wording in linked.named():
                entry.mention(_opgave_mention(opgave, section), None if _is_name_of(text, entry) else wording)
            for entry in linked.others:
                entry.mention(_opgave_mention(opgave, section), text)

    def _budget(self) -> None:
        if self.budget is None:
            return
        for year in self.budget.years:
            for group in year.groups:
                for line in group.lines:
                    place = BudgetPlace(year, group, line, opgave_year=year.by_opgave)
                    self.lines.setdefault(line.id, BudgetLineEntry(line.id)).places.append(place)
                    entries = tuple(self.finder.named_in(line.name))
                    if not entries:
                        continue
                    self.budget_line_entries[year.year, line.id] = entries
                    for entry in entries:
                        line_entry = self.lines[line.id]
                        if entry not in line_entry.entries:
                            line_entry.entries.append(entry)
                        entry.mention(Mention(label=line.name, path=place.path, where=f"Begroting {year.year}",
                                              place=place))

    def _budget_line_index(self) -> tuple[BudgetLineEntry, ...]:
        def where(line: BudgetLineEntry) -> str:
            place = line.places[-1]
            return place.opgave.label if place.opgave is not None else f"{place.year.year}: {place.group.title}"

        lines = sorted(self.lines.values(), key=lambda line: (
            sort_key(line.name), line.places[-1].year.year, line.places[-1].group.number))
        names = [line.name for line in lines]
        for line in lines:
            line.label = line.name if names.count(line.name) == 1 else f"{line.name} ({where(line)})"
        return tuple(lines)

    def _unmentioned(self) -> None:
        indexes = (
            (self.organisations, ORGANISATIONS_FILE, "organisaties"),
            (self.programmes, PROGRAMMES_FILE, "programmas"),
            (self.funds, PROGRAMMES_FILE, "fondsen"),
        )
        for entries, file_name, key in indexes:
            document = self.documents.get(file_name.removeprefix("data/"))
            _, noun, this = messages.ENTRY_WORDS[key]
            for index, entry in enumerate(entries):
                if entry.mentions:
                    continue
                self.problems.append(Problem(
                    file=file_name,
                    line=document.line_of((key, index)) if document else None,
                    record=messages.RECORD.format(name=noun, key=entry.id),
                    message=messages.NAMED_NOWHERE.format(this=this, id=entry.id, key=key),
                ))


def _opgave_mention(opgave, section) -> Mention:
    return Mention(label=f"{opgave.label}: {opgave.title}", path=f"{opgave.path}#{section.anchor}",
                   where=section.heading, section=section.key, opgave=opgave)


def _is_name_of(text: str, entry: IndexEntry) -> bool:
    return text in (entry.name, entry.label, entry.record.abbreviation)


def budget_line_path(year, group, line) -> str:
    """The budget page anchor of a line, or of its group when lines have none."""
    anchor = getattr(line, "anchor", None)
    if anchor:
        return f"{BUDGET_PATH}#{anchor}"
    return group.path


def _hint(value: str, known: Iterable[str]) -> str:
    guess = difflib.get_close_matches(value, list(known), n=1, cutoff=0.6)
    return messages.DID_YOU_MEAN.format(guess=guess[0]) if guess else ""


def build_indexes(opgaven, programme, organisations: OrganisationsFile, programmes: ProgrammesFile, budget,
                  documents: dict[str, Document]) -> tuple[Indexes, list[Problem]]:
    """The resolved indexes, and every problem with a reference (empty when all is well)."""
    builder = _Builder(opgaven, programme, organisations, programmes, budget, documents)
    indexes = builder.build()
    return indexes, builder.problems
