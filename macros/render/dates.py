"""Dates as a Dutch reader writes them: '27 november 2026'."""

import datetime

from babel.dates import format_date


def dutch_date(day: datetime.date) -> str:
    return format_date(day, format="long", locale="nl_NL")
