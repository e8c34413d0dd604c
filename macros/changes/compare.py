"""What changes for a reader between two versions of the data: the one comparison behind
`make diff`, and later the change history and its feed.

`compare(old, new)` takes two resolved views (macros/view/site.py) and returns plain frozen
dataclasses, in the order the site shows things; renderers (markdown.py, html.py, feed.py)
turn them into words. Only what a reader can see counts: values are compared after
whitespace is collapsed, so YAML comments, layout and re-wrapped text are no change.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..view.budget import Budget, Group, Line, Year, difference
from ..view.glossary import whole_words
from ..view.indexes import REFERRING_SECTIONS, sort_key
from ..data.models.progress import ProgressItem
from ..data.contact import contact_details
from ..data.models.contact import Contact
from ..data.models.programme import Passage
from ..data.sections import SECTIONS, Section
from .text_diff import Chunk, pair_items, plain, reordered, word_diff
from ..view.urls import opgave_path
from ..view.site import OpgaveEntry, Site

ADDED, REMOVED, CHANGED, MOVED = "added", "removed", "changed", "moved"
REDIRECT_REMOVED = "redirect_removed"  # an old address that sent readers on no longer does


# ---------------------------------------------------------------- the result


@dataclass(frozen=True)
class Progress:
    status: str
    date: datetime.date | None
    note: str | None


@dataclass(frozen=True)
class ItemChange:
    """One text that was added, removed or changed: a list item, a heading, a title."""

    kind: str  # ADDED, REMOVED or CHANGED
    old: str | None
    new: str | None
    words: tuple[Chunk, ...] = ()  # the word diff, when the words changed
    field: str | None = None  # the YAML key of a single text ('kop', 'titel', a section key); None for a list item
    group: str | None = None  # the activity group (its heading) the item stands in; the old one when removed
    moved: bool = False  # the item moved to another activity group
    old_group: str | None = None  # the heading of the group it came from, when moved
    old_progress: Progress | None = None
    new_progress: Progress | None = None

    @property
    def text(self) -> str:
        return self.new if self.new is not None else self.old

    @property
    def progress_changed(self) -> bool:
        return self.old_progress != self.new_progress


@dataclass(frozen=True)
class SectionChanges:
    section: Section
    items: tuple[ItemChange, ...]  # activity group headings first, then the items
    reordered: bool = False  # items that stayed now stand in another order


@dataclass(frozen=True)
class LinkChange:
    """A register entry an opgave now names (ADDED) or no longer names (REMOVED)."""

    kind: str
    register: str  # "organisatie", "programma" or "fonds"
    id: str
    name: str


@dataclass(frozen=True)
class OpgaveChanges:
    id: str
    number: int
    old_number: int | None  # None for a new opgave
    title: str
    path: str
    title_change: ItemChange | None
    sections: tuple[SectionChanges, ...]  # of a new opgave: every text, as added
    links: tuple[LinkChange, ...]

    @property
    def new(self) -> bool:
        return self.old_number is None

    @property
    def label(self) -> str:
        return f"Opgave {self.number}"

    @property
    def renumbered(self) -> bool:
        return not self.new and self.number != self.old_number

    @property
    def empty(self) -> bool:
        return not (self.renumbered or self.title_change or self.sections or self.links)


@dataclass(frozen=True)
class PageChange:
    kind: str  # ADDED, MOVED, REMOVED or REDIRECT_REMOVED
    title: str
    label: str  # "Opgave 3", the new number (the old one when removed)
    old_path: str | None
    new_path: str | None
    redirect: str | None = None  # where the old address now leads; None when it leads nowhere
    id: str | None = None  # the opgave's id (the change history files a change under its opgave)

    @property
    def broken(self) -> bool:
        """The old address stops working: links to it from elsewhere will fail."""
        return self.kind in (MOVED, REMOVED, REDIRECT_REMOVED) and self.redirect is None


@dataclass(frozen=True)
class LineChange:
    kind: str  # ADDED, REMOVED or CHANGED (amount, name and/or group)
    id: str
    name: str
    old_name: str | None  # set only when renamed
    old_amount: int | None  # None is "geen budget"; meaningless for ADDED
    new_amount: int | None  # meaningless for REMOVED
    group: str  # the group title (the old one when removed)
    old_group: str | None = None  # set only when the line moved to another group
    opgaven: tuple[str, ...] = ()  # ids of the opgaven whose groups the line is or was in

    @property
    def difference(self) -> int | None:
        return difference(self.old_amount, self.new_amount) if self.kind == CHANGED else None

    @property
    def amount_changed(self) -> bool:
        return self.kind == CHANGED and self.old_amount != self.new_amount


@dataclass(frozen=True)
class GroupTotal:
    """The subtotal of a group that a changed line belongs to, before and after."""

    title: str
    old: int | None
    new: int | None
    added: bool = False  # the group is new
    removed: bool = False  # the group is gone
    opgave: str | None = None  # the id of the opgave the group is about, if any


@dataclass(frozen=True)
class YearChanges:
    year: int
    kind: str  # ADDED, REMOVED or CHANGED
    lines: tuple[LineChange, ...]
    groups: tuple[GroupTotal, ...]
    old_total: int | None
    new_total: int | None
    texts: tuple[ItemChange, ...] = ()  # the caption


@dataclass(frozen=True)
class BudgetChanges:
    texts: tuple[ItemChange, ...]  # the introduction: heading and paragraphs
    years: tuple[YearChanges, ...]

    @property
    def empty(self) -> bool:
        return not (self.texts or self.years)


@dataclass(frozen=True)
class FieldChange:
    field: str  # the YAML key, e.g. 'naam', 'omschrijving'
    old: str | None
    new: str | None

    @property
    def words(self) -> tuple[Chunk, ...]:
        return word_diff(self.old or "", self.new or "")


@dataclass(frozen=True)
class LinkedOpgave:
    """An opgave whose page now links a register entry's name (ADDED) or no longer does (REMOVED)."""

    kind: str
    id: str
    label: str  # "Opgave 5"
    title: str


