"""The change history (history.py) as Atom feeds (RFC 4287): one of every change, one per opgave.

Ids never depend on where the site is published: a feed or entry id is a name-based UUID
(urn:uuid, RFC 9562 version 5) of the commit hash (and the opgave id), so a move to
another address, or a rebuild, keeps every id, and feed readers do not show old changes
as new. Changes not yet committed are never in a feed.

Links: with the site's published address (`base_url`: the build's site_url, from
SITE_URL; macros/view/address.py) every link is absolute. Without one, links are relative
to the feed file itself, which Atom allows: a reader resolves them against the address it
fetched the feed from (RFC 4287 section 2, RFC 3986 section 5.1.3), so they work wherever
the site is served. No xml:base is written then, as the address is not known. A loopback
address (`mkdocs serve`'s own) counts as no address: a feed must never point there.
"""

import datetime
import os
import re
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable

# The rest of the project, imported in this one place.
from ..view.address import published_address
from ..view.urls import CHANGES_FEED_PATH, CHANGES_PATH, opgave_feed_path, relative
from ..view.site import Site
from .history import Entry, History
from .html import NOT_COMMITTED, UNAVAILABLE, entry_content, entry_summary

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MEDIA_TYPE = "application/atom+xml"
# The namespace of every id in these feeds; fixed forever (changing it changes every id).
ID_NAMESPACE = uuid.UUID("aeeba8d4-3978-41b8-a558-d1f7dac938a8")
AUTHOR = "Provincie Drenthe"
# Characters XML 1.0 cannot carry; git allows them in a commit message.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_id(opgave_id: str | None = None) -> str:
    return _urn("wijzigingen" if opgave_id is None else f"wijzigingen/opgave/{opgave_id}")


def entry_id(entry: Entry, opgave_id: str | None = None) -> str:
    return _urn(entry.commit.hash if opgave_id is None else f"{entry.commit.hash}/opgave/{opgave_id}")


def programme_feed(history: History, site: Site, title: str, base_url: str | None = None) -> bytes:
    """The feed of every change, for CHANGES_FEED_PATH (wijzigingen/atom.xml)."""
    entries = [(entry, None) for entry in history.published]
    return _feed(history, site, CHANGES_FEED_PATH, feed_id(), f"Wijzigingen: {title}", CHANGES_PATH, entries, base_url)


def opgave_feed(history: History, site: Site, opgave_id: str, base_url: str | None = None) -> bytes:
    """The feed of one opgave's changes, for opgave_feed_path(opgave_id) (macros/view/urls.py)."""
    opgave = site.opgave(opgave_id)
    entries = [(item.entry, opgave_id) for item in history.for_opgave(opgave_id) if item.entry.committed]
    return _feed(history, site, opgave_feed_path(opgave_id), feed_id(opgave_id),
                 f"Wijzigingen: {opgave.label}: {opgave.title}", f"{opgave.path}#wijzigingen", entries, base_url)


def _feed(history: History, site: Site, path: str, id_: str, title: str, page: str,
          entries: list[tuple[Entry, str | None]], base_url: str | None) -> bytes:
    address = published_address(base_url)
    folder = path.rpartition("/")[0] + "/"

    def url(target: str) -> str:
        return address + target if address else relative(target, folder)

    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: "nl"})
    _text(feed, "id", id_)
    _text(feed, "title", title)
    if not history.available:
        _text(feed, "subtitle", UNAVAILABLE)
    _text(feed, "updated", _timestamp(_updated(history, entries)))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", AUTHOR)
    _link(feed, "self", url(path), MEDIA_TYPE)
    _link(feed, "alternate", url(page), "text/html")
    for entry, opgave_id in entries:
        feed.append(_entry(entry, opgave_id, site, url))
    ET.indent(feed)
    # Atom as the default namespace, registered right before writing: ElementTree's registry
    # of prefixes is global, and other libraries change it (WeasyPrint maps "" to no namespace).
    ET.register_namespace("", ATOM)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def _entry(entry: Entry, opgave_id: str | None, site: Site, url: Callable[[str], str]) -> ET.Element:
    element = ET.Element(f"{{{ATOM}}}entry")
    _text(element, "id", entry_id(entry, opgave_id))
    _text(element, "title", entry.note or NOT_COMMITTED)
    _text(element, "updated", _timestamp(entry.commit.time))
    _text(element, "published", _timestamp(entry.commit.time))
    if opgave_id is None:
        target = f"{CHANGES_PATH}#{entry.anchor}"
    else:
        target = f"{site.opgave(opgave_id).path}#{entry.anchor}"
    _link(element, "alternate", url(target), "text/html")
    _text(element, "summary", entry_summary(entry, opgave_id))
    # As plain str: Markup's own methods would escape again what ElementTree escapes.
    content = _text(element, "content", str(entry_content(entry, site, url, opgave_id)).strip())
    content.set("type", "html")
    return element


def _updated(history: History, entries: list[tuple[Entry, str | None]]) -> datetime.datetime:
    """The newest entry; else the adoption; else the build's fixed time (SOURCE_DATE_EPOCH)."""
    if entries:
        return max(entry.commit.time for entry, _ in entries)
    if history.baseline is not None:
        return history.baseline.time
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


def _timestamp(time: datetime.datetime) -> str:
    return time.isoformat(timespec="seconds")  # RFC 3339 with the commit's own offset


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = _NOT_XML.sub("", str(text))
    return element


def _link(parent: ET.Element, rel: str, href: str, media_type: str) -> None:
    ET.SubElement(parent, f"{{{ATOM}}}link", {"rel": rel, "type": media_type, "href": href})


def _urn(name: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, name)}"
