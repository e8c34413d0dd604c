"""Text helpers for comparing what a page shows with what the data says."""

import re


def squash(text: str) -> str:
    """Collapse all white space, as a browser shows it."""
    return re.sub(r"\s+", " ", text).strip()


# Elements a browser puts on a line of their own; inline ones (a, abbr, span, ...) join
# the text around them without a space.
_BLOCKS = {
    "address", "article", "blockquote", "br", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "nav", "ol", "p", "section", "table", "td", "th", "tr", "ul",
}


def visible_text(element) -> str:
    """The text of an element as a browser shows it: a space between blocks, none around inline tags."""
    parts, previous = [], None
    for node in element.find_all(string=True):
        block = next((parent for parent in node.parents if parent.name in _BLOCKS), None)
        if previous is not None and block is not previous:
            parts.append(" ")
        parts.append(str(node))
        previous = block
    return "".join(parts)


def section_text(soup, anchor: str) -> str:
    """The visible text from the h2 with this id up to the next h2."""
    heading = soup.find("h2", id=anchor)
    assert heading is not None, f"geen h2 met id '{anchor}'"
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(visible_text(element))
    return squash(" ".join(parts))
