"""A jump list under the title of a long page: its sections (the h2 headings), one tap away.

On a phone Material's table of contents is hidden in the menu, so on a long page such as
/programmas-en-fondsen/ (more than 30 screens at 320 px) a reader scrolled for a minute to
reach the funds. A page asks for the list in its front matter (`springlijst: true`); the list
is made from the page's own headings, so it always matches them.
"""

import re

from markupsafe import Markup, escape

META_KEY = "springlijst"
LABEL = "Op deze pagina"
_H1_END = re.compile(r"</h1>", re.IGNORECASE)


def jump_list(sections: list[tuple[str, str]]) -> Markup:
    """The list as HTML: (heading text, "#anchor") for each section."""
    items = "".join(f'<li><a href="{escape(anchor)}">{escape(title)}</a></li>' for title, anchor in sections)
    return Markup(f'<nav class="ekd-springlijst ekd-springlijst--pagina" aria-label="{LABEL}">'
                  f'<p class="ekd-springlijst__kop" aria-hidden="true">{LABEL}:</p><ul>{items}</ul></nav>')


_H2 = re.compile(r'<h2[^>]*\sid="([^"]+)"[^>]*>(.*?)</h2>', re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


def sections_in(html: str) -> list[tuple[str, str]]:
    """(heading text, "#anchor") of each h2 in rendered HTML: the sections of a page whose
    headings come from a page part (raw HTML, which Markdown's table of contents never sees)."""
    return [(_TAG.sub("", text).replace("¶", "").strip(), f"#{anchor}") for anchor, text in _H2.findall(html)]


def with_jump_list(html: str, sections: list[tuple[str, str]]) -> str:
    """The page content with the jump list after its h1 (at the top when it has none)."""
    if not sections:
        return html
    nav = str(jump_list(sections))
    match = _H1_END.search(html)
    return html[:match.end()] + nav + html[match.end():] if match else nav + html
