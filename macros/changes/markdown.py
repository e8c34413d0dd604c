"""The changes (macros/changes.py) as a Dutch Markdown summary for whoever reviews a data edit.

Every text from the data is escaped, so a pipe, an asterisk or HTML in the data can never
break a table or turn into markup here. Removed words are ~~struck through~~, added
words **bold**.
"""

import re
from collections.abc import Sequence

from . import words
from .classify import programme_part, site_part
from .compare import (
    ADDED, CHANGED, MOVED, REDIRECT_REMOVED, REMOVED, BudgetChanges, Changes, EntryChange, ItemChange, LineChange,
    OpgaveChanges, PageChange, PartChanges, SectionChanges, YearChanges,
)
from ..formatting import euro_difference
from .text_diff import DELETE, EQUAL, Chunk

TITLE = "Wat verandert er op de site?"
NOTHING = "Geen wijzigingen die lezers zien."
PROGRAMME_UNCHANGED = "Het programma zelf verandert niet: alleen wat de site eraan toevoegt."
# A text up to this many words is shown whole; in a longer one, unchanged runs keep
# CONTEXT words on each side of a change.
WHOLE_TEXT_WORDS = 40
CONTEXT = 8

_SPACES = re.compile(r"[ \t\r\n\f\v]+")
# Markdown that could start or end markup anywhere in a line; `\x` is a literal x.
_INLINE = re.compile(r"([\\`*_~|\[\]<>&#!$])")
# Markup that only works at the start of a line: a list item, a numbered item, a heading line.
_LINE_START = re.compile(r"^([-+=]|\d+[.)])")


def escape(text: str) -> str:
    """Data text as Markdown that shows exactly that text, also inside a table cell."""
    text = _SPACES.sub(" ", text).strip()  # not the non-breaking space in "€ 1.000"
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
    programme, additions = programme_part(changes), site_part(changes)
    if programme.empty:
        lines += [PROGRAMME_UNCHANGED, ""]
    lines += _blocks(programme)
    if not additions.empty:
        # One level down: these are the site's own, apart from the programme (classify.py).
        lines += [f"## {words.ADDITIONS_HEADING}", "", words.ADDITIONS_NOTE, ""]
        lines += ["#" + line if line.startswith("#") else line for line in _blocks(additions)]
    return "\n".join(lines)


def _blocks(changes: Changes) -> list[str]:
    lines = []
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
    return lines


def words_markdown(chunks: Sequence[Chunk]) -> str:
    """A word diff: removed words struck through, added words bold, long unchanged runs shortened."""
    shorten = sum(chunk.word_count for chunk in chunks) > WHOLE_TEXT_WORDS
    text = ""
    for position, chunk in enumerate(chunks):
        if chunk.op == EQUAL:
            kept = chunk.text.split()
            if shorten:
                kept = _context(kept, first=position == 0, last=position == len(chunks) - 1)
            part = " ".join(word if word == "…" else escape(word) for word in kept)
        elif chunk.op == DELETE:
            part = f"~~{escape(chunk.text)}~~"
        else:
            part = f"**{escape(chunk.text)}**"
        text += (" " if chunk.space_before and text else "") + part
    return text


def _context(words: list[str], first: bool, last: bool) -> list[str]:
    head = [] if first else words[:CONTEXT]
    tail = [] if last else words[-CONTEXT:]
    if len(head) + len(tail) >= len(words):
        return words
    return head + ["…"] + tail


def _quoted(text: str) -> str:
    return escape(words.quoted(text))


def _address(path: str) -> str:
    return f"`/{path}`"  # site paths are slugs: nothing to escape


# ---------------------------------------------------------------- pages


def _pages(pages: Sequence[PageChange]) -> list[str]:
    if not pages:
        return []
    return ["## Pagina’s", ""] + [f"- {_page(page)}" for page in pages]


def _page(page: PageChange) -> str:
    text = words.page_text(page).format(
        name=escape(f"{page.label}: {page.title}"),
        **{key: _address(path) if path else "" for key, path in
           (("old", page.old_path), ("new", page.new_path), ("redirect", page.redirect))},
    )
    if page.broken and page.kind == MOVED:  # what staff can do about it
        slug = page.old_path.strip("/").split("/")[-1]
        return f"{text} **Let op:** zet `{slug}` bij `oude_slugs` van deze opgave."
    return text


