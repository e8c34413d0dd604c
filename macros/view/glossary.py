"""The glossary (data/begrippen.yaml): its terms, and its abbreviations marked up in data text.

Templates pass data text through the `glossary` filter, which wraps each abbreviation in
`<abbr title="...">`; Material shows the title as a tooltip (`content.tooltips`).
Markdown's own `abbr` extension does the same for hand-written Markdown, but it does not
reach text inside HTML blocks, which is where data text goes. The text is escaped first;
only the `abbr` elements are markup.

Matching is case-sensitive and on whole words: a letter or digit may not touch the
abbreviation on either side, a hyphen may ("mkb-dienstverlening", "EU-middelen").

Markup (a template's own HTML, as in `{% filter glossary %}...{% endfilter %}`)
is changed only in the text between tags, never inside a tag, `abbr`, `code`, `pre`,
`script`, `style` or `svg`.
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache

from jinja2 import pass_context
from markupsafe import Markup, escape

from macros.data.models.glossary import GlossaryFile, Term

_WORD_CHARACTER = r"[^\W_]"  # a letter or a digit


def whole_words(phrases: Iterable[str], ignore_case: bool = False) -> re.Pattern | None:
    """A pattern that finds any of `phrases` as whole words, the longest first."""
    return _whole_words(frozenset(phrase for phrase in phrases if phrase), ignore_case)


@lru_cache(maxsize=1024)
def _whole_words(phrases: frozenset[str], ignore_case: bool) -> re.Pattern | None:
    if not phrases:
        return None
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(rf"(?<!{_WORD_CHARACTER})(?:{alternatives})(?!{_WORD_CHARACTER})", flags)


class Abbreviator:
    """Turns plain text into escaped HTML with every known abbreviation marked up."""

    def __init__(self, titles: Mapping[str, str]):
        self.titles = dict(titles)
        self.pattern = whole_words(self.titles)

    def __call__(self, text) -> Markup:
        if hasattr(text, "__html__"):
            return self._markup(Markup(text.__html__()))
        text = str(text)
        if self.pattern is None or self.pattern.search(text) is None:  # most texts have none
            return escape(text)
        parts, position = [], 0
        for match in self.pattern.finditer(text):
            parts.append(escape(text[position:match.start()]))
            parts.append(Markup('<abbr title="{}">{}</abbr>').format(self.titles[match.group()], match.group()))
            position = match.end()
        parts.append(escape(text[position:]))
        return Markup("").join(parts)

    def _markup(self, html: Markup) -> Markup:
        text, parts, skipping, position = str(html), [], [], 0
        for tag in _TAG.finditer(text):
            parts.append(self._between_tags(text[position:tag.start()], skipping))
            parts.append(tag.group())
            position = tag.end()
            name = (tag.group("name") or "").lower()
            if name in _UNTOUCHED and not tag.group("self"):
                if not tag.group("end"):
                    skipping.append(name)
                elif skipping and skipping[-1] == name:
                    skipping.pop()
        parts.append(self._between_tags(text[position:], skipping))
        return Markup("".join(parts))

    def _between_tags(self, piece: str, skipping: list[str]) -> str:
        if skipping or not piece:
            return piece
        # Already escaped HTML text; unescape, mark up, escape again.
        return str(self(Markup(piece).unescape()))


_TAG = re.compile(r"<!--.*?-->|<(?P<end>/?)(?P<name>[A-Za-z][\w-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(?P<self>/?)>",
                  re.DOTALL)
_UNTOUCHED = {"abbr", "code", "pre", "script", "style", "svg", "textarea"}


def anchor(term: str) -> str:
    """A URL-safe anchor for a term: 'ESF+' -> 'esf-plus', 'o.a.' -> 'oa'."""
    text = term.replace("+", " plus").replace(".", "").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "begrip"


@dataclass(frozen=True)
class Glossary:
    """The resolved glossary: terms on alphabet, their anchors and the filter."""

    file: GlossaryFile

    @cached_property
    def terms(self) -> tuple[Term, ...]:
        return tuple(sorted(self.file.terms, key=lambda term: (term.term.casefold(), term.term)))

    @cached_property
    def titles(self) -> dict[str, str]:
        """Every spelling of every abbreviation, with the meaning the tooltip shows."""
        return {spelling: term.meaning for term in self.file.terms for spelling in term.spellings}

    @cached_property
    def anchors(self) -> dict[str, str]:
        result: dict[str, str] = {}
        for term in self.terms:
            candidate = anchor(term.term)
            while candidate in result.values():
                candidate += "-2"
            result[term.term] = candidate
        return result

    @cached_property
    def abbreviate(self) -> Abbreviator:
        return Abbreviator(self.titles)


@pass_context
def glossary(context, text) -> Markup:
    """Jinja filter: `{{ text | glossary }}`, with the glossary of the site being rendered."""
    return context["site"].glossary.abbreviate(text)
