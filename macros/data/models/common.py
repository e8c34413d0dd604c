"""Building blocks shared by all data models."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Record(BaseModel):
    """A record typed by staff: unknown keys are mistakes, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=False, defer_build=True)


Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1),
    Field(description="Tekst, niet leeg."),
]

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=60),
    Field(description="Kleine letters, cijfers en streepjes, zoals 'economische-kracht'."),
]


def text_list(description: str):
    """A required, non-empty list of texts."""
    return Field(min_length=1, description=description)
