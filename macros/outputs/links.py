"""Every link and #anchor in the built site points at something that exists.

Runs over the finished site directory, so it sees what a reader gets: the theme's
links, the macro output, generated pages (redirects, 404) and the link previews in
<meta> tags. lxml parses a page in under a millisecond; the BeautifulSoup-based
plugin used before took about 50 ms a page and was two thirds of the build time
(bench/RESULTS.md).

Links to other hosts are not fetched: builds run offline, and a site of another
organisation that is down for an hour must not stop a publication.
"""

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

# Attributes that make the browser fetch or go to another address.
LINKS = etree.XPath("//@href | //@src", smart_strings=False)
# Link previews name our own files by absolute address (og:image, og:url, twitter:image).
META_CONTENT = etree.XPath("//meta/@content", smart_strings=False)
ANCHORS = etree.XPath("//@id | //a/@name", smart_strings=False)
SCHEMES_NOT_CHECKED = ("mailto", "tel", "data")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page the link is on, as a site path: "opgaven/vestigingsklimaat/"
    link: str  # the link as written in the HTML
    reason: str  # in Dutch, for the person who made the change

    def __str__(self) -> str:
        return f"- op /{self.page}: link naar '{self.link}': {self.reason}"


@dataclass
class _Page:
    anchors: set[str]
    links: list[str]
    meta_links: list[str]


def broken_links(site_dir: Path, site_url: str = "") -> list[BrokenLink]:
    """The links in every HTML file under `site_dir` that lead nowhere on this site."""
    site_dir = Path(site_dir)
    files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
    pages = {name: _read(site_dir / name) for name in sorted(files) if name.endswith(".html")}
    own = urlsplit(site_url) if site_url else None
    # Most links are the same on many pages (the navigation, the footer, the index
    # pages): each is judged once per place it can lead from (see _origin).
    judged: dict[tuple[str, str], str | None] = {}
    broken: list[BrokenLink] = []
    for name, page in pages.items():
        folder = posixpath.dirname(name)
        depth = folder.count("/") + 1 if folder else 0
        # Other <meta> content (a description, a colour) is not an address.
        addresses = page.links + [content for content in page.meta_links if own and content.startswith(site_url)]
        for link in addresses:
            key = (link, _origin(link, name, folder, depth))
            if key not in judged:
                judged[key] = _problem(link, name, own, files, pages)
            if judged[key]:
                broken.append(BrokenLink(_page_path(name), link, judged[key]))
    return broken


def _origin(link: str, page_file: str, folder: str, depth: int) -> str:
    """What the target of `link` depends on besides the link itself."""
    if not link.partition("#")[0].partition("?")[0]:
        return page_file  # "#x", "?q#x": this page
    if link.startswith("../" * depth):
        return f"depth {depth}"  # climbs to the root first, as our links do: the same from every folder this deep
    return folder


def report(broken: Iterable[BrokenLink]) -> str:
    broken = list(broken)
    return "\n".join([
        f"De site heeft {len(broken)} link(s) die nergens heen gaan. Pas de link aan, of maak de "
        "pagina of het onderdeel waar hij naar wijst. De site is niet gepubliceerd.",
        *map(str, broken),
    ])


def _read(path: Path) -> _Page:
    # MkDocs writes every page in UTF-8; collect_ids=False: duplicate ids are vnu's job.
    parser = etree.HTMLParser(encoding="utf-8", collect_ids=False)
    try:
        document = etree.fromstring(path.read_bytes(), parser)
    except etree.XMLSyntaxError:
        document = None
    if document is None:  # an empty file: nothing to check, nothing to link to
        return _Page(anchors=set(), links=[], meta_links=[])
    return _Page(
        anchors=set(ANCHORS(document)),
        links=[value.strip() for value in LINKS(document)],
        meta_links=[value.strip() for value in META_CONTENT(document)],
    )


def _page_path(name: str) -> str:
    return name[: -len("index.html")] if name == "index.html" or name.endswith("/index.html") else name


def _problem(link: str, page_file: str, own, files: set[str], pages: dict[str, _Page]) -> str | None:
    """Why `link` on `page_file` leads nowhere, or None when it is fine (or not ours to check)."""
    parts = urlsplit(link)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return None if parts.scheme in SCHEMES_NOT_CHECKED else f"het soort link '{parts.scheme}:' is niet toegestaan"
    root = own.path if own else "/"
    if parts.netloc:  # "https://host/..." or "//host/...": ours only when it is our address
        same_host = own is not None and parts.netloc == own.netloc and parts.scheme in ("", own.scheme)
        if not same_host or not parts.path.startswith(root):
            return None  # another host: not fetched
        target = _site_path(parts.path[len(root):], "")
    elif parts.path.startswith("/"):  # from the root of the site, which may be a folder on its host
        if not parts.path.startswith(root):
            return "de link gaat buiten de site"
        target = _site_path(parts.path[len(root):], "")
    elif parts.path:
        target = _site_path(parts.path, posixpath.dirname(page_file))
    else:
        target = page_file  # only a #fragment: this page
    if target is None:
        return "de link gaat buiten de site"
    file = _file_for(target, files)
    if file is None:
        return "die pagina of dat bestand bestaat niet"
    fragment = unquote(parts.fragment)
    # "#top" without an element of that name means the top of the page (HTML standard).
    if fragment and file in pages and fragment not in pages[file].anchors and fragment.lower() != "top":
        return f"het onderdeel #{fragment} bestaat niet op /{_page_path(file)}"
    return None


def _site_path(path: str, base: str) -> str | None:
    """`path` (relative to the folder `base`) as a path from the site's root; None outside the site."""
    target = posixpath.normpath(posixpath.join(base, unquote(path)) or ".")
    if target == ".." or target.startswith("../"):
        return None
    if target == ".":
        return ""
    return target + "/" if path.endswith("/") else target


def _file_for(target: str, files: set[str]) -> str | None:
    """The file a web server sends for a site path: the file itself, or the folder's index.html."""
    if target in ("", "/"):
        return "index.html" if "index.html" in files else None
    if target.endswith("/"):
        index = f"{target}index.html"
        return index if index in files else None
    if target in files:
        return target
    index = f"{target}/index.html"
    return index if index in files else None
