"""Validate a loaded document against its model, turning pydantic errors into Dutch."""

import datetime
import difflib
from typing import Any, Iterator, TypeVar

from pydantic import BaseModel, ValidationError

from macros.data import messages
from macros.data.budget_changes import amounts_changed_since_commit
from macros.data.loader import Document
from macros.data.problems import DataError, Problem, locate, value_at

__all__ = ["UNIQUE_KEYS", "validate"]

Model = TypeVar("Model", bound=BaseModel)

# Per list of records: groups of keys whose values must be unique across the list (keys
# in one group share their values, e.g. a slug may not reappear as an old slug).
# Checked on the raw data, because pydantic skips a list's own validator as soon as one
# of its records has a problem, and staff should see every problem at once.
UNIQUE_KEYS: dict[str, tuple[tuple[str, ...], ...]] = {
    "opgaven": (("id",), ("slug", "oude_slugs")),
    "organisaties": (("id",),),
    "programmas": (("id",),),
    "fondsen": (("id",),),
    "begrippen": (("afkorting", "ook_geschreven_als"),),
}

# Models signal a duplicate with this error type; when the raw check above found the
# same value, its report (with the line of each record) replaces the model's.
_DUPLICATE = "duplicate"


def validate(document: Document, model: type[Model]) -> Model:
    problems: list[Problem] = []
    duplicated: set = set()
    for value, problem in _duplicates(document):
        duplicated.add(value)
        problems.append(problem)
    try:
        result = model.model_validate(document.data)
    except ValidationError as error:
        errors = [
            item for item in error.errors()
            if not (item["type"] == _DUPLICATE and duplicated & set((item.get("ctx") or {}).values()))
        ]
        colon_texts = _colon_texts(document, model, errors)
        problems += [_colon_problem(document, loc) for loc in colon_texts]
        problems += [
            _problem(document, model, item) for item in errors
            if _item_loc(item, model) not in colon_texts
        ]
    if problems:
        raise DataError(sorted(problems, key=lambda problem: problem.line or 0))
    return result


def _problem(document: Document, model: type[BaseModel], error: dict) -> Problem:
    loc = tuple(error["loc"])
    record, field_path = locate(document.data, loc)
    return Problem(
        file=document.name,
        line=document.line_of(loc),
        record=record,
        field=field_path or None,
        message=_message(error, model, document, loc),
    )


# What pydantic says about "- Doel: meer banen" where a text belongs: YAML read the text
# as a block with the field "Doel". Told as one problem, not as a missing and an unknown field.
_COLON_TEXT_ERRORS = {"string_type", "missing", "extra_forbidden"}
_SCALARS = (str, int, float, bool, datetime.date)


def _item_loc(error: dict, model: type[BaseModel]) -> tuple | None:
    """The list item a text-or-block error is about, or None for other errors."""
    loc = tuple(error["loc"])
    if error["type"] == "string_type" and isinstance(error.get("input"), dict):
        return loc  # a plain text was expected here
    if error["type"] in {"missing", "extra_forbidden"} and len(loc) > 1 and isinstance(loc[-2], int):
        # a list item that may be a plain text or a block with a 'tekst' (activities, partners, ...)
        return loc[:-1] if "tekst" in _known_keys(model, loc[:-1]) else None
    return None


def _colon_texts(document: Document, model: type[BaseModel], errors: list[dict]) -> list[tuple]:
    """List items where a text with ': ' in it became a one-field block."""
    found = []
    for error in errors:
        loc = _item_loc(error, model)
        if loc is None or loc in found or error["type"] not in _COLON_TEXT_ERRORS:
            continue
        value = value_at(document.data, loc)
        if not (isinstance(value, dict) and len(value) == 1):
            continue
        (key, text), = value.items()
        known = _known_keys(model, loc)
        if (isinstance(key, (str, int)) and isinstance(text, _SCALARS) and key not in known
                and not difflib.get_close_matches(str(key), known, n=1)):  # a mistyped 'tekst' is a typo
            found.append(loc)
    return found


def _colon_problem(document: Document, loc: tuple) -> Problem:
    (key, text), = value_at(document.data, loc).items()
    record, field_path = locate(document.data, loc)
    typed = f"{key}: {text}"
    example = f'"{typed}"' if len(typed) <= 60 else '"..."'
    return Problem(
        file=document.name,
        line=document.line_of(loc),
        record=record,
        field=field_path or None,
        message=messages.COLON_IN_TEXT.format(typed=typed[:60], example=example),
    )


