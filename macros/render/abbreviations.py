"""Abbreviations explained for keyboard and touch users too (WCAG 2.1.1, 3.1.4).

An `<abbr title="...">` shows its meaning as a tooltip when the mouse is over it (Material's
content.tooltips); a keyboard cannot reach it and a finger cannot hover. The first use of each
abbreviation on a page becomes focusable (tabindex="0"): Tab, or a tap, focuses it and Material
shows the same tooltip on focus. Later uses on the page stay as they are, so Tab does not stop
at every "mkb"; the glossary page lists them all.
"""

import re

# An <abbr> from the glossary filter or Markdown's abbr extension, and the tags of elements that
# may not hold a focusable element (HTML: no tabindex inside a, button, label or summary).
_TOKEN = re.compile(r'<abbr title="(?P<title>[^"]*)">(?P<term>.*?)</abbr>'
                    r'|<(?P<end>/?)(?P<name>a|button|label|summary)\b[^>]*>', re.DOTALL | re.IGNORECASE)


def focusable_first_abbreviations(html: str) -> str:
    """The page content with tabindex="0" on the first <abbr> of each abbreviation that is
    not inside a link or another control (the link itself is what Tab reaches there)."""
    if "<abbr" not in html:
        return html
    seen: set[str] = set()
    inside = 0

    def token(match: re.Match) -> str:
        nonlocal inside
        if match.group("name"):
            inside = max(0, inside + (-1 if match.group("end") else 1))
            return match.group(0)
        term = match.group("term")
        if inside or term in seen:
            return match.group(0)
        seen.add(term)
        return f'<abbr title="{match.group("title")}" tabindex="0">{term}</abbr>'

    return _TOKEN.sub(token, html)
