"""The opgaven of the programme (data/opgaven.yaml)."""

from collections.abc import Iterator

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import ItemText, Record, SearchWords, Slug, Text, Title, search_words, text_list
from macros.data.models.progress import Item
from macros.data.models.references import PartnerEntry, ProgrammeEntry
from macros.data.sections import SECTIONS, Section


class ActivityGroup(Record):
    heading: Title | None = Field(
        None, alias="kop",
        description="Kopje boven deze groep activiteiten (mag weg als er maar één groep is).",
    )
    items: list[Item] = text_list(
        "De activiteiten in deze groep: elk als één regel tekst, of als blok met tekst, status, datum en toelichting."
    )


class Opgave(Record):
    id: Slug = Field(description="Vaste sleutel waarmee andere bestanden naar deze opgave verwijzen. Verander hem niet.")
    slug: Slug = Field(description="Het laatste deel van het webadres: /opgaven/<slug>/.")
    previous_slugs: list[Slug] = Field(
        default_factory=list, alias="oude_slugs",
        description="Eerdere slugs van deze opgave; oude links sturen door naar het nieuwe adres.",
    )
    title: Title = Field(alias="titel", description="De titel van de opgave, zoals in het programma.")
    need: list[Text] = Field(alias="nut_en_noodzaak", min_length=1, description="Nut & noodzaak: alinea's tekst.")
    context: list[ProgrammeEntry] = text_list(
        "Context: beleid en programma's van andere overheden en organisaties. Elke regel is de naam van een "
        "programma of fonds uit data/programmas.yaml, of een blok met 'tekst' en 'programmas' en/of 'fondsen'."
    )
    related: list[ProgrammeEntry] = Field(
        alias="gerelateerde_projecten_en_programmas", min_length=1,
        description="Gerelateerde provinciale projecten en programma's. Elke regel is de naam van een programma "
                    "of fonds uit data/programmas.yaml, of een blok met 'tekst' en 'programmas' en/of 'fondsen'.",
    )
    activities: list[ActivityGroup] = Field(
        alias="activiteiten", min_length=1, description="Activiteiten, in groepen met een kopje.",
    )
    results: list[Item] = Field(
        alias="resultaten", min_length=1,
        description="Resultaten: wat we willen bereiken. Elk als één regel tekst, of als blok met tekst, status, datum en toelichting.",
    )
    partners: list[PartnerEntry] = Field(
        min_length=1,
        description="De belangrijkste samenwerkingspartners. Elke regel is de naam van een organisatie uit "
                    "data/organisaties.yaml, of een blok met 'tekst' en 'organisaties' (id's).",
    )
    target_groups: list[ItemText] = Field(alias="doelgroep", min_length=1, description="De doelgroep van deze opgave.")
    search_words: SearchWords = search_words("deze opgave")

    def texts(self) -> Iterator[tuple[Section | None, str]]:
        """Every text of the opgave a reader sees, in page order, with its section: the
        title first (section None), then each section's paragraphs, activity headings and
        items. The one list of them: the indexes find names in these texts, the difference
        engine finds the terms a page shows in them, the tests compare them with the source."""
        yield None, self.title
        for section in SECTIONS:
            for value in getattr(self, section.field):
                if section.key == "activiteiten":
                    if value.heading:
                        yield section, value.heading
                    yield from ((section, item.text) for item in value.items)
                else:
                    yield section, value if isinstance(value, str) else value.text

    @field_validator("activities")
    @classmethod
    def _headings_when_grouped(cls, activities: list[ActivityGroup]) -> list[ActivityGroup]:
        missing = [number for number, group in enumerate(activities, 1) if group.heading is None]
        if len(activities) > 1 and missing:
            raise PydanticCustomError(
                "heading_missing",
                messages.HEADING_MISSING,
                {"groups": ", ".join(map(str, missing))},
            )
        return activities


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
                            messages.DUPLICATE,
                            {"label": label, "value": value},
                        )
                    seen.add(value)
        return opgaven
