"""The budgets of the programme per year (data/budgetten.yaml).

Only line items are typed by staff; subtotals and totals are computed (macros/view/budget.py),
so they can never disagree with the lines. A year may state the total it was adopted
with: that is checked against the sum here, so a typing error stops the build.
"""

from typing import Annotated, Any

from annotated_types import Ge
from pydantic import BeforeValidator, Field, Strict, ValidationInfo, WithJsonSchema, field_validator, model_validator
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import Record, SearchWords, Slug, Text, Title, search_words
from macros.data.models.programme import Passage
from macros.formatting import euro

# What staff type where the programme shows "-": no budget, which is not € 0.
NO_BUDGET_WORD = "geen"

WholeEuros = Annotated[int, Strict(), Ge(0)]


def _amount(value: Any) -> Any:
    """Turn the word 'geen' into None; leave numbers to the strict integer check."""
    if value == NO_BUDGET_WORD:
        return None
    if value is None:
        raise PydanticCustomError("amount_empty", messages.AMOUNT_EMPTY)
    if isinstance(value, float):
        # YAML reads 12.000 as the number 12.0: say what went wrong instead of "12.0".
        raise PydanticCustomError("amount_decimal", messages.AMOUNT_DECIMAL)
    if isinstance(value, str):
        raise PydanticCustomError("amount_text", messages.AMOUNT_TEXT, {"text": value[:60]})
    return value


Amount = Annotated[
    WholeEuros | None,
    BeforeValidator(_amount),
    WithJsonSchema({
        "anyOf": [{"type": "integer", "minimum": 0}, {"const": NO_BUDGET_WORD}],
        "description": "Een heel bedrag in euro's (alleen cijfers), of 'geen' als er geen budget is.",
    }),
]


class BudgetLine(Record):
    id: Slug = Field(description=(
        "Vaste sleutel van deze regel. Dezelfde regel heeft in elk jaar dezelfde id; "
        "zo kan de site de jaren vergelijken. Verander hem niet."
    ))
    name: Title = Field(alias="naam", description="De naam van de regel, precies zoals in het programma.")
    amount: Amount = Field(alias="bedrag")


class BudgetGroup(Record):
    title: Title | None = Field(None, alias="titel", description="Titel van de groep (als de groep geen opgave is).")
    opgave: Slug | None = Field(
        None, description="De id van de opgave uit data/opgaven.yaml (als de groep een opgave is).",
    )
    lines: list[BudgetLine] = Field(alias="regels", min_length=1, description="De regels met een bedrag.")

    @model_validator(mode="after")
    def _title_or_opgave(self):
        if (self.title is None) == (self.opgave is None):
            both = self.title is not None
            raise PydanticCustomError(
                "group_kind",
                messages.GROUP_KIND,
                {"found": messages.GROUP_HAS_BOTH if both else messages.GROUP_HAS_NEITHER,
                 "fix": messages.REMOVE_ONE if both else messages.ADD_ONE},
            )
        return self


class BudgetYear(Record):
    year: Annotated[int, Strict()] = Field(alias="jaar", ge=2000, le=2100, description="Het jaar, zoals 2025.")
    caption: Title = Field(alias="bijschrift", description="Het bijschrift van de tabel, zoals in het programma.")
    groups: list[BudgetGroup] = Field(alias="groepen", min_length=1, description="De groepen, in programmavolgorde.")
    layout_note: Text | None = Field(None, alias="over_de_indeling", description=(
        "De zin uit de inleiding waarin het programma zegt hoe de begroting van dit jaar is ingedeeld. "
        "De vergelijking met het jaar ervoor citeert hem, woord voor woord."
    ))
    # Defined after `groups`: pydantic validates fields in this order, so the check below
    # sees the validated groups.
    adopted_total: WholeEuros | None = Field(
        None, alias="vastgesteld_totaal",
        description="Het totaal zoals het in het programma staat; de site controleert de som van de regels.",
    )

    @field_validator("groups")
    @classmethod
    def _consistent(cls, groups: list[BudgetGroup]) -> list[BudgetGroup]:
        if len({group.opgave is None for group in groups}) > 1:
            raise PydanticCustomError("mixed_groups", messages.MIXED_GROUPS)
        seen_lines: set[str] = set()
        seen_opgaven: set[str] = set()
        for group in groups:
            if group.opgave is not None:
                if group.opgave in seen_opgaven:
                    raise PydanticCustomError(
                        "duplicate_opgave",
                        messages.DUPLICATE_OPGAVE_GROUP,
                        {"opgave": group.opgave},
                    )
                seen_opgaven.add(group.opgave)
            for line in group.lines:
                if line.id in seen_lines:
                    raise PydanticCustomError(
                        "duplicate_line",
                        messages.DUPLICATE_LINE,
                        {"id": line.id},
                    )
                seen_lines.add(line.id)
        return groups

    @field_validator("adopted_total")
    @classmethod
    def _matches_lines(cls, adopted_total: int | None, info: ValidationInfo) -> int | None:
        groups = info.data.get("groups")
        if adopted_total is None or groups is None:
            return adopted_total
        computed = sum(line.amount or 0 for group in groups for line in group.lines)
        if computed != adopted_total:
            difference = abs(computed - adopted_total)
            raise PydanticCustomError(
                "total_mismatch",
                messages.TOTAL_MISMATCH,
                {
                    "year": info.data.get("year", messages.THIS_YEAR),
                    "computed": euro(computed),
                    "adopted": euro(adopted_total),
                    "difference": euro(difference),
                },
            )
        return adopted_total


class BudgetFile(Record):
    introduction: Passage = Field(alias="inleiding", description="Kop en inleiding boven de budgetten.")
    years: list[BudgetYear] = Field(alias="jaren", min_length=1, description="De jaren, van oud naar nieuw.")
    search_words: SearchWords = search_words("de begroting")

    @field_validator("years")
    @classmethod
    def _ordered(cls, years: list[BudgetYear]) -> list[BudgetYear]:
        numbers = [year.year for year in years]
        if numbers != sorted(set(numbers)):
            raise PydanticCustomError(
                "years_order",
                messages.YEARS_ORDER,
                {"years": ", ".join(str(number) for number in numbers)},
            )
        return years

    @field_validator("years")
    @classmethod
    def _layout_notes_are_quotes(cls, years: list[BudgetYear], info: ValidationInfo) -> list[BudgetYear]:
        """The comparison quotes the programme: a note on the layout is a sentence of the introduction."""
        introduction = info.data.get("introduction")
        if introduction is None:
            return years
        text = _plain(" ".join(introduction.paragraphs))
        for year in years:
            if year.layout_note is not None and _plain(year.layout_note) not in text:
                raise PydanticCustomError(
                    "layout_note_not_quoted",
                    messages.LAYOUT_NOTE_NOT_QUOTED,
                    {"year": year.year, "note": year.layout_note[:80]},
                )
        return years


def _plain(text: str) -> str:
    return " ".join(text.split())
