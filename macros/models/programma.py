"""Texts about the programme as a whole (data/programma.yaml)."""

from pydantic import Field, create_model

from ..sections import SECTIONS
from .common import Record, Text


class Passage(Record):
    heading: Text = Field(alias="kop", description="Kop boven deze tekst.")
    paragraphs: list[Text] = Field(alias="alineas", min_length=1, description="Alinea's tekst.")


# One explanation per section of an opgave, built from the section registry so the
# two can never disagree.
SectionDescriptions = create_model(
    "SectionDescriptions",
    __base__=Record,
    **{
        section.field: (Text, Field(alias=section.key, description=f"Uitleg bij '{section.heading}'."))
        for section in SECTIONS
    },
)


class Aspects(Record):
    heading: Text = Field(alias="kop")
    descriptions: SectionDescriptions = Field(alias="beschrijvingen")  # type: ignore[valid-type]

    def of(self, section) -> str:
        return getattr(self.descriptions, section.field)


class ProgrammeFile(Record):
    title: Text = Field(alias="titel")
    period: Text = Field(alias="periode", description="De looptijd, zoals '2024-2025'.")
    introduction: Passage = Field(alias="opzet")
    aspects: Aspects = Field(alias="aspecten")
    cofinancing: Passage = Field(alias="cofinanciering")
    closing: Passage = Field(alias="tot_slot")
