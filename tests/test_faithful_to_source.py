"""The adopted data carries the programme word for word: nothing invented, nothing dropped.

This checks the frozen copy of the data at adoption (bron/vastgesteld/), once and for all:
the transcription was faithful. The live data in data/ may differ from it since; every
difference is a change since adoption, listed by `make diff BASE=vastgesteld`.
"""

import pytest

from macros.data.sections import SECTIONS
from macros.view.site import load_site
from tests.project import ADOPTED_DATA
from tests.source_text import budget_part, data_key, key, source_text

SITE = load_site(ADOPTED_DATA)


def opgave_texts(opgave):
    """Every text of the opgave, as the indexes and the difference engine enumerate them."""
    return [text for _, text in opgave.record.texts()]


def programme_texts(programme):
    for passage in (programme.introduction, programme.cofinancing, programme.closing):
        yield passage.heading
        yield from passage.paragraphs
    yield programme.aspects.heading
    for section in SECTIONS:
        yield programme.aspects.of(section)
    yield programme.title


ALL_TEXTS = [text for opgave in SITE.opgaven for text in opgave_texts(opgave)] + list(programme_texts(SITE.programme))


@pytest.mark.parametrize("text", ALL_TEXTS, ids=lambda t: t[:50])
def test_every_text_in_the_data_is_in_the_source(text):
    assert data_key(text) in key(source_text()), f"niet (zo) in de bron: {text!r}"


# What may remain of the source once every text of the data is taken out: the
# PDF's own labels, which the site shows as headings of its own.
STRUCTURE = {
    "OPGAVE1", "OPGAVE2", "OPGAVE3", "OPGAVE4", "OPGAVE5",
    "NUT&NOODZAAK", "CONTEXT", "GERELATEERDEPROJECTENENPROGRAMMA’S", "ACTIVITEITEN20242025",
    "RESULTATEN", "PARTNERS", "DOELGROEP",
    "Nut&noodzaak", "Context", "Gerelateerdeprojectenenprogramma’s", "Activiteiten", "Resultaten",
    "Partners", "Doelgroep",
}


def test_nothing_of_the_opgaven_and_programme_texts_is_dropped():
    source = source_text()
    budget_start = source.index("Beschikbare budgetten 2024-2025")
    budget_end = source.index("Cofinanciering")
    remaining = key(source[:budget_start] + source[budget_end:])
    for text in sorted(ALL_TEXTS, key=len, reverse=True):
        assert data_key(text) in remaining, f"komt vaker voor in de data dan in de bron: {text!r}"
        remaining = remaining.replace(data_key(text), "|", 1)
    leftovers = [part for part in remaining.split("|") if part]
    unexpected = [part for part in leftovers if part not in STRUCTURE]
    assert not unexpected, f"tekst uit de bron die niet op de site staat: {unexpected}"


def budget_as_printed(budget) -> str:
    """The budget part of the programme, rebuilt from the data and the computed sums.

    Amounts as the programme prints them: 1.050.000, and "-" for no budget.
    """
    def amount(value):
        return "-" if value is None else f"{value:,}".replace(",", ".")

    parts = [budget.heading, *budget.introduction]
    for year in budget.years:
        parts += [year.caption, str(year.year)]
        for group in year.groups:
            parts.append(f"{group.number}. {group.title}")
            for line in group.lines:
                parts += [line.name, amount(line.amount)]
            parts += ["Subtotaal", amount(group.subtotal)]
        parts += ["Totaal Economische Koers", amount(year.total)]
    return " ".join(parts)


def test_the_budget_part_is_the_source_exactly():
    """Every name, amount, "-", subtotal and total, in order: nothing invented, nothing dropped."""
    rebuilt = budget_as_printed(SITE.budget).split(" ")
    printed = budget_part().split(" ")
    for position, (ours, theirs) in enumerate(zip(rebuilt, printed)):
        assert ours == theirs, (
            f"verschil met de bron bij woord {position}: {ours!r} in plaats van {theirs!r}\n"
            f"bron: ...{' '.join(printed[max(0, position - 8): position + 8])}..."
        )
    assert len(rebuilt) == len(printed), "de data heeft meer of minder woorden dan de bron"

