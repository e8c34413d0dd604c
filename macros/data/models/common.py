"""Building blocks shared by all data models."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Record(BaseModel):
    """A record typed by staff: unknown keys are mistakes, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=False, defer_build=True)


# Stated limits, so a slip (a paragraph pasted into a title) is refused with its length.
# Far above the programme's own texts (titles up to 80 characters, paragraphs up to 650),
# and what the pages are tested with (tests/test_generated_states.py writes texts this long).
TITLE_MAX_LENGTH = 120  # a title or name: at most about six lines as a heading on a phone
ITEM_MAX_LENGTH = 600  # one activity, result or line of text in a list
TEXT_MAX_LENGTH = 2000  # a paragraph

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX_LENGTH),
    Field(description=f"Tekst, niet leeg, hoogstens {TEXT_MAX_LENGTH} tekens."),
]

Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX_LENGTH),
    Field(description=f"Een titel of naam, niet leeg, hoogstens {TITLE_MAX_LENGTH} tekens."),
]

ItemText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=ITEM_MAX_LENGTH),
    Field(description=f"Tekst, niet leeg, hoogstens {ITEM_MAX_LENGTH} tekens."),
]

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=60),
    Field(description="Kleine letters, cijfers en streepjes, zoals 'economische-kracht'."),
]


def text_list(description: str):
    """A required, non-empty list of texts."""
    return Field(min_length=1, description=description)
