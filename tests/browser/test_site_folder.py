"""The site works in a folder of its host, as a GitHub Pages project site
(https://<org>.github.io/<repo>/) does.

Test builds are published at SITE_URL (tests/project.py), which ends in a folder, and every
browser test serves the build only inside that folder (conftest.py `server`): nothing outside
it exists. That every page loads all its files from inside the folder and that every link on
it leads to something there is checked per page in test_every_page.py; here the 404 page,
which a visitor sees at any address in the folder.
"""

import functools
import urllib.error
import urllib.request
from urllib.parse import urldefrag, urlsplit

from tests.browser.conftest import opened_tab


def missing(links: set[str], base_url: str) -> list[str]:
    """The links to this server that lead nowhere in the folder (other hosts are not asked)."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(base_url))
    found = []
    for link in sorted({urldefrag(link).url for link in links if link.startswith(origin + "/")}):
        if not link.startswith(base_url + "/"):
            found.append(f"buiten de map: {link}")
        elif _error(link):
            found.append(f"{_error(link)}: {link}")
    return found


@functools.cache  # every page links the same pages; a test server's files never change
def _error(link: str) -> int | None:
    """The HTTP error code the link answers with, or None."""
    try:
        with urllib.request.urlopen(link, timeout=10) as response:
            response.read()
    except urllib.error.HTTPError as error:
        return error.code
    return None


def test_the_404_page_works_in_the_sites_folder(browser, server):
    with opened_tab(browser, server, "desktop") as tab:
        response = tab.visit("bestaat-niet/")
        assert response.status == 404
        links = tab.page.eval_on_selector_all("a[href], link[href]", "elements => elements.map(e => e.href)")
        # The "not found" page itself is the one failed request; everything it loads must be there.
        problems = [f"buiten de map: {url}" for url in tab.foreign_requests()] + tab.failed + tab.errors
        problems = [problem for problem in problems if not problem.endswith(f"{server}/bestaat-niet/")]
        assert not problems, problems
        assert tab.page.locator("link[rel=stylesheet]").count() > 0
        # Its links to itself (the skip link: #__main) are the address that was not found.
        assert not missing({link for link in links if urldefrag(link).url != response.url}, server)