@dataclass(frozen=True)
class EntryChange:
    register: str  # "organisaties", "programmas", "fondsen" or "begrippen"
    kind: str
    id: str  # for begrippen: the abbreviation
    name: str  # the new name (the old one when removed)
    fields: tuple[FieldChange, ...] = ()  # of a new entry: every field it has, as added
    opgaven: tuple[LinkedOpgave, ...] = ()  # the opgave pages where its name gains or loses its link

    @property
    def renamed(self) -> bool:
        return any(change.field in ("naam", "afkorting") for change in self.fields)


@dataclass(frozen=True)
class PartChanges:
    """A programme text (data/programma.yaml): 'titel', 'opzet', 'aspecten', ..."""

    key: str
    items: tuple[ItemChange, ...]


@dataclass(frozen=True)
class Changes:
    pages: tuple[PageChange, ...]
    opgaven: tuple[OpgaveChanges, ...]  # opgaven that changed and new ones, in the new order
    budget: BudgetChanges
    registers: tuple[EntryChange, ...]
    programme: tuple[PartChanges, ...]
    # The ids of the opgaven whose page shows something else: its own changes, and what it
    # shows of others (the titles of its neighbours, the period, a term's meaning). What
    # moves the page's "Laatst bijgewerkt" (macros/changes/dates.py).
    opgave_pages: frozenset[str] = frozenset()
    # The parts of the Site (macros/view/site.py, SOURCES) that show something else: a page
    # that reads none of them shows what it showed (dates.py).
    parts: frozenset[str] = frozenset()

    @property
    def empty(self) -> bool:
        return not (self.pages or self.opgaven or self.registers or self.programme) and self.budget.empty


def compare(old: Site, new: Site) -> Changes:
    """Everything a reader of the site would notice going from `old` to `new`."""
    opgaven = opgave_changes(old, new)
    changes = Changes(
        pages=page_changes(old, new),
        opgaven=opgaven,
        budget=budget_changes(old.budget, new.budget),
        registers=_with_linked_opgaven(register_changes(old, new), opgaven),
        programme=programme_changes(old, new),
    )
    return replace(changes, opgave_pages=_opgave_pages(old, new, changes), parts=_parts(old, new, changes))


