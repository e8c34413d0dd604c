"""Mistakes in data/budgetten.yaml stop the build with a Dutch message naming file, line, record and field."""

import pytest

from tests.project import build, check, copy_project


@pytest.fixture
def project(tmp_path):
    return copy_project(tmp_path / "project")


def edit_budget(project, old, new):
    path = project / "data" / "budgetten.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} staat niet in budgetten.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1  # the line of the change


def assert_rejected(project, *fragments):
    result = check(project / "data")
    assert result.returncode != 0, "de fout werd niet gevonden"
    for fragment in fragments:
        assert fragment in result.stderr, f"{fragment!r} ontbreekt in:\n{result.stderr}"
    return result.stderr


def test_real_budget_passes(project):
    result = check(project / "data")
    assert result.returncode == 0, result.stderr


def test_a_mistyped_amount_is_caught_by_the_adopted_total(project):
    line = edit_budget(project, "vastgesteld_totaal: 13865167", "vastgesteld_totaal: 13865176")
    assert_rejected(
        project,
        f"data/budgetten.yaml, regel {line}",
        "jaar '2024'",
        "veld 'vastgesteld_totaal'",
        f"tellen samen op tot €\u00a013.865.167",
        f"€\u00a09 verschil",
    )


def test_the_build_stops_when_the_sum_does_not_match(project, tmp_path):
    edit_budget(project, "bedrag: 650000", "bedrag: 560000")  # NOM 2024, digits swapped
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "vastgestelde totaal is €\u00a013.865.167" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(("typed", "expected"), [
    ("1.050.000", "of het woord 'geen', maar er staat de tekst '1.050.000'"),
    ("12.000", "zonder punt of komma (dus 12000, niet 12.000)"),
    ("1.5", "zonder punt of komma"),
    ('"12000"', "maar er staat de tekst '12000'"),
    ('"-"', "maar er staat de tekst '-'"),
    ("", "hier staat geen bedrag"),
    ("-5", "mag niet negatief zijn"),
    ("true", "maar er staat ja/nee"),
])
def test_an_amount_must_be_whole_euros_or_geen(project, typed, expected):
    line = edit_budget(project, "bedrag: 112449", f"bedrag: {typed}".rstrip())
    assert_rejected(
        project,
        f"data/budgetten.yaml, regel {line}",
        "begrotingsregel 'stimuleren-digitaal-ondernemerschap'",
        "veld 'bedrag'",
        expected,
    )


def test_an_unknown_opgave_is_named_with_a_suggestion(project):
    line = edit_budget(project, "opgave: ondernemerschap", "opgave: ondernemerschp")
    assert_rejected(
        project,
        f"data/budgetten.yaml, regel {line}",
        "jaar '2025' › groep nr. 3",
        "veld 'opgave'",
        "de opgave 'ondernemerschp' bestaat niet",
        "Bedoel je 'ondernemerschap'?",
    )


def test_a_line_id_can_occur_only_once_a_year(project):
    edit_budget(project, "id: founded-in-the-north", "id: ibdo")
    assert_rejected(project, "jaar '2025'", "veld 'groepen'", "de id 'ibdo' komt in dit jaar vaker voor")


def test_a_group_has_a_title_or_an_opgave(project):
    line = edit_budget(project, "      - opgave: arbeidsmarkt\n", "      - opgave: arbeidsmarkt\n        titel: Arbeidsmarkt\n")
    assert_rejected(project, f"data/budgetten.yaml, regel {line}", "groep nr. 2", "óf een 'titel' óf een 'opgave'")
