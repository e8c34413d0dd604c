"""Where a Dutch sentence ends, for teasers and previews that must end where a sentence does.

A full stop ends a sentence only when what follows could start one (white space, then a
capital, a digit, a quote or a bracket) and the word it ends is not an abbreviation: "o.a.",
"bijv.", "e.d.", "m.n." and the like, every abbreviation in data/begrippen.yaml that ends in
a full stop, and an initial ("J. de Vries"). "Drenthe werkt o.a. met ondernemers. Zo …" has
one sentence before "Zo", not one before "met".
"""

import re
from collections.abc import Iterable
from functools import lru_cache

# Common Dutch abbreviations with a full stop (Woordenlijst; lower case, compared case-blind).
COMMON_ABBREVIATIONS = frozenset({
    "a.s.", "bijv.", "bv.", "b.v.", "blz.", "ca.", "d.d.", "d.m.v.", "d.w.z.", "dhr.", "dr.", "drs.", "e.a.",
    "e.d.", "e.e.a.", "enz.", "etc.", "excl.", "evt.", "i.c.m.", "i.h.a.", "i.o.m.", "i.p.v.", "i.s.m.",
    "ir.", "incl.", "jl.", "m.b.t.", "m.i.v.", "m.n.", "mevr.", "mln.", "mld.", "mr.", "mw.", "nl.", "nr.",
    "o.a.", "o.b.v.", "o.l.v.", "o.m.", "p.p.", "prof.", "resp.", "t.a.v.", "t.b.v.", "t.o.v.", "t.w.",
    "t/m.", "vs.", "z.g.", "zgn.", "z.s.m.",
})

_CANDIDATE_END = re.compile(r"[.!?…][’”\"')\]]*(?=\s+[A-ZÀ-Ý0-9‘“\"'(€])|[.!?…][’”\"')\]]*\s*$")
_INITIAL = re.compile(r"[A-ZÀ-Ý]\.")


@lru_cache(maxsize=64)
def _abbreviations(extra: frozenset[str]) -> frozenset[str]:
    return COMMON_ABBREVIATIONS | {term.casefold() for term in extra if term.endswith(".")}


def _word_before(text: str, end: int) -> str:
    """The word that ends at text[end] (the full stop included), without opening quotes or brackets."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:end + 1].lstrip("‘“\"'([")


def sentence_ends(text: str, abbreviations: Iterable[str] = ()) -> list[int]:
    """The positions just after each sentence of `text` (closing quotes and brackets included)."""
    known = _abbreviations(frozenset(abbreviations))
    ends = []
    for match in _CANDIDATE_END.finditer(text):
        if text[match.start()] == ".":
            word = _word_before(text, match.start())
            if word.casefold() in known or _INITIAL.fullmatch(word):
                continue
        ends.append(match.end())
    return ends


def sentences(text: str, abbreviations: Iterable[str] = ()) -> list[str]:
    """`text` as its sentences; the last one may lack a full stop."""
    parts, start = [], 0
    for end in sentence_ends(text, abbreviations):
        parts.append(text[start:end].strip())
        start = end
    rest = text[start:].strip()
    return [part for part in [*parts, rest] if part]


def first_sentence(text: str, abbreviations: Iterable[str] = ()) -> str:
    found = sentences(text, abbreviations)
    return found[0] if found else ""


def is_one_sentence(text: str, abbreviations: Iterable[str] = ()) -> bool:
    return len(sentences(text, abbreviations)) == 1