def _parts(old: Site, new: Site, changes: Changes) -> frozenset[str]:
    """The parts of the Site whose content changed, by the names RecordingSite notes."""
    parts = set()
    if changes.programme:
        parts.add("programme")
    # Links alone are the indexes' (a page that shows them reads `indexes`).
    if changes.pages or any(opgave.title_change or opgave.sections or opgave.renumbered or opgave.new
                            for opgave in changes.opgaven):
        parts |= {"opgaven", "opgave", "neighbours"}
    if len(old.opgaven) != len(new.opgaven):
        parts.add("number_of_opgaven")
    if not changes.budget.empty or any(opgave.title_change or opgave.renumbered for opgave in changes.opgaven) \
            or changes.pages:  # a group of an opgave is titled by it
        parts.add("budget")
    if any(change.register == "begrippen" for change in changes.registers):
        parts.add("glossary")
    if _index_view(old) != _index_view(new):
        parts.add("indexes")
    return frozenset(parts)


def _index_view(site: Site) -> tuple:
    """What the index pages show: every entry with what names it, the budget lines, the
    target groups and the cofinancing text, as comparable values."""
    indexes = site.indexes

    def mention(found) -> tuple:
        return found.label, found.path, found.where, tuple(found.wordings), found.amount

    def entry(found) -> tuple:
        return found.kind, found.id, tuple(sorted(_fields(found.record).items())), tuple(map(mention, found.mentions))

    return (
        tuple(entry(found) for found in (*indexes.organisations, *indexes.programmes, *indexes.funds)),
        tuple((line.id, line.label, tuple(found.id for found in line.entries),
               tuple((place.path, place.group_label, plain(place.line.name), place.amount, place.opgave_path)
                     for place in line.places))
              for line in indexes.budget_lines),
        tuple((groups.path, groups.opgave.label, plain(groups.opgave.title), groups.groups)
              for groups in indexes.target_groups),
        tuple((text.text, tuple(found.id for found in text.entries)) for text in indexes.cofinancing),
    )


def touched_opgaven(changes: Changes) -> frozenset[str]:
    """The ids of the opgaven these changes are about: their texts, links, page or budget lines."""
    ids = {opgave.id for opgave in changes.opgaven}
    ids |= {page.id for page in changes.pages if page.id}
    ids |= {opgave for year in changes.budget.years for line in year.lines for opgave in line.opgaven}
    return frozenset(ids)


def _opgave_pages(old: Site, new: Site, changes: Changes) -> frozenset[str]:
    ids = set(touched_opgaven(changes))
    before = {entry.id: _neighbours(old, entry) for entry in old.opgaven}
    ids |= {entry.id for entry in new.opgaven if before.get(entry.id) != _neighbours(new, entry)}
    every_page = plain(old.programme.period) != plain(new.programme.period)  # in the heading "Activiteiten"
    every_page |= _year_number(old.budget.opgave_year) != _year_number(new.budget.opgave_year)  # "Budget 2025"
    if every_page:
        ids |= {entry.id for entry in new.opgaven}
    terms = whole_words(plain(change.id) for change in changes.registers if change.register == "begrippen")
    if terms is not None:  # a new, changed or removed abbreviation: its tooltip on the pages that name it
        ids |= {entry.id for entry in new.opgaven
                if any(terms.search(text) for _, text in entry.record.texts())}
    return frozenset(ids & {entry.id for entry in new.opgaven})


def _neighbours(site: Site, entry: OpgaveEntry) -> tuple:
    return tuple((other.label, plain(other.title), other.path) if other else None
                 for other in site.neighbours(entry))


def _year_number(year: Year | None) -> int | None:
    return year.year if year else None


# ---------------------------------------------------------------- texts and lists


def text_change(old: str | None, new: str | None, field: str | None = None) -> ItemChange | None:
    """A single text (title, heading) before and after; None when a reader sees no difference."""
    if old is None and new is None:
        return None
    if old is not None and new is not None and plain(old) == plain(new):
        return None
    if old is None:
        return ItemChange(ADDED, None, plain(new), field=field)
    if new is None:
        return ItemChange(REMOVED, plain(old), None, field=field)
    return ItemChange(CHANGED, plain(old), plain(new), word_diff(old, new), field=field)


def list_changes(old: Sequence[str], new: Sequence[str]) -> tuple[tuple[ItemChange, ...], bool]:
    """Paragraphs or items of a list: what was added, removed or edited, and whether the kept ones
    now stand in another order."""
    pairs = pair_items(old, new)
    changes = [text_change(old[i] if i is not None else None, new[j] if j is not None else None)
               for i, j in pairs]
    return tuple(change for change in changes if change), reordered(pairs)


