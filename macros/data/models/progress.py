"""Progress on an activity or a result: an optional status with a date and a short note.

In YAML an item is either a plain line of text (no progress reported) or a block:

    - tekst: Opzetten en uitvoeren van een integraal programma
      status: lopend
      datum: 2025-03-01
      toelichting: De eerste drie bedrijventerreinen doen mee.
"""

import datetime
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import ItemText, Record, Text

STATUSES: tuple[str, ...] = ("gepland", "lopend", "afgerond")
NOTE_MAX_LENGTH = 200


class ProgressItem(Record):
    text: ItemText = Field(
        alias="tekst",
        description="De tekst van de activiteit of het resultaat, woord voor woord uit het programma.",
    )
    status: Literal["gepland", "lopend", "afgerond"] | None = Field(
        None,
        description="Hoe staat het ervoor: gepland, lopend of afgerond. Laat weg als er niets te melden is.",
    )
    date: datetime.date | None = Field(
        None, alias="datum",
        description="De datum van deze stand, als JJJJ-MM-DD, zoals 2025-03-01. Verplicht bij een status.",
    )
    note: Text | None = Field(
        None, alias="toelichting", max_length=NOTE_MAX_LENGTH,
        description=f"Eén korte regel uitleg bij de status (hoogstens {NOTE_MAX_LENGTH} tekens).",
    )

    @field_validator("note")
    @classmethod
    def _one_line(cls, note: str | None) -> str | None:
        if note is not None and "\n" in note:
            raise PydanticCustomError("multiline", messages.NOTE_MULTILINE)
        return note

    @model_validator(mode="after")
    def _date_belongs_to_status(self):
        if self.status is None and (self.date is not None or self.note is not None):
            raise PydanticCustomError("status_missing", messages.STATUS_MISSING)
        if self.status is not None and self.date is None:
            raise PydanticCustomError("date_missing", messages.DATE_MISSING)
        return self

    def __str__(self) -> str:
        # Templates and texts that only need the words get exactly the programme's text.
        return self.text


def _plain_text(value: Any) -> Any:
    """A plain line of text is an item without progress."""
    return value if isinstance(value, (dict, BaseModel)) else {"tekst": value}


# An activity or a result: plain text, or a block with progress. Editors are offered
# both forms; the program always gets a ProgressItem.
Item = Annotated[
    ProgressItem,
    BeforeValidator(_plain_text, json_schema_input_type=Union[Text, ProgressItem]),
]
