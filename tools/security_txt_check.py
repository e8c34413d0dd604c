#!/usr/bin/env python3
"""Is the published security.txt still valid? A Dutch warning before its Expires passes.

    python3 tools/security_txt_check.py --github   # the address from GitHub Pages (tools/site_address.py)
    python3 tools/security_txt_check.py URL        # the site's published address

Every build writes Expires 364 days ahead (macros/outputs/security_txt.py), and the
workflow rebuilds the site on a schedule. GitHub switches a schedule off after 60 days
without activity in the repository, and then nothing renews the file. So every run of
the workflow (each pull request too) reads the published file: with fewer than WARN_DAYS
left it warns in Dutch, and once it has expired it fails. Prints one Markdown line for the
summary on stdout; workflow commands (::warning, ::error) on stderr.
"""

import datetime
import os
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.view.urls import SECURITY_TXT_PATH as PATH  # noqa: E402
from site_address import NoAnswer, pages_address  # noqa: E402

WARN_DAYS = 60
RENEW = ("Start de workflow “Site” met de hand (Actions › Site › Run workflow) of voeg een wijziging samen: "
         "dan wordt de site opnieuw gebouwd en krijgt security.txt een nieuwe datum.")


def days_left(text: str, today: datetime.date) -> int | None:
    """Days until the file's Expires, or None without a readable Expires line."""
    found = re.search(r"^Expires:\s*(\d{4}-\d{2}-\d{2})", text, re.MULTILINE)
    if not found:
        return None
    return (datetime.date.fromisoformat(found.group(1)) - today).days


def verdict(text: str | None, today: datetime.date) -> tuple[str, str | None]:
    """(line for the summary, workflow command level or None)."""
    if text is None:
        return "security.txt: de site heeft (nog) geen security.txt gepubliceerd; er verloopt niets.", None
    left = days_left(text, today)
    if left is None:
        return "❌ security.txt op de site heeft geen geldige regel “Expires”. " + RENEW, "error"
    if left <= 0:
        return f"❌ security.txt op de site is verlopen (Expires lag {-left} dagen geleden). " + RENEW, "error"
    if left < WARN_DAYS:
        return f"⚠️ security.txt op de site verloopt over {left} dagen. " + RENEW, "warning"
    return f"security.txt op de site is nog {left} dagen geldig.", None


def published_text(address: str) -> str | None:
    try:
        with urllib.request.urlopen(address.rstrip("/") + "/" + PATH, timeout=30) as response:
            return response.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return None
        raise


def main(arguments: list[str]) -> int:
    try:
        address = pages_address(dict(os.environ)) if arguments[:1] == ["--github"] else arguments[0]
        text = published_text(address) if address else None
    except NoAnswer as error:
        print(f"security.txt: niet gecontroleerd ({error}).")
        return 0
    except (OSError, ValueError) as error:
        print(f"security.txt: niet gecontroleerd (de site gaf geen antwoord: {error}).")
        return 0
    line, level = verdict(text, datetime.datetime.now(datetime.timezone.utc).date())
    print(line)
    if level:
        print(f"::{level} title=security.txt::{line}", file=sys.stderr)
    return 1 if level == "error" else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
