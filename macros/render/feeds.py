"""The feed addresses that /wijzigingen/volgen/ lists to copy: every change, and each opgave's own.

Absolute addresses on the published site (a feed reader needs the whole address); without
one (a local build) the page links the feed files instead, as they are in this build.
"""

from dataclasses import dataclass

from macros.view.urls import CHANGES_FEED_PATH as FEED_PATH, follow_anchor, opgave_feed_path


@dataclass(frozen=True)
class Feed:
    name: str
    path: str  # in the site, e.g. wijzigingen/atom.xml
    address: str  # the whole published address; "" without one
    anchor: str


def feeds(site, site_url: str) -> list[Feed]:
    base = site_url.rstrip("/") + "/" if site_url else ""

    def feed(name: str, path: str, anchor: str) -> Feed:
        return Feed(name, path, base + path if base else "", anchor)

    return [feed("Alle wijzigingen in het programma", FEED_PATH, "feed-alles"),
            *(feed(f"{entry.label}: {entry.title}", opgave_feed_path(entry.id), follow_anchor(entry.id))
              for entry in site.opgaven)]


def variables(site, context) -> dict:
    return {"feeds": feeds(site, context.site_url)}
