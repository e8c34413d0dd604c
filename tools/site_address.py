#!/usr/bin/env python3
"""For the publishing workflow: the address to publish the site at, or a refusal in Dutch.

    python3 tools/site_address.py URL        # the address GitHub Pages gave
    python3 tools/site_address.py --github   # ask GitHub Pages itself (GITHUB_TOKEN, pages: read)

prints `SITE_URL=<address>` (for $GITHUB_OUTPUT: the build step reads it) when the
address is a public one (macros/view/address.py: the same rule the build uses), and
else explains on stderr, in Dutch, why the site is not published and exits with 1.
`--github` replaces actions/configure-pages, which stops with an English error when
Pages is not switched on. Needs only the standard library: it runs before the venv exists.
"""

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.view.address import published_address  # noqa: E402

REFUSED = (
    "De site is niet gepubliceerd: er is geen openbaar webadres voor de site ({given}). Zonder adres "
    "kloppen de links voor zoekmachines, de sitemap en de feeds niet. Kies in de instellingen van de "
    "repository bij Pages als bron 'GitHub Actions' en start deze workflow opnieuw."
)
NO_PAGES = "GitHub Pages staat niet aan voor deze repository"
NO_ANSWER = "GitHub gaf geen antwoord op de vraag naar het adres ({reason})"


class NoAnswer(Exception):
    """GitHub could not say the address; the message is Dutch."""


def pages_address(environ: dict[str, str]) -> str:
    """The address GitHub Pages publishes this repository at (the API's `html_url`)."""
    api = environ.get("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    request = urllib.request.Request(
        f"{api}/repos/{environ.get('GITHUB_REPOSITORY', '')}/pages",
        headers={"Accept": "application/vnd.github+json", "Authorization": f"Bearer {environ.get('GITHUB_TOKEN', '')}"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response).get("html_url") or ""
    except urllib.error.HTTPError as error:
        if error.code == 404:
            raise NoAnswer(NO_PAGES) from None
        raise NoAnswer(NO_ANSWER.format(reason=f"HTTP {error.code}")) from None
    except (OSError, ValueError) as error:
        raise NoAnswer(NO_ANSWER.format(reason=error)) from None


def refuse(given_text: str) -> int:
    # A GitHub workflow command: the message also shows as an error on the run's page.
    # On one line: a line break in the text must not start a second workflow command.
    print(f"::error title=Geen webadres::{' '.join(REFUSED.format(given=given_text).split())}", file=sys.stderr)
    return 1


def main(arguments: list[str]) -> int:
    if arguments[:1] == ["--github"]:
        try:
            given = pages_address(dict(os.environ))
        except NoAnswer as error:
            return refuse(str(error))
    else:
        given = arguments[0] if arguments else ""
    address = published_address(given)
    if address is None:
        shown = " ".join(given.split())
        return refuse(f"GitHub Pages gaf het adres '{shown}'" if shown else "GitHub Pages gaf geen adres")
    print(f"SITE_URL={address}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
