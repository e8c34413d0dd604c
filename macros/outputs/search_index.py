"""The text the site's search knows of each section, one sentence or list item at a time.

Material's search plugin cuts every page into sections (one per heading with an id) and keeps
their text for lunr.js. Its own text keeps only paragraphs and lists as markup: table cells
run together ("AfkortingBetekenisBron"), and a hit anywhere in a list shows the whole list as
the result's snippet. This module reads the same page HTML, cut into the same sections, and
gives each section's text as short blocks: a sentence, a list item, a table row, a caption.
Material shows the (at most two) blocks that hold the hit, so a result shows the sentence
that names the term. `rewrite_index` puts these texts into the index Material wrote.

What is not content stays out of the index: navigation (`nav`: "Op deze pagina", jump lists,
previous/next opgave), anything a template marks `data-search-exclude` ("Laatst bijgewerkt",
links to other pages; Material's own parser honours the mark too), text only screen readers
get (`ekd-sr`), scripts, styles and drawings (`svg`).

Plain Python: no MkDocs here (macros/engine/ hands pages over).
"""

from __future__ import annotations

import json
import re
from html import escape
from html.parser import HTMLParser
from pathlib import Path

HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# Elements whose text is never indexed, with everything inside them.
SKIPPED = frozenset({"script", "style", "svg", "nav", "template", "noscript", "button"})
SKIPPED_CLASSES = frozenset({"headerlink", "ekd-sr"})
EXCLUDE_ATTRIBUTE = "data-search-exclude"
# Elements that end one block of text and start the next.
BLOCKS = frozenset({
    "p", "li", "dt", "dd", "tr", "caption", "figcaption", "blockquote", "pre", "div", "section",
    "article", "aside", "header", "footer", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl",
    "details", "summary", "figure", "form", "fieldset", "legend", "main", "br", "hr",
} | HEADINGS)
CELLS = frozenset({"td", "th"})  # cells of one row stay one block, with a space between them
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                  "source", "track", "wbr"})

# A sentence ends at . ! or ? followed by a space and a capital, digit, quote or bracket.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9‘“\"'(€])")
_SPACE = re.compile(r"\s+")


class _Section:
    def __init__(self, anchor: str | None, depth: float):
        self.anchor = anchor
        self.depth = depth
        self.blocks: list[str] = []
        self.current: list[str] = []

    def text(self, data: str) -> None:
        self.current.append(data)

    def end_block(self) -> None:
        block = _SPACE.sub(" ", "".join(self.current)).strip()
        self.current = []
        if block:
            self.blocks.append(block)


class _SectionParser(HTMLParser):
    """Cuts page HTML into sections like Material's search plugin does: a heading with an id
    starts one; after the element that holds such a heading ends, text belongs to the section
    before it again. The first section (the page itself) has no anchor."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.sections: list[_Section] = []
        self.section: _Section | None = None
        self.skip_depth: int | None = None  # stack depth of the element being skipped
        self.heading_depth: int | None = None  # inside the heading that titles a section
        # An element that starts right where another ended ("<a>Partners</a><span>Met wie</span>")
        # is shown apart by its style: keep their words apart too.
        self.after_end_tag = False

    def _ensure_section(self) -> _Section:
        if self.section is None:
            self.section = _Section(None, 0)
            self.sections.append(self.section)
        return self.section

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        after_end_tag, self.after_end_tag = self.after_end_tag, False
        if tag in VOID:
            if tag in BLOCKS and self.skip_depth is None and self.heading_depth is None:
                self._ensure_section().end_block()
            return
        self.stack.append(tag)
        depth = len(self.stack)
        if self.skip_depth is not None:
            return
        classes = set((attributes.get("class") or "").split())
        if tag in SKIPPED or EXCLUDE_ATTRIBUTE in attributes or classes & SKIPPED_CLASSES:
            self.skip_depth = depth
            return
        if tag in HEADINGS and attributes.get("id"):
            if self.section is not None:
                self.section.end_block()
            if tag != "h1" and not self.sections:
                self._ensure_section()
            anchor = attributes["id"] if self.sections else None
            self.section = _Section(anchor, depth)
            self.sections.append(self.section)
            self.heading_depth = depth
            return
        if self.heading_depth is not None:
            return
        section = self._ensure_section()
        if tag in BLOCKS:
            section.end_block()
        elif tag in CELLS or after_end_tag:
            section.text(" ")

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            return
        depth = len(self.stack)
        self.after_end_tag = True
        if self.section is not None and self.section.depth > depth:
            # Leaving the element that holds this section's heading: back to the section before.
            self.section.end_block()
            for section in reversed(self.sections):
                if section.depth <= depth:
                    self.section.depth = float("inf")
                    self.section = section
                    break
        self.stack.pop()
        if self.skip_depth is not None:
            if depth == self.skip_depth:
                self.skip_depth = None
            return
        if self.heading_depth is not None:
            if depth == self.heading_depth:
                self.heading_depth = None
            return
        if self.section is not None and (tag in BLOCKS or tag in CELLS):
            if tag in BLOCKS:
                self.section.end_block()
            else:
                self.section.text(" ")

    def handle_data(self, data):
        self.after_end_tag = False
        if self.skip_depth is not None or self.heading_depth is not None:
            return
        self._ensure_section().text(data)

    def close(self):
        super().close()
        for section in self.sections:
            section.end_block()


def sentences(block: str) -> list[str]:
    """A block of text cut after each sentence."""
    return [part for part in _SENTENCE_END.split(block) if part]


def section_texts(html: str) -> dict[str | None, list[str]]:
    """Per section of a page's content (None: the page itself; else the heading's id): its
    text as blocks of one sentence, list item or table row each."""
    parser = _SectionParser()
    parser.feed(html)
    parser.close()
    texts: dict[str | None, list[str]] = {}
    for section in parser.sections:
        parts = texts.setdefault(section.anchor, [])
        for block in section.blocks:
            parts.extend(sentences(block))
    return texts


def as_index_text(parts: list[str]) -> str:
    """Blocks as Material's index holds text: escaped, each block a paragraph."""
    return "".join(f"<p>{escape(part, quote=False)}</p>" for part in parts)


def rewrite_index(index_json: str, pages: dict[str, dict[str | None, list[str]]]) -> str:
    """Material's search_index.json with the text of every section of `pages` (by page URL,
    as MkDocs gives it: '' for the home page, 'opgaven/x/') replaced by its blocks."""
    index = json.loads(index_json)
    docs = []
    for doc in index["docs"]:
        url, _, anchor = doc["location"].partition("#")
        texts = pages.get(url)
        if texts is not None and anchor and anchor not in texts:
            # A heading inside what is no content (a data-search-exclude part such as the
            # change history, or navigation): Material indexes it, with its raw HTML.
            continue
        if texts is not None and (anchor or None) in texts:
            doc["text"] = as_index_text(texts[anchor or None])
        docs.append(doc)
    index["docs"] = docs
    return json.dumps(index, separators=(",", ":"), ensure_ascii=True)


INDEX_FILE = "search/search_index.json"  # where Material's search plugin writes its index


def rewrite_index_file(site_dir: Path, pages: dict[str, dict[str | None, list[str]]]) -> None:
    """Rewrite the index in a built site (see rewrite_index); nothing to do without one."""
    path = Path(site_dir) / INDEX_FILE
    if path.is_file():
        path.write_text(rewrite_index(path.read_text(encoding="utf-8"), pages), encoding="utf-8")
