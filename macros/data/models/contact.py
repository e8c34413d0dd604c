"""Contact details the province supplies (the `contact:` block of data/programma.yaml).

They are facts only the province can give: the site must never make them up. Until a
detail is known its value is the marker PLACEHOLDER; the build then warns once per field
(macros/data/contact.py) and the pages say that the detail follows.
"""

import re
from typing import Annotated, Any

from pydantic import Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from macros.data import messages
from macros.data.models.common import Record

PLACEHOLDER = "INVULLEN"

_EMAIL = r"[^@\s:/]+@[^@\s:/]+\.[A-Za-z]{2,}"
_HTTPS = r"https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?"
EMAIL_PATTERN = re.compile(rf"^{_EMAIL}$")
# Digits with the separators people write (0592 36 55 55, +31 592 365555, (0592) 36-55-55).
PHONE_PATTERN = re.compile(r"^(?=(?:\D*\d){8})\+?[0-9 ()\-]{8,25}$")  # at least 8 digits
HTTPS_PATTERN = re.compile(rf"^{_HTTPS}$")
# RFC 9116 Contact: a mailto: or https: URI (tel: is allowed there too, but a person
# reporting a leak needs something written down).
SECURITY_PATTERN = re.compile(rf"^(?:mailto:{_EMAIL}|{_HTTPS})$")
MAX_WORKING_DAYS = 30
MAX_LENGTH = 200


def _given(value: Any) -> str:
    return str(value)[:60]


def _is_placeholder(value: Any) -> bool:
    """Whether `value` is PLACEHOLDER; an empty value is refused (a detail is never left blank)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        raise PydanticCustomError("contact_empty", messages.CONTACT_EMPTY)
    return isinstance(value, str) and value.strip() == PLACEHOLDER


def _contact_text(pattern: re.Pattern, message: str):
    """A text that matches `pattern`, or PLACEHOLDER while the province has not supplied it."""

    def validate(value: Any) -> str:
        if _is_placeholder(value):
            return PLACEHOLDER
        if not isinstance(value, str):
            raise PydanticCustomError("contact_format", message, {"given": _given(value)})
        value = value.strip()
        if len(value) > MAX_LENGTH or not pattern.match(value):
            raise PydanticCustomError("contact_format", message, {"given": _given(value)})
        return value

    # Editors see the same rule while typing (schema/programma.schema.json).
    schema = {"anyOf": [{"const": PLACEHOLDER}, {"type": "string", "pattern": pattern.pattern}]}
    return Annotated[str, PlainValidator(validate), WithJsonSchema(schema)]


def _working_days(value: Any) -> int | str:
    if _is_placeholder(value):
        return PLACEHOLDER
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_WORKING_DAYS:
        raise PydanticCustomError("contact_format", messages.CONTACT_WORKING_DAYS,
                                  {"given": _given(value), "most": MAX_WORKING_DAYS})
    return value


Email = _contact_text(EMAIL_PATTERN, messages.CONTACT_EMAIL)
Phone = _contact_text(PHONE_PATTERN, messages.CONTACT_PHONE)
HttpsAddress = _contact_text(HTTPS_PATTERN, messages.CONTACT_HTTPS)
SecurityContact = _contact_text(SECURITY_PATTERN, messages.CONTACT_SECURITY)
WorkingDays = Annotated[int | str, PlainValidator(_working_days), WithJsonSchema({"anyOf": [
    {"const": PLACEHOLDER}, {"type": "integer", "minimum": 1, "maximum": MAX_WORKING_DAYS}]})]


class Contact(Record):
    """Every field is required: a detail not known yet is PLACEHOLDER, never left out."""

    email: Email = Field(
        alias="e_mail",
        description="Het e-mailadres waar lezers een probleem met de toegankelijkheid melden, "
                    f"zoals toegankelijkheid@drenthe.nl. Nog niet bekend: {PLACEHOLDER}.",
    )
    telephone: Phone = Field(
        alias="telefoon",
        description=f"Het telefoonnummer voor vragen over de site, zoals 0592 36 55 55. Nog niet bekend: {PLACEHOLDER}.",
    )
    response_days: WorkingDays = Field(
        alias="reactietermijn_werkdagen",
        description="Binnen hoeveel werkdagen iemand die een probleem meldt antwoord krijgt: een heel getal, "
                    f"zoals 5. Nog niet bekend: {PLACEHOLDER}.",
    )
    complaints: HttpsAddress = Field(
        alias="klachtenregeling",
        description="Het webadres van de klachtenregeling van de provincie, beginnend met https://. "
                    f"Nog niet bekend: {PLACEHOLDER}.",
    )
    security: SecurityContact = Field(
        alias="beveiliging",
        description="Waar iemand een beveiligingsprobleem van de site meldt (in /.well-known/security.txt): "
                    f"mailto:adres@drenthe.nl of een https://-adres. Nog niet bekend: {PLACEHOLDER}.",
    )
