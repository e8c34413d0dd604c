"""Money, numbers and dates as a Dutch reader writes them: the one place that decides how they look.

Below every layer that shows them (README, "Layers"): it imports nothing from macros/.
Babel knows the Dutch separators; the money pattern drops the cents (all amounts are whole
euros) and keeps a non-breaking space after the euro sign, so "€" never ends a line
on its own.
"""

import datetime
import functools

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "nl_NL"
_PATTERN = "¤\u00a0#,##0"

# Shown where the programme has "-": there is no budget, which is not the same as € 0.
NO_BUDGET = "–"
NO_BUDGET_WORDS = "geen budget"


# Cached: Babel takes about half a millisecond per amount, and a budget page of many opgaven
# shows thousands of amounts, most of them more than once (bench/).
@functools.lru_cache(maxsize=4096)
def euro(amount: int | None) -> str:
    """€ 1.050.000 (with a non-breaking space); "–" for no budget."""
    if amount is None:
        return NO_BUDGET
    return format_currency(amount, "EUR", format=_PATTERN, locale=LOCALE, currency_digits=False)


def number(amount: int) -> str:
    """1.050.000: a whole number with Dutch thousands separators."""
    return format_decimal(amount, format="#,##0", locale=LOCALE)


def euro_difference(difference: int | None) -> str:
    """A change in plain words: "€ 18.962 meer", "€ 113.648 minder" or "gelijk"."""
    if difference is None:
        return NO_BUDGET
    if difference == 0:
        return "gelijk"
    return f"{euro(abs(difference))} {'meer' if difference > 0 else 'minder'}"


def budget_words(amount: int | None) -> str:
    """An amount in running text: "€ 1.050.000", or "geen budget" where the programme has "–"."""
    return NO_BUDGET_WORDS if amount is None else euro(amount)


# Up to twelve, Dutch writes a count in words ("vijf opgaven"); above it, in digits.
_NUMBER_WORDS = ("geen", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf")


def count_words(count: int) -> str:
    """"vijf", "twaalf", "13": a count in running text."""
    return _NUMBER_WORDS[count] if 0 <= count < len(_NUMBER_WORDS) else number(count)


def counted(count: int, singular: str, plural: str) -> str:
    """"één opgave", "vijf opgaven", "geen opgaven": a count with its noun."""
    return f"{count_words(count)} {singular if count == 1 else plural}"


def listing(items) -> str:
    """"2024", "2024 en 2025", "2024, 2025 en 2026"."""
    items = [str(item) for item in items]
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def dutch_date(day: datetime.date) -> str:
    """'27 november 2026'."""
    return format_date(day, format="long", locale=LOCALE)
