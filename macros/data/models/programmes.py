"""Programmes, policies and funds the opgaven name (data/programmas.yaml)."""

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from .common import Record
from .registers import Entry, check_unique


class Programme(Entry):
    kind: Literal["provinciaal", "extern"] = Field(
        alias="soort",
        description="'provinciaal': een project of programma van de provincie; "
                    "'extern': beleid of een programma van een andere overheid of organisatie.",
    )


class Fund(Entry):
    pass


# Anchors of the group headings on the programmes page; an entry id may not take them.
GROUP_ANCHORS = ("provinciaal", "extern", "fondsen")


class ProgrammesFile(Record):
    programmes: list[Programme] = Field(
        alias="programmas", min_length=1, description="Programma's en beleid die de opgaven noemen.",
    )
    funds: list[Fund] = Field(
        alias="fondsen", min_length=1, description="Fondsen en regelingen waaruit geld komt.",
    )

    @model_validator(mode="after")
    def _unique(self):
        # One page shows both lists and a context item may name either, so ids and
        # names must be unique across the two.
        check_unique([*self.programmes, *self.funds], "programma's of fondsen", "programma of fonds")
        for entry in [*self.programmes, *self.funds]:
            if entry.id in GROUP_ANCHORS:
                raise PydanticCustomError(
                    "reserved_id",
                    "de id '{id}' is al het anker van een kop op de pagina. Verwacht: een andere id",
                    {"id": entry.id},
                )
        return self
