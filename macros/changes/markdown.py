"""The changes (macros/changes.py) as a Dutch Markdown summary for whoever reviews a data edit.

Every text from the data is escaped, so a pipe, an asterisk or HTML in the data can never
break a table or turn into markup here. Removed words are ~~struck through~~, added
words **bold**.
"""

import re
from collections.abc import Iterable, Sequence

from ..view.budget import difference
from .words import FIELDS, PARTS, REGISTER_NOUNS, SECTION_HEADINGS
from .compare import (
    ADDED, CHANGED, MOVED, REDIRECT_REMOVED, REMOVED, BudgetChanges, Changes, EntryChange, ItemChange, LineChange, LinkChange,
    OpgaveChanges, PageChange, PartChanges, Progress, SectionChanges, YearChanges,
)
from ..formatting import budget_words, dutch_date, euro_difference
from .text_diff import DELETE, EQUAL, INSERT, Chunk

TITLE = "Wat verandert er op de site?"
NOTHING = "Geen wijzigingen die lezers zien."
# A text up to this many words is shown whole; in a longer one, unchanged runs keep
# CONTEXT words on each side of a change.
WHOLE_TEXT_WORDS = 40
CONTEXT = 8

_REGISTERS = {
    "organisaties": "Organisaties (partners)",
    "programmas": "Programma’s",
    "fondsen": "Fondsen",
    "begrippen": "Begrippen en afkortingen",
}

# Markdown that could start or end markup anywhere in a line; `\x` is a literal x.
_INLINE = re.compile(r"([\\`*_~|\[\]<>&#!$])")
# Markup that only works at the start of a line: a list item, a numbered item, a heading line.
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")


def escape(text: str) -> str:
    """Data text as Markdown that shows exactly that text, also inside a table cell."""
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda match: match.group()[:-1] + "\\" + match.group()[-1], text)


def render(changes: Changes, base: str, target: str = "je werkmap") -> str:
    """The whole summary: `base` and `target` say what was compared (already in Dutch)."""
    lines = [f"# {TITLE}", "", f"Vergeleken: {base} met {target}.", ""]
    if changes.empty:
        return "\n".join(lines + [NOTHING, ""])
    broken = sum(page.broken for page in changes.pages)
    if broken:
        addresses = "1 oud adres werkt" if broken == 1 else f"{broken} oude adressen werken"
        lines += [f"**Let op:** {addresses} dan niet meer. Zie Pagina’s.", ""]
    blocks = [
        _pages(changes.pages),
        *(_opgave(opgave) for opgave in changes.opgaven),
        _budget(changes.budget),
        _registers(changes.registers),
        _programme(changes.programme),
    ]
    for block in blocks:
        if block:
            lines += block + [""]
    return "\n".join(lines)


def words_markdown(chunks: Sequence[Chunk]) -> str:
    """A word diff: removed words struck through, added words bold, long unchanged runs shortened."""
    shorten = sum(chunk.word_count for chunk in chunks) > WHOLE_TEXT_WORDS
    parts = []
    for position, chunk in enumerate(chunks):
        if chunk.op == EQUAL:
            words = chunk.text.split()
            if shorten:
                words = _context(words, first=position == 0, last=position == len(chunks) - 1)
            parts.append(" ".join(word if word == "…" else escape(word) for word in words))
        elif chunk.op == DELETE:
            parts.append(f"~~{escape(chunk.text)}~~")
        elif chunk.op == INSERT:
            parts.append(f"**{escape(chunk.text)}**")
    return " ".join(part for part in parts if part)


def _context(words: list[str], first: bool, last: bool) -> list[str]:
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    if len(head) + len(tail) >= len(words):
        return words
    return head + ["…"] + tail


def _quoted(text: str) -> str:
    return f"‘{escape(text)}’"


def _address(path: str) -> str:
    return f"`/{path}`"  # site paths are slugs: nothing to escape


# ---------------------------------------------------------------- pages


def _pages(pages: Sequence[PageChange]) -> list[str]:
    if not pages:
        return []
    return ["## Pagina’s", ""] + [f"- {_page(page)}" for page in pages]


