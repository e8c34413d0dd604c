"""Adding a record to data/opgaven.yaml is the whole act of adding an opgave."""

import copy

from bs4 import BeautifulSoup

from tests.project import build, copy_project, read_yaml, write_yaml


def test_a_sixth_opgave_gets_its_page_nav_entry_and_card(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    sixth = copy.deepcopy(content["opgaven"][0])
    sixth.update(id="zesde-opgave", slug="zesde-opgave", titel="Een zesde opgave om te testen")
    sixth["resultaten"] = ["Een resultaat dat alleen in de zesde opgave staat"]
    content["opgaven"].append(sixth)
    write_yaml(path, content)

    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    page = tmp_path / "site" / "opgaven" / "zesde-opgave" / "index.html"
    assert page.is_file()
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert "Opgave 6" in soup.select_one("article h1").get_text()
    assert "Een resultaat dat alleen in de zesde opgave staat" in soup.find(id="resultaten").find_next("ul").get_text()

    home = BeautifulSoup((tmp_path / "site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "opgaven/zesde-opgave/" in [a["href"] for a in home.select(".ekd-kaarten h3 a")]
    assert "opgaven/zesde-opgave/" in [a.get("href") for a in home.select("nav.md-nav--primary a")]

    fifth = BeautifulSoup(
        (tmp_path / "site" / "opgaven" / "economische-kracht" / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    assert fifth.select_one("nav.ekd-buren a[rel=next]")["href"] == "../../opgaven/zesde-opgave/"
