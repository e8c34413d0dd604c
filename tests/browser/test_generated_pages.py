"""Generated content states (tests/generated_states.py) on the built site: whatever `make check`
accepts builds strictly, and every page of that build passes the page checks the real site
passes: valid HTML (vnu), no broken link, an <abbr> with the glossary's meaning wherever an
abbreviation appears, and in Chromium (page_visits.py, as test_every_page.py) zero axe-core
violations, no sideways scrolling and no table wider than the screen at phone widths.

In tests/browser/ for its one Chromium per test process. The settings (a fixed seed and a few
states in make test; many, every page at every width in make test-ruim) are those of
tests/test_generated_states.py.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings

from macros.outputs.links import broken_links
from macros.view.glossary import whole_words
from macros.view.site import load_site
from tests.browser.conftest import VIEWPORTS, built_pages, serve
from tests.browser.page_visits import PageVisits, format_violations
from tests.generated_states import State, content_states
from tests.project import ADOPTED_DATA, SITE_URL, build, copy_project
from tests.test_generated_states import BUILDS, SETTINGS, WIDE, accepted, fixed
from tests.test_glossary import visible_text_nodes
from tests.vnu import vnu

pytestmark = pytest.mark.slow  # builds and browses several sites

# The narrowest phone the every-page test uses (375, or 320 once it checks that too).
NARROWEST = min(VIEWPORTS, key=lambda name: VIEWPORTS[name]["width"])
PHONES = [name for name in VIEWPORTS if VIEWPORTS[name]["width"] < 600]


def pages_to_visit(state: State, site_dir: Path) -> list[str]:
    """Every page (make test-ruim); else the pages the edits show on: the home page, the
    overviews and the opgave pages whose data was edited."""
    pages = built_pages(site_dir)
    if WIDE:
        return pages
    slugs = {state.opgaven[named.opgave]["slug"] for named in state.named} | {state.opgaven[-1]["slug"]}
    wanted = {"", "voortgang/", "begroting/", "partners/", "begrippen/"} | {f"opgaven/{slug}/" for slug in slugs}
    return [page for page in pages if page in wanted]


def abbreviation_problems(site_dir: Path, pages: list[str], titles: dict[str, str]) -> list[str]:
    """Every glossary spelling a reader sees is in an <abbr> with its meaning."""
    pattern = whole_words(titles)
    problems = []
    for page in pages:
        file = site_dir / (page if page.endswith(".html") else page + "index.html")
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        for node in visible_text_nodes(soup):
            abbr = node.find_parent("abbr")
            if abbr is not None:
                if abbr.get("title") != titles.get(abbr.get_text()):
                    problems.append(f"/{page}: <abbr>{abbr.get_text()}</abbr> met title {abbr.get('title')!r}")
            else:
                problems += [f"/{page}: {word} zonder <abbr>" for word in sorted(set(pattern.findall(node)))]
    return problems


def html_problems(site_dir: Path, pages: list[str]) -> list[str]:
    files = [str(site_dir / (page if page.endswith(".html") else page + "index.html")) for page in pages]
    result = vnu("--format", "json", *files)
    messages = json.loads(result.stderr)["messages"]
    return [f"{message.get('url', '').rsplit('/site/', 1)[-1]}:{message.get('lastLine')}: {message.get('message')}"
            for message in messages if message.get("type") in ("error", "non-document-error")
            and "Content Security Policy (meta tag)" not in message.get("message", "")]


def browser_problems(browser, site_dir: Path, pages: list[str]) -> list[str]:
    """What test_every_page.py's page checks find, on the pages given, at phone widths."""
    problems = []
    viewports = list(VIEWPORTS) if WIDE else [NARROWEST]
    with serve(site_dir, urlsplit(SITE_URL).path) as server:
        visits = PageVisits(browser, server)
        try:
            for page in pages:
                for viewport in viewports:
                    visit = visits(page, viewport)
                    if visit.axe_violations:
                        problems.append(f"{visit.where}: axe-core\n{format_violations(visit.axe_violations)}")
                    if visit.failed_requests or visit.page_errors:
                        problems.append(f"{visit.where}: {visit.failed_requests + visit.page_errors}")
                    if viewport in PHONES:
                        if visit.width[0] > visit.width[1]:
                            problems.append(f"{visit.where}: de pagina is {visit.width[0]} px breed: {visit.wide_elements}")
                        problems += [f"{visit.where}: tabel '{table['table']}': {table['problems']}"
                                     for table in visit.tables if table["problems"]]
        finally:
            visits.close()
    return problems


@pytest.fixture(scope="module")
def project(tmp_path_factory, warm_cache) -> Path:
    """One copy of the project whose data each example replaces (its cache stays warm)."""
    return copy_project(tmp_path_factory.mktemp("states") / "project", data=ADOPTED_DATA, cache=warm_cache)


def test_what_make_check_accepts_builds_and_every_page_passes_the_page_checks(project, browser, axe_source):
    @fixed
    @settings(max_examples=BUILDS, **SETTINGS)
    @given(state=content_states())
    def property_(state):
        data = project / "data"
        for file in data.glob("*.yaml"):
            file.unlink()
        accepted(state, data)
        site_dir = Path(tempfile.mkdtemp(prefix="ekd-states-site-"))
        result = build(project, site_dir)
        assert result.returncode == 0, f"make check accepteert de data, maar de build faalt:\n{result.stderr[-3000:]}"
        pages = pages_to_visit(state, site_dir)
        problems = abbreviation_problems(site_dir, pages, load_site(data).glossary.titles)
        problems += [str(link) for link in broken_links(site_dir, SITE_URL)]
        problems += html_problems(site_dir, pages)
        problems += browser_problems(browser, site_dir, pages)
        assert not problems, f"{len(problems)} problemen op de site van {state.edits}:\n" + "\n".join(problems[:20])

    property_()