def _page(page: PageChange) -> str:
    name = f"{page.label} {_quoted(page.title)}"
    if page.kind == ADDED:
        return f"Nieuw: {name} op {_address(page.new_path)}."
    if page.kind == MOVED:
        text = f"Verplaatst: {name} staat nu op {_address(page.new_path)}, eerst op {_address(page.old_path)}."
        if page.broken:
            slug = page.old_path.strip("/").split("/")[-1]
            return (f"{text} **Let op:** het oude adres werkt dan niet meer. "
                    f"Zet `{slug}` bij `oude_slugs` van deze opgave.")
        return f"{text} Het oude adres stuurt door naar het nieuwe."
    if page.kind == REDIRECT_REMOVED:
        return (f"Doorverwijzing weg: {_address(page.old_path)} stuurde door naar {name}. "
                f"**Let op:** links naar dit oude adres werken dan niet meer.")
    text = f"Verwijderd: {name} op {_address(page.old_path)}."
    if page.broken:
        return f"{text} **Let op:** links naar dit adres werken dan niet meer."
    return f"{text} Het adres stuurt door naar {_address(page.redirect)}."


# ---------------------------------------------------------------- opgaven


def _opgave(opgave: OpgaveChanges) -> list[str]:
    lines = [f"## Opgave {opgave.number}: {escape(opgave.title)}", ""]
    if opgave.renumbered:
        lines.append(f"- Nummer gewijzigd: was opgave {opgave.old_number}, nu opgave {opgave.number}.")
    if opgave.title_change:
        lines += _item(opgave.title_change)
    if len(lines) > 2:
        lines.append("")
    for section in opgave.sections:
        lines += _section(section) + [""]
    if opgave.links:
        lines += ["### Koppelingen met de overzichten", ""] + [_link(link) for link in opgave.links] + [""]
    return lines[:-1]


def _section(section: SectionChanges) -> list[str]:
    lines = [f"### {section.section.heading}", ""]
    for item in section.items:
        lines += _item(item)
    if section.reordered:
        lines.append("- De volgorde is anders.")
    return lines




def _item(item: ItemChange) -> list[str]:
    """One bullet for the text, with sub-bullets for the group and the progress."""
    what = FIELDS.get(item.field) or (f"Uitleg bij {_quoted(SECTION_HEADINGS[item.field])}"
                                       if item.field in SECTION_HEADINGS else "")
    verb = {ADDED: "toegevoegd", REMOVED: "verwijderd", CHANGED: "gewijzigd"}[item.kind]
    if item.kind == CHANGED and not item.words:
        verb = "aangepast"  # same words; the group or the progress changed
    label = f"{what} {verb}" if what else verb.capitalize()
    text = words_markdown(item.words) if item.words else escape(item.text)
    lines = [f"- {label}: {text}"]
    if item.group is not None and not item.moved:
        lines.append(f"  - In de groep {_quoted(item.group)}.")
    if item.moved:
        lines.append(f"  - Verplaatst naar de groep {_group_name(item.group)}, "
                     f"eerst in de groep {_group_name(item.old_group)}.")
    if item.progress_changed:
        lines.append(f"  - {_progress_change(item.old_progress, item.new_progress, item.kind)}")
    return lines


def _group_name(heading: str | None) -> str:
    return _quoted(heading) if heading else "zonder kop"


def _progress_change(old: Progress | None, new: Progress | None, kind: str) -> str:
    if kind == ADDED:
        return f"Voortgang: {_progress(new)}"
    if kind == REMOVED:
        return f"Voortgang was: {_progress(old)}"
    return f"Voortgang: was {_progress(old)}, nu {_progress(new)}"


def _progress(progress: Progress | None) -> str:
    if progress is None:
        return "geen status"
    text = f"**{progress.status}**"
    if progress.date:
        text += f" ({dutch_date(progress.date)})"
    if progress.note:
        text += f", toelichting: {_quoted(progress.note)}"
    return text


