"""Which contact details the province has supplied, and a warning for each one still to come.

A detail still to come (INVULLEN, or no `contact:` block at all in data from before the
block existed) is None here: pages then say that it follows, and no page or file ever
shows the marker. The warnings go to stderr from `make check`, `make build` and
`make serve`; they are not MkDocs warnings, so the strict build still succeeds.
"""

from dataclasses import dataclass

from macros.data import messages
from macros.data.models.contact import PLACEHOLDER, Contact
from macros.data.models.programme import ProgrammeFile


@dataclass(frozen=True)
class ContactDetails:
    """The contact details by field; None: not supplied yet."""

    email: str | None
    telephone: str | None
    response_days: int | None
    complaints: str | None
    security: str | None

    @property
    def telephone_uri(self) -> str | None:
        """'0592 36 55 55' -> 'tel:0592365555', for a link a phone can call."""
        if self.telephone is None:
            return None
        return "tel:" + "".join(char for char in self.telephone if char.isdigit() or char == "+")

    @property
    def complete(self) -> bool:
        return all(getattr(self, name) is not None for name in Contact.model_fields)


def contact_details(programme: ProgrammeFile) -> ContactDetails:
    block = programme.contact
    values = {name: getattr(block, name) if block is not None else None for name in Contact.model_fields}
    return ContactDetails(**{name: None if value == PLACEHOLDER else value for name, value in values.items()})


def contact_warnings(programme: ProgrammeFile) -> list[str]:
    """One Dutch warning per contact detail the province has not supplied yet."""
    block = programme.contact
    details = contact_details(programme)
    warnings = []
    for name, field in Contact.model_fields.items():
        if getattr(details, name) is not None:
            continue
        key = field.alias or name
        template = messages.CONTACT_NOT_THERE if block is None else messages.CONTACT_NOT_FILLED
        warning = template.format(key=key, placeholder=PLACEHOLDER, expected=messages.CONTACT_EXPECTED[key])
        if name == "security":
            warning += messages.NO_SECURITY_TXT
        warnings.append(warning)
    return warnings