def passage_changes(old: Passage, new: Passage) -> tuple[ItemChange, ...]:
    heading = text_change(old.heading, new.heading, field="kop")
    paragraphs, _ = list_changes(old.paragraphs, new.paragraphs)
    return ((heading,) if heading else ()) + paragraphs


# ---------------------------------------------------------------- pages


def page_changes(old: Site, new: Site) -> tuple[PageChange, ...]:
    """New, moved and removed opgave pages, in the new order; removed ones and lost redirects last."""
    old_by_id = {entry.id: entry for entry in old.opgaven}
    new_ids = {entry.id for entry in new.opgaven}
    redirects = {slug: entry for entry in new.opgaven for slug in entry.record.previous_slugs}
    changes = []
    for entry in new.opgaven:
        before = old_by_id.get(entry.id)
        if before is None:
            changes.append(PageChange(ADDED, entry.title, entry.label, None, entry.path, id=entry.id))
        elif before.slug != entry.slug:
            redirect = entry.path if before.slug in entry.record.previous_slugs else None
            changes.append(PageChange(MOVED, entry.title, entry.label, before.path, entry.path, redirect,
                                      id=entry.id))
    for entry in old.opgaven:
        if entry.id not in new_ids:
            target = redirects.get(entry.slug)
            changes.append(PageChange(REMOVED, entry.title, entry.label, entry.path, None,
                                      target.path if target else None, id=entry.id))
    addresses = {slug for entry in new.opgaven for slug in (entry.slug, *entry.record.previous_slugs)}
    for entry in old.opgaven:
        changes += [PageChange(REDIRECT_REMOVED, entry.title, entry.label, opgave_path(slug), None, id=entry.id)
                    for slug in entry.record.previous_slugs if slug not in addresses]
    return tuple(changes)


# ---------------------------------------------------------------- opgaven


def opgave_changes(old: Site, new: Site) -> tuple[OpgaveChanges, ...]:
    """The opgaven in both versions that changed and, with every text, the new ones."""
    old_by_id = {entry.id: entry for entry in old.opgaven}
    found = (_opgave(old, new, old_by_id.get(entry.id), entry) for entry in new.opgaven)
    return tuple(change for change in found if not change.empty)


def _opgave(old_site: Site, new_site: Site, old: OpgaveEntry | None, new: OpgaveEntry) -> OpgaveChanges:
    sections = (_section(section, old, new) for section in SECTIONS)
    return OpgaveChanges(
        id=new.id,
        number=new.number,
        old_number=old.number if old else None,
        title=new.title,
        path=new.path,
        # A new opgave's title is its page's (PageChange); its links are all of them.
        title_change=text_change(old.title, new.title, field="titel") if old else None,
        sections=tuple(section for section in sections if section.items or section.reordered),
        links=_link_changes(_links(old_site, old), _links(new_site, new)) if old else (),
    )


def _section(section: Section, old: OpgaveEntry | None, new: OpgaveEntry) -> SectionChanges:
    if section.key == "activiteiten":
        return _activities(section, old.record.activities if old else [], new.record.activities)
    old_items, new_items = old.section(section) if old else [], new.section(section)
    pairs = pair_items([str(item) for item in old_items], [str(item) for item in new_items])
    changes = (_item_change(old_items[i] if i is not None else None, new_items[j] if j is not None else None)
               for i, j in pairs)
    return SectionChanges(section, tuple(change for change in changes if change), reordered(pairs))


def _activities(section: Section, old_groups, new_groups) -> SectionChanges:
    """Activities stand in groups with a heading: headings pair like items, and an item
    whose group is not the partner of its old group has moved."""
    heading_pairs = pair_items([group.heading or "" for group in old_groups],
                               [group.heading or "" for group in new_groups])
    group_partner = {i: j for i, j in heading_pairs if i is not None and j is not None}
    headings = (text_change(old_groups[i].heading if i is not None else None,
                            new_groups[j].heading if j is not None else None, field="kop")
                for i, j in heading_pairs)
    old_items = [(index, item) for index, group in enumerate(old_groups) for item in group.items]
    new_items = [(index, item) for index, group in enumerate(new_groups) for item in group.items]
    pairs = pair_items([item.text for _, item in old_items], [item.text for _, item in new_items])
    items, stayed = [], []
    for i, j in pairs:
        old_group, old_item = old_items[i] if i is not None else (None, None)
        new_group, new_item = new_items[j] if j is not None else (None, None)
        moved = i is not None and j is not None and group_partner.get(old_group) != new_group
        if not moved:
            stayed.append((i, j))
        change = _item_change(
            old_item, new_item,
            group=(new_groups[new_group] if j is not None else old_groups[old_group]).heading,
            old_group=old_groups[old_group].heading if moved else None,
            moved=moved,
        )
        if change:
            items.append(change)
    # A moved item is told as moved, not as a change of order.
    return SectionChanges(section, tuple(change for change in headings if change) + tuple(items),
                          reordered(stayed))


