"""Staff mistakes in references between opgaven and the registers stop the build, in Dutch,
naming file, line, opgave and field, with a "Bedoel je ...?" where a close name exists.

The mistakes are made in a copy of the adopted data, whose records and lines are known."""

import pytest
from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, PROJECT, build, check, copy_project, read_yaml, write_yaml


@pytest.fixture
def data(tmp_path):
    return copy_project(tmp_path / "project", data=ADOPTED_DATA) / "data"


def change(data_dir, file_name, edit):
    path = data_dir / file_name
    content = read_yaml(path)
    edit(content)
    write_yaml(path, content)


def opgave(content, opgave_id):
    return next(record for record in content["opgaven"] if record["id"] == opgave_id)


def assert_rejected(data_dir, *fragments):
    result = check(data_dir)
    assert result.returncode != 0, "de fout werd niet gevonden"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} ontbreekt in:\n{result.stderr}"
    return result.stderr


@pytest.mark.content
def test_real_references_resolve():
    result = check(PROJECT / "data")
    assert result.returncode == 0, result.stderr


def test_an_unknown_partner_is_rejected_with_a_suggestion(data):
    change(data, "opgaven.yaml", lambda c: opgave(c, "vestigingsklimaat")["partners"].__setitem__(3, "Regio Zwole"))
    assert_rejected(data, "data/opgaven.yaml, regel", "opgave 'vestigingsklimaat'", "veld 'partners › nr. 4'",
                    "'Regio Zwole' staat niet in data/organisaties.yaml", "Bedoel je 'Regio Zwolle'?")


def test_the_problem_names_the_line_of_the_partner(data):
    path = data / "opgaven.yaml"
    text = path.read_text(encoding="utf-8").replace("      - Parkmanagers\n", "      - Parkmanager\n", 1)
    path.write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row == "      - Parkmanager")
    assert_rejected(data, f"data/opgaven.yaml, regel {line}", "Bedoel je 'Parkmanagers'?")


def test_an_unknown_organisation_id_is_rejected_with_a_suggestion(data):
    def edit(content):
        item = next(item for item in opgave(content, "transities")["partners"] if isinstance(item, dict)
                    and "provincie-fryslan" in item["organisaties"])
        item["organisaties"][item["organisaties"].index("provincie-fryslan")] = "provincie-friesland"
    change(data, "opgaven.yaml", edit)
    assert_rejected(data, "opgave 'transities'", "organisaties",
                    "de organisatie 'provincie-friesland' staat niet in data/organisaties.yaml",
                    "Bedoel je 'provincie-fryslan'?")


def test_an_unknown_programme_in_context_is_rejected_with_a_suggestion(data):
    change(data, "opgaven.yaml", lambda c: opgave(c, "ondernemerschap")["context"].__setitem__(1, "Kapitaalmarktonderzoel"))
    assert_rejected(data, "opgave 'ondernemerschap'", "veld 'context › nr. 2'", "data/programmas.yaml",
                    "Bedoel je 'Kapitaalmarktonderzoek'?")


def test_an_unknown_fund_id_is_rejected(data):
    change(data, "opgaven.yaml", lambda c: opgave(c, "transities")["context"].__setitem__(
        2, {"tekst": "EFRO", "fondsen": ["efr"]}))
    assert_rejected(data, "opgave 'transities'", "het fonds 'efr' staat niet in data/programmas.yaml",
                    "Bedoel je 'efro'?")


def test_a_partner_block_must_name_at_least_one_organisation(data):
    change(data, "opgaven.yaml", lambda c: opgave(c, "arbeidsmarkt")["partners"].__setitem__(
        1, {"tekst": "UWV", "organisaties": []}))
    assert_rejected(data, "opgave 'arbeidsmarkt'", "partners › nr. 2 › organisaties", "lijst is leeg")


def test_a_name_that_fits_two_organisations_is_rejected(data):
    change(data, "organisaties.yaml", lambda c: c["organisaties"][0].update(ook_genoemd_als=["Rijk"]))
    assert_rejected(data, "data/organisaties.yaml", "de naam 'Rijk' hoort bij twee organisaties")


def test_an_organisation_no_opgave_names_is_rejected(data):
    change(data, "organisaties.yaml", lambda c: c["organisaties"].append({"id": "niemand", "naam": "Niemand"}))
    assert_rejected(data, "data/organisaties.yaml", "organisatie 'niemand'", "niets op de site noemt deze organisatie")


def test_a_programme_id_may_not_take_a_heading_anchor(data):
    change(data, "programmas.yaml", lambda c: c["programmas"][0].update(id="fondsen"))
    assert_rejected(data, "data/programmas.yaml", "de id 'fondsen' is al het anker van een kop")


def test_the_build_stops_on_an_unknown_partner(tmp_path):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    change(project / "data", "opgaven.yaml", lambda c: opgave(c, "arbeidsmarkt")["partners"].__setitem__(1, "UVW"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "'UVW' staat niet in data/organisaties.yaml. Bedoel je 'UWV'?" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_a_new_partner_is_two_small_edits_and_links_both_ways(tmp_path, warm_cache):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)
    change(project / "data", "organisaties.yaml", lambda c: c["organisaties"].append(
        {"id": "nieuwe-partner", "naam": "Nieuwe Partner", "afkorting": "NOM2"}))
    change(project / "data", "begrippen.yaml", lambda c: c["begrippen"].append(
        {"afkorting": "NOM2", "betekenis": "Nieuwe Partner", "herkomst": "toelichting"}))
    change(project / "data", "opgaven.yaml", lambda c: opgave(c, "arbeidsmarkt")["partners"].append(
        {"tekst": "De Nieuwe Partner en het UWV", "organisaties": ["nieuwe-partner", "uwv"]}))
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr

    def soup(url):
        return BeautifulSoup((tmp_path / "site" / url / "index.html").read_text(encoding="utf-8"), "html.parser")

    item = soup("opgaven/arbeidsmarkt").find(id="partners").find_next("ul").find_all("li")[-1]
    assert " ".join(item.get_text().split()) == "De Nieuwe Partner en het UWV"
    assert [a["href"] for a in item.find_all("a")] == ["../../partners/#nieuwe-partner", "../../partners/#uwv"]
    entry = soup("partners").find(id="nieuwe-partner").parent
    assert [a["href"] for a in entry.find_all("a")] == ["../opgaven/arbeidsmarkt/#partners"]
