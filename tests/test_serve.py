"""`make serve` for staff: with bad data the browser shows the Dutch problem list (the report of
`make check`) at every address, and the site comes back by itself once the data is fixed.

Runs the real `mkdocs serve --strict` (as `make serve` does) on a copy of the project with the
adopted data. `mkdocs build` must still refuse bad data: the problem page exists only in serve.
"""

import json
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, ENV, SITE_URL, build, check, copy_project
from tests.vnu import vnu

PROBLEM_HEADING = "De site kan niet worden gebouwd"
LIVERELOAD = "/livereload/"  # the address MkDocs' live reload script polls
WAIT = 60  # seconds; a rebuild of the adopted data takes a few


def broken(text: str) -> tuple[str, int]:
    """opgaven.yaml with a typo in the first opgave's `titel` key, and the line of the typo."""
    before, key, after = text.partition("\n    titel:")
    assert key, "the adopted opgaven.yaml has no `titel` key"
    return before + "\n    titl:" + after, before.count("\n") + 2


@pytest.fixture
def project(tmp_path, warm_cache) -> Path:
    return copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)


@pytest.fixture
def bad_data(project) -> tuple[str, str, int]:
    """Breaks the copy's opgaven.yaml; gives the good text, the bad text and the line of the typo."""
    opgaven = project / "data" / "opgaven.yaml"
    good = opgaven.read_text(encoding="utf-8")
    bad, typo_line = broken(good)
    opgaven.write_text(bad, encoding="utf-8")
    return good, bad, typo_line


@pytest.fixture
def server(project, bad_data, tmp_path):
    """`mkdocs serve --strict` (as `make serve`) on the copy, started with bad data;
    yields (base url, log file, process). Always stopped. With SITE_URL set (tests/project.py),
    it serves in the address's folder: http://127.0.0.1:PORT/koers/."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")],
            cwd=project, env=ENV, stdout=output, stderr=subprocess.STDOUT,
        )
    try:
        yield f"http://127.0.0.1:{port}{urlsplit(SITE_URL).path}", log, process
    finally:
        process.send_signal(signal.SIGINT)  # like Ctrl+C: MkDocs removes its temporary site
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_for(url: str, wanted, process, log: Path, what: str) -> str:
    """The page at `url` once `wanted(html)` holds, polling for at most WAIT seconds."""
    deadline = time.monotonic() + WAIT
    html = ""
    while time.monotonic() < deadline:
        assert process.poll() is None, f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')}"
        try:
            html = get(url)[1]
        except OSError:  # URLError, refused, timed out
            html = ""  # not listening yet
        if wanted(html):
            return html
        time.sleep(0.3)
    pytest.fail(f"{url} toonde na {WAIT} s nog niet {what}:\n{html[:2000]}\n--- log:\n"
                f"{log.read_text(encoding='utf-8')}")


def is_problem_page(html: str) -> bool:
    return PROBLEM_HEADING in html and LIVERELOAD in html


def is_site(html: str) -> bool:
    return bool(html) and PROBLEM_HEADING not in html


def report_lines(data_dir: Path) -> list[str]:
    """What `make check` says about this data, line by line."""
    result = check(data_dir)
    assert result.returncode != 0, "macros.view.check accepted the broken data"
    return [line.strip().removeprefix("- ") for line in result.stderr.splitlines() if line.strip()]


def assert_problem_page(html: str, expected_lines: list[str], typo_line: int) -> None:
    page = BeautifulSoup(html, "html.parser")
    assert page.html["lang"] == "nl"
    assert page.h1.get_text(strip=True) == PROBLEM_HEADING
    items = [li.get_text(" ", strip=True) for li in page.select("main ul > li")]
    assert any(f"data/opgaven.yaml, regel {typo_line}" in item for item in items), items
    text = " ".join(page.get_text(" ").split())
    for line in expected_lines:  # the whole report of `make check`, word for word
        assert " ".join(line.split()) in text, f"missing from the problem page: {line}"
    assert "sla het op" in text and "vanzelf opnieuw" in text, "the page must say what to do"
    assert any(LIVERELOAD in (script.string or "") for script in page.find_all("script")), \
        "no live reload script: the page would not reload when the data is fixed"


def assert_valid_html(html: str, tmp_path: Path) -> None:
    page = tmp_path / "problem-page.html"
    page.write_text(html, encoding="utf-8")
    result = vnu("--format", "json", str(page), timeout=120)
    errors = [m for m in json.loads(result.stderr)["messages"] if m["type"] != "info"]
    assert not errors, errors


def test_serve_shows_the_problems_until_the_data_is_fixed(server, project, bad_data, adopted, tmp_path):
    url, log, process = server
    good, bad, typo_line = bad_data
    opgaven = project / "data" / "opgaven.yaml"
    first = adopted.opgaven[0]
    opgave_url = f"{url}opgaven/{first.slug}/"
    expected = report_lines(project / "data")

    # Started with bad data: the server runs and every address shows the problems.
    html = wait_for(url, is_problem_page, process, log, "de foutenpagina")
    assert_problem_page(html, expected, typo_line)
    for address in (f"{url}opgaven/bestaat-niet/", opgave_url, f"{url}begroting/"):
        assert_problem_page(get(address)[1], expected, typo_line)
    assert_valid_html(html, tmp_path)

    # Fixed: the real site comes back, without restarting.
    opgaven.write_text(good, encoding="utf-8")
    home = wait_for(url, is_site, process, log, "de site")
    # No Content-Security-Policy in `mkdocs serve`: it would block the inline live reload script.
    assert "Content-Security-Policy" not in home and LIVERELOAD in home
    assert first.title in BeautifulSoup(home, "html.parser").get_text(), "not the real home page"
    status, page = get(opgave_url)
    assert status == 200 and first.title in BeautifulSoup(page, "html.parser").h1.get_text()

    # Broken again while serving: the next rebuild shows the problems again.
    opgaven.write_text(bad, encoding="utf-8")
    assert_problem_page(wait_for(opgave_url, is_problem_page, process, log, "de foutenpagina"),
                        expected, typo_line)

    # The terminal: no English INFO lines, the problems and a Dutch line per build.
    output = log.read_text(encoding="utf-8")
    assert "INFO" not in output, output
    assert "De site is gebouwd (" in output and f"Open {url} in de browser" in output, output
    assert f"De browser toont deze meldingen op {url}." in output, output
    assert output.count(expected[0]) >= 2, output  # at the start, and again when broken again


def test_build_still_refuses_bad_data(project, bad_data, tmp_path):
    site_dir = tmp_path / "site"
    result = build(project, site_dir)
    assert result.returncode != 0, "mkdocs build --strict accepted bad data"
    assert report_lines(project / "data")[0] in result.stdout + result.stderr
    assert not site_dir.exists() or not any(site_dir.iterdir()), "a build with bad data wrote files"
