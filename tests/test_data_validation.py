"""Staff mistakes in data/opgaven.yaml are caught, in Dutch, naming file, record and field."""

import pytest

from tests.project import ROOT, check, copy_project, read_yaml, write_yaml


@pytest.fixture
def data(tmp_path):
    project = copy_project(tmp_path / "project")
    return project / "data"


def break_opgaven(data_dir, change):
    path = data_dir / "opgaven.yaml"
    content = read_yaml(path)
    change(content["opgaven"])
    write_yaml(path, content)


def assert_rejected(data_dir, *fragments):
    result = check(data_dir)
    assert result.returncode != 0, "de fout werd niet gevonden"
    message = result.stderr
    assert "De site is niet gebouwd" in message
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} ontbreekt in:\n{message}"
    return message


def test_real_data_passes(data):
    result = check(data)
    assert result.returncode == 0, result.stderr
    assert "De data is in orde" in result.stdout


def test_missing_section_is_rejected(data):
    break_opgaven(data, lambda opgaven: opgaven[1].pop("resultaten"))
    assert_rejected(data, "data/opgaven.yaml", "opgave 'arbeidsmarkt'", "veld 'resultaten'", "ontbreekt")


def test_empty_section_is_rejected(data):
    break_opgaven(data, lambda opgaven: opgaven[2].update(doelgroep=[]))
    assert_rejected(data, "opgave 'ondernemerschap'", "veld 'doelgroep'", "lijst is leeg")


def test_empty_activity_group_is_rejected(data):
    break_opgaven(data, lambda opgaven: opgaven[0]["activiteiten"][1].update(items=[]))
    assert_rejected(data, "opgave 'vestigingsklimaat'", "activiteiten › nr. 2 › items", "lijst is leeg")


def test_unknown_key_is_rejected_with_a_suggestion(data):
    break_opgaven(data, lambda opgaven: opgaven[3].update(partnrs=opgaven[3].pop("partners")))
    assert_rejected(data, "opgave 'transities'", "veld 'partnrs'", "Bedoel je 'partners'?")


def test_duplicate_id_is_rejected(data):
    break_opgaven(data, lambda opgaven: opgaven[4].update(id="arbeidsmarkt"))
    assert_rejected(data, "data/opgaven.yaml", "id 'arbeidsmarkt' komt vaker voor")


def test_duplicate_slug_is_rejected(data):
    break_opgaven(data, lambda opgaven: opgaven[4].update(slug="arbeidsmarkt"))
    assert_rejected(data, "slug 'arbeidsmarkt' komt vaker voor")


@pytest.mark.parametrize("slug", ["Economische Kracht", "kracht/../x", "kracht_", "-kracht", "kr@cht"])
def test_slug_must_be_url_safe(data, slug):
    break_opgaven(data, lambda opgaven: opgaven[4].update(slug=slug))
    assert_rejected(data, "opgave 'economische-kracht'", "veld 'slug'", "geen geldige slug")


def test_all_problems_are_reported_at_once(data):
    def several(opgaven):
        opgaven[0].pop("context")
        opgaven[1]["partners"] = []
        opgaven[2]["doelgroepen"] = opgaven[2].pop("doelgroep")

    break_opgaven(data, several)
    message = assert_rejected(data, "opgave 'vestigingsklimaat'", "opgave 'arbeidsmarkt'", "opgave 'ondernemerschap'")
    assert "4 problemen" in message


def test_messages_name_the_line(data):
    path = data / "opgaven.yaml"
    text = path.read_text(encoding="utf-8").replace("    partners:\n      - Rijk\n", "    partnrs:\n      - Rijk\n", 1)
    path.write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.strip() == "partnrs:")
    assert_rejected(data, f"data/opgaven.yaml, regel {line}")


def test_the_build_stops_on_bad_data(tmp_path):
    from tests.project import build

    project = copy_project(tmp_path / "project")
    break_opgaven(project / "data", lambda opgaven: opgaven[0].pop("partners"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "veld 'partners'" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
