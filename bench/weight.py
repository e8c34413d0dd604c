"""Page weight: what a first visit to one built page downloads, raw and gzipped.

Follows what the browser fetches on its own: the HTML, its stylesheets, scripts,
images and icons, and the fonts and images those stylesheets point to. The search
index is left out: it is only fetched once the reader opens search.
"""

import gzip
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

CATEGORIES = ("html", "css", "js", "images", "fonts")
_FONT = (".woff2", ".woff", ".ttf", ".otf", ".eot")
_IMAGE = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".avif", ".ico")
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)""")
_CSS_IMPORT = re.compile(r"""@import\s+['"]([^'"]+)['"]""")


@dataclass
class Weight:
    page: str
    raw: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    gzipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CATEGORIES, 0))
    files: list[str] = field(default_factory=list)
    other_hosts: list[str] = field(default_factory=list)  # anything fetched from another host
    render_blocking_other_hosts: list[str] = field(default_factory=list)

    @property
    def total_raw(self) -> int:
        return sum(self.raw.values())

    @property
    def total_gzipped(self) -> int:
        return sum(self.gzipped.values())


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _category(path: str, default: str) -> str:
    lower = path.lower()
    if lower.endswith(".css"):
        return "css"
    if lower.endswith((".js", ".mjs")):
        return "js"
    if lower.endswith(_FONT):
        return "fonts"
    if lower.endswith(_IMAGE):
        return "images"
    return default


def _is_other_host(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in ("", "data")


def page_weight(site_dir: Path, page_url: str) -> Weight:
    """The first visit to `page_url` (a directory URL such as 'opgaven/x/', '' for home)."""
    site_dir = site_dir.resolve()
    weight = Weight(page_url or "/")
    base = "/" + page_url
    seen: set[str] = set()

    def add(url_path: str, category: str) -> bytes | None:
        path = (site_dir / url_path.lstrip("/")).resolve()
        if url_path in seen or not path.is_file():
            return None
        seen.add(url_path)
        data = path.read_bytes()
        weight.raw[category] += len(data)
        weight.gzipped[category] += _gzip_size(data)
        weight.files.append(url_path)
        return data

    html_path = page_url.rstrip("/") + "/index.html" if page_url else "index.html"
    html = add("/" + html_path, "html")
    if html is None:
        raise FileNotFoundError(site_dir / html_path)
    soup = BeautifulSoup(html.decode("utf-8"), "html.parser")

    references: list[tuple[str, str, bool]] = []  # (url, category, render-blocking)
    for link in soup.find_all("link", href=True):
        rel = {value.lower() for value in link.get("rel", [])}
        if "stylesheet" in rel:
            references.append((link["href"], "css", not link.get("media") == "print"))
        elif rel & {"icon", "shortcut", "apple-touch-icon", "preload", "modulepreload"}:
            references.append((link["href"], _category(link["href"], "images"), False))
    for script in soup.find_all("script", src=True):
        blocking = not (script.has_attr("async") or script.has_attr("defer") or script.get("type") == "module")
        references.append((script["src"], "js", blocking))
    for image in soup.find_all(["img", "source", "input"], src=True):
        if image.get("loading") != "lazy":
            references.append((image["src"], "images", False))
    for element in soup.find_all(style=True):  # inline style="background: url(...)"
        references += [(url, _category(url, "images"), False) for url in _CSS_URL.findall(element["style"])]
    for style in soup.find_all("style"):
        references += [(url, _category(url, "images"), False) for url in _CSS_URL.findall(style.get_text())]

    stylesheets: list[str] = []
    for url, category, blocking in references:
        if url.startswith("data:"):
            continue
        if _is_other_host(url):
            weight.other_hosts.append(url)
            if blocking:
                weight.render_blocking_other_hosts.append(url)
            continue
        url_path = urlsplit(urljoin(base, url)).path
        if add(url_path, category) is not None and category == "css":
            stylesheets.append(url_path)

    while stylesheets:  # fonts and images a stylesheet points to, and stylesheets it imports
        sheet = stylesheets.pop()
        text = (site_dir / sheet.lstrip("/")).read_text(encoding="utf-8", errors="replace")
        for url in _CSS_URL.findall(text) + _CSS_IMPORT.findall(text):
            if url.startswith(("data:", "#")):
                continue
            if _is_other_host(url):
                weight.other_hosts.append(url)
                weight.render_blocking_other_hosts.append(url)  # fetched before the text renders
                continue
            url_path = urlsplit(urljoin(sheet, url)).path
            category = _category(url_path, "images")
            if add(url_path, category) is not None and category == "css":
                stylesheets.append(url_path)
    return weight


def tree_size(site_dir: Path) -> tuple[int, int]:
    """Total bytes and number of files under a built site."""
    files = [path for path in site_dir.rglob("*") if path.is_file()]
    return sum(path.stat().st_size for path in files), len(files)
