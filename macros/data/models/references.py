"""List items of an opgave that point to index entries (partners, programmes, funds).

The visible wording of the programme stays exactly as typed. Staff write an item either
as plain text, which must then be exactly a name in the registry, or as a block with the
text and the ids it points to, for a line that names several entries or names one in
other words ("Provincies Groningen, Fryslân en Overijssel").
"""

from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import ItemText, Record, Slug, Text

Ids = Annotated[list[Slug], Field(min_length=1)]


class ReferringItem(Record):
    text: ItemText = Field(alias="tekst", description="De tekst zoals in het programma.")

    def __str__(self) -> str:
        return self.text


class PartnerItem(ReferringItem):
    organisations: Ids | None = Field(
        None, alias="organisaties",
        description="De id's uit data/organisaties.yaml waar deze regel over gaat. Laat weg als de "
                    "tekst precies de naam van één organisatie is.",
    )

    @property
    def ids(self) -> dict[str, list[str] | None]:
        return {"organisaties": self.organisations}


class ProgrammeItem(ReferringItem):
    programmes: list[Slug] | None = Field(
        None, alias="programmas",
        description="De id's uit data/programmas.yaml (lijst 'programmas') waar deze regel over gaat. "
                    "Een lege lijst [] betekent: deze regel hoort bij geen enkel programma.",
    )
    funds: list[Slug] | None = Field(
        None, alias="fondsen",
        description="De id's uit data/programmas.yaml (lijst 'fondsen') waar deze regel over gaat.",
    )

    @property
    def ids(self) -> dict[str, list[str] | None]:
        return {"programmas": self.programmes, "fondsen": self.funds}


def _text_or_block(key: str):
    def convert(value: Any) -> Any:
        if isinstance(value, str):
            return {"tekst": value}
        if isinstance(value, dict):
            return value
        raise PydanticCustomError(
            "text_or_block",
            messages.TEXT_OR_BLOCK,
            {"key": key, "given": messages.NOTHING if value is None else f"'{value}'"},
        )

    return convert


# A plain string in YAML is read as {tekst: ...}; editors are told both forms are fine.
PartnerEntry = Annotated[
    PartnerItem, BeforeValidator(_text_or_block("organisaties"), json_schema_input_type=str | PartnerItem),
]
ProgrammeEntry = Annotated[
    ProgrammeItem, BeforeValidator(_text_or_block("programmas"), json_schema_input_type=str | ProgrammeItem),
]
