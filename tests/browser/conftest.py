"""Fixtures for the browser tests: a local HTTP server for the built site and one headless Chromium.

The site itself comes from the session fixture ``built_site`` (tests/conftest.py): a fresh
``mkdocs build --strict`` of the repository, or of EKD_PROJECT (tests/project.py). Nothing here
is skipped: a missing Chromium, Java or node_modules is a test failure that says how to install it.

Tests are parametrized per page at collection time, before ``built_site`` exists, so the list of
pages is taken from MkDocs' own file list (``mkdocs.yml`` -> docs_dir + plugins' ``on_files``, which
includes pages that a ``hooks:`` module generates). ``test_every_built_page_is_tested`` checks that
this list and the HTML pages in the build are the same.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
import http.server
import os
import re
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.project import PROJECT, ROOT, SITE_URL

MKDOCS_YML = Path(os.environ.get("EKD_MKDOCS_YML", PROJECT / "mkdocs.yml"))  # the project built_site builds
NODE_MODULES = ROOT / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
INSTALL_HINT = "run `make test` (it installs them: tools/install-system-deps && npm ci)"
# Where a tab serves axe-core to the page, at the site's own address: every page's
# Content-Security-Policy (macros/outputs/security_headers.py) blocks inline scripts, so
# Playwright's add_script_tag(content=...) cannot inject it. Not a file of the site.
AXE_URL_PATH = "/__tests__/axe.min.js"

# Flags measured in shared/TOOLING.md: without the background-networking ones Chromium tries
# to reach the internet at every start. Playwright adds --headless and a fresh user-data-dir.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

VIEWPORTS = {
    "desktop": {"width": 1280, "height": 800},
    "mobile": {"width": 375, "height": 812},
}
# The width WCAG 1.4.10 (Reflow) names. Only the every-page checks use it (page_visits.py), in
# the phone's tab resized after its own checks: no page load of its own.
NARROW = "narrow"
NARROW_VIEWPORT = {"width": 320, "height": 812}

_REFRESH = re.compile(r"<meta[^>]+http-equiv=[\"']?refresh", re.IGNORECASE)


# --------------------------------------------------------------------------- page lists


def is_redirect_stub(html_file: Path) -> bool:
    """mkdocs-redirects stubs: tiny pages with <meta http-equiv="refresh">; not real pages."""
    return bool(_REFRESH.search(html_file.read_text(encoding="utf-8", errors="replace")))


def url_path_of(site: Path, html_file: Path) -> str:
    """'index.html' -> '', 'a/b/index.html' -> 'a/b/', '404.html' -> '404.html'."""
    rel = html_file.relative_to(site).as_posix()
    if rel == "index.html":
        return ""
    if rel.endswith("/index.html"):
        return rel[: -len("index.html")]
    return rel


def built_pages(site: Path) -> list[str]:
    """URL paths of every HTML page in a build, redirect stubs left out, 404.html included."""
    return sorted(
        url_path_of(site, f)
        for f in site.rglob("*.html")
        if not is_redirect_stub(f)
    )


@functools.cache
def source_pages() -> tuple[str, ...]:
    """URL paths of the pages MkDocs will build from MKDOCS_YML, known before any build.

    Runs only config loading, plugins' on_config and on_files (no rendering), so pages that a
    hooks: module or plugin adds in on_files are included. Theme static templates (404.html)
    are added too.
    """
    if not MKDOCS_YML.is_file():
        raise pytest.UsageError(f"{MKDOCS_YML} not found: cannot list the site's pages")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    cwd = os.getcwd()
    os.chdir(MKDOCS_YML.parent)  # plugins may resolve paths against the working directory
    try:
        config = load_config(str(MKDOCS_YML))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            config = config.plugins.on_config(config)
            files = get_files(config)
            files = config.plugins.on_files(files, config=config)
        finally:
            config.plugins.on_shutdown()
    finally:
        os.chdir(cwd)
    # File.url: 'a/b/' with directory URLs, 'a/b.html' without; './' for the home page.
    pages = {f.url.removeprefix("./") for f in files.documentation_pages()}
    pages |= {t for t in config.theme.static_templates if t == "404.html"}
    return tuple(sorted(pages))


def page_id(path: str) -> str:
    return "/" + path


def keyboard_pages() -> list[str]:
    """The home page and the first of the deepest pages (an opgave page: 'opgaven/<slug>/')."""
    pages = [p for p in source_pages() if p != "404.html"]
    depth = max(p.count("/") for p in pages)
    deepest = min(p for p in pages if p.count("/") == depth)
    return [""] if deepest == "" else ["", deepest]


def pytest_generate_tests(metafunc):
    """`page_path`: every page of the site; `keyboard_path`: the home page and a deep page.
    Tests are named by the page's URL path."""
    if "page_path" in metafunc.fixturenames:
        metafunc.parametrize("page_path", source_pages(), ids=page_id)
    if "keyboard_path" in metafunc.fixturenames:
        metafunc.parametrize("keyboard_path", keyboard_pages(), ids=page_id)


