"""Activities and results may carry a status; the opgave page and "Voortgang" show it.

The adopted data has no status (the programme reports none), so the tests that show a
status work on a copy of the project with the adopted data and a few statuses added.
The content tests at the end check that the real data's statuses (if any) all show.
"""

import pytest
from bs4 import BeautifulSoup

from macros.view.site import load_site
from tests.project import ADOPTED_DATA, PROJECT, build, check, copy_project, read_yaml, write_yaml
from tests.text import section_text, squash


def status_block(text, status, datum, toelichting=None):
    block = {"tekst": text, "status": status, "datum": datum}
    if toelichting:
        block["toelichting"] = toelichting
    return block


@pytest.fixture(scope="module")
def with_progress(tmp_path_factory, warm_cache):
    """A build of the adopted data in which opgave 1 and 3 report progress and the others do not."""
    root = tmp_path_factory.mktemp("progress")
    project = copy_project(root / "project", data=ADOPTED_DATA, cache=warm_cache)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    first, third = content["opgaven"][0], content["opgaven"][2]
    items = first["activiteiten"][0]["items"]
    items[0] = status_block(items[0], "lopend", "2025-03-01", "De eerste drie bedrijventerreinen doen mee.")
    items[1] = status_block(items[1], "afgerond", "2024-11-15")
    first["resultaten"][0] = status_block(first["resultaten"][0], "gepland", "2025-09-01")
    third["activiteiten"][0]["items"][0] = status_block(third["activiteiten"][0]["items"][0], "lopend", "2025-01-20")
    write_yaml(path, content)
    result = build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    def parse(url):
        return BeautifulSoup((root / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")

    return content, parse


def item_element(soup, anchor, text):
    heading = soup.find("h2", id=anchor)
    for element in heading.find_all_next("li"):
        if element.find_previous("h2") is not heading:
            break
        # no separator: a link inside the text ("<a>gemeenten</a>/regio’s") adds no space
        if squash(element.get_text()).startswith(squash(text)):
            return element
    raise AssertionError(f"geen regel {text!r} onder #{anchor}")


def test_a_status_shows_under_its_activity_with_a_dutch_date_and_note(with_progress):
    content, parse = with_progress
    soup = parse("opgaven/vestigingsklimaat/")
    text = content["opgaven"][0]["activiteiten"][0]["items"][0]["tekst"]
    status = item_element(soup, "activiteiten", text).select_one(".ekd-status")
    assert squash(status.get_text()) == "Status: lopend (1 maart 2025). De eerste drie bedrijventerreinen doen mee."
    assert status.find("time")["datetime"] == "2025-03-01"


def test_a_status_on_a_result_shows_under_the_result(with_progress):
    content, parse = with_progress
    soup = parse("opgaven/vestigingsklimaat/")
    status = item_element(soup, "resultaten", content["opgaven"][0]["resultaten"][0]["tekst"]).select_one(".ekd-status")
    assert "gepland" in status.get_text()
    assert "1 september 2025" in status.get_text()


def test_items_without_status_show_no_status(with_progress):
    content, parse = with_progress
    soup = parse("opgaven/vestigingsklimaat/")
    plain = content["opgaven"][0]["activiteiten"][0]["items"][2]
    assert item_element(soup, "activiteiten", plain).select_one(".ekd-status") is None
    assert parse("opgaven/arbeidsmarkt/").select(".ekd-status") == []


def test_the_text_of_an_item_with_status_stays_word_for_word(with_progress):
    content, parse = with_progress
    text = content["opgaven"][0]["activiteiten"][0]["items"][1]["tekst"]
    assert squash(text) in section_text(parse("opgaven/vestigingsklimaat/"), "activiteiten")


def test_progress_page_counts_per_opgave_only_where_reported(with_progress):
    content, parse = with_progress
    first, third = (opgave["titel"] for opgave in (content["opgaven"][0], content["opgaven"][2]))
    table = parse("voortgang/").select_one(".ekd-voortgang-overzicht table")
    assert [squash(th.get_text()) for th in table.select("thead th")] == ["Opgave", "Gepland", "Lopend", "Afgerond"]
    rows = [[squash(cell.get_text()) for cell in row.select("th, td")] for row in table.select("tbody tr")]
    assert rows == [
        [f"Opgave 1: {first}", "1", "1", "1"],
        [f"Opgave 3: {third}", "0", "1", "0"],
    ]


def test_progress_page_lists_items_per_status_with_a_link_to_the_opgave(with_progress):
    content, parse = with_progress
    soup = parse("voortgang/")
    headings = [(h2["id"], squash(h2.find(string=True, recursive=False))) for h2 in soup.select("article h2")]
    assert headings == [
        ("vestigingsklimaat", f"Opgave 1: {content['opgaven'][0]['titel']}"),
        ("ondernemerschap", f"Opgave 3: {content['opgaven'][2]['titel']}"),
    ]
    block = soup.find("h2", id="vestigingsklimaat").find_next("div", class_="ekd-voortgang")
    assert [squash(h3.get_text()) for h3 in block.select("h3")] == ["Gepland (1)", "Lopend (1)", "Afgerond (1)"]
    links = {squash(a.get_text()): a["href"] for a in block.select("li a")}
    first = content["opgaven"][0]
    assert links[squash(first["activiteiten"][0]["items"][0]["tekst"])] == "../opgaven/vestigingsklimaat/#activiteiten"
    assert links[squash(first["resultaten"][0]["tekst"])] == "../opgaven/vestigingsklimaat/#resultaten"
    assert "De eerste drie bedrijventerreinen doen mee." in block.get_text()
    assert "15 november 2024" in block.get_text()


def test_without_any_status_nothing_empty_is_shown(adopted, adopted_page):
    for opgave in adopted.opgaven:
        assert adopted_page(opgave.path).select(".ekd-status") == [], opgave.path
    soup = adopted_page("voortgang/")
    assert soup.select("table") == []
    assert [h2.get("id") for h2 in soup.select("article h2")] == []
    assert "Er is nog geen voortgang gemeld." in soup.select_one(".ekd-voortgang-leeg").get_text()


def raw_statuses(record: dict) -> list[str]:
    """The status of every activity and result of an opgave as written in the YAML."""
    items = [item for group in record["activiteiten"] for item in group["items"]] + record["resultaten"]
    return [item["status"] for item in items if isinstance(item, dict) and item.get("status")]


@pytest.mark.content
def test_every_status_in_the_data_shows_on_its_opgave_page_and_in_the_overview(site, page):
    overview = page("voortgang/")
    rows = {row.th.a["href"]: [squash(td.get_text()) for td in row.select("td")]
            for row in overview.select(".ekd-voortgang-overzicht tbody tr")}
    reported = []
    for record in read_yaml(PROJECT / "data" / "opgaven.yaml")["opgaven"]:
        opgave = site.opgave(record["id"])
        statuses = raw_statuses(record)
        shown = [squash(status.strong.get_text()) for status in page(opgave.path).select("article .ekd-status")]
        assert sorted(shown) == sorted(statuses), opgave.path
        if statuses:
            reported.append(opgave.slug)
            counts = [str(statuses.count(status)) for status in ("gepland", "lopend", "afgerond")]
            assert rows[f"#{opgave.slug}"] == counts, opgave.path
    assert [h2["id"] for h2 in overview.select("article h2")] == reported
    assert len(rows) == len(reported)
    assert (overview.select_one(".ekd-voortgang-leeg") is None) == bool(reported)


def nav_links(soup) -> list[str]:
    return [a.get("href") for a in soup.select("nav.md-nav--primary a")]


@pytest.mark.content
def test_progress_page_is_in_the_navigation_once_progress_is_reported(page):
    reported = any(raw_statuses(record) for record in read_yaml(PROJECT / "data" / "opgaven.yaml")["opgaven"])
    assert ("voortgang/" in nav_links(page(""))) == reported


def test_without_progress_the_page_is_built_but_not_in_the_navigation(adopted_page):
    assert "voortgang/" not in nav_links(adopted_page(""))
    assert not [link for link in nav_links(adopted_page("begroting/")) if "voortgang/" in link]
    assert adopted_page("voortgang/").select_one(".ekd-voortgang-leeg") is not None


def test_with_progress_the_page_is_in_the_navigation(with_progress):
    _, parse = with_progress
    assert "voortgang/" in nav_links(parse(""))


def test_wrong_progress_is_reported_in_dutch_all_at_once(tmp_path):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    items = content["opgaven"][1]["activiteiten"][0]["items"]
    items[0] = {"tekst": items[0], "status": "bezig", "datum": "2025-03-01"}
    items[1] = {"tekst": items[1], "status": "lopend"}
    items[2] = {"tekst": items[2], "toelichting": "Zonder status"}
    items[3] = {"tekst": items[3], "status": "afgerond", "datum": "1 maart 2025"}
    results = content["opgaven"][1]["resultaten"]
    results[0] = {"tekst": results[0], "status": "lopend", "datum": "2025-03-01", "toelichting": "Regel een\nregel twee"}
    write_yaml(path, content)

    result = check(project / "data")
    assert result.returncode != 0
    message = result.stderr
    assert "De data bevat 5 problemen" in message
    where = "opgave 'arbeidsmarkt' · veld 'activiteiten › nr. 1 › items"
    assert f"{where} › nr. 1 › status': verwacht een van: 'gepland', 'lopend' of 'afgerond'" in message
    assert f"{where} › nr. 2': bij een status hoort een datum" in message
    assert f"{where} › nr. 3': een 'datum' of 'toelichting' hoort bij een status" in message
    assert f"{where} › nr. 4 › datum': verwacht een datum als JJJJ-MM-DD" in message
    assert "veld 'resultaten › nr. 1 › toelichting': de toelichting staat op meer dan één regel" in message


def test_a_block_without_status_is_the_same_as_plain_text(tmp_path, adopted):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    content["opgaven"][0]["resultaten"][0] = {"tekst": content["opgaven"][0]["resultaten"][0]}
    write_yaml(path, content)
    assert check(project / "data").returncode == 0
    block = load_site(project / "data").opgaven[0].record.results[0]
    assert block == adopted.opgaven[0].record.results[0]
    assert not block.status
