"""Programmes, policies and funds the opgaven name (data/programmas.yaml)."""

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import Record
from macros.data.models.indexes import Entry, check_unique


class Programme(Entry):
    kind: Literal["provinciaal", "extern", "project"] = Field(
        alias="soort",
        description="'provinciaal': een project of programma van de provincie; "
                    "'extern': beleid of een programma van een andere overheid of organisatie; "
                    "'project': een project, netwerk of samenwerkingsverband dat een opgave of de begroting noemt.",
    )


class Fund(Entry):
    pass


# Anchors of the group headings on the programmes page; an entry id may not take them.
GROUP_ANCHORS = ("provinciaal", "extern", "projecten", "fondsen")


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
                    messages.RESERVED_ID,
                    {"id": entry.id},
                )
        return self
