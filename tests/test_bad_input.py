"""Every kind of mistake a staff member can make in data/ is refused with a Dutch message.

One table of cases. Each case changes a temporary copy of data/ and runs the data
check (`python -m macros.check`, the first step of every build). The check must fail,
and the message must name the file, the line where a line exists, the record, the
field, and what was expected, so the staff member can fix it without help.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest
import yaml

from macros.loader import MAX_BYTES
from tests.project import ROOT, check, read_yaml, write_yaml

OPGAVEN = "opgaven.yaml"
PROGRAMMA = "programma.yaml"
BUDGETTEN = "budgetten.yaml"


@dataclass(frozen=True)
class At:
    """'data/<file>, regel N', where N is the line of `marker` in the changed file.

    The line is looked up after the change, so the expectation survives edits to the
    real data; `marker=None` accepts any line number.
    """

    file: str
    marker: str | bytes | None = None
    occurrence: int = 1
    template: str = "data/{file}, regel {line}"

    def expected(self, data_dir: Path) -> str:
        if self.marker is None:
            return rf"data/{re.escape(self.file)}, regel \d+"
        raw = (data_dir / self.file).read_bytes()
        marker = self.marker if isinstance(self.marker, bytes) else self.marker.encode("utf-8")
        position = -1
        for _ in range(self.occurrence):
            position = raw.index(marker, position + 1)
        line = raw[:position].count(b"\n") + 1
        return re.escape(self.template.format(file=self.file, line=line)) + r"(?!\d)"


@dataclass(frozen=True)
class Case:
    name: str
    change: Callable[[Path], None]
    expect: tuple[str | At, ...]


# ---------------------------------------------------------------- ways to change data


def edit(file: str, old: str, new: str) -> Callable[[Path], None]:
    """Replace text once; the case fails loudly if the real data no longer has `old`."""

    def change(data: Path) -> None:
        path = data / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} staat niet meer in data/{file}: pas de test aan"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def write(file: str, content: str | bytes) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        path = data / file
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return change


def append(file: str, content: str) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        with (data / file).open("a", encoding="utf-8") as handle:
            handle.write(content)

    return change


def replace_bytes(file: str, old: bytes, new: bytes) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        path = data / file
        raw = path.read_bytes()
        assert old in raw
        path.write_bytes(raw.replace(old, new, 1))

    return change


def delete(file: str) -> Callable[[Path], None]:
    return lambda data: (data / file).unlink()


def structure(file: str, change_data: Callable) -> Callable[[Path], None]:
    """Change the parsed data and write it back (comments are lost; lines are looked up after)."""

    def change(data: Path) -> None:
        content = read_yaml(data / file)
        change_data(content)
        write_yaml(data / file, content)

    return change


def opgave(position: int, change_record: Callable[[dict], None]) -> Callable[[Path], None]:
    return structure(OPGAVEN, lambda content: change_record(content["opgaven"][position]))


def both(*changes: Callable[[Path], None]) -> Callable[[Path], None]:
    def change(data: Path) -> None:
        for each in changes:
            each(data)

    return change


def rename_key(record: dict, old: str, new: str) -> None:
    record[new] = record.pop(old)


def python_tag(data: Path) -> None:
    """A tag that would run a shell command if the file were loaded unsafely."""
    edit(OPGAVEN, ARBEIDSMARKT_TITLE, f"    titel: {command_tag(data.parent / 'uitgevoerd')}\n")(data)


def command_tag(proof: Path) -> str:
    return f"!!python/object/apply:os.system ['touch {proof}']"


BILLION_LAUGHS = "".join(
    [f"a0: &a0 [{', '.join(['lol'] * 10)}]\n"]
    + [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]\n" for level in range(1, 9)]
    + ["opgaven: *a8\n"]
)

ARBEIDSMARKT_TITLE = "    titel: Samenwerken aan een toekomstbestendige arbeidsmarkt\n"
BEDRAG = "            naam: Toekomstbestendige bedrijventerreinen\n            bedrag: 1050000\n"

# ---------------------------------------------------------------- the matrix

CASES = [
    # -- the file cannot be read as YAML at all
    Case(
        "yaml-syntaxfout-dubbele-punt",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, "    titel: Samenwerken: aan een toekomstbestendige arbeidsmarkt\n"),
        (At(OPGAVEN, "titel: Samenwerken:"), "geen geldige YAML", "dubbele punt", "tussen aanhalingstekens",
         "«titel: Samenwerken: aan"),
    ),
    Case(
        "yaml-aanhalingsteken-niet-gesloten",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, "    titel: 'Samenwerken aan een toekomstbestendige arbeidsmarkt\n"),
        (At(OPGAVEN, "titel: 'Samenwerken"), "wordt niet afgesloten",
         "Verwacht: sluit de tekst af"),
    ),
    Case(
        "yaml-inspringing-klopt-niet",
        edit(OPGAVEN, "    slug: arbeidsmarkt\n", "   slug: arbeidsmarkt\n"),
        (At(OPGAVEN, "   slug: arbeidsmarkt"), "geen geldige YAML", "even ver in"),
    ),
    Case(
        "inspringen-met-een-tab",
        edit(OPGAVEN, "    slug: arbeidsmarkt\n", "\tslug: arbeidsmarkt\n"),
        (At(OPGAVEN, "\tslug: arbeidsmarkt"), "springt in met een tab", "Verwacht: inspringen met spaties"),
    ),
    Case(
        "twee-documenten-in-een-bestand",
        append(PROGRAMMA, "---\ntitel: Nog een document\n"),
        (At(PROGRAMMA, "---\ntitel: Nog"), "meer dan één YAML-document", "haal de regel met --- weg"),
    ),
    Case(
        "dubbele-sleutel-in-een-record",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, ARBEIDSMARKT_TITLE + "    titel: Een tweede titel\n"),
        (At(OPGAVEN, "titel: Een tweede titel"), "opgave 'arbeidsmarkt'", "veld 'titel'",
         "staat twee keer in hetzelfde blok",
         At(OPGAVEN, ARBEIDSMARKT_TITLE, template="(eerst op regel {line})"),
         "Verwacht: elke sleutel één keer"),
    ),
    Case(
        "dubbele-sleutel-bovenaan",
        append(PROGRAMMA, "periode: 2026-2027\n"),
        (At(PROGRAMMA, "periode: 2026-2027"), "veld 'periode'", "staat twee keer",
         "Verwacht: elke sleutel één keer"),
    ),
    # -- the file itself
    Case("ontbrekend-bestand", delete(PROGRAMMA),
         ("data/programma.yaml", "het bestand ontbreekt", "Verwacht: een YAML-bestand")),
    Case("leeg-bestand", write(OPGAVEN, ""), ("data/opgaven.yaml", "het bestand is leeg", "Verwacht: de gegevens")),
    Case("alleen-commentaar", write(OPGAVEN, "# nog in te vullen\n\n"),
         ("data/opgaven.yaml", "het bestand is leeg")),
    Case(
        "geen-utf-8",
        replace_bytes(OPGAVEN, "één".encode("utf-8"), "één".encode("latin-1")),
        (At(OPGAVEN, "één".encode("latin-1")), "geen UTF-8", "Verwacht: sla het bestand op als UTF-8"),
    ),
    Case(
        "onzichtbaar-stuurteken",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, "    titel: Samenwerken aan een\x00toekomstbestendige arbeidsmarkt\n"),
        (At(OPGAVEN, "\x00"), "stuurteken", "Verwacht: alleen gewone tekst"),
    ),
    Case("enorm-bestand", append(OPGAVEN, "# " + "x" * MAX_BYTES + "\n"),
         ("data/opgaven.yaml", "het bestand is te groot", f"de grens is {MAX_BYTES:,}".replace(",", "."))),
    # -- YAML features that staff never need and attackers love
    Case("alias-bom", write(OPGAVEN, BILLION_LAUGHS),
         (At(OPGAVEN), "verwijst te vaak naar zichzelf", "Verwacht: schrijf elke tekst gewoon uit")),
    Case("alias-die-naar-zichzelf-verwijst", write(OPGAVEN, "opgaven: &lus [*lus]\n"),
         (At(OPGAVEN, "&lus"), "verwijst via & en * naar zichzelf")),
    Case(
        "extreem-diep-genest",  # crashed the whole process (libyaml recursion) before the depth check
        write(OPGAVEN, "opgaven: " + "[" * 100_000 + "]" * 100_000 + "\n"),
        (At(OPGAVEN, "opgaven:"), "te diep in elkaar genest", "Verwacht:"),
    ),
    Case(
        "python-object-tag",
        python_tag,
        (At(OPGAVEN, "!!python/object"), "opgave 'arbeidsmarkt'", "veld 'titel'",
         "de YAML-tag '!!python/object/apply:os.system' is niet toegestaan", "Verwacht: gewone tekst"),
    ),
    Case("eigen-tag", edit(PROGRAMMA, "periode: 2024-2025", "periode: !include geheim.yaml"),
         (At(PROGRAMMA, "!include"), "veld 'periode'", "'!include' is niet toegestaan")),
    Case(
        "samenvoegen-met-<<",
        edit(PROGRAMMA, "tot_slot:\n", "tot_slot:\n  <<: {kop: Tot slot}\n"),
        (At(PROGRAMMA, "<<:"), "samenvoegen met '<<' is niet toegestaan", "Verwacht: schrijf de velden uit"),
    ),
    Case("datum-die-niet-bestaat", edit(PROGRAMMA, "periode: 2024-2025", "periode: 2024-02-30"),
         (At(PROGRAMMA, "periode: 2024-02-30"), "veld 'periode'", "lijkt op een datum", "JJJJ-MM-DD")),
    # -- the structure does not match what the site needs
    Case("bestand-is-een-lijst", write(OPGAVEN, "- vestigingsklimaat\n- arbeidsmarkt\n"),
         (At(OPGAVEN, "- vestigingsklimaat"), "verwacht een blok met velden", "een lijst")),
    Case(
        "ontbrekend-onderdeel",
        opgave(1, lambda record: record.pop("resultaten")),
        (At(OPGAVEN, "- id: arbeidsmarkt"), "opgave 'arbeidsmarkt'", "veld 'resultaten'", "dit veld ontbreekt",
         "Verwacht: dit veld is verplicht"),
    ),
    Case(
        "ontbrekend-blok-in-programma",
        structure(PROGRAMMA, lambda content: content.pop("tot_slot")),
        ("data/programma.yaml, regel 1", "veld 'tot_slot'", "dit veld ontbreekt"),
    ),
    Case(
        "leeg-onderdeel",
        opgave(2, lambda record: record.update(doelgroep=[])),
        (At(OPGAVEN, "doelgroep: []"), "opgave 'ondernemerschap'", "veld 'doelgroep'", "deze lijst is leeg",
         "Verwacht: minstens één regel"),
    ),
    Case(
        "onderdeel-zonder-inhoud",
        edit(OPGAVEN, "    titel: Versterken van het ondernemerschap\n", "    titel:\n"),
        (At(OPGAVEN, "    titel:\n"), "opgave 'ondernemerschap'", "veld 'titel'", "verwacht tekst", "er staat niets"),
    ),
    Case(
        "tekst-waar-een-lijst-hoort",
        opgave(3, lambda record: record.update(doelgroep="Ondernemers in Drenthe")),
        (At(OPGAVEN, "doelgroep: Ondernemers in Drenthe"), "opgave 'transities'", "veld 'doelgroep'",
         "verwacht een lijst", "de tekst 'Ondernemers in Drenthe'"),
    ),
    Case(
        "lijst-waar-tekst-hoort",
        opgave(0, lambda record: record.update(titel=["Versterken", "vestigingsklimaat"])),
        (At(OPGAVEN, "titel:"), "opgave 'vestigingsklimaat'", "veld 'titel'", "verwacht tekst",
         "een lijst"),
    ),
    Case(
        "getal-waar-tekst-hoort",
        opgave(0, lambda record: record.update(titel=2024)),
        (At(OPGAVEN, "titel: 2024"), "veld 'titel'", "verwacht tekst", "het getal 2024", "aanhalingstekens"),
    ),
    Case(
        "ja-nee-waar-tekst-hoort",  # YAML reads a bare `nee` or `no` as false
        edit(OPGAVEN, "    titel: Versterken van het ondernemerschap\n", "    titel: no\n"),
        (At(OPGAVEN, "titel: no"), "opgave 'ondernemerschap'", "veld 'titel'", "verwacht tekst", "ja/nee"),
    ),
    Case(
        "lege-tekst",
        opgave(4, lambda record: record.update(titel="  ")),
        (At(OPGAVEN, "titel: '  '"), "opgave 'economische-kracht'", "veld 'titel'", "dit veld is leeg"),
    ),
    Case(
        "onbekende-sleutel-typfout",
        opgave(3, lambda record: rename_key(record, "partners", "partnrs")),
        (At(OPGAVEN, "partnrs:"), "opgave 'transities'", "veld 'partnrs'", "dit veld bestaat niet",
         "Bedoel je 'partners'?", "Verwacht een van:"),
    ),
    Case(
        "onbekende-sleutel-in-programma",
        edit(PROGRAMMA, "cofinanciering:\n", "cofinancering:\n"),
        (At(PROGRAMMA, "cofinancering:"), "veld 'cofinancering'", "Bedoel je 'cofinanciering'?",
         "veld 'cofinanciering'", "dit veld ontbreekt"),
    ),
    Case(
        "dubbel-id",
        opgave(4, lambda record: record.update(id="arbeidsmarkt")),
        (At(OPGAVEN, "- id: arbeidsmarkt", occurrence=2), "opgave nr. 5", "veld 'id'",
         "de id 'arbeidsmarkt' komt vaker voor", "ook bij opgave nr. 2", "Verwacht: elke id maar één keer"),
    ),
    Case(
        "dubbel-id-naast-andere-fouten",  # pydantic alone only reports duplicates in otherwise valid data
        both(opgave(4, lambda record: record.update(id="arbeidsmarkt")),
             opgave(0, lambda record: record.pop("context"))),
        ("De data bevat 2 problemen", "opgave 'vestigingsklimaat'", "veld 'context'", "de id 'arbeidsmarkt' komt vaker voor"),
    ),
    Case(
        "dubbele-slug",
        opgave(4, lambda record: record.update(slug="arbeidsmarkt")),
        (At(OPGAVEN, "slug: arbeidsmarkt", occurrence=2), "opgave nr. 5", "veld 'slug'",
         "de slug 'arbeidsmarkt' komt vaker voor"),
    ),
    Case(
        "oude-slug-is-slug-van-een-andere-opgave",
        opgave(0, lambda record: record.update(oude_slugs=["arbeidsmarkt"])),
        (At(OPGAVEN, "slug: arbeidsmarkt"), "opgave nr. 2", "veld 'slug'", "de slug 'arbeidsmarkt' komt vaker voor",
         "ook bij opgave nr. 1"),
    ),
    Case(
        "ongeldige-slug",
        opgave(4, lambda record: record.update(slug="Economische Kracht!")),
        (At(OPGAVEN, "slug: Economische Kracht!"), "opgave 'economische-kracht'", "veld 'slug'",
         "'Economische Kracht!' is geen geldige slug", "Verwacht: kleine letters"),
    ),
    # -- budgets (data/budgetten.yaml)
    Case(
        "budgetgroep-noemt-onbekende-opgave",
        edit(BUDGETTEN, "      - opgave: vestigingsklimaat\n", "      - opgave: vestigingsklimaaat\n"),
        (At(BUDGETTEN, "opgave: vestigingsklimaaat"), "jaar '2025'", "veld 'opgave'",
         "de opgave 'vestigingsklimaaat' bestaat niet in data/opgaven.yaml", "Bedoel je 'vestigingsklimaat'?"),
    ),
    Case(
        "bedrag-met-punten",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "1.050.000")),
        (At(BUDGETTEN, "bedrag: 1.050.000"), "begrotingsregel 'toekomstbestendige-bedrijventerreinen'",
         "veld 'bedrag'", "verwacht een heel bedrag in euro's", "de tekst '1.050.000'"),
    ),
    Case(
        "bedrag-met-euroteken",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "€ 1050000")),
        (At(BUDGETTEN, "bedrag: € 1050000"), "veld 'bedrag'", "zonder punt, komma of €", "de tekst '€ 1050000'"),
    ),
    Case(
        "negatief-bedrag",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "-1050000")),
        (At(BUDGETTEN, "bedrag: -1050000"), "begrotingsregel 'toekomstbestendige-bedrijventerreinen'",
         "veld 'bedrag'", "mag niet negatief zijn", "-1050000"),
    ),
    Case(
        "bedrag-met-centen",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "1050000.50")),
        (At(BUDGETTEN, "bedrag: 1050000.50"), "veld 'bedrag'", "heel bedrag in euro's zonder punt of komma"),
    ),
    Case(
        "bedrag-leeg",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace(" 1050000", "")),
        (At(BUDGETTEN, "bedrag:\n"), "veld 'bedrag'", "hier staat geen bedrag", "of 'geen'"),
    ),
    Case(
        "vastgesteld-totaal-klopt-niet",
        edit(BUDGETTEN, "vastgesteld_totaal: 13865167", "vastgesteld_totaal: 13865168"),
        (At(BUDGETTEN, "vastgesteld_totaal: 13865168"), "jaar '2024'", "veld 'vastgesteld_totaal'",
         "tellen samen op tot", "13.865.167", "het vastgestelde totaal is", "13.865.168", "Verwacht: dezelfde som"),
    ),
    # -- references from an opgave to the registers
    Case(
        "onbekende-partner-id",
        opgave(0, lambda record: record["partners"].append({"tekst": "Een partner", "organisaties": ["bestaat-niet"]})),
        (At(OPGAVEN, "- bestaat-niet"), "opgave 'vestigingsklimaat'", "organisaties",
         "de organisatie 'bestaat-niet' staat niet in data/organisaties.yaml", "Verwacht: de id van een organisatie"),
    ),
    Case(
        "partnernaam-niet-in-het-register",
        edit(OPGAVEN, "    partners:\n      - Rijk\n      - Gemeenten\n",
             "    partners:\n      - Rijk\n      - Gemeentes\n"),
        (At(OPGAVEN, "- Gemeentes"), "opgave 'vestigingsklimaat'", "veld 'partners › nr. 2'",
         "'Gemeentes' staat niet in data/organisaties.yaml", "Bedoel je 'Gemeenten'?"),
    ),
    Case(
        "dubbele-organisatie-id-naast-andere-fout",
        structure("organisaties.yaml", lambda content: (
            content["organisaties"][1].update(id=content["organisaties"][0]["id"]),
            content["organisaties"][2].update(naam=""),
        )),
        (At("organisaties.yaml", "id: andere-provincies", occurrence=2), "organisatie nr. 2", "veld 'id'",
         "de id 'andere-provincies' komt vaker voor (ook bij organisatie nr. 1", "veld 'naam'", "De data bevat 2 problemen"),
    ),
    Case(
        "dubbele-afkorting",
        structure("begrippen.yaml", lambda content: content["begrippen"][1].update(afkorting="ASTRON")),
        (At("begrippen.yaml", "afkorting: ASTRON", occurrence=2), "begrip nr. 2", "veld 'afkorting'",
         "de afkorting 'ASTRON' komt vaker voor", "Verwacht: elke afkorting maar één keer"),
    ),
    Case(
        "activiteiten-zonder-kop",
        opgave(0, lambda record: record["activiteiten"][1].pop("kop")),
        (At(OPGAVEN, "activiteiten:"), "opgave 'vestigingsklimaat'", "veld 'activiteiten'",
         "groep nr. 2 heeft geen 'kop'", "Verwacht: bij meer dan één groep heeft elke groep een 'kop'"),
    ),
]


@pytest.fixture
def data(tmp_path) -> Path:
    copy = tmp_path / "project" / "data"
    shutil.copytree(ROOT / "data", copy)
    return copy


def test_the_matrix_covers_at_least_25_mistakes():
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_real_data_passes(data):
    result = check(data)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_mistake_is_refused_with_a_message_staff_can_act_on(case, data):
    case.change(data)
    result = check(data)
    report = result.stderr

    assert result.returncode != 0, f"de fout werd niet gevonden:\n{result.stdout}"
    assert "Traceback" not in report, report
    assert report.startswith("De data bevat"), report
    assert "De site is niet gebouwd" in report
    problems = [line for line in report.splitlines() if line.startswith("  - ")]
    assert problems, report
    for problem in problems:
        assert problem.startswith("  - data/"), f"de melding noemt geen bestand: {problem}"
        assert "verwacht" in problem.lower() or "Bedoel je" in problem, f"de melding zegt niet wat er moet staan: {problem}"
    for fragment in case.expect:
        pattern = fragment.expected(data) if isinstance(fragment, At) else re.escape(fragment)
        assert re.search(pattern, report), f"{pattern!r} ontbreekt in:\n{report}"
    assert not (data.parent / "uitgevoerd").exists(), "een tag in de data is uitgevoerd"


def test_the_tag_case_is_a_real_attack(tmp_path):
    # Without the safe loader this tag runs a shell command; the matrix proves it never does.
    yaml.unsafe_load(f"titel: {command_tag(tmp_path / 'uitgevoerd')}")
    assert (tmp_path / "uitgevoerd").exists()
