"""HTML parts of a rendered page, handed to Python-Markdown's own stash of raw HTML.

A page from our templates is mostly finished HTML with a few Markdown headings between
the parts (the headings feed the table of contents and the section links). Markdown
passes raw HTML through unchanged, but it still parses every tag to find where each
block ends; for an opgave page that was most of its Markdown time (bench/RESULTS.md).

So the renderer marks each HTML part, and the Markdown extension below puts every
marked part into `md.htmlStash` before Markdown reads the page (as mkdocstrings does
with the HTML it renders). Markdown leaves a stashed part alone and puts it back
itself, so the page comes out the same, only faster. The parts travel inside the page
text: nothing is kept on the side.

Data text cannot forge a marker: templates escape it, so a typed "<!--" arrives as
"&lt;!--".
"""

import re

from jinja2 import pass_context
from markdown import Extension
from markdown.preprocessors import Preprocessor
from markupsafe import Markup

START = "<!-- ekd:html -->"
END = "<!-- /ekd:html -->"
_MARKED = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.DOTALL)
_BLANK_LINES = re.compile(r"\n\n\n+")
KEEP_HTML = "keep_html"  # the template variable that says whether to mark


def keep_html(html: str) -> Markup:
    """`html`, marked to skip Markdown; blank lines around it make it a block of its own."""
    return Markup(f"\n\n{START}\n{str(html).strip()}\n{END}\n\n")


@pass_context
def html_block(context, html: str) -> str:
    """Template filter: mark `html` when the page is rendered for Markdown (`keep_html`)."""
    return keep_html(html) if context.get(KEEP_HTML) else html


class HtmlBlocks(Extension):
    """Markdown extension: every marked part goes into Markdown's stash of raw HTML."""

    def extendMarkdown(self, md) -> None:
        # After normalize_whitespace (30), which would remove the stash's placeholders,
        # before html_block (20), which would parse the parts tag by tag.
        md.preprocessors.register(_StashMarkedHtml(md), "ekd_html_blocks", 25)


class _StashMarkedHtml(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        return _MARKED.sub(lambda match: self.md.htmlStash.store(_as_markdown_would(match.group(1))),
                           text).split("\n")


def _as_markdown_would(html: str) -> str:
    """The part as Markdown outputs raw HTML: blocks one blank line apart, a line end after
    the last. So the page comes out byte for byte as if Markdown had parsed the part."""
    return _BLANK_LINES.sub("\n\n", html) + "\n"