def _duplicates(document: Document) -> Iterator[tuple[Any, Problem]]:
    for path, key, records in _record_lists(document.data, ()):
        name = messages.RECORD_NAMES.get(key, messages.ANY_RECORD)
        for group in UNIQUE_KEYS[key]:
            seen: dict[Any, tuple[int, int | None]] = {}
            for position, record in enumerate(records):
                if not isinstance(record, dict):
                    continue
                for field_name, value, value_path in _values(record, group, path + (position,)):
                    line = document.line_of(value_path)
                    if value in seen:
                        first, first_line = seen[value]
                        yield value, Problem(
                            file=document.name,
                            line=line,
                            record=messages.RECORD_BY_NUMBER.format(name=name, number=position + 1),
                            field=field_name,
                            message=messages.DUPLICATE_VALUE.format(key=group[0], value=value, name=name,
                                                                    first=first + 1, first_line=first_line),
                        )
                    else:
                        seen[value] = (position, line)


def _record_lists(data: Any, path: tuple) -> Iterator[tuple[tuple, str, list]]:
    """Every list of records in the raw data that has keys to keep unique, at any depth."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in UNIQUE_KEYS and isinstance(value, list):
                yield path + (key,), key, value
            yield from _record_lists(value, path + (key,))
    elif isinstance(data, list):
        for position, value in enumerate(data):
            yield from _record_lists(value, path + (position,))


def _values(record: dict, keys: tuple[str, ...], path: tuple) -> Iterator[tuple[str, Any, tuple]]:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            for position, item in enumerate(value):
                if isinstance(item, (str, int)):
                    yield f"{key} › nr. {position + 1}", item, path + (key, position)
        elif isinstance(value, (str, int)):
            yield key, value, path + (key,)


def _message(error: dict, model: type[BaseModel], document: Document, loc: tuple) -> str:
    kind = error["type"]
    context = error.get("ctx") or {}
    given = error.get("input")
    if kind == "missing":
        return messages.MISSING
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        guess = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = messages.DID_YOU_MEAN.format(guess=guess[0]) if guess else ""
        if not known:
            return messages.UNKNOWN_FIELD_NO_FIELDS
        return messages.UNKNOWN_FIELD.format(hint=hint, known=", ".join(known))
    if kind == "list_type":
        return messages.LIST_EXPECTED.format(given=_describe(given))
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        if isinstance(given, str) and len(loc) > 1 and loc[-2] == "activiteiten":
            return messages.ACTIVITY_TOO_SHALLOW.format(text=given[:60]) + "."
        return messages.BLOCK_EXPECTED.format(given=_describe(given))
    if kind == "string_type":
        return messages.TEXT_EXPECTED.format(given=_describe(given))
    if kind in {"too_short", "string_too_short"}:
        return messages.LIST_EMPTY if isinstance(given, list) else messages.FIELD_EMPTY
    if kind == "string_too_long":
        return messages.TEXT_TOO_LONG.format(limit=context.get("max_length"), length=len(given) if isinstance(given, str) else "?")
    if kind == "string_pattern_mismatch":
        return messages.NOT_A_SLUG.format(given=given)
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return messages.AMOUNT_EXPECTED.format(given=_describe(given))
    if kind == "greater_than_equal" and context.get("ge") == 0:
        return messages.NEGATIVE.format(given=given)
    if kind == "greater_than_equal":
        return messages.TOO_SMALL.format(given=given, bound=context.get("ge"))
    if kind == "less_than_equal":
        return messages.TOO_LARGE.format(given=given, bound=context.get("le"))
    if kind == "greater_than":
        return messages.NOT_GREATER.format(given=given, bound=context.get("gt"))
    if kind == "less_than":
        return messages.NOT_SMALLER.format(given=given, bound=context.get("lt"))
    if kind in {"bool_type", "bool_parsing"}:
        return messages.YES_NO_EXPECTED.format(given=_describe(given))
    if kind in {"date_type", "date_parsing", "date_from_datetime_parsing"}:
        return messages.DATE_EXPECTED.format(given=_describe(given))
    if kind in {"literal_error", "enum"}:
        expected = str(context.get("expected", "")).replace("' or '", "' of '")  # pydantic writes English "or"
        return messages.ONE_OF.format(expected=expected, given=_describe(given))
    if kind == "value_error":
        return str(context.get("error", error["msg"]))
    if kind == "total_mismatch":
        since_commit = amounts_changed_since_commit(document, loc[:-1])
        return error["msg"] + "." + (f" {since_commit}" if since_commit else "")
    # Our own validators raise PydanticCustomError with a Dutch message.
    return error["msg"] + "."


def _describe(value: Any) -> str:
    if value is None:
        return messages.NOTHING
    if isinstance(value, bool):
        return messages.GIVEN_YES_NO
    if isinstance(value, str):
        return messages.GIVEN_TEXT.format(text=value[:60])
    if isinstance(value, (int, float)):
        return messages.GIVEN_NUMBER.format(number=value)
    if isinstance(value, list):
        return messages.GIVEN_LIST
    if isinstance(value, dict):
        return messages.GIVEN_BLOCK
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
