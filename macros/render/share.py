"""What a link preview of an opgave page says: what the province does there and with what budget.

Computed from the data, plain text (the caller escapes it): "Provincie Drenthe werkt aan 12
activiteiten, zoals opzetten van een fonds. Budget 2025: € 1.050.000." Whole sentences only,
short enough for a preview card: an example activity is named only when it is one sentence and
fits whole; previews never end mid-phrase.
"""

from macros.formatting import euro
from macros.render.home import activity_count
from macros.view.sentences import is_one_sentence

DESCRIPTION_LIMIT = 200  # characters; previews cut longer descriptions off at random places


def _as_continuation(text: str) -> str:
    """'Opzetten van …' -> 'opzetten van …' after "zoals"; 'IBDO …' stays as it is."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _budget_sentence(site, entry) -> str:
    year = site.budget.opgave_year
    if year is None:
        return ""
    group = site.budget.group_for(entry.id)
    if group is None or group.subtotal is None:
        return f"Geen budget in {year.year}."
    # A plain space: og:description loses the non-breaking one (striptags), the meta description keeps it.
    return f"Budget {year.year}: {euro(group.subtotal).replace(chr(0xA0), ' ')}."


def _example(text: str) -> str:
    """An activity as the end of a sentence after "zoals": its own full stop goes."""
    text = " ".join(text.split())
    return _as_continuation(text[:-1] if text.endswith(".") else text)


def opgave_description(site, entry, limit: int = DESCRIPTION_LIMIT) -> str:
    """What the province does in this opgave, in whole sentences of at most `limit` characters
    together (the shortest, "… werkt aan 12 activiteiten.", is always whole)."""
    who = site.programme.province or "De provincie"
    abbreviations = site.glossary.titles
    activities = [item.text for group in entry.record.activities for item in group.items]
    count = activity_count(entry)
    budget = _budget_sentence(site, entry)
    tail = f" {budget}" if budget else ""
    if not activities:
        candidates = [f"{who} werkt aan: {entry.title}.{tail}", f"{who} werkt aan deze opgave.{tail}",
                      f"{who} werkt aan deze opgave."]
    else:
        start = f"{who} werkt aan {count} {'activiteit' if count == 1 else 'activiteiten'}"
        joint = ": " if count == 1 else ", zoals "
        examples = [f"{start}{joint}{_example(text)}.{tail}" for text in activities
                    if is_one_sentence(text, abbreviations)]
        candidates = [*examples, f"{start}.{tail}", f"{start}."]
    return next((text for text in candidates if len(text) <= limit), candidates[-1])
