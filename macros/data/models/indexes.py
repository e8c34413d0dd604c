"""What the registers that opgaven refer to have in common (data/organisaties.yaml,
data/programmas.yaml).

Every entry has a fixed id (its anchor on the index page), a name, an optional
abbreviation and other names it goes by in the programme. An opgave item written as
plain text must be exactly one of those names.
"""

from functools import cached_property

from pydantic import Field
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import Record, SearchWords, Slug, Text, Title, search_words


class Entry(Record):
    id: Slug = Field(description="Vaste sleutel en anker op de overzichtspagina. Verander hem niet.")
    name: Title = Field(alias="naam", description="De naam, zoals de site hem toont.")
    abbreviation: Text | None = Field(None, alias="afkorting", description="De afkorting, als die er is.")
    description: Text | None = Field(
        None, alias="omschrijving", description="Korte uitleg in één zin. Alleen wat in het programma staat.",
    )
    aliases: list[Text] = Field(
        default_factory=list, alias="ook_genoemd_als",
        description="Andere namen waaronder het programma of de begroting dit noemt, precies zoals daar geschreven.",
    )
    search_words: SearchWords = search_words("deze organisatie, dit programma of dit fonds")

    @cached_property  # asked for every item of every opgave while the indexes are built
    def names(self) -> list[str]:
        """Every way the programme may write this entry, the longest first."""
        found = [self.name, *self.aliases]
        if self.abbreviation:
            found += [self.abbreviation, f"{self.name} ({self.abbreviation})"]
        return sorted(dict.fromkeys(found), key=len, reverse=True)

    @property
    def label(self) -> str:
        return f"{self.name} ({self.abbreviation})" if self.abbreviation else self.name


def check_unique(entries: list[Entry], plural: str, singular: str) -> None:
    """Ids and names may occur once: a name that fits two entries cannot be resolved."""
    ids: set[str] = set()
    names: dict[str, str] = {}
    for entry in entries:
        if entry.id in ids:
            raise PydanticCustomError(
                "duplicate", messages.DUPLICATE_ID, {"id": entry.id},
            )
        ids.add(entry.id)
        for name in entry.names:
            if names.setdefault(name, entry.id) != entry.id:
                raise PydanticCustomError(
                    "duplicate_name",
                    messages.DUPLICATE_NAME,
                    {"name": name, "plural": plural, "singular": singular, "first": names[name], "second": entry.id},
                )
