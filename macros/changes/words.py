"""The Dutch names of what can change, shared by the report for reviewers (markdown.py)
and the pages and feeds for readers (html.py)."""

from ..data.sections import SECTIONS

SECTION_HEADINGS = {section.key: section.heading for section in SECTIONS}
# Fields of an opgave or budget year whose change is reported by name.
FIELDS = {
    "kop": "Kop", "titel": "Titel", "periode": "Periode", "provincie": "Provincie", "bijschrift": "Bijschrift",
    # The contact details (`contact:` in data/programma.yaml), shown on the accessibility statement.
    "e_mail": "E-mailadres voor meldingen", "telefoon": "Telefoonnummer",
    "reactietermijn_werkdagen": "Aantal werkdagen voor een antwoord", "klachtenregeling": "Klachtenregeling",
    "beveiliging": "Adres voor meldingen over beveiliging",
}
REGISTER_NOUNS = {"organisatie": "de organisatie", "programma": "het programma", "fonds": "het fonds"}
# The texts of data/programma.yaml, by key.
PARTS = {
    "titel": "Titel",
    "periode": "Periode",
    "provincie": "Provincie",
    "opzet": "Opzet",
    "aspecten": "Uitleg bij de onderdelen van een opgave",
    "cofinanciering": "Cofinanciering",
    "tot_slot": "Tot slot",
    "contact": "Contactgegevens",
}
