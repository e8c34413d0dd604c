"""The Dutch wording of changes: the one place for it, used by the report for reviewers
(`make diff`, markdown.py) and the pages and feeds for readers (html.py).

Every function returns plain text with the data's own words in it, unescaped: the
Markdown report escapes the whole sentence (no word here is Markdown), the HTML pages
escape it and add the glossary's tooltips. Only the markup differs between the two (a
table, a link, struck-through words), never what a change is called.
"""

from ..data.sections import SECTIONS
from ..formatting import budget_words, dutch_date, euro_difference
from .classify import SITE_PARTS
from .compare import ADDED, CHANGED, MOVED, REDIRECT_REMOVED, REMOVED, EntryChange, ItemChange, LineChange, LinkChange, LinkedOpgave, PageChange, Progress

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
# The registers (compare.EntryChange.register), as headings.
REGISTERS = {
    "organisaties": "Partners en andere organisaties",
    "programmas": "Programma’s",
    "fondsen": "Fondsen",
    "begrippen": "Begrippen en afkortingen",
}
# The YAML keys of register entries, as a reader would name them.
ENTRY_FIELDS = {
    "naam": "Naam", "afkorting": "Afkorting", "omschrijving": "Omschrijving", "ook_genoemd_als": "Ook genoemd als",
    "soort": "Soort", "betekenis": "Betekenis", "uitleg": "Uitleg", "ook_geschreven_als": "Ook geschreven als",
    "herkomst": "Herkomst",
}
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
LINKS_HEADING = "Links naar partners, programma’s en fondsen"
ADDITIONS_HEADING = "Aanvullingen van de site"
ADDITIONS_NOTE = ("De site geeft meer dan het programma zelf: overzichten van partners, programma’s en fondsen, "
                  "links daarnaartoe vanuit de teksten, uitleg bij afkortingen en contactgegevens. Als de provincie "
                  "die aanvult, is dat geen wijziging van het programma.")
REORDERED = "De volgorde is anders."
_VERBS = {ADDED: "toegevoegd", REMOVED: "verwijderd", CHANGED: "gewijzigd"}


def quoted(text: str) -> str:
    return f"‘{text}’"


def item_label(item: ItemChange) -> str:
    """'Toegevoegd', 'Kop gewijzigd', 'Uitleg bij ‘Context’ gewijzigd', ..."""
    what = FIELDS.get(item.field) or (f"Uitleg bij {quoted(SECTION_HEADINGS[item.field])}"
                                       if item.field in SECTION_HEADINGS else "")
    verb = _VERBS[item.kind]
    if item.kind == CHANGED and not item.words:
        verb = "aangepast"  # the same words; the group or the progress changed
    return f"{what} {verb}" if what else verb.capitalize()


def group_name(heading: str | None) -> str:
    return quoted(heading) if heading else "zonder kop"


def group_text(item: ItemChange) -> str | None:
    """Where an activity stands, or moved to; None for an item outside groups."""
    if item.moved:
        return f"Verplaatst naar de groep {group_name(item.group)}, eerst in de groep {group_name(item.old_group)}."
    if item.group is not None:
        return f"In de groep {quoted(item.group)}."
    return None


def progress(state: Progress | None) -> str:
    if state is None:
        return "nog geen stand"
    text = state.status
    if state.date:
        text += f" ({dutch_date(state.date)})"
    if state.note:
        text += f", toelichting: {quoted(state.note)}"
    return text


def progress_change(item: ItemChange) -> str:
    if item.kind == ADDED:
        return f"Voortgang: {progress(item.new_progress)}"
    if item.kind == REMOVED:
        return f"Voortgang was: {progress(item.old_progress)}"
    return f"Voortgang: was {progress(item.old_progress)}, nu {progress(item.new_progress)}"


def amount(value: int | None) -> str:
    return budget_words(value)  # the site's one wording of money and "geen budget"


