#!/usr/bin/env python3
"""For the deploy workflow: the address to publish the site at, or a refusal in Dutch.

`python3 tools/site_address.py URL` prints `SITE_URL=<address>` (for $GITHUB_ENV, so
`make build` uses it) when URL is a public address (macros/view/address.py: the same
rule the build uses), and else explains on stderr why the site is not published and
exits with 1. Needs only the standard library: it runs before the venv exists.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from macros.view.address import published_address  # noqa: E402

REFUSED = (
    "De site is niet gepubliceerd: er is geen openbaar webadres voor de site ({given}). Zonder adres "
    "kloppen de links voor zoekmachines, de sitemap en de feeds niet. Kies in de instellingen van de "
    "repository bij Pages als bron 'GitHub Actions' en start deze workflow opnieuw."
)


def main(arguments: list[str]) -> int:
    given = arguments[0] if arguments else ""
    address = published_address(given)
    if address is None:
        # A GitHub workflow command: the message also shows as an error on the run's page.
        # On one line: a line break in `given` must not start a second workflow command.
        shown = " ".join(given.split())
        given_text = f"GitHub Pages gaf het adres '{shown}'" if shown else "GitHub Pages gaf geen adres"
        print(f"::error title=Geen webadres::{REFUSED.format(given=given_text)}", file=sys.stderr)
        return 1
    print(f"SITE_URL={address}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