@pytest.fixture(scope="session")
def page_lists(built_site: Path) -> tuple[list[str], list[str]]:
    """(pages in the build, pages the tests are parametrized with), as URL paths."""
    return built_pages(built_site), list(source_pages())


# --------------------------------------------------------------------------- HTTP server


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves the site like a static host: missing paths get 404.html with status 404.

    404.html uses absolute links made from site_url's path (e.g. /ekd/assets/...): requests under
    that prefix are served from the site root too, so the 404 page loads its CSS and JS.
    With a `mount` other than "/" the site is served only in that folder, as on a GitHub Pages
    project site: nothing outside it exists.
    """

    prefix = "/"
    mount = "/"

    def log_message(self, format, *args):  # noqa: A002 - keep test output clean
        pass

    def translate_path(self, path):
        if self.mount != "/":
            if not urlsplit(path).path.startswith(self.mount):
                return os.path.join(self.directory, "__outside_the_site_folder__")  # a 404
            path = path[len(self.mount) - 1:]
        local = super().translate_path(path)
        clean = unquote(urlsplit(path).path)
        if not os.path.exists(local) and self.prefix != "/" and clean.startswith(self.prefix):
            local = super().translate_path("/" + clean[len(self.prefix):])
        return local

    def send_error(self, code, message=None, explain=None):
        not_found = Path(self.directory) / "404.html"
        if code == 404 and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A page closed while it was still loading (search index, ...) resets its connection:
        # not a test failure, and the traceback would only clutter the output.
        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def _site_prefix(site: Path) -> str:
    """The path prefix the 404 page uses for its assets ('/' when site_url has no path)."""
    not_found = site / "404.html"
    if not_found.is_file():
        m = re.search(r'href="(/[^"]*?)assets/stylesheets/', not_found.read_text(encoding="utf-8"))
        if m:
            return m.group(1)
    return "/"


@contextmanager
def serve(site: Path, mount: str = "/") -> Iterator[str]:
    """Base URL (http://127.0.0.1:PORT, or with `mount` http://127.0.0.1:PORT/folder; no trailing
    slash) of a threaded server for a built site."""
    handler = type("SiteHandler", (_Handler,), {"prefix": _site_prefix(site), "mount": mount})
    httpd = _Server(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}{mount.rstrip('/')}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(built_site: Path) -> Iterator[str]:
    """The built site, served only in the folder of its address (SITE_URL), as a GitHub Pages
    project site is: a request outside it is a request to another site."""
    folder = urlsplit(SITE_URL).path
    assert folder != "/", "SITE_URL must end in a folder: the browser tests serve the site in it"
    with serve(built_site, folder) as base_url:
        yield base_url


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def browser():
    """One headless Debian Chromium for the whole session, driven by Playwright."""
    if not CHROMIUM.is_file():
        pytest.fail(f"{CHROMIUM} is missing: {INSTALL_HINT}", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the playwright Python package is missing: pip install -r requirements-dev.txt",
                    pytrace=False)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"{AXE_JS.relative_to(ROOT)} is missing: {INSTALL_HINT}", pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


@dataclass
class Tab:
    """A reused browser page plus what it saw since the last visit()."""

    page: object
    origin: str  # the site's address: http://127.0.0.1:PORT/<folder>, no trailing slash
    viewport_name: str
    viewport: dict
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # requests answered with an error, or not at all

    def visit(self, path: str, *, wait_until: str = "load"):
        self.requests.clear()
        self.errors.clear()
        self.failed.clear()
        return self.page.goto(f"{self.origin}/{path}", wait_until=wait_until)

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the site's folder on the local server (data: and blob: URLs
        are fine)."""
        return [
            u for u in self.requests
            if not u.startswith((self.origin + "/", "data:", "blob:"))
        ]


