"""Building blocks shared by all data models."""

import re
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from macros.data import messages

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Record(BaseModel):
    """A record typed by staff: unknown keys are mistakes, never silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, strict=False, defer_build=True)


# Stated limits, so a slip (a paragraph pasted into a title) is refused with its length.
# Far above the programme's own texts (titles up to 80 characters, paragraphs up to 650),
# and what the pages are tested with (tests/test_generated_states.py writes texts this long).
TITLE_MAX_LENGTH = 120  # a title or name: at most about six lines as a heading on a phone
ITEM_MAX_LENGTH = 600  # one activity, result or line of text in a list
TEXT_MAX_LENGTH = 2000  # a paragraph

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX_LENGTH),
    Field(description=f"Tekst, niet leeg, hoogstens {TEXT_MAX_LENGTH} tekens."),
]

Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX_LENGTH),
    Field(description=f"Een titel of naam, niet leeg, hoogstens {TITLE_MAX_LENGTH} tekens."),
]

ItemText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=ITEM_MAX_LENGTH),
    Field(description=f"Tekst, niet leeg, hoogstens {ITEM_MAX_LENGTH} tekens."),
]

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=60),
    Field(description="Kleine letters, cijfers en streepjes, zoals 'economische-kracht'."),
]


def text_list(description: str):
    """A required, non-empty list of texts."""
    return Field(min_length=1, description=description)


_SEARCH_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ'’ -]{2,40}")


def _search_word(word: str) -> str:
    if not _SEARCH_WORD.fullmatch(word):
        raise PydanticCustomError("search_word", messages.SEARCH_WORD, {"given": word})
    return word


def _once_each(words: list[str]) -> list[str]:
    seen: set[str] = set()
    for word in words:
        if word.casefold() in seen:
            raise PydanticCustomError("search_word_twice", messages.SEARCH_WORD_TWICE, {"given": word})
        seen.add(word.casefold())
    return words


SearchWord = Annotated[Text, AfterValidator(_search_word)]


def search_words(what: str):
    """`zoekwoorden`: words a reader may type for a record, also when its text never uses them.
    The site's search finds the record by them, first (macros/outputs/search_entries.py)."""
    return Field(
        default_factory=list, alias="zoekwoorden",
        description=f"Woorden die lezers intypen als ze {what} zoeken, ook als die woorden niet in de tekst staan "
                    "(zoals 'banen' bij werkgelegenheid). Zoeken op de site vindt dan {what} bovenaan. "
                    "Alleen letters, cijfers, spaties, streepjes en apostroffen; elk woord één keer.",
    )


SearchWords = Annotated[list[SearchWord], AfterValidator(_once_each)]
