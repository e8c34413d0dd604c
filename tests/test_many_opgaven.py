"""A programme with many opgaven: the sidebar stays short, every opgave stays reachable."""

import copy
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from macros.engine.site_build import MAX_OPGAVEN_IN_NAV
from tests.project import ADOPTED_DATA, build, copy_project, read_yaml, write_yaml


def _links(site, url: str, selector: str) -> list[str]:
    """The site-relative targets of the links on the page at directory URL `url`."""
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    return [urljoin("/" + url, a["href"]).lstrip("/") for a in soup.select(selector) if a.get("href")]


def test_beyond_the_limit_the_sidebar_links_the_index_and_the_index_links_every_opgave(tmp_path, warm_cache):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    budget_path = project / "data" / "budgetten.yaml"
    budget = read_yaml(budget_path)
    groups = next(year for year in budget["jaren"] if any("opgave" in group for group in year["groepen"]))["groepen"]
    real = list(content["opgaven"])
    while len(content["opgaven"]) <= MAX_OPGAVEN_IN_NAV:
        number = len(content["opgaven"]) + 1
        extra = copy.deepcopy(real[number % len(real)])
        extra.update(id=f"extra-{number}", slug=f"extra-{number}", titel=f"Extra opgave {number}")
        content["opgaven"].append(extra)
        # Each opgave has a budget group; without budget, so the adopted total still holds.
        groups.append({"opgave": f"extra-{number}",
                       "regels": [{"id": f"extra-{number}", "naam": f"Extra opgave {number}", "bedrag": "geen"}]})
    write_yaml(path, content)
    write_yaml(budget_path, budget)
    slugs = [opgave["slug"] for opgave in content["opgaven"]]

    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr

    opgave_pages = [f"opgaven/{slug}/" for slug in slugs]
    for url in ("", opgave_pages[-1]):
        sidebar = _links(site, url, "nav.md-nav--primary a")
        assert "opgaven/" in sidebar, url
        assert not set(sidebar) & set(opgave_pages), url

    listed = {link.split("#")[0] for link in _links(site, "opgaven/", "article a")}
    assert set(opgave_pages) <= listed
    for number, (url, opgave) in enumerate(zip(opgave_pages, content["opgaven"]), 1):
        page = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert " ".join(page.select_one("article h1").get_text().split()) == f"Opgave {number} {opgave['titel']}", url
        assert len(page.select("article h2")) >= 7, url  # its sections
