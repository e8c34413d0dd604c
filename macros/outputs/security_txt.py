"""/.well-known/security.txt (RFC 9116): where to report a security problem with the site.

Written by every build, and only when the province has supplied the security contact
(data/programma.yaml, `contact › beveiliging`): a made-up contact would send a report
nowhere. RFC 9116 wants an Expires less than a year ahead, so each build sets it
364 days after the day of the build, at midnight UTC: two builds on one day give the same
bytes (tests/test_reproducible.py), and a site rebuilt at least once a year keeps a valid file.
"""

import datetime

from macros.view.urls import SECURITY_TXT_PATH
VALID_DAYS = 364  # RFC 9116 2.5.5: "less than a year into the future"
PREFERRED_LANGUAGES = "nl, en"


def expires(today: datetime.date) -> str:
    """The Expires value for a file made on `today`: RFC 3339, UTC, at midnight."""
    return (today + datetime.timedelta(days=VALID_DAYS)).strftime("%Y-%m-%dT00:00:00Z")


def canonical(site_url: str | None) -> str | None:
    """The file's own published address, or None without one. RFC 9116 wants security.txt
    served over https, so an address without it (a local build) gives no Canonical."""
    if not site_url or not site_url.startswith("https://"):
        return None
    return site_url.rstrip("/") + "/" + SECURITY_TXT_PATH


def security_txt(contact: str | None, site_url: str | None, today: datetime.date) -> str | None:
    """The file's text, or None while the security contact is not supplied."""
    if contact is None:
        return None
    lines = [f"Contact: {contact}", f"Expires: {expires(today)}", f"Preferred-Languages: {PREFERRED_LANGUAGES}"]
    address = canonical(site_url)
    if address:
        lines.append(f"Canonical: {address}")
    return "\n".join(lines) + "\n"


def build_day() -> datetime.date:
    return datetime.datetime.now(datetime.timezone.utc).date()