def _link(link: LinkChange) -> str:
    noun = f"{REGISTER_NOUNS[link.register]} {_quoted(link.name)}"
    if link.kind == ADDED:
        return f"- Nu gekoppeld aan {noun}."
    return f"- Niet meer gekoppeld aan {noun}."


# ---------------------------------------------------------------- budget


def _budget(budget: BudgetChanges) -> list[str]:
    if budget.empty:
        return []
    lines = ["## Begroting", ""]
    if budget.texts:
        for item in budget.texts:
            lines += _item(item)
        lines.append("")
    for year in budget.years:
        lines += _year(year) + [""]
    return lines[:-1]


def _year(year: YearChanges) -> list[str]:
    note = {ADDED: " (nieuw jaar)", REMOVED: " (jaar verwijderd)", CHANGED: ""}[year.kind]
    lines = [f"### {year.year}{note}", ""]
    for item in year.texts:
        lines += _item(item)
    if year.texts:
        lines.append("")
    if year.lines:
        lines += [
            "| Regel | Groep | Oud | Nieuw | Verschil |",
            "| --- | --- | ---: | ---: | ---: |",
            *(_line_row(line) for line in year.lines),
            "",
        ]
    lines += [f"- Subtotaal {_quoted(group.title)}: {_before_after(group.old, group.new, group.added, group.removed)}."
              for group in year.groups]
    lines.append(f"- **Totaal {year.year}:** "
                 f"{_before_after(year.old_total, year.new_total, year.kind == ADDED, year.kind == REMOVED)}.")
    return lines


def _line_row(line: LineChange) -> str:
    name = escape(line.name)
    if line.old_name is not None:
        name += f" (eerst: {escape(line.old_name)})"
    group = escape(line.group)
    if line.old_group is not None:
        group += f" (eerst: {escape(line.old_group)})"
    old = "nieuw" if line.kind == ADDED else budget_words(line.old_amount)
    new = "verwijderd" if line.kind == REMOVED else budget_words(line.new_amount)
    return f"| {name} | {group} | {old} | {new} | {_difference(line)} |"


def _difference(line: LineChange) -> str:
    if line.kind != CHANGED or line.difference is None:
        return ""  # no budget is not € 0: there is nothing to subtract
    return euro_difference(line.difference)


def _before_after(old: int | None, new: int | None, added: bool, removed: bool) -> str:
    if added:
        return f"{budget_words(new)} (nieuw)"
    if removed:
        return f"was {budget_words(old)} (vervalt)"
    change = difference(old, new)
    if old == new:
        return f"{budget_words(new)} (gelijk)"
    more = f", {euro_difference(change)}" if change is not None else ""
    return f"{budget_words(new)} (was {budget_words(old)}{more})"


# ---------------------------------------------------------------- registers and programme texts


def _registers(entries: Sequence[EntryChange]) -> list[str]:
    if not entries:
        return []
    lines = ["## Registers"]
    for register, title in _REGISTERS.items():
        found = [entry for entry in entries if entry.register == register]
        if found:
            lines += ["", f"### {title}", ""] + [line for entry in found for line in _entry(entry)]
    return lines


def _entry(entry: EntryChange) -> list[str]:
    name = escape(entry.name)
    if entry.kind == ADDED:
        return [f"- Toegevoegd: {name}."]
    if entry.kind == REMOVED:
        return [f"- Verwijderd: {name}."]
    lines = [f"- Gewijzigd: {name}."]
    for field in entry.fields:
        if field.old is None:
            lines.append(f"  - `{field.field}` toegevoegd: {escape(field.new)}")
        elif field.new is None:
            lines.append(f"  - `{field.field}` verwijderd: {escape(field.old)}")
        else:
            lines.append(f"  - `{field.field}`: {words_markdown(field.words)}")
    return lines


def _programme(parts: Iterable[PartChanges]) -> list[str]:
    lines = []
    for part in parts:
        lines += ["", f"### {PARTS[part.key]}", ""] + [line for item in part.items for line in _item(item)]
    return ["## Teksten over het programma"] + lines if lines else []
