"""The partner registry (data/organisaties.yaml)."""

from pydantic import Field, field_validator

from macros.data.models.common import Record
from macros.data.models.indexes import Entry, check_unique


class Organisation(Entry):
    pass


class OrganisationsFile(Record):
    organisations: list[Organisation] = Field(
        alias="organisaties", min_length=1, description="De partners die de opgaven noemen.",
    )

    @field_validator("organisations")
    @classmethod
    def _unique(cls, organisations: list[Organisation]) -> list[Organisation]:
        check_unique(organisations, "organisaties", "organisatie")
        return organisations
