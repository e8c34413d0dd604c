"""Old links keep working: renaming an opgave's slug leaves a forwarding page at the old address.

The machinery is tested on a copy of the adopted data with opgave 2 renamed; the content
test at the end checks every `oude_slugs` entry of the real data.
"""

import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, PROJECT, build, check, copy_project, read_yaml, write_yaml
from tests.vnu import vnu

OLD, NEW = "arbeidsmarkt", "arbeidsmarkt-en-onderwijs"


def build_with_renamed_slug(root: Path, cache: Path | None = None) -> Path:
    """A build of the adopted data in which opgave 2 moved from /opgaven/arbeidsmarkt/ to a new slug."""
    project = copy_project(root / "project", data=ADOPTED_DATA, cache=cache)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    opgave = next(o for o in content["opgaven"] if o["slug"] == OLD)
    opgave["slug"] = NEW
    opgave["oude_slugs"] = [OLD]
    write_yaml(path, content)
    result = build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.fixture
def renamed(renamed_site) -> Path:
    return renamed_site  # built once for this module and the browser test (tests/conftest.py)


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def follow(site: Path, url: str) -> str:
    """The URL the page at `url` forwards to without JavaScript (its meta refresh)."""
    refresh = soup_of(site / url / "index.html").find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None, f"/{url} stuurt niet door"
    delay, target = re.fullmatch(r"(\d+);\s*url=(.+)", refresh["content"]).groups()
    assert delay == "0"
    return urljoin(f"https://example.org/{url}", target).removeprefix("https://example.org/")


def test_the_old_url_forwards_to_the_renamed_page(renamed):
    assert follow(renamed, f"opgaven/{OLD}/") == f"opgaven/{NEW}/"
    new_page = soup_of(renamed / "opgaven" / NEW / "index.html")
    assert "Opgave 2" in new_page.select_one("article h1").get_text()


def test_the_forwarding_page_keeps_the_section_of_the_old_link(renamed):
    stub = soup_of(renamed / "opgaven" / OLD / "index.html")
    script = stub.find("script").string
    assert script == f'location.replace("../../opgaven/{NEW}/" + location.hash);'
    assert soup_of(renamed / "opgaven" / NEW / "index.html").find(id="activiteiten") is not None


def test_the_forwarding_page_is_dutch_and_has_a_plain_link(renamed):
    stub = soup_of(renamed / "opgaven" / OLD / "index.html")
    assert stub.html["lang"] == "nl"
    assert "Deze pagina is verhuisd" in stub.h1.get_text()
    assert stub.title.get_text().startswith("Verhuisd: ")
    assert [a["href"] for a in stub.select("main a")] == [f"../../opgaven/{NEW}/"]
    assert stub.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_the_old_url_is_not_in_the_navigation_search_or_sitemap(renamed):
    home = soup_of(renamed / "index.html")
    links = [a.get("href") for a in home.select("nav.md-nav--primary a")]
    assert f"opgaven/{NEW}/" in links and f"opgaven/{OLD}/" not in links
    words = (renamed / "search" / "woorden.json").read_text(encoding="utf-8")
    assert f"opgaven/{NEW}/" in words and f"opgaven/{OLD}/" not in words
    sitemap = (renamed / "sitemap.xml").read_text(encoding="utf-8")
    assert f"opgaven/{NEW}/" in sitemap and f"opgaven/{OLD}/<" not in sitemap


def test_the_forwarding_page_is_valid_html(renamed):
    result = vnu("--errors-only", "--format", "text", str(renamed / "opgaven" / OLD / "index.html"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_old_slug_cannot_be_the_slug_of_another_opgave(tmp_path):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    content["opgaven"][0]["oude_slugs"] = ["transities"]
    write_yaml(path, content)
    result = check(project / "data")
    assert result.returncode != 0
    assert "slug 'transities' komt vaker voor" in result.stderr


@pytest.mark.content
def test_every_old_slug_in_the_data_forwards_to_its_opgave_and_keeps_the_section(site, built_site):
    for record in read_yaml(PROJECT / "data" / "opgaven.yaml")["opgaven"]:
        opgave = site.opgave(record["id"])
        assert (built_site / opgave.path / "index.html").is_file(), opgave.path
        for old in record.get("oude_slugs", []):
            assert follow(built_site, f"opgaven/{old}/") == opgave.path
            script = soup_of(built_site / "opgaven" / old / "index.html").find("script").string
            assert script == f'location.replace("../../{opgave.path}" + location.hash);'
