"""What a link preview of an opgave page says: what the province does there and with what budget.

Computed from the data, plain text (the caller escapes it): "Provincie Drenthe werkt aan 12
activiteiten, zoals opzetten van … Budget 2025: € 1.050.000." Short enough for a preview card.
"""

from macros.formatting import euro
from macros.render.home import activity_count

DESCRIPTION_LIMIT = 200  # characters; previews cut longer descriptions off at random places
ELLIPSIS = "…"
MIN_EXAMPLE = 30  # an example activity cut shorter than this says nothing: leave it out


def shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters, "…" included when cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(ELLIPSIS) + 1]
    cut = cut[: cut.rfind(" ")] if " " in cut else cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(" ,;:.-–(") + ELLIPSIS


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


def opgave_description(site, entry, limit: int = DESCRIPTION_LIMIT) -> str:
    """What the province does in this opgave, in one or two sentences of at most `limit` characters."""
    who = site.programme.province or "De provincie"
    activities = [item.text for group in entry.record.activities for item in group.items]
    count = activity_count(entry)
    budget = _budget_sentence(site, entry)
    tail = f" {budget}" if budget else ""
    if not activities:
        return shorten(f"{who} werkt aan: {entry.title}.{tail}", limit)
    start = f"{who} werkt aan {count} {'activiteit' if count == 1 else 'activiteiten'}"
    joint = ": " if count == 1 else ", zoals "
    example = _as_continuation(activities[0].rstrip(" ."))
    room = limit - len(start) - len(joint) - len(".") - len(tail)
    if room >= MIN_EXAMPLE:
        example = shorten(example, room)
        end = "" if example.endswith(ELLIPSIS) else "."
        return f"{start}{joint}{example}{end}{tail}"
    return shorten(f"{start}.{tail}", limit)
