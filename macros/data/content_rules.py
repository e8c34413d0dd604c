"""Rules about the content that a single field's model cannot state, checked with the data.

load_site runs these after the models accepted every file, so `make check`, `make build`
and the tests apply the same rules: whatever the check accepts builds, and no test fails
on it. Each problem names the file, line, record and field, in Dutch (messages.py).

- every abbreviation-like word in the data is in the glossary (so the site explains it);
- a meaning marked `herkomst: programma` is in the programme's text (bron/);
- an opgave's title can be drawn by the link preview image's font;
- progress dates lie near the programme's period (a typed 2205 is a slip);
- a budget line keeps its id across years (same name, other id: a typing slip);
- a text is not two texts of the previous commit glued together (a lost '- ').
"""

import datetime
import re
from collections.abc import Iterator
from typing import Any

from macros.data import messages
from macros.data.files import BUDGET_FILE, GLOSSARY_FILE, OPGAVEN_FILE
from macros.data.loader import Document, committed_version
from macros.data.models.contact import PLACEHOLDER
from macros.data.preview_font import missing_glyphs
from macros.data.problems import Problem, locate
from macros.data.source import in_source

# Abbreviation-like: a word in capitals of two or more letters (digits, "+" and hyphenated
# capitals allowed: RIS3, ESF+, VNO-NCW, UTF-8), any word ending in "+", "mkb" in any case,
# and letter-dot-letter-dot ("o.a.").
ABBREVIATION_LIKE = re.compile(
    r"(?<![^\W_])(?:[A-Z][A-Z0-9]*[A-Z0-9](?:-[A-Z0-9]+)*\+?|[A-Za-z]+\+|[Mm][Kk][Bb]|[a-z]\.[a-z]\.)(?![^\W_])"
)
# Words in capitals that are no abbreviation: the marker of a contact detail still to come
# (never shown on the site: tests/test_contact.py).
NOT_ABBREVIATIONS: frozenset[str] = frozenset({PLACEHOLDER})

# Progress dates are accepted from a year before the programme's first year up to this
# many years after its last: a result may be reached after the programme ends.
YEARS_BEFORE, YEARS_AFTER = 1, 3


def abbreviation_like(text: str) -> set[str]:
    return set(ABBREVIATION_LIKE.findall(text))


def content_problems(documents: dict[str, Document], glossary, budget, opgaven) -> list[Problem]:
    problems = list(_unknown_abbreviations(documents, glossary))
    problems += _meanings_not_in_programme(documents[GLOSSARY_FILE], glossary)
    problems += _undrawable_titles(documents[OPGAVEN_FILE], opgaven)
    problems += _dates_outside_period(documents, budget)
    problems += _changed_line_ids(documents[BUDGET_FILE])
    problems += _glued_texts(documents[OPGAVEN_FILE])
    return problems


def _problem(document: Document, loc: tuple, message: str) -> Problem:
    record, field_path = locate(document.data, loc)
    return Problem(document.name, message, line=document.line_of(loc), record=record, field=field_path or None)