def _open_tab(browser, server: str, viewport_name: str) -> Tab:
    viewport = VIEWPORTS[viewport_name]
    context = browser.new_context(viewport=viewport, locale="nl-NL", reduced_motion="reduce")
    # Offline machine: a request to another host would hang until it times out. Abort it at once;
    # the request event has already recorded it, so the test still fails on it.
    context.route(
        lambda url: not url.startswith((server + "/", "data:", "blob:")),
        lambda route: route.abort(),
    )
    context.route(server + AXE_URL_PATH,
                  lambda route: route.fulfill(path=AXE_JS, content_type="text/javascript"))
    page = context.new_page()
    tab = Tab(page=page, origin=server, viewport_name=viewport_name, viewport=viewport)
    page.on("request", lambda request: tab.requests.append(request.url))
    page.on("pageerror", lambda error: tab.errors.append(str(error)))
    page.on("response", lambda response: response.status >= 400 and tab.failed.append(
        f"{response.status} {response.url}"))
    # Leaving a page cancels what it still loads (net::ERR_ABORTED): that is no missing file.
    page.on("requestfailed", lambda request: request.failure != "net::ERR_ABORTED" and tab.failed.append(
        f"{request.failure} {request.url}"))
    return tab


def add_axe(tab: Tab) -> None:
    """Load axe-core into the tab's page (axe_source fails first when it is not installed)."""
    tab.page.add_script_tag(url=tab.origin + AXE_URL_PATH)


def add_style(page, css: str) -> None:
    """Add a style sheet for a test (no transitions, ...): a constructed one, which the pages'
    policy allows (style-src 'self' blocks add_style_tag's inline <style>)."""
    page.evaluate("""css => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }""", css)


@contextmanager
def opened_tab(browser, server: str, viewport_name: str) -> Iterator[Tab]:
    """A tab in a context of its own, closed afterwards."""
    tab = _open_tab(browser, server, viewport_name)
    try:
        yield tab
    finally:
        tab.page.context.close()


@pytest.fixture(scope="session", params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport_tab(request, browser, server) -> Iterator[Tab]:
    """One context and one page per viewport, reused by every test (parametrized: both)."""
    with opened_tab(browser, server, request.param) as tab:
        yield tab


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport_name(request) -> str:
    """Each viewport's name in turn (parametrized: both)."""
    return request.param


@pytest.fixture(scope="session")
def page_visits(browser, server, axe_source):
    """Every page loaded once per viewport for the tests that only look (page_visits.py)."""
    from tests.browser.page_visits import PageVisits

    visits = PageVisits(browser, server)
    try:
        yield visits
    finally:
        visits.close()


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def fresh_tab(request, browser, server) -> Iterator[Tab]:
    """A new context and page per test, at each viewport (for tests that change focus/state)."""
    with opened_tab(browser, server, request.param) as tab:
        yield tab


@pytest.fixture(params=["desktop"])
def fresh_desktop_tab(request, browser, server) -> Iterator[Tab]:
    """Like fresh_tab, desktop only."""
    with opened_tab(browser, server, request.param) as tab:
        yield tab


@pytest.fixture(scope="module")
def phone_tab(browser, server) -> Iterator[Tab]:
    """One phone tab (375x812) shared by the tests of a module."""
    with opened_tab(browser, server, "mobile") as tab:
        yield tab


@pytest.fixture(params=["mobile"])
def fresh_mobile_tab(request, browser, server) -> Iterator[Tab]:
    """Like fresh_tab, phone only (the navigation drawer behind the menu button)."""
    with opened_tab(browser, server, request.param) as tab:
        yield tab
