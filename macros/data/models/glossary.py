"""The glossary: abbreviations and their meaning (data/begrippen.yaml)."""

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import Record, SearchWords, Text, search_words


class Term(Record):
    term: Text = Field(alias="afkorting", description="De afkorting, precies zoals ze in de tekst staat.")
    variants: list[Text] = Field(
        default_factory=list, alias="ook_geschreven_als",
        description="Andere schrijfwijzen van dezelfde afkorting, zoals 'MKB' naast 'mkb'.",
    )
    meaning: Text = Field(alias="betekenis", description="Waar de afkorting voor staat. Verschijnt als tooltip.")
    explanation: Text | None = Field(None, alias="uitleg", description="Extra uitleg in gewone woorden.")
    origin: Literal["programma", "toelichting"] = Field(
        alias="herkomst",
        description="'programma': de betekenis staat zo in het programma of de begroting; "
                    "'toelichting': toegevoegd door de redactie van deze site.",
    )
    search_words: SearchWords = search_words("deze afkorting")

    @property
    def spellings(self) -> list[str]:
        return [self.term, *self.variants]


class GlossaryFile(Record):
    terms: list[Term] = Field(alias="begrippen", min_length=1, description="Alle afkortingen op de site.")

    @field_validator("terms")
    @classmethod
    def _unique(cls, terms: list[Term]) -> list[Term]:
        seen: set[str] = set()
        for term in terms:
            for spelling in term.spellings:
                if spelling in seen:
                    raise PydanticCustomError(
                        "duplicate",
                        messages.DUPLICATE_ABBREVIATION,
                        {"term": spelling},
                    )
                seen.add(spelling)
        return terms