def _item_change(old: Any, new: Any, group: str | None = None, old_group: str | None = None,
                 moved: bool = False) -> ItemChange | None:
    """An item of a section (a text, a progress item or a referring item); None when unchanged."""
    old_progress, new_progress = _progress(old), _progress(new)
    text = text_change(str(old) if old is not None else None, str(new) if new is not None else None)
    if text is None and old_progress == new_progress and not moved:
        return None
    if text is None:
        text = ItemChange(CHANGED, plain(old), plain(new))
    return ItemChange(text.kind, text.old, text.new, text.words, group=group, moved=moved, old_group=old_group,
                      old_progress=old_progress, new_progress=new_progress)


def _progress(item: Any) -> Progress | None:
    if not isinstance(item, ProgressItem) or item.status is None:
        return None
    return Progress(item.status, item.date, plain(item.note) if item.note else None)


def _links(site: Site, entry: OpgaveEntry) -> dict[tuple[str, str], str]:
    """Every register entry the opgave's page links to: (kind, id) → name."""
    linked = [text for key in REFERRING_SECTIONS for text in site.indexes.items(entry.id, key)]
    # Every other text of the page links the names it holds (the title names none).
    free_texts = [text for section, text in entry.record.texts()
                  if section is not None and section.key not in REFERRING_SECTIONS]
    linked += [site.indexes.free_text(text) for text in free_texts]
    return {(index_entry.kind, index_entry.id): index_entry.name for text in linked for index_entry in text.entries}


_REGISTER_ORDER = ("organisatie", "programma", "fonds")


def _link_changes(old: dict[tuple[str, str], str], new: dict[tuple[str, str], str]) -> tuple[LinkChange, ...]:
    changes = [LinkChange(ADDED, kind, id_, name) for (kind, id_), name in new.items() if (kind, id_) not in old]
    changes += [LinkChange(REMOVED, kind, id_, name) for (kind, id_), name in old.items() if (kind, id_) not in new]
    return tuple(sorted(changes, key=lambda change: (_REGISTER_ORDER.index(change.register), sort_key(change.name))))


# ---------------------------------------------------------------- budget


def budget_changes(old: Budget, new: Budget) -> BudgetChanges:
    texts = text_change(old.heading, new.heading, field="kop")
    paragraphs, _ = list_changes(old.introduction, new.introduction)
    old_years = {year.year: year for year in old.years}
    new_years = {year.year: year for year in new.years}
    years = (_year(old_years.get(number), new_years.get(number)) for number in sorted({*old_years, *new_years}))
    return BudgetChanges(
        texts=((texts,) if texts else ()) + paragraphs,
        years=tuple(year for year in years if year.lines or year.texts or year.kind != CHANGED),
    )


def _group_key(group: Group) -> str:
    # A group of an opgave stays that group when the opgave is renamed.
    return f"opgave:{group.opgave.id}" if group.opgave is not None else f"titel:{plain(group.title)}"


def _year(old: Year | None, new: Year | None) -> YearChanges:
    old_lines = _lines_by_id(old)
    new_lines = _lines_by_id(new)
    lines = [_line_change(old_lines.get(line_id), new_lines[line_id]) for line_id in new_lines]
    lines += [_line_change(old_lines[line_id], None) for line_id in old_lines if line_id not in new_lines]
    lines = [line for line in lines if line]
    caption = text_change(old.caption if old else None, new.caption if new else None, field="bijschrift")
    return YearChanges(
        year=(new or old).year,
        kind=ADDED if old is None else REMOVED if new is None else CHANGED,
        lines=tuple(lines),
        groups=_affected_groups(old, new, lines, old_lines, new_lines),
        old_total=old.total if old else None,
        new_total=new.total if new else None,
        texts=(caption,) if caption and old is not None and new is not None else (),
    )


