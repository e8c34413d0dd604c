"""The opgaven of the programme (data/opgaven.yaml)."""

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from .common import Record, Slug, Text, text_list


class ActivityGroup(Record):
    heading: Text | None = Field(
        None, alias="kop",
        description="Kopje boven deze groep activiteiten (mag weg als er maar één groep is).",
    )
    items: list[Text] = text_list("De activiteiten in deze groep, elk als één regel tekst.")


class Opgave(Record):
    id: Slug = Field(description="Vaste sleutel waarmee andere bestanden naar deze opgave verwijzen. Verander hem niet.")
    slug: Slug = Field(description="Het laatste deel van het webadres: /opgaven/<slug>/.")
    previous_slugs: list[Slug] = Field(
        default_factory=list, alias="oude_slugs",
        description="Eerdere slugs van deze opgave; oude links sturen door naar het nieuwe adres.",
    )
    title: Text = Field(alias="titel", description="De titel van de opgave, zoals in het programma.")
    need: list[Text] = Field(alias="nut_en_noodzaak", min_length=1, description="Nut & noodzaak: alinea's tekst.")
    context: list[Text] = text_list("Context: beleid en programma's van andere overheden en organisaties.")
    related: list[Text] = Field(
        alias="gerelateerde_projecten_en_programmas", min_length=1,
        description="Gerelateerde provinciale projecten en programma's.",
    )
    activities: list[ActivityGroup] = Field(
        alias="activiteiten", min_length=1, description="Activiteiten, in groepen met een kopje.",
    )
    results: list[Text] = Field(alias="resultaten", min_length=1, description="Resultaten: wat we willen bereiken.")
    partners: list[Text] = Field(min_length=1, description="De belangrijkste samenwerkingspartners.")
    target_groups: list[Text] = Field(alias="doelgroep", min_length=1, description="De doelgroep van deze opgave.")

    @model_validator(mode="after")
    def _headings_when_grouped(self):
        if len(self.activities) > 1 and any(group.heading is None for group in self.activities):
            raise PydanticCustomError(
                "heading_missing",
                "als er meer dan één groep activiteiten is, heeft elke groep een 'kop' nodig",
            )
        return self


class OpgavenFile(Record):
    opgaven: list[Opgave] = Field(min_length=1, description="De opgaven, in de volgorde van het programma.")

    @field_validator("opgaven")
    @classmethod
    def _unique(cls, opgaven: list[Opgave]) -> list[Opgave]:
        for attribute, label in (("id", "id"), ("slug", "slug")):
            seen: set[str] = set()
            for opgave in opgaven:
                values = [getattr(opgave, attribute)]
                if attribute == "slug":
                    values += opgave.previous_slugs
                for value in values:
                    if value in seen:
                        raise PydanticCustomError(
                            "duplicate",
                            "de {label} '{value}' komt vaker voor. Verwacht: elke {label} maar één keer",
                            {"label": label, "value": value},
                        )
                    seen.add(value)
        return opgaven