def leaves(value: Any, loc: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """Every value in raw data that is no block or list (texts, numbers, dates), with where it is."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, loc + (key,))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from leaves(item, loc + (position,))
    else:
        yield loc, value


def strings(value: Any) -> Iterator[tuple[tuple, str]]:
    """Every text in raw data, with where it is."""
    return ((loc, leaf) for loc, leaf in leaves(value) if isinstance(leaf, str))


def _unknown_abbreviations(documents: dict[str, Document], glossary) -> Iterator[Problem]:
    known = {spelling for term in glossary.terms for spelling in term.spellings} | NOT_ABBREVIATIONS
    for document in documents.values():
        found: dict[str, list[tuple]] = {}
        for loc, text in strings(document.data):
            for word in sorted(abbreviation_like(text) - known):
                found.setdefault(word, []).append(loc)
        for word, places in found.items():
            more = messages.ALSO_ELSEWHERE.format(count=len(places) - 1) if len(places) > 1 else ""
            yield _problem(document, places[0], messages.UNKNOWN_ABBREVIATION.format(word=word, more=more))


def _meanings_not_in_programme(document: Document, glossary) -> Iterator[Problem]:
    for position, term in enumerate(glossary.terms):
        if term.origin == "programma" and in_source(term.meaning) is False:
            yield _problem(document, ("begrippen", position, "betekenis"),
                           messages.MEANING_NOT_IN_PROGRAMME.format(meaning=term.meaning[:80]))


def _undrawable_titles(document: Document, opgaven) -> Iterator[Problem]:
    for position, opgave in enumerate(opgaven.opgaven):
        missing = missing_glyphs(opgave.title)
        if missing:
            chars = ", ".join(f"'{char}'" for char in missing[:5])
            yield _problem(document, ("opgaven", position, "titel"), messages.TITLE_GLYPHS.format(chars=chars))


def _dates_outside_period(documents: dict[str, Document], budget) -> Iterator[Problem]:
    years = [year.year for year in budget.years]
    first = datetime.date(min(years) - YEARS_BEFORE, 1, 1)
    last = datetime.date(max(years) + YEARS_AFTER, 12, 31)
    period = f"{min(years)}-{max(years)}" if len(set(years)) > 1 else str(years[0])
    for document in documents.values():
        for loc, value in leaves(document.data):
            if isinstance(value, datetime.date) and not first <= value <= last:
                yield _problem(document, loc, messages.DATE_OUTSIDE_PERIOD.format(
                    date=value.isoformat(), period=period, first=first.isoformat(), last=last.isoformat()))


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _changed_line_ids(document: Document) -> Iterator[Problem]:
    lines = []  # (year, id, name key, loc)
    for y, year in enumerate(document.data["jaren"]):
        for g, group in enumerate(year["groepen"]):
            for r, line in enumerate(group["regels"]):
                lines.append((year["jaar"], line["id"], _name_key(line["naam"]), ("jaren", y, "groepen", g, "regels", r, "id")))
    years_of: dict[str, set] = {}
    for year, line_id, _, _ in lines:
        years_of.setdefault(line_id, set()).add(year)
    for year, line_id, name, loc in lines:
        if len(years_of[line_id]) > 1:
            continue
        other = next(((other_year, other_id) for other_year, other_id, other_name, _ in lines
                      if other_year != year and other_name == name and other_id != line_id
                      and year not in years_of[other_id]), None)
        if other is not None:
            yield _problem(document, loc, messages.LINE_ID_CHANGED.format(
                id=line_id, year=year, other_year=other[0], other_id=other[1]))


def _glued_texts(document: Document) -> Iterator[Problem]:
    """A list item whose text is two consecutive items of the committed file: a lost '- >-'."""
    before, _ = committed_version(document)
    if before is None:
        return
    old_lists = {loc: texts for loc, texts in _text_lists(before, ())}
    for loc, texts in _text_lists(document.data, ()):
        old = old_lists.get(loc)
        if not old or len(old) <= len(texts):
            continue
        pairs = {_words(a) + " " + _words(b): (a, b) for a, b in zip(old, old[1:])}
        for position, text in enumerate(texts):
            glued = pairs.get(_words(text))
            if glued and glued[0] not in texts and glued[1] not in texts:
                item, items = messages.ITEM_WORDS.get(loc[-1], messages.ANY_ITEM_WORDS)
                yield _problem(document, loc + (position,), messages.GLUED_TEXTS.format(
                    item=item, items=items, first=_short(glued[0]), second=_short(glued[1])))


def _text_lists(value: Any, loc: tuple) -> Iterator[tuple[tuple, list[str]]]:
    """Every list in raw data, as the texts of its items (plain or under 'tekst'), by its place."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _text_lists(item, loc + (key,))
    elif isinstance(value, list):
        texts = [item.get("tekst") if isinstance(item, dict) else item for item in value]
        if texts and all(isinstance(text, str) for text in texts):
            yield loc, texts
        for position, item in enumerate(value):
            yield from _text_lists(item, loc + (position,))


def _words(text: str) -> str:
    return " ".join(text.split())


def _short(text: str) -> str:
    text = _words(text)
    return text if len(text) <= 50 else text[:47] + "..."
