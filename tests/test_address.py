"""The published address: set in one place (SITE_URL), used wherever the site needs an
absolute URL, and never replaced by a loopback or invented one (macros/view/address.py).

Every test build is published at SITE_URL (tests/project.py), a folder on its host as on
GitHub Pages: the adopted build shows the address in each place that needs it. One build of
the adopted data without an address, run as `make build` (tools/build), shows what is left
out and the one Dutch line that says so.
"""

import csv
import gzip
import io
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from macros.view.address import NO_ADDRESS, published_address
from tests.build_tool import copy_with_build_tool, run_build_tool
from tests.project import NO_ADDRESS_ENV, SITE_URL

LOOPBACK = (b"127.0.0.1", b"localhost")
ABSOLUTE_LINK_TAGS = (
    ("link", {"rel": "canonical"}, "href"),
    ("meta", {"property": "og:url"}, "content"),
    ("meta", {"property": "og:image"}, "content"),
    ("meta", {"name": "twitter:image"}, "content"),
)
FEED_HREF = re.compile(rb'href="([^"]*)"')


@pytest.mark.parametrize("given, expected", [
    ("https://www.example.nl/koers", "https://www.example.nl/koers/"),
    (" https://provincie.github.io/ekd/ ", "https://provincie.github.io/ekd/"),
    ("http://example.org/", "http://example.org/"),
    (None, None), ("", None), ("   ", None),
    ("http://127.0.0.1:8000/", None), ("http://127.0.0.2/", None), ("http://0.0.0.0:8000/", None),
    ("http://[::1]/", None), ("http://localhost:8000/", None), ("https://app.localhost/", None),
    ("ftp://example.org/", None), ("/koers/", None), ("www.example.nl", None),
    ("https://www.example.nl/koers/\nSITE_URL=https://elders.example/", None),
])
def test_published_address(given, expected):
    assert published_address(given) == expected


