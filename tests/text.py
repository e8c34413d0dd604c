"""Text helpers for comparing what a page shows with what the data says."""

import re


def squash(text: str) -> str:
    """Collapse all white space, as a browser shows it."""
    return re.sub(r"\s+", " ", text).strip()


def section_text(soup, anchor: str) -> str:
    """The visible text from the h2 with this id up to the next h2."""
    heading = soup.find("h2", id=anchor)
    assert heading is not None, f"geen h2 met id '{anchor}'"
    parts = []
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        parts.append(element.get_text(" "))
    return squash(" ".join(parts))