def _lines_by_id(year: Year | None) -> dict[str, tuple[Line, Group]]:
    if year is None:
        return {}
    return {line.id: (line, group) for group in year.groups for line in group.lines}


def _group_opgave(group: Group) -> tuple[str, ...]:
    return (group.opgave.id,) if group.opgave is not None else ()


def _line_change(old: tuple[Line, Group] | None, new: tuple[Line, Group] | None) -> LineChange | None:
    if old is None:
        line, group = new
        return LineChange(ADDED, line.id, plain(line.name), None, None, line.amount, plain(group.title),
                          opgaven=_group_opgave(group))
    if new is None:
        line, group = old
        return LineChange(REMOVED, line.id, plain(line.name), None, line.amount, None, plain(group.title),
                          opgaven=_group_opgave(group))
    (old_line, old_group), (new_line, new_group) = old, new
    renamed = plain(old_line.name) != plain(new_line.name)
    moved = _group_key(old_group) != _group_key(new_group)
    if not renamed and not moved and old_line.amount == new_line.amount:
        return None
    return LineChange(
        CHANGED, new_line.id, plain(new_line.name), plain(old_line.name) if renamed else None,
        old_line.amount, new_line.amount, plain(new_group.title), plain(old_group.title) if moved else None,
        opgaven=tuple(dict.fromkeys(_group_opgave(new_group) + _group_opgave(old_group))),
    )


def _affected_groups(old: Year | None, new: Year | None, lines: Iterable[LineChange],
                     old_lines: dict, new_lines: dict) -> tuple[GroupTotal, ...]:
    """The groups a changed line left or joined, with their subtotals: new groups in order, then gone ones."""
    keys = set()
    for line in lines:
        if line.kind == CHANGED and not (line.amount_changed or line.old_group is not None):
            continue  # only renamed: no sum changed
        if line.id in old_lines:
            keys.add(_group_key(old_lines[line.id][1]))
        if line.id in new_lines:
            keys.add(_group_key(new_lines[line.id][1]))
    old_groups = {_group_key(group): group for group in (old.groups if old else ())}
    new_groups = {_group_key(group): group for group in (new.groups if new else ())}
    totals = []
    for key, group in new_groups.items():
        if key in keys:
            before = old_groups.get(key)
            totals.append(GroupTotal(plain(group.title), before.subtotal if before else None, group.subtotal,
                                     added=before is None, opgave=_opgave_id(group)))
    for key, group in old_groups.items():
        if key in keys and key not in new_groups:
            totals.append(GroupTotal(plain(group.title), group.subtotal, None, removed=True,
                                     opgave=_opgave_id(group)))
    return tuple(totals)


def _opgave_id(group: Group) -> str | None:
    return group.opgave.id if group.opgave is not None else None


# ---------------------------------------------------------------- registers


def register_changes(old: Site, new: Site) -> tuple[EntryChange, ...]:
    """Organisations, programmes, funds and abbreviations added, removed or edited."""
    registers: tuple[tuple[str, Callable[[Site], Sequence]], ...] = (
        ("organisaties", lambda site: [entry.record for entry in site.indexes.organisations]),
        ("programmas", lambda site: [entry.record for entry in site.indexes.programmes]),
        ("fondsen", lambda site: [entry.record for entry in site.indexes.funds]),
    )
    changes: list[EntryChange] = []
    for register, records in registers:
        changes += _entries(register, records(old), records(new), key="id", name="naam")
    changes += _glossary(old.glossary.file.terms, new.glossary.file.terms)
    return tuple(changes)


_REGISTER_OF_LINK = {"organisatie": "organisaties", "programma": "programmas", "fonds": "fondsen"}


def _with_linked_opgaven(entries: tuple[EntryChange, ...], opgaven: Sequence[OpgaveChanges]) -> tuple[EntryChange, ...]:
    """Each register change with the opgave pages where a name gains or loses its link to it."""
    linked: dict[tuple[str, str], list[LinkedOpgave]] = {}
    for opgave in opgaven:
        for link in opgave.links:
            linked.setdefault((_REGISTER_OF_LINK[link.register], link.id), []).append(
                LinkedOpgave(link.kind, opgave.id, opgave.label, opgave.title))
    return tuple(replace(entry, opgaven=tuple(linked.get((entry.register, entry.id), ())))
                 for entry in entries)