def html_pages(site_dir: Path) -> dict[str, BeautifulSoup]:
    """Every page by its URL path ('' for home, 'opgaven/x/'), parsed; redirect stubs and 404.html left out."""
    pages = {}
    for path in sorted(site_dir.rglob("*.html")):
        name = path.relative_to(site_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        if name == "404.html" or 'http-equiv="refresh"' in text:
            continue
        pages[name.removesuffix("index.html")] = BeautifulSoup(text, "html.parser")
    return pages


def feed_links(site_dir: Path) -> list[str]:
    feeds = sorted(site_dir.glob("wijzigingen/**/*.xml"))
    assert feeds, "no Atom feeds in the build"
    return [link.decode() for feed in feeds for link in FEED_HREF.findall(feed.read_bytes())]


def opgaven_addresses(site_dir: Path) -> tuple[list[str], list]:
    """The `webadres` column of opgaven.csv and the `webadres` of each opgave in opgaven.json."""
    rows = list(csv.DictReader(io.StringIO((site_dir / "open-data" / "opgaven.csv").read_text(encoding="utf-8"))))
    items = json.loads((site_dir / "open-data" / "opgaven.json").read_text(encoding="utf-8"))["opgaven"]
    return [row["webadres"] for row in rows], [item["webadres"] for item in items]


def files_naming_loopback(site_dir: Path) -> list[str]:
    found = []
    for path in sorted(site_dir.rglob("*")):
        if path.is_file():
            content = path.read_bytes()
            if path.suffix == ".gz":
                content = gzip.decompress(content)
            if any(name in content for name in LOOPBACK):
                found.append(path.relative_to(site_dir).as_posix())
    return found


# ---------------------------------------------------------------- with an address (SITE_URL)


def test_every_page_names_its_published_address(adopted_built_site):
    pages = html_pages(adopted_built_site)
    assert len(pages) > 10
    for url, soup in pages.items():
        canonical = soup.find("link", rel="canonical")
        assert canonical is not None and canonical["href"] == SITE_URL + url, url
        assert soup.find("meta", property="og:url")["content"] == SITE_URL + url
        for key, attribute in (("og:image", "property"), ("twitter:image", "name")):
            image = soup.find("meta", attrs={attribute: key})["content"]
            assert image.startswith(SITE_URL), (url, key, image)
            assert (adopted_built_site / image.removeprefix(SITE_URL)).is_file(), (url, image)


def test_the_printed_page_names_its_published_address(adopted, adopted_page):
    for entry in adopted.opgaven:
        line = adopted_page(f"opgaven/{entry.slug}/").select_one(".ekd-afdrukkop").get_text()
        assert line.endswith(f" · {SITE_URL}opgaven/{entry.slug}/"), line


def test_the_sitemap_lists_every_page_at_its_published_address(adopted_built_site):
    sitemap = (adopted_built_site / "sitemap.xml").read_bytes()
    locations = re.findall(rb"<loc>([^<]*)</loc>", sitemap)
    assert sorted(location.decode() for location in locations) == sorted(
        SITE_URL + url for url in html_pages(adopted_built_site))
    assert gzip.decompress((adopted_built_site / "sitemap.xml.gz").read_bytes()) == sitemap


def test_feed_links_are_at_the_published_address(adopted_built_site):
    links = feed_links(adopted_built_site)
    assert links and all(link.startswith(SITE_URL) for link in links), links


def test_the_open_data_gives_each_opgave_its_published_address(adopted, adopted_built_site):
    expected = [f"{SITE_URL}opgaven/{entry.slug}/" for entry in adopted.opgaven]
    assert opgaven_addresses(adopted_built_site) == (expected, expected)


def test_the_404_page_loads_its_files_from_the_sites_folder(adopted_built_site):
    # It is shown at any address, so its links start at the site's folder on the host.
    soup = BeautifulSoup((adopted_built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    folder = urlsplit(SITE_URL).path
    links = [tag.get("href") or tag.get("src") for tag in soup.select("link[href], script[src], a[href]")]
    local = [link for link in links if not urlsplit(link).scheme and not link.startswith("#")]
    assert local and all(link.startswith(folder) for link in local), local


def test_no_file_names_a_loopback_address(adopted_built_site):
    assert files_naming_loopback(adopted_built_site) == []


# ---------------------------------------------------------------- without an address


@pytest.fixture(scope="module")
def unaddressed(tmp_path_factory, warm_cache):
    """`make build` of the adopted data without SITE_URL: (the built site, what it printed)."""
    project = copy_with_build_tool(tmp_path_factory.mktemp("no-address"), cache=warm_cache)
    result = run_build_tool(project, NO_ADDRESS_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site", result.stdout + result.stderr


def test_without_an_address_the_build_says_so_in_one_dutch_line(unaddressed):
    _, output = unaddressed
    assert output.splitlines().count(NO_ADDRESS) == 1, output
    assert "\n" not in NO_ADDRESS and "SITE_URL=https://" in NO_ADDRESS


def test_without_an_address_pages_name_no_address(unaddressed):
    site_dir, _ = unaddressed
    pages = html_pages(site_dir)
    assert len(pages) > 10
    for url, soup in pages.items():
        for name, attributes, _ in ABSOLUTE_LINK_TAGS:
            assert soup.find(name, attrs=attributes) is None, (url, attributes)
        # A large-image card without an image is not a card: the plain summary.
        assert soup.find("meta", attrs={"name": "twitter:card"})["content"] == "summary"


def test_without_an_address_there_is_no_sitemap(unaddressed):
    site_dir, _ = unaddressed
    assert not (site_dir / "sitemap.xml").exists() and not (site_dir / "sitemap.xml.gz").exists()
    assert not (site_dir / "robots.txt").exists()  # its Sitemap line would need the address


def test_without_an_address_feed_links_are_relative(unaddressed):
    site_dir, _ = unaddressed
    links = feed_links(site_dir)
    assert links and not [link for link in links if urlsplit(link).scheme or link.startswith("/")], links


def test_without_an_address_the_open_data_has_no_web_addresses(unaddressed, adopted):
    site_dir, _ = unaddressed
    count = len(adopted.opgaven)
    assert opgaven_addresses(site_dir) == ([""] * count, [None] * count)


def test_without_an_address_no_file_names_a_loopback_address(unaddressed):
    site_dir, _ = unaddressed
    assert files_naming_loopback(site_dir) == []