def before_after(old: int | None, new: int | None, added: bool = False, removed: bool = False) -> str:
    """A subtotal or total before and after: 'was € 1, nu € 2 (€ 1 meer)'."""
    if added:
        return f"{amount(new)} (nieuw)"
    if removed:
        return f"was {amount(old)}, vervalt"
    if old == new:
        return f"{amount(new)} (gelijk)"
    text = f"was {amount(old)}, nu {amount(new)}"
    if old is not None and new is not None:
        text += f" ({euro_difference(new - old)})"
    return text


def line_text(line: LineChange) -> str:
    if line.kind == ADDED:
        return f"Nieuwe regel {quoted(line.name)} in de groep {quoted(line.group)}: {amount(line.new_amount)}."
    if line.kind == REMOVED:
        return (f"Regel {quoted(line.name)} in de groep {quoted(line.group)} is verwijderd. "
                f"Het bedrag was {amount(line.old_amount)}.")
    parts = [f"Regel {quoted(line.name)} in de groep {quoted(line.group)}:"]
    if line.amount_changed:
        parts.append(f"bedrag {before_after(line.old_amount, line.new_amount)}.")
    if line.old_name is not None:
        parts.append(f"De naam was {quoted(line.old_name)}.")
    if line.old_group is not None:
        parts.append(f"Eerst in de groep {quoted(line.old_group)}.")
    return " ".join(parts)


def year_note(kind: str) -> str:
    return {ADDED: " (nieuw jaar)", REMOVED: " (jaar verwijderd)", CHANGED: ""}[kind]


def renumbered(old_number: int, number: int) -> str:
    return f"Nummer gewijzigd: was opgave {old_number}, nu opgave {number}."


def link_text(link: LinkChange) -> str:
    """A name in the opgave's texts that now links to a register entry, or no longer does."""
    noun = f"{REGISTER_NOUNS[link.register]} {quoted(link.name)}"
    return f"Nu een link naar {noun}." if link.kind == ADDED else f"Geen link meer naar {noun}."


def entry_verb(entry: EntryChange) -> str:
    return _VERBS[entry.kind].capitalize()


def entry_field_label(entry: EntryChange, field: str, old: str | None, new: str | None) -> str:
    """'Betekenis' for a field of a new entry; 'Betekenis toegevoegd' when added to one that was there."""
    name = ENTRY_FIELDS.get(field, field)
    if entry.kind == ADDED:
        return name
    if old is None:
        return f"{name} toegevoegd"
    if new is None:
        return f"{name} verwijderd"
    return name


def linked_opgave(linked: LinkedOpgave) -> str:
    """The register change, seen from an opgave page whose text names the entry."""
    page = f"{linked.label}: {linked.title}"
    return f"Nu een link in {page}." if linked.kind == ADDED else f"Geen link meer in {page}."


def texts_heading(keys) -> str:
    """The heading over changed texts of data/programma.yaml: the programme's, or the site's own."""
    return "Gegevens van de site" if set(keys) <= SITE_PARTS else "Teksten over het programma"


def page_text(page: PageChange) -> str:
    """A new, moved or removed opgave page, as a format string: {name} is the opgave
    ("Opgave 2: Titel"), {old}, {new} and {redirect} are addresses. Each renderer fills them
    in with its own markup (a link, code), escaping the data itself."""
    if page.kind == ADDED:
        return "Nieuwe opgave: {name}, op {new}."
    if page.kind == MOVED:
        return ("Nieuw webadres: {name} staat nu op {new}, eerst op {old}. "
                + ("Het oude adres stuurt door naar het nieuwe." if page.redirect else "Het oude adres werkt niet meer."))
    if page.kind == REMOVED:
        return "Opgave verwijderd: {name}, op {old}." + (" Het adres stuurt door naar {redirect}." if page.redirect
                                                       else " Links naar dit adres werken niet meer.")
    assert page.kind == REDIRECT_REMOVED
    return "Het oude webadres {old} van {name} werkt niet meer: het stuurt niet meer door."
