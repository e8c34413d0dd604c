"""Validate a loaded document against its model, turning pydantic errors into Dutch."""

import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .loader import Document
from .problems import DataError, Problem

Model = TypeVar("Model", bound=BaseModel)

# How a record in a list is called, by the key of that list.
RECORD_NAMES = {
    "opgaven": "opgave",
    "jaren": "jaar",
    "groepen": "groep",
    "regels": "begrotingsregel",
    "organisaties": "organisatie",
    "begrippen": "begrip",
    "programmas": "programma",
    "fondsen": "fonds",
}


def validate(document: Document, model: type[Model]) -> Model:
    try:
        return model.model_validate(document.data)
    except ValidationError as error:
        raise DataError([_problem(document, model, item) for item in error.errors()]) from None


def _problem(document: Document, model: type[BaseModel], error: dict) -> Problem:
    loc = tuple(error["loc"])
    record, field_path = _record_and_field(document.data, loc)
    return Problem(
        file=document.name,
        line=document.line_of(loc),
        record=record,
        field=field_path or None,
        message=_message(error, model, document.data, loc),
    )


def _record_and_field(data: Any, loc: tuple) -> tuple[str | None, str]:
    """Split a location into the deepest named record and the field path below it."""
    record, start = None, 0
    node = data
    for position, part in enumerate(loc):
        parent_key = loc[position - 1] if position else None
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if isinstance(part, int) and isinstance(node, dict) and parent_key in RECORD_NAMES:
            name = RECORD_NAMES[parent_key]
            key = node.get("id") or node.get("jaar") or node.get("naam")
            record = f"{name} '{key}'" if isinstance(key, (str, int)) else f"{name} nr. {part + 1}"
            start = position + 1
    field_parts = [f"nr. {part + 1}" if isinstance(part, int) else str(part) for part in loc[start:]]
    return record, " › ".join(field_parts)


def _message(error: dict, model: type[BaseModel], data: Any, loc: tuple) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return "dit veld ontbreekt. Verwacht: dit veld is verplicht."
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" Bedoel je '{guess[0]}'?" if guess else ""
        return f"dit veld bestaat niet.{hint} Verwacht een van: {', '.join(known)}."
    if kind == "list_type":
        return f"verwacht een lijst (regels die beginnen met '- '), maar er staat {_describe(given)}."
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"verwacht een blok met velden (sleutel: waarde), maar er staat {_describe(given)}."
    if kind == "string_type":
        return f"verwacht tekst, maar er staat {_describe(given)}. Zet de tekst eventueel tussen aanhalingstekens."
    if kind in {"too_short", "string_too_short"}:
        if isinstance(given, list):
            return "deze lijst is leeg. Verwacht: minstens één regel."
        return "dit veld is leeg. Verwacht: tekst."
    if kind == "string_too_long":
        return f"deze tekst is te lang. Verwacht: hoogstens {context.get('max_length')} tekens."
    if kind == "string_pattern_mismatch":
        return (f"'{given}' is geen geldige slug. Verwacht: kleine letters (a-z), cijfers en "
                "streepjes, zonder spaties, zoals 'economische-kracht'.")
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return (f"verwacht een heel bedrag in euro's (alleen cijfers, zonder punt, komma of €), "
                f"maar er staat {_describe(given)}.")
    if kind in {"greater_than_equal", "greater_than"}:
        return f"dit getal mag niet negatief zijn, maar er staat {given}."
    if kind in {"bool_type", "bool_parsing"}:
        return f"verwacht ja of nee (true/false), maar er staat {_describe(given)}."
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return f"verwacht een datum als JJJJ-MM-DD, maar er staat {_describe(given)}."
    if kind in {"literal_error", "enum"}:
        return f"verwacht een van: {context.get('expected')}, maar er staat {_describe(given)}."
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    # Our own validators raise PydanticCustomError with a Dutch message.
    return error["msg"] + "."


def _describe(value: Any) -> str:
    if value is None:
        return "niets"
    if isinstance(value, bool):
        return "ja/nee"
    if isinstance(value, str):
        return f"de tekst '{value[:60]}'"
    if isinstance(value, (int, float)):
        return f"het getal {value}"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een blok met velden"
    return repr(value)


def _known_keys(model: type[BaseModel], loc: tuple) -> list[str]:
    """The YAML keys allowed at `loc`, found by walking the model's fields."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = _field_by_alias(current, part)
        if field is None:
            return []
        current = _inner_model(field.annotation)
        if current is None:
            return []
    return [field.alias or name for name, field in current.model_fields.items()]


def _field_by_alias(model: type[BaseModel], key: str):
    for name, field in model.model_fields.items():
        if (field.alias or name) == key:
            return field
    return None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