def _fields(record) -> dict[str, str | None]:
    """A record's fields by YAML key, as a reader sees them (lists joined)."""
    values = record.model_dump(by_alias=True, mode="json")
    return {key: (", ".join(map(plain, value)) or None) if isinstance(value, list)
            else plain(value) if value is not None else None
            for key, value in values.items()}


def _entries(register: str, old: Sequence, new: Sequence, key: str, name: str,
             paired: dict[str, str] | None = None) -> list[EntryChange]:
    """Entries matched on `key` (and `paired`: old key → new key), ordered by name."""
    old_fields = {fields[key]: fields for fields in map(_fields, old)}
    new_fields = {fields[key]: fields for fields in map(_fields, new)}
    paired = {**{k: k for k in old_fields if k in new_fields}, **(paired or {})}
    changes = []
    for old_key, new_key in paired.items():
        edited = tuple(FieldChange(field, old_fields[old_key].get(field), value)
                       for field, value in new_fields[new_key].items()
                       if value != old_fields[old_key].get(field))
        if edited:
            changes.append(EntryChange(register, CHANGED, new_key, new_fields[new_key][name], edited))
    changes += [EntryChange(register, ADDED, k, fields[name],
                            tuple(FieldChange(field, None, value) for field, value in fields.items()
                                  if value is not None and field not in (key, name)))
                for k, fields in new_fields.items() if k not in paired.values()]
    changes += [EntryChange(register, REMOVED, k, fields[name]) for k, fields in old_fields.items()
                if k not in paired]
    return sorted(changes, key=lambda change: sort_key(change.name))


def _glossary(old: Sequence, new: Sequence) -> list[EntryChange]:
    """Abbreviations have no id: one whose spelling changed but whose meaning stayed is renamed."""
    old_terms, new_terms = {plain(term.term): term for term in old}, {plain(term.term): term for term in new}
    renamed: dict[str, str] = {}
    for old_key, term in old_terms.items():
        if old_key in new_terms:
            continue
        match = next((key for key, other in new_terms.items()
                      if key not in old_terms and key not in renamed.values()
                      and plain(other.meaning) == plain(term.meaning)), None)
        if match:
            renamed[old_key] = match
    return _entries("begrippen", old, new, key="afkorting", name="afkorting", paired=renamed)


# ---------------------------------------------------------------- programme texts


def programme_changes(old: Site, new: Site) -> tuple[PartChanges, ...]:
    before, after = old.programme, new.programme
    aspects = [text_change(before.aspects.heading, after.aspects.heading, field="kop")]
    aspects += [text_change(before.aspects.of(section), after.aspects.of(section), field=section.key)
                for section in SECTIONS]
    parts = (
        PartChanges("titel", _present(text_change(before.title, after.title, field="titel"))),
        PartChanges("periode", _present(text_change(before.period, after.period, field="periode"))),
        PartChanges("provincie", _present(text_change(before.province, after.province, field="provincie"))),
        PartChanges("opzet", passage_changes(before.introduction, after.introduction)),
        PartChanges("aspecten", _present(*aspects)),
        PartChanges("cofinanciering", passage_changes(before.cofinancing, after.cofinancing)),
        PartChanges("tot_slot", passage_changes(before.closing, after.closing)),
        PartChanges("contact", _contact_changes(before, after)),
    )
    return tuple(part for part in parts if part.items)


def _contact_changes(before, after) -> tuple[ItemChange, ...]:
    """The contact details on the accessibility statement. A detail still to come (INVULLEN,
    or no block yet) is no text: filling it in is an addition, and the marker never shows."""
    old, new = contact_details(before), contact_details(after)
    return _present(*(
        text_change(_shown(getattr(old, name)), _shown(getattr(new, name)), field=field.alias)
        for name, field in Contact.model_fields.items()
    ))


def _shown(value) -> str | None:
    return None if value is None else str(value)


def _present(*changes: ItemChange | None) -> tuple[ItemChange, ...]:
    return tuple(change for change in changes if change)

