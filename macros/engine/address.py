"""The build's published address (macros/view/address.py) in MkDocs' config.

MkDocs makes canonical links, the sitemap and the 404 page's links from `site_url`, and
our templates and outputs read it from there too. So a build puts the published address
there, or None: MkDocs then writes no canonical link, and the 404 page links from "/".
"""

import sys

from macros.view.address import NO_ADDRESS, published_address

SITEMAP = "sitemap.xml"  # MkDocs' own template; it also writes sitemap.xml.gz from it


def use_published_address(config, serving: bool) -> str | None:
    """Set config["site_url"] to the published address and return it (None: there is none).

    `mkdocs serve` puts its own local address in site_url (its messages and live reload
    use it): it stays, and the build publishes nothing, so the address is None."""
    if serving:
        return None
    address = config["site_url"] = published_address(config["site_url"])
    if address is None:
        # A sitemap without addresses (<loc>) is not a valid sitemap: leave it out (and
        # drop_theme_files below drops the template file MkDocs would then copy as it is).
        config["theme"].static_templates.discard(SITEMAP)
        print(NO_ADDRESS, file=sys.stderr)
    return address


def drop_theme_files(files, config) -> None:
    """on_files: theme files that must not be published.

    A theme file that is no static template is copied into the site as it is: without an
    address that would be the sitemap's Jinja source. Material's source maps (*.map, for
    its developers' browser tools; no page loads them) quote its sources, which name
    localhost and 127.0.0.1: the site holds no such address."""
    for file in list(files):
        if file.src_uri.endswith(".map") or (
                file.src_uri == SITEMAP and SITEMAP not in config["theme"].static_templates):
            files.remove(file)
