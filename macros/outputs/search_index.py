"""The site's search index: Pagefind's index of the built pages and the site's own entries,
and the list of words the site uses.

Pagefind (https://pagefind.app) indexes the content of every page (the element marked
`data-pagefind-body` in overrides/base.html) with Dutch stemming, sections per heading and
excerpts with whole words marked. Besides the pages it gets one record per search entry
(macros/outputs/search_entries.py: opgaven, register entries, budget lines, glossary terms,
the budget) with their names and the zoekwoorden staff give them. The search worker
(overrides/assets/javascripts/search/worker.js) asks Pagefind and hands the answer to
Material's search box.

The list of words (`search/woorden.json`: every word of the site's text, with how often it
occurs) lets the worker forgive a reader: a typo ("bedrijventerein") is read as the nearest
word the site has, "startups" as "start-ups" and "regiodeal" as "regio deal"; a word the site
does not have at all is left out of the query instead of emptying it.

What is not content stays out of both: navigation (`nav`: "Op deze pagina", jump lists,
previous/next opgave), anything a template marks `data-search-exclude` ("Laatst bijgewerkt",
links to other pages), text only screen readers get (`ekd-sr`), scripts, styles and drawings
(`svg`). The section parser below gives the text of a page as the search holds it.

Plain Python: no MkDocs here (macros/engine/ hands pages over).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from html import escape
from html.parser import HTMLParser
from pathlib import Path

HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
# Elements whose text is never indexed, with everything inside them.
SKIPPED = frozenset({"script", "style", "svg", "nav", "template", "noscript", "button"})
SKIPPED_CLASSES = frozenset({"headerlink", "ekd-sr", "ekd-afdrukkop"})  # ekd-afdrukkop: a line for paper
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


# Where the search's files go in the built site.
PAGEFIND_DIR = "pagefind"  # Pagefind's index and its scripts
WORDS_FILE = "search/woorden.json"  # every word of the site, for the worker's corrections
INDEX_FILE = "search/search_index.json"  # Material's search box reads its settings here
LANGUAGE = "nl"
# Selectors Pagefind leaves out of a page (the section parser above skips the same).
EXCLUDED = ["nav", "script", "style", "svg", "template", "noscript", "button", f"[{EXCLUDE_ATTRIBUTE}]",
            *(f".{name}" for name in sorted(SKIPPED_CLASSES))]

# A word: letters and digits, with hyphens or apostrophes inside ("start-ups", "regio’s").
_WORD = re.compile(r"[0-9a-zà-öø-ÿ]+(?:['’‐‑-][0-9a-zà-öø-ÿ]+)*")


def words_of(text: str) -> list[str]:
    """The words of a text as the worker compares them: small letters; a hyphenated word also
    gives its parts ("start-ups": "start-ups", "start", "ups")."""
    found = []
    for word in _WORD.findall(text.lower()):
        found.append(word)
        parts = re.split(r"['’‐‑-]", word)
        if len(parts) > 1:
            found.extend(part for part in parts if part)
    return found


def vocabulary(pages: dict[str, dict[str | None, list[str]]], entries) -> dict[str, int]:
    """Every word of the site's content and entries, with how often it occurs, most often first."""
    counts: Counter[str] = Counter()
    for sections in pages.values():
        for blocks in sections.values():
            for block in blocks:
                counts.update(words_of(block))
    for entry in entries:
        counts.update(words_of(" ".join([entry.title, entry.content])))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


KEPT_FILES = {"pagefind-entry.json", "pagefind-worker.js"}  # of Pagefind's files named pagefind-*
ENTRIES_DIR = "_zoekingangen"  # the entries as pages, only while Pagefind reads them


def entry_summary(entry) -> dict:
    """An entry as the worker puts it first, without asking Pagefind: for a query that is one
    of its names or zoekwoorden, or has one of its zoekwoorden."""
    return {"adres": entry.path, "titel": entry.title, "soort": entry.kind, "tekst": entry.description,
            "namen": list(entry.names), "zoekwoorden": list(entry.words)}


def entry_page(entry) -> str:
    """An entry as a small page for Pagefind: its text, and in its metadata where it really
    is (`adres`) and what the worker shows and ranks by."""
    meta = {"adres": "/" + entry.path, "title": entry.title, "soort": entry.kind,
            "namen": "|".join(entry.names), "zoekwoorden": "|".join(entry.words), "tekst": entry.description}
    head = "".join(f'<meta data-pagefind-meta="{key}[content]" content="{escape(value)}">'
                   for key, value in meta.items())
    return (f'<!doctype html><html lang="{LANGUAGE}"><head><title>{escape(entry.title)}</title>{head}</head>'
            f"<body><main data-pagefind-body><h1>{escape(entry.title)}</h1><p>{escape(entry.content)}</p>"
            "</main></body></html>")


def _pagefind(site_dir: Path) -> None:
    """Pagefind's command line (the pinned pagefind-bin through the pinned Python package)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", PAGEFIND_DIR,
               "--force-language", LANGUAGE, "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"Pagefind kon de zoekindex niet maken:\n{done.stdout}{done.stderr}")
    # Pagefind's own search interfaces: the site uses Material's search box.
    for unused in (site_dir / PAGEFIND_DIR).glob("pagefind-*"):
        if unused.name not in KEPT_FILES:
            unused.unlink()


def write_pagefind(site_dir: Path, entries) -> None:
    """Pagefind's index of the site's pages and its entries. The entries are given as small
    pages in one folder that is gone afterwards. (Pagefind's Python API can add records one by
    one, but its service answers one request per tenth of a second: 17 s for 160 entries.)"""
    folder = site_dir / ENTRIES_DIR
    folder.mkdir()
    try:
        for number, entry in enumerate(entries):
            (folder / f"{number}.html").write_text(entry_page(entry), encoding="utf-8")
        _pagefind(site_dir)
    finally:
        shutil.rmtree(folder)


def write_search_files(site_dir: Path, pages: dict[str, dict[str | None, list[str]]], entries) -> None:
    """Pagefind's index, the word list, and Material's index file with its settings only (its
    search box reads them; the searching is Pagefind's). Nothing to do without Material's file."""
    site_dir = Path(site_dir)
    material = site_dir / INDEX_FILE
    if not material.is_file():
        return
    settings = json.loads(material.read_text(encoding="utf-8"))["config"]
    material.write_text(json.dumps({"config": settings, "docs": []}, separators=(",", ":")), encoding="utf-8")
    words = {"woorden": vocabulary(pages, entries), "ingangen": [entry_summary(entry) for entry in entries]}
    (site_dir / WORDS_FILE).write_text(json.dumps(words, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    write_pagefind(site_dir, entries)