# ---------------------------------------------------------------- opgaven


def _opgave(opgave: OpgaveChanges) -> list[str]:
    lines = [f"## {opgave.label}: {escape(opgave.title)}{' (nieuw)' if opgave.new else ''}", ""]
    if opgave.renumbered:
        lines.append(f"- {words.renumbered(opgave.old_number, opgave.number)}")
    if opgave.title_change:
        lines += _item(opgave.title_change)
    if len(lines) > 2:
        lines.append("")
    for section in opgave.sections:
        lines += _section(section) + [""]
    if opgave.links:
        lines += [f"### {words.LINKS_HEADING}", ""] + [f"- {escape(words.link_text(link))}" for link in opgave.links] + [""]
    return lines[:-1]


def _section(section: SectionChanges) -> list[str]:
    lines = [f"### {section.section.heading}", ""]
    for item in section.items:
        lines += _item(item)
    if section.reordered:
        lines.append(f"- {words.REORDERED}")
    return lines


def _item(item: ItemChange) -> list[str]:
    """One bullet for the text, with sub-bullets for the group and the progress."""
    text = words_markdown(item.words) if item.words else escape(item.text)
    lines = [f"- {escape(words.item_label(item))}: {text}"]
    group = words.group_text(item)
    if group:
        lines.append(f"  - {escape(group)}")
    if item.progress_changed:
        lines.append(f"  - {escape(words.progress_change(item))}")
    return lines


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
    lines = [f"### {year.year}{words.year_note(year.kind)}", ""]
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
    lines += [f"- Subtotaal {_quoted(group.title)}: "
              f"{escape(words.before_after(group.old, group.new, group.added, group.removed))}."
              for group in year.groups]
    lines.append(f"- **Totaal {year.year}:** "
                 f"{escape(words.before_after(year.old_total, year.new_total, year.kind == ADDED, year.kind == REMOVED))}.")
    return lines


def _line_row(line: LineChange) -> str:
    name = escape(line.name)
    if line.old_name is not None:
        name += f" (eerst: {escape(line.old_name)})"
    group = escape(line.group)
    if line.old_group is not None:
        group += f" (eerst: {escape(line.old_group)})"
    old = "nieuw" if line.kind == ADDED else escape(words.amount(line.old_amount))
    new = "verwijderd" if line.kind == REMOVED else escape(words.amount(line.new_amount))
    return f"| {name} | {group} | {old} | {new} | {_difference(line)} |"


def _difference(line: LineChange) -> str:
    if line.kind != CHANGED or line.difference is None:
        return ""  # no budget is not € 0: there is nothing to subtract
    return euro_difference(line.difference)


# ---------------------------------------------------------------- registers and programme texts


def _registers(entries: Sequence[EntryChange]) -> list[str]:
    if not entries:
        return []
    lines = ["## Registers"]
    for register, title in words.REGISTERS.items():
        found = [entry for entry in entries if entry.register == register]
        if found:
            lines += ["", f"### {title}", ""] + [line for entry in found for line in _entry(entry)]
    return lines


def _entry(entry: EntryChange) -> list[str]:
    lines = [f"- {words.entry_verb(entry)}: {escape(entry.name)}."]
    for field in entry.fields:
        label = escape(words.entry_field_label(entry, field.field, field.old, field.new))
        if field.old is None or field.new is None:
            lines.append(f"  - {label}: {escape(field.new if field.old is None else field.old)}")
        else:
            lines.append(f"  - {label}: {words_markdown(field.words)}")
    lines += [f"  - {escape(words.linked_opgave(linked))}" for linked in entry.opgaven]
    return lines


def _programme(parts: Sequence[PartChanges]) -> list[str]:
    lines = []
    for part in parts:
        lines += ["", f"### {words.PARTS[part.key]}", ""] + [line for item in part.items for line in _item(item)]
    return [f"## {words.texts_heading(part.key for part in parts)}"] + lines if lines else []
