"""HTML parts of a rendered page, kept out of Python-Markdown and put back afterwards.

A page from our templates is mostly finished HTML with a few Markdown headings between
the parts (the headings feed the table of contents and the section links). Markdown
passes raw HTML through unchanged, but it still parses every tag to find where each
block ends; for an opgave page that was most of its Markdown time (bench/RESULTS.md).
Each part is replaced by a one-line placeholder before Markdown and swapped back
after it, so the page comes out the same, only faster.

Data text cannot forge a placeholder: templates escape it, so a typed "<div" arrives
as "&lt;div".
"""

import re

from jinja2 import pass_context
from markupsafe import Markup

PLACEHOLDER = '<div data-ekd-block="{}"></div>'
_PLACEHOLDER = re.compile(r'<div data-ekd-block="(\d+)"></div>')
CONTEXT_KEY = "html_blocks"


class HtmlBlocks:
    """The parts kept aside while one page goes through Markdown."""

    def __init__(self, parts: list[str] | None = None):
        self.parts: list[str] = list(parts or [])

    def keep(self, html: str) -> Markup:
        self.parts.append(str(html).strip())
        # Blank lines around it: Markdown sees a block of its own, not text in a paragraph.
        return Markup(f"\n\n{PLACEHOLDER.format(len(self.parts) - 1)}\n\n")

    def restore(self, html: str) -> str:
        """The page HTML with every placeholder replaced by its part."""
        return _PLACEHOLDER.sub(lambda match: self.parts[int(match.group(1))], html)


@pass_context
def html_block(context, html: str) -> str:
    """Template filter: keep `html` aside when the page is rendered with HtmlBlocks."""
    blocks = context.get(CONTEXT_KEY)
    return blocks.keep(html) if blocks is not None else html


# The parts of each page being built, by page. Macros (called by mkdocs-macros) and the
# hooks that swap the parts back are two different module objects of macros/engine.py,
# so the parts are kept here, in a module both import.
_pages: dict[str, HtmlBlocks] = {}


def for_page(page: str) -> HtmlBlocks:
    """The parts of `page` (its source path), to add to."""
    return _pages.setdefault(page, HtmlBlocks())


def adopt(page: str, blocks: HtmlBlocks) -> None:
    """Parts of `page` kept aside elsewhere (macros/prerender.py)."""
    _pages[page] = blocks


def take(page: str) -> HtmlBlocks | None:
    """The parts of `page`, now that its Markdown is HTML; None when it has none."""
    return _pages.pop(page, None)
