"""Accessible names for the "link to this section" anchors next to headings.

Markdown's toc extension adds `<a class="headerlink" href="#id" title="...">¶</a>` to
each heading; a screen reader announces that as "pilcrow". This gives every such link
a Dutch name that says which section it links to.
"""

import html
import re

from markupsafe import escape

LABEL = "Link naar dit onderdeel"
_HEADING = re.compile(r"<(h[1-6])\b([^>]*)>(.*?)</\1>", re.DOTALL)
_HEADERLINK = re.compile(r'<a class="headerlink" href="#([^"]*)"')
_TAG = re.compile(r"<[^>]+>")


def _label(match: re.Match) -> str:
    inner = match.group(3)
    if 'class="headerlink"' not in inner:
        return match.group(0)
    text = _TAG.sub("", inner[: inner.index('<a class="headerlink"')])
    name = " ".join(html.unescape(text).split())
    aria = f' aria-label="{escape(f"{LABEL}: {name}")}"'
    inner = _HEADERLINK.sub(lambda link: link.group(0) + aria, inner, count=1)
    return f"<{match.group(1)}{match.group(2)}>{inner}</{match.group(1)}>"


def label_section_links(page_html: str) -> str:
    """The page HTML with an aria-label on every heading's section link."""
    return _HEADING.sub(_label, page_html)
