"""Texts about the programme as a whole (data/programma.yaml)."""

from pydantic import ConfigDict, Field, create_model

from macros.data.models.common import Record, Text, Title
from macros.data.models.contact import Contact
from macros.data.sections import SECTIONS


class Passage(Record):
    heading: Title = Field(alias="kop", description="Kop boven deze tekst.")
    paragraphs: list[Text] = Field(alias="alineas", min_length=1, description="Alinea's tekst.")


# One explanation per section of an opgave, built from the section registry so the
# two can never disagree. A section added after adoption is optional here, so that older
# data stays readable; today's data must have it (macros/data/additions.py).
SectionDescriptions = create_model(
    "SectionDescriptions",
    __base__=Record,
    **{
        section.field: (Text | None, Field(None, alias=section.key, description=f"Uitleg bij '{section.heading}'."))
        if section.added else
        (Text, Field(alias=section.key, description=f"Uitleg bij '{section.heading}'."))
        for section in SECTIONS
    },
)


class Aspects(Record):
    heading: Title = Field(alias="kop", description="Kop boven de uitleg bij de zeven onderdelen van een opgave.")
    descriptions: SectionDescriptions = Field(  # type: ignore[valid-type]
        alias="beschrijvingen", description="Per onderdeel van een opgave: de uitleg die boven dat onderdeel staat.",
    )

    def of(self, section) -> str:
        return getattr(self.descriptions, section.field)


def _contact_is_required_for_editors(schema: dict) -> None:
    schema.setdefault("required", []).append("contact")


class ProgrammeFile(Record):
    # Editors are told the contact block belongs in data/programma.yaml (see `contact`).
    model_config = ConfigDict(**Record.model_config, json_schema_extra=_contact_is_required_for_editors)

    title: Title = Field(alias="titel", description="De titel van het programma, zoals op de voorkant.")
    # Optional: the programme as adopted (bron/vastgesteld/) has none. Without it the site
    # is named after the title (macros/view/site.py, Site.name).
    name: Title | None = Field(
        None, alias="naam",
        description="De naam van de site zonder looptijd, zoals 'Economische Koers Drenthe'. De site heet "
                    "'<naam> <periode>'; de naam van de PDF volgt daaruit.",
    )
    period: Text = Field(alias="periode", description="De looptijd, zoals '2024-2025'.")
    # Optional: the programme as adopted (bron/vastgesteld/) did not name it in the data.
    province: Text | None = Field(
        None, alias="provincie",
        description="Wie het programma uitvoert, zoals bovenaan de home page: 'Provincie Drenthe'.",
    )
    introduction: Passage = Field(alias="opzet", description="Opzet van het programma: kop en alinea's.")
    aspects: Aspects = Field(alias="aspecten", description="Uitleg bij de zeven onderdelen van elke opgave.")
    cofinancing: Passage = Field(alias="cofinanciering", description="Tekst over cofinanciering: kop en alinea's.")
    closing: Passage = Field(alias="tot_slot", description="Het slot van het programma: kop en alinea's.")
    # Each field of the block is required (a detail still to come is INVULLEN). The block
    # itself may be absent only because the data as adopted (bron/vastgesteld/) and the
    # commits before it was added have none, and the change history and the tests load
    # those with these models: absent means "not supplied yet", exactly like INVULLEN in
    # every field, and the build warns about each (macros/data/contact.py). The editor
    # schema marks the block as required.
    # Typed as Contact, not Contact | None: with a union pydantic would report a mistake in
    # the block once per member ("contact › Contact › e_mail" and "contact › none"). The
    # default None is not validated, so an absent block is None.
    contact: Contact = Field(  # type: ignore[assignment]
        None, alias="contact", json_schema_extra=lambda schema: schema.pop("default", None),
        description="Contactgegevens die de provincie levert, voor de pagina Toegankelijkheid en "
                    "/.well-known/security.txt. Nog niet bekend: INVULLEN.",
    )
