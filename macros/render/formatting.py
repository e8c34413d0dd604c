"""Amounts in Dutch notation, the one place that decides how money looks on the site.

Babel knows the Dutch separators; the pattern drops the cents (all amounts are whole
euros) and keeps a non-breaking space after the euro sign, so "€" never ends a line
on its own.
"""

import functools

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
