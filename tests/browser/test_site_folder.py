"""The site works in a folder of its host, as a GitHub Pages project site
(https://<org>.github.io/<repo>/) does.

Test builds are published at SITE_URL (tests/project.py), which ends in a folder; here the
build is served only inside that folder: nothing outside it exists. Every page and the
404 page load all their files from inside the folder, and every link on them leads to
something that exists there.
"""

import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.browser.conftest import opened_tab, serve, source_pages
from tests.project import SITE_URL

FOLDER = urlsplit(SITE_URL).path


@pytest.fixture(scope="module")
def folder_server(built_site) -> Iterator[str]:
    assert FOLDER != "/", "SITE_URL must end in a folder for this test"
    with serve(built_site, FOLDER) as base_url:
        yield base_url


@pytest.fixture(scope="module")
def folder_tab(browser, folder_server):
    with opened_tab(browser, folder_server, "desktop") as tab:
        failed: list[str] = []
        tab.page.on("response", lambda response: failed.append(f"{response.status} {response.url}")
                    if response.status >= 400 else None)
        # Leaving a page cancels what it still loads (net::ERR_ABORTED): that is no missing file.
        tab.page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}")
                    if request.failure != "net::ERR_ABORTED" else None)
        yield tab, failed


def visit(tab_and_failed, path: str, wait_until: str = "load"):
    """Opens `path` in the folder; returns the response, the links on the page and what went wrong
    loading it (requests outside the folder, failed requests, script errors)."""
    tab, failed = tab_and_failed
    failed.clear()
    response = tab.visit(path, wait_until=wait_until)
    links = tab.page.eval_on_selector_all("a[href], link[href]", "elements => elements.map(e => e.href)")
    problems = [f"buiten de map: {url}" for url in tab.foreign_requests()] + failed + tab.errors
    return response, links, problems


def missing(links: set[str], base_url: str) -> list[str]:
    """The links to this server that lead nowhere in the folder (other hosts are not asked)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    found = []
    for link in sorted({urldefrag(link).url for link in links if link.startswith(origin + "/")}):
        if not link.startswith(base_url + "/"):
            found.append(f"buiten de map: {link}")
            continue
        try:
            with urllib.request.urlopen(link, timeout=10) as response:
                response.read()
        except urllib.error.HTTPError as error:
            found.append(f"{error.code}: {link}")
    return found


def test_every_page_works_in_the_sites_folder(folder_tab, folder_server):
    links: set[str] = set()
    pages = [path for path in source_pages() if path != "404.html"]
    for index, path in enumerate(pages):
        # The first page waits until the network is quiet: the search index loads after the page.
        response, page_links, problems = visit(folder_tab, path, "networkidle" if index == 0 else "load")
        assert response.status == 200, path
        assert not problems, (path, problems)
        links.update(page_links)
    assert not missing(links, folder_server)


def test_the_404_page_works_in_the_sites_folder(folder_tab, folder_server):
    response, links, problems = visit(folder_tab, "bestaat-niet/")
    assert response.status == 404
    # The "not found" page itself is the one failed request; everything it loads must be there.
    problems = [problem for problem in problems if not problem.endswith(f"{folder_server}/bestaat-niet/")]
    assert not problems, problems
    assert folder_tab[0].page.locator("link[rel=stylesheet]").count() > 0
    # Its links to itself (the skip link: #__main) are the address that was not found.
    assert not missing({link for link in links if urldefrag(link).url != response.url}, folder_server)
