"""The seven sections every opgave has, in the order of the programme.

The data key is what staff type in YAML; the anchor is the public URL fragment that
communications staff link to, so it must never change.

A section added after adoption is marked `added`: the data as adopted (bron/vastgesteld/)
and older commits do not have it, and the models must still read them (README, "When the
data model changes"). The models then take it as absent there, and only today's data must
have it (macros/data/additions.py).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str  # key in data/opgaven.yaml and data/programma.yaml
    field: str  # attribute on the Opgave model
    heading: str
    anchor: str
    added: bool = False  # added after adoption: older data has none (see above)


SECTIONS: tuple[Section, ...] = (
    Section("nut_en_noodzaak", "need", "Nut & noodzaak", "nut-en-noodzaak"),
    Section("context", "context", "Context", "context"),
    Section(
        "gerelateerde_projecten_en_programmas",
        "related",
        "Gerelateerde projecten en programma’s",
        "gerelateerde-projecten-en-programmas",
    ),
    Section("activiteiten", "activities", "Activiteiten", "activiteiten"),
    Section("resultaten", "results", "Resultaten", "resultaten"),
    Section("partners", "partners", "Partners", "partners"),
    Section("doelgroep", "target_groups", "Doelgroep", "doelgroep"),
)

SECTION_KEYS = tuple(section.key for section in SECTIONS)
