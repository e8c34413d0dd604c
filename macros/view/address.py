"""The address the site is published at: the one value every absolute link is made from.

It is set in one place, the environment variable SITE_URL, which mkdocs.yml reads into
`site_url`; the build (macros/engine/address.py) puts the result of `published_address`
back there, and everything else reads it from the build's config. Canonical links, link
previews (og:url, og:image, twitter:image), the sitemap, the Atom feeds, the canonical
link of a redirect page, the address in the printed page header and the `webadres` of
the open data all come from it. The address may end in a folder (a GitHub Pages project
site: https://<org>.github.io/<repo>/).

Without an address, what needs an absolute URL is left out, never filled with a
loopback or invented address (MkDocs used to fill in http://127.0.0.1:8000/), and the
build says so in one Dutch line (NO_ADDRESS). An address on this machine (127.0.0.1,
localhost) counts as no address: nobody else can reach it.
"""

import ipaddress
from urllib.parse import urlsplit

# Printed once by a build without an address (stderr: the build is strict, so this is no warning).
NO_ADDRESS = (
    "Let op: er is geen webadres voor de site ingesteld. Daarom zijn weggelaten: de canonieke links, "
    "de sitemap, de adressen en plaatjes voor het delen op sociale media, en de volledige webadressen "
    "in de feeds en de open data. Bouw je de site om te publiceren? Geef dan het adres mee: "
    "SITE_URL=https://… make build"
)


def published_address(url: str | None) -> str | None:
    """`url` as the address to publish at, ending in "/"; None when it is not one.

    Not one: not set or empty, not http(s), no host, a host on this machine, or with
    white space or control characters inside (which urlsplit would quietly drop)."""
    url = (url or "").strip()
    if not url or any(character.isspace() or ord(character) < 32 for character in url):
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    if _on_this_machine(parts.hostname):
        return None
    return url.rstrip("/") + "/" if not parts.query and not parts.fragment else None


def _on_this_machine(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(".localhost")
    return address.is_loopback or address.is_unspecified
