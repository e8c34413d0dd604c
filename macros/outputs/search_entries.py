"""What the site's search knows besides the text of its pages: the site's own entries.

Every opgave, every entry of the registers (partners, programmes, funds), every budget line,
every glossary term and the budget itself is one search entry: where it is, what it is called
(its names and abbreviations) and the words staff give it in the data (`zoekwoorden`), which
readers type but the programme never writes ("banen" for the labour market, "geld" for the
budget). The search finds an entry by all of these, and a query that is one of its names
puts the entry first: "NOM" opens the NOM entry, not a page that happens to mention NOM.

Plain Python from the resolved site (macros/view/); macros/outputs/search_index.py writes them
into the index.
"""

from __future__ import annotations

from dataclasses import dataclass

from macros.view.sentences import first_sentence
from macros.view.urls import GLOSSARY_PATH

KINDS = {"organisatie": "Partner", "programma": "Programma", "fonds": "Fonds"}


@dataclass(frozen=True)
class SearchEntry:
    path: str  # site-relative, with an anchor when the entry is part of a page
    title: str
    kind: str  # shown with the result: "Opgave", "Partner", "Begrip", ...
    names: tuple[str, ...]  # what it is called; a query equal to one of these finds it first
    words: tuple[str, ...]  # the zoekwoorden staff gave it
    description: str  # one line, shown as the result's text

    @property
    def content(self) -> str:
        """The text the search index holds for the entry."""
        return " ".join([*self.names, *self.words, self.description])


def search_entries(site) -> list[SearchEntry]:
    entries = [
        SearchEntry(opgave.path, f"{opgave.label}: {opgave.title}", "Opgave", (opgave.label, opgave.title),
                    tuple(opgave.record.search_words), first_sentence(opgave.record.need[0], site.glossary.titles))
        for opgave in site.opgaven
    ]
    entries.append(SearchEntry(site.budget.path, site.budget.heading, "Begroting", (site.budget.heading,),
                               site.budget.search_words, site.budget.introduction[0]))
    for entry in (*site.indexes.organisations, *site.indexes.programmes, *site.indexes.funds):
        record = entry.record
        entries.append(SearchEntry(entry.path, record.label, KINDS.get(entry.kind, entry.kind.capitalize()),
                                   tuple(record.names), tuple(record.search_words), record.description or ""))
    for line in site.indexes.budget_lines:
        entries.append(SearchEntry(line.path, line.label or line.name, "Post in de begroting", (line.name,), (),
                                   line.places[-1].group_label))
    anchors = site.glossary.anchors
    for term in site.glossary.terms:
        meaning = f"{term.meaning}. {term.explanation}" if term.explanation else term.meaning
        entries.append(SearchEntry(f"{GLOSSARY_PATH}#{anchors[term.term]}", f"{term.term}: {term.meaning}", "Begrip",
                                   tuple(term.spellings), tuple(term.search_words), meaning))
    return entries
