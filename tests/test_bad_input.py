"""Every kind of mistake a staff member can make in data/ is refused with a Dutch message.

One table of cases. Each case changes a copy of the data as adopted (bron/vastgesteld/,
which never changes, so the cases may name its ids and texts) and runs the data check
(`macros.view.check`, the first step of every build) in this process. The check must fail,
and the message must name the file, the line where a line exists, the record, the
field, and what was expected, so the staff member can fix it without help. A few plain
tests below cover what does not fit the table: the real command, the build, git.
"""

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import pytest

from macros.view.check import main as check_main
from macros.data.loader import MAX_BYTES, parse_document
from tests.project import ADOPTED_DATA, PROJECT, build, check, copy_project, git, read_yaml, write_yaml

OPGAVEN = "opgaven.yaml"
PROGRAMMA = "programma.yaml"
BUDGETTEN = "budgetten.yaml"
EURO = "€\u00a0"  # amounts are shown with a non-breaking space after the sign
# The contact block of data/programma.yaml with every detail still to come (INVULLEN).
CONTACT_BLOCK = ("\ncontact:\n  e_mail: INVULLEN\n  telefoon: INVULLEN\n  reactietermijn_werkdagen: INVULLEN\n"
                 "  klachtenregeling: INVULLEN\n  beveiliging: INVULLEN\n")


@dataclass(frozen=True)
class At:
    """'data/<file>, regel N', where N is the line of `marker` in the changed file.

    The line is looked up after the change, so cases that rewrite a whole file still
    know where the marker ended up; `marker=None` accepts any line number.
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
    """Replace text once (the adopted data never changes, so `old` is always there)."""

    def change(data: Path) -> None:
        path = data / file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} staat niet in bron/vastgesteld/{file}"
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
    edit(OPGAVEN, ARBEIDSMARKT_TITLE, f"    titel: !!python/object/apply:os.system ['touch {data.parent / 'uitgevoerd'}']\n")(data)


BILLION_LAUGHS = "".join(
    [f"a0: &a0 [{', '.join(['lol'] * 10)}]\n"]
    + [f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 10)}]\n" for level in range(1, 9)]
    + ["opgaven: *a8\n"]
)

ARBEIDSMARKT_TITLE = "    titel: Samenwerken aan een toekomstbestendige arbeidsmarkt\n"
ONDERNEMERSCHAP_TITLE = "    titel: Versterken van het ondernemerschap\n"
BEDRAG = "            naam: Toekomstbestendige bedrijventerreinen\n            bedrag: 1050000\n"
DIGITAAL = "            bedrag: 112449\n"  # begrotingsregel 'stimuleren-digitaal-ondernemerschap' (2024)
RESULTATEN = ("      - Integraal programma Toekomstbestendige bedrijventerreinen\n"
              "      - Mogelijke opzet herstructureringsfonds en eventueel -maatschappij\n")
GLUED = "zet het streepje precies onder het streepje van de regel erboven"
COLON = "bevat een dubbele punt met een spatie (': ')"
COLON_FIX = "zet de hele tekst tussen dubbele aanhalingstekens, dus \"Doel: meer banen\", of gebruik >-"


def amount(name: str, typed: str, *expect: str | At) -> Case:
    """A case that types `typed` as the amount of 'stimuleren-digitaal-ondernemerschap'."""
    return Case(
        f"bedrag-{name}",
        edit(BUDGETTEN, DIGITAAL, f"            bedrag: {typed}".rstrip() + "\n"),
        (At(BUDGETTEN, f"bedrag: {typed}".rstrip() + "\n"), "begrotingsregel 'stimuleren-digitaal-ondernemerschap'",
         "veld 'bedrag'", *expect),
    )


def slug(name: str, typed: str) -> Case:
    return Case(
        f"ongeldige-slug-{name}",
        edit(OPGAVEN, "    slug: economische-kracht\n", f"    slug: '{typed}'\n"),
        (At(OPGAVEN, f"slug: '{typed}'"), "opgave 'economische-kracht'", "veld 'slug'",
         f"'{typed}' is geen geldige slug", "Verwacht: kleine letters"),
    )


# ---------------------------------------------------------------- the table

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
        "veld-springt-een-spatie-te-weinig-in",
        edit(OPGAVEN, "    slug: arbeidsmarkt\n", "   slug: arbeidsmarkt\n"),
        (At(OPGAVEN, "   slug: arbeidsmarkt"), "geen geldige YAML",
         "de regel springt minder ver in dan de velden van zijn blok",
         "Verwacht: zet de regel precies even ver in als het veld erboven", "«slug: arbeidsmarkt»"),
    ),
    Case(
        "veld-springt-in-tot-het-streepje",
        edit(OPGAVEN, "    slug: arbeidsmarkt\n", "  slug: arbeidsmarkt\n"),
        (At(OPGAVEN, "  slug: arbeidsmarkt"), "de regel springt minder ver in dan de velden van zijn blok",
         "precies even ver in als het veld erboven"),
    ),
    Case(
        "inspringen-met-een-tab",
        edit(OPGAVEN, "    slug: arbeidsmarkt\n", "\tslug: arbeidsmarkt\n"),
        (At(OPGAVEN, "\tslug: arbeidsmarkt"), "springt in met een tab", "Verwacht: inspringen met spaties"),
    ),
    Case(
        "tab-na-het-streepje",
        edit(OPGAVEN, "      - Rijk\n", "      -\tRijk\n"),
        (At(OPGAVEN, "-\tRijk"), "na het streepje (-) staat een tab",
         "Verwacht: een spatie na het streepje, dus '- Tekst'"),
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
    # -- two list items glued into one: YAML would silently read them as one text
    Case(
        "lijstpunt-springt-te-ver-in",
        edit(OPGAVEN, RESULTATEN, RESULTATEN.replace("      - Mogelijke", "        - Mogelijke")),
        ("De data bevat 1 probleem", At(OPGAVEN, "        - Mogelijke opzet"), "opgave 'vestigingsklimaat'",
         "veld 'resultaten › nr. 1'", "deze regel begint met '- ' en lijkt een nieuw punt van de lijst",
         "springt verder in dan het streepje van de regel erboven",
         At(OPGAVEN, "      - Integraal programma", template="aan de tekst van regel {line}."),
         f"Verwacht: {GLUED}"),
    ),
    Case(
        "lijstpunt-springt-in-een-lange-tekst",  # glued onto a `>-` text instead of a plain one
        edit(OPGAVEN, "          - >-\n            Evaluatie TopDutch", "            - Evaluatie TopDutch"),
        (At(OPGAVEN, "            - Evaluatie TopDutch"), "opgave 'vestigingsklimaat'",
         "veld 'activiteiten › nr. 2 › items › nr. 1'", "lijkt een nieuw punt van de lijst",
         At(OPGAVEN, "            Opstellen nieuwe acquisitiestrategie", template="aan de tekst van regel {line}."),
         GLUED),
    ),
    # -- a text with ": " in it becomes a block with a field
    Case(
        "dubbele-punt-in-een-resultaat",
        edit(OPGAVEN, RESULTATEN, RESULTATEN.replace("Integraal programma Toekomstbestendige bedrijventerreinen",
                                                     "Doel: meer banen")),
        ("De data bevat 1 probleem", At(OPGAVEN, "- Doel: meer banen"), "opgave 'vestigingsklimaat'",
         "veld 'resultaten › nr. 1':", f"de tekst 'Doel: meer banen' {COLON}",
         "Daardoor leest YAML hem als een veld met een waarde", f"Verwacht: {COLON_FIX}"),
    ),
    Case(
        "dubbele-punt-in-een-doelgroep",
        edit(OPGAVEN, "      - Bedrijven die gevestigd zijn op onze bedrijventerreinen\n", "      - Doel: meer banen\n"),
        ("De data bevat 1 probleem", At(OPGAVEN, "- Doel: meer banen"), "veld 'doelgroep › nr. 1':", COLON, COLON_FIX),
    ),
    Case(
        "dubbele-punt-in-een-partner",
        edit(OPGAVEN, "      - Rijk\n", "      - Doel: meer banen\n"),
        ("De data bevat 1 probleem", At(OPGAVEN, "- Doel: meer banen"), "veld 'partners › nr. 1':", COLON, COLON_FIX),
    ),
    Case(
        "typfout-in-tekst-van-een-blok",  # one unknown key that looks like 'tekst' is a typo, not a colon
        edit(OPGAVEN, "      - tekst: Centrummanagers", "      - tekts: Centrummanagers"),
        (At(OPGAVEN, "- tekts: Centrummanagers"), "veld 'partners › nr. 11 › tekts'", "Bedoel je 'tekst'?",
         "veld 'partners › nr. 11 › tekst': dit veld ontbreekt"),
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
    # The contact details (not in the adopted data: each case adds the block).
    Case(
        "contactgegeven-ontbreekt",
        append(PROGRAMMA, CONTACT_BLOCK.replace("  telefoon: INVULLEN\n", "")),
        (At(PROGRAMMA, "contact:"), "veld 'contact › telefoon'", "dit veld ontbreekt",
         "Verwacht: dit veld is verplicht"),
    ),
    Case(
        "contact-geen-e-mailadres",
        append(PROGRAMMA, CONTACT_BLOCK.replace("e_mail: INVULLEN", "e_mail: provincie drenthe")),
        (At(PROGRAMMA, "e_mail: provincie"), "veld 'contact › e_mail'", "'provincie drenthe' is geen e-mailadres",
         "Verwacht: een adres als", "of INVULLEN"),
    ),
    Case(
        "beveiliging-zonder-mailto",
        append(PROGRAMMA, CONTACT_BLOCK.replace("beveiliging: INVULLEN", "beveiliging: security@drenthe.nl")),
        (At(PROGRAMMA, "beveiliging: security"), "veld 'contact › beveiliging'",
         "'security@drenthe.nl' is geen adres voor meldingen over beveiliging", "Verwacht: mailto:"),
    ),
    Case(
        "klachtenregeling-zonder-https",
        append(PROGRAMMA, CONTACT_BLOCK.replace("klachtenregeling: INVULLEN", "klachtenregeling: www.drenthe.nl")),
        (At(PROGRAMMA, "klachtenregeling: www"), "veld 'contact › klachtenregeling'",
         "geen webadres dat met https:// begint", "Verwacht: het hele adres"),
    ),
    Case(
        "reactietermijn-in-woorden",
        append(PROGRAMMA, CONTACT_BLOCK.replace("reactietermijn_werkdagen: INVULLEN", "reactietermijn_werkdagen: vijf")),
        (At(PROGRAMMA, "reactietermijn_werkdagen: vijf"), "veld 'contact › reactietermijn_werkdagen'",
         "'vijf' is geen aantal werkdagen", "Verwacht: een heel getal"),
    ),
    Case(
        "contactgegeven-leeg",
        append(PROGRAMMA, CONTACT_BLOCK.replace("telefoon: INVULLEN", "telefoon:")),
        (At(PROGRAMMA, "telefoon:"), "veld 'contact › telefoon'", "dit veld is leeg", "of INVULLEN"),
    ),
    Case(
        "leeg-onderdeel",
        opgave(2, lambda record: record.update(doelgroep=[])),
        (At(OPGAVEN, "doelgroep: []"), "opgave 'ondernemerschap'", "veld 'doelgroep'", "deze lijst is leeg",
         "Verwacht: minstens één regel"),
    ),
    Case(
        "lege-groep-activiteiten",
        opgave(0, lambda record: record["activiteiten"][1].update(items=[])),
        (At(OPGAVEN, "items: []"), "opgave 'vestigingsklimaat'", "veld 'activiteiten › nr. 2 › items'",
         "deze lijst is leeg"),
    ),
    Case(
        "onderdeel-zonder-inhoud",
        edit(OPGAVEN, ONDERNEMERSCHAP_TITLE, "    titel:\n"),
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
        edit(OPGAVEN, ONDERNEMERSCHAP_TITLE, "    titel: no\n"),
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
    slug("hoofdletters-en-spatie", "Economische Kracht!"),
    slug("schuine-strepen", "kracht/../x"),
    slug("liggend-streepje", "kracht_"),
    slug("streepje-vooraan", "-kracht"),
    slug("apenstaartje", "kr@cht"),
    # -- budgets (data/budgetten.yaml)
    Case(
        "budgetgroep-noemt-onbekende-opgave",
        edit(BUDGETTEN, "      - opgave: ondernemerschap\n", "      - opgave: ondernemerschp\n"),
        (At(BUDGETTEN, "opgave: ondernemerschp"), "jaar '2025' › groep nr. 3", "veld 'opgave'",
         "de opgave 'ondernemerschp' bestaat niet in data/opgaven.yaml", "Bedoel je 'ondernemerschap'?"),
    ),
    Case(
        "budgetgroep-met-titel-en-opgave",
        edit(BUDGETTEN, "      - opgave: arbeidsmarkt\n", "      - opgave: arbeidsmarkt\n        titel: Arbeidsmarkt\n"),
        (At(BUDGETTEN, "      - opgave: arbeidsmarkt"), "groep nr. 2", "óf een 'titel' óf een 'opgave'",
         "maar deze groep heeft allebei. Verwacht: haal er één weg"),
    ),
    Case(
        "begrotingsregel-id-twee-keer-in-een-jaar",
        edit(BUDGETTEN, "id: founded-in-the-north", "id: ibdo"),
        ("jaar '2025'", "veld 'groepen'", "de id 'ibdo' komt in dit jaar vaker voor", "Verwacht: elke regel een eigen id"),
    ),
    Case(
        "bedrag-met-punten",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "1.050.000")),
        (At(BUDGETTEN, "bedrag: 1.050.000"), "begrotingsregel 'toekomstbestendige-bedrijventerreinen'",
         "veld 'bedrag'", "verwacht een heel bedrag in euro's",
         "of het woord 'geen', maar er staat de tekst '1.050.000'"),
    ),
    Case(
        "bedrag-met-euroteken",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "€ 1050000")),
        (At(BUDGETTEN, "bedrag: € 1050000"), "veld 'bedrag'", "zonder punt, komma of €", "de tekst '€ 1050000'"),
    ),
    Case(
        "bedrag-negatief",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "-1050000")),
        (At(BUDGETTEN, "bedrag: -1050000"), "begrotingsregel 'toekomstbestendige-bedrijventerreinen'",
         "veld 'bedrag'", "mag niet negatief zijn", "-1050000"),
    ),
    Case(
        "bedrag-met-centen",
        edit(BUDGETTEN, BEDRAG, BEDRAG.replace("1050000", "1050000.50")),
        (At(BUDGETTEN, "bedrag: 1050000.50"), "veld 'bedrag'", "heel bedrag in euro's zonder punt of komma"),
    ),
    amount("leeg", "", "hier staat geen bedrag", "of 'geen'"),
    amount("met-punt-voor-duizendtallen", "12.000", "zonder punt of komma (dus 12000, niet 12.000)"),
    amount("met-komma-getal", "1.5", "zonder punt of komma"),
    amount("tussen-aanhalingstekens", '"12000"', "maar er staat de tekst '12000'"),
    amount("streepje", '"-"', "maar er staat de tekst '-'"),
    amount("ja-nee", "true", "maar er staat ja/nee"),
    Case(
        "vastgesteld-totaal-klopt-niet",  # outside git: no comparison with the last commit
        edit(BUDGETTEN, "vastgesteld_totaal: 13865167", "vastgesteld_totaal: 13865176"),
        (At(BUDGETTEN, "vastgesteld_totaal: 13865176"), "jaar '2024'", "veld 'vastgesteld_totaal'",
         f"de regels van 2024 tellen samen op tot {EURO}13.865.167, maar het vastgestelde totaal is "
         f"{EURO}13.865.176 ({EURO}9 verschil). Verwacht: dezelfde som. Vergelijk elk bedrag met het programma.\n"),
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
    # -- slips YAML reads as something else: told what was meant, never PyYAML's English
    Case(
        "bedrag-streepje-zonder-aanhalingstekens",  # the programme's "-" for no budget
        edit(BUDGETTEN, DIGITAAL, "            bedrag: -\n"),
        (At(BUDGETTEN, "bedrag: -\n"), "In het programma betekent '-' geen budget", "Verwacht: bedrag: geen"),
    ),
    Case(
        "tekst-begint-met-aanhalingsteken",
        edit(OPGAVEN, "      - Brede mkb\n", "      - 'Brede' aanpak voor het mkb\n"),
        (At(OPGAVEN, "- 'Brede' aanpak"), "de tekst begint met een aanhalingsteken",
         "Verwacht: zet de hele tekst tussen dubbele aanhalingstekens, dus \"'Brede' aanpak voor het mkb\""),
    ),
    Case(
        "activiteit-springt-minder-in-dan-haar-lijst",
        edit(OPGAVEN, "          - Monitoring ontwikkelingen bedrijventerreinen\n", "        - Monitoring ontwikkelingen bedrijventerreinen\n"),
        (At(OPGAVEN, "        - Monitoring ontwikkelingen"), "springt minder ver in dan de lijst",
         "Verwacht: zet het streepje precies onder het streepje van regel", "(10 spaties vanaf de kantlijn)"),
    ),
    Case(
        "activiteit-op-de-plek-van-een-groep",
        edit(OPGAVEN, "          - Monitoring ontwikkelingen bedrijventerreinen\n", "      - Monitoring ontwikkelingen bedrijventerreinen\n"),
        (At(OPGAVEN, "      - Monitoring ontwikkelingen"), "opgave 'vestigingsklimaat'", "veld 'activiteiten › nr. 2'",
         "als een groep activiteiten", "Verwacht: is het een activiteit, spring dan verder in"),
    ),
    Case(
        "yaml-fout-zonder-bekende-uitleg",  # a flow list that never closes, in a key: PyYAML's words stay out
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, "    titel: Samenwerken\n    ? [a\n"),
        (At(OPGAVEN), "dit is geen geldige YAML"),
    ),
    # -- plausibility: accepted by the models, but a slip
    Case(
        "voortgang-met-datum-ver-buiten-het-programma",
        edit(OPGAVEN, "          - Monitoring ontwikkelingen bedrijventerreinen\n",
             "          - tekst: Monitoring ontwikkelingen bedrijventerreinen\n            status: lopend\n"
             "            datum: 2205-03-01\n"),
        (At(OPGAVEN, "datum: 2205-03-01"), "opgave 'vestigingsklimaat'", "datum",
         "de datum 2205-03-01 ligt ver buiten de looptijd van het programma (2024-2025)",
         "Verwacht: een datum tussen 2023-01-01 en 2028-12-31"),
    ),
    Case(
        "titel-van-300-tekens",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, "    titel: " + "Samenwerken aan een arbeidsmarkt " * 9 + "nu\n"),
        (At(OPGAVEN, "titel: Samenwerken aan een arbeidsmarkt"), "opgave 'arbeidsmarkt'", "veld 'titel'",
         "deze tekst is te lang: 299 tekens. Verwacht: hoogstens 120 tekens"),
    ),
    Case(
        "titel-met-een-teken-dat-de-voorbeeldafbeelding-niet-tekent",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, ARBEIDSMARKT_TITLE.replace("arbeidsmarkt", "arbeidsmarkt 🚀")),
        (At(OPGAVEN, "arbeidsmarkt 🚀"), "opgave 'arbeidsmarkt'", "veld 'titel'", "'🚀'",
         "Verwacht: gewone letters, cijfers en leestekens"),
    ),
    Case(
        "afkorting-niet-in-de-begrippenlijst",
        edit(OPGAVEN, ARBEIDSMARKT_TITLE, ARBEIDSMARKT_TITLE.replace("arbeidsmarkt", "arbeidsmarkt met het XYZ")),
        (At(OPGAVEN, "met het XYZ"), "opgave 'arbeidsmarkt'", "veld 'titel'",
         "'XYZ' ziet eruit als een afkorting, maar staat niet in data/begrippen.yaml",
         "Verwacht: voeg 'XYZ' toe aan data/begrippen.yaml"),
    ),
    Case(
        "betekenis-uit-het-programma-die-er-niet-in-staat",
        edit("begrippen.yaml", "betekenis: Dutch TechZone", "betekenis: Dutch Tech Zone Drenthe"),
        (At("begrippen.yaml", "betekenis: Dutch Tech Zone Drenthe"), "begrip nr. ", "veld 'betekenis'",
         "staat niet zo in het programma", "of 'herkomst: toelichting'"),
    ),
    Case(
        "begrotingsregel-met-een-andere-id-in-een-jaar",
        edit(BUDGETTEN, "          - id: nom\n", "          - id: nom-2024\n"),
        (At(BUDGETTEN, "id: nom-2024"), "begrotingsregel 'nom-2024'", "veld 'id'",
         "de id 'nom-2024' staat alleen in 2024, maar in 2025 heet een regel met dezelfde naam 'nom'",
         "Verwacht: dezelfde regel heeft in elk jaar dezelfde id ('nom')"),
    ),
]


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the adopted data, outside any git repository."""
    copy = tmp_path / "project" / "data"
    shutil.copytree(ADOPTED_DATA, copy)
    return copy


def run_check(data_dir: Path, capsys) -> tuple[int, str]:
    """`python -m macros.view.check <data_dir>`, in this process: the exit code and the report."""
    code = check_main([str(data_dir)])
    captured = capsys.readouterr()
    assert code == 0 or not captured.out, captured.out
    return code, captured.err if code else captured.out


def assert_actionable(report: str) -> list[str]:
    """The report's problems; each names a file and says what is expected."""
    assert "Traceback" not in report, report
    assert report.startswith("De data bevat"), report
    assert "De site is niet gebouwd" in report
    problems = [line for line in report.splitlines() if line.startswith("  - ")]
    assert problems, report
    for problem in problems:
        assert problem.startswith("  - data/"), f"de melding noemt geen bestand: {problem}"
        assert "verwacht" in problem.lower() or "Bedoel je" in problem, f"de melding zegt niet wat er moet staan: {problem}"
    return problems


def test_the_adopted_data_passes(data, capsys):
    code, report = run_check(data, capsys)
    assert code == 0, report
    assert report.startswith("De data is in orde")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_mistake_is_refused_with_a_message_staff_can_act_on(case, data, capsys):
    case.change(data)
    code, report = run_check(data, capsys)

    assert code == 1, f"de fout werd niet gevonden:\n{report}"
    assert_actionable(report)
    for fragment in case.expect:
        pattern = fragment.expected(data) if isinstance(fragment, At) else re.escape(fragment)
        assert re.search(pattern, report), f"{pattern!r} ontbreekt in:\n{report}"
    assert not (data.parent / "uitgevoerd").exists(), "een tag in de data is uitgevoerd"


def test_all_problems_are_reported_at_once(data, capsys):
    def several(content):
        opgaven = content["opgaven"]
        opgaven[0].pop("context")
        opgaven[1]["partners"] = []
        opgaven[2]["doelgroepen"] = opgaven[2].pop("doelgroep")

    structure(OPGAVEN, several)(data)
    code, report = run_check(data, capsys)

    assert code == 1
    problems = assert_actionable(report)
    assert report.startswith("De data bevat 4 problemen"), report
    assert len(problems) == 4
    for name in ("opgave 'vestigingsklimaat'", "opgave 'arbeidsmarkt'", "opgave 'ondernemerschap'"):
        assert name in report


def test_a_dash_inside_a_text_is_not_a_glued_item():
    text = (
        "resultaten:\n"
        "  - >-\n"
        "    Eerste tekst - met een streepje\n"
        "    -maatschappij en verder\n"
        "  - Tweede - ook\n"
        "    met vervolg -\n"
        "    en meer\n"
        "  - 'Tussen aanhalingstekens\n"
        "    - typt men dit expres'\n"
    )
    assert parse_document(text, "data/test.yaml").data == {"resultaten": [
        "Eerste tekst - met een streepje -maatschappij en verder",
        "Tweede - ook met vervolg - en meer",
        "Tussen aanhalingstekens - typt men dit expres",
    ]}


# ---------------------------------------------------------------- a wrong total, and the last commit


@pytest.fixture
def committed(tmp_path) -> Path:
    """The adopted data in a git repository of its own, committed: what staff have before an edit."""
    repo = tmp_path / "repo"
    shutil.copytree(ADOPTED_DATA, repo / "data")
    git(repo, "init", "--quiet")
    git(repo, "add", "data")
    git(repo, "commit", "--quiet", "-m", "vastgesteld")
    return repo / "data"


def line_of(path: Path, text: str, occurrence: int = 1) -> int:
    rows = path.read_text(encoding="utf-8").splitlines()
    found = [number for number, row in enumerate(rows, 1) if text in row]
    return found[occurrence - 1]


# PyYAML's own words, none of which may reach staff.
ENGLISH = re.compile(r"\b(while|expected|found|could not|not allowed|mapping|scalar|block|indicator|token)\b")


def test_no_yaml_parser_english_reaches_staff(data, capsys):
    for case in CASES:
        shutil.rmtree(data)
        shutil.copytree(ADOPTED_DATA, data)
        case.change(data)
        _, report = run_check(data, capsys)
        assert not ENGLISH.search(report), f"{case.name}: Engelse tekst van de YAML-lezer in de melding:\n{report}"


def test_deleting_the_dash_line_of_an_activity_is_told_as_two_activities_glued(committed, capsys):
    """Deleting only the '- >-' line of an activity glues it onto the one above, which YAML
    accepts. Compared with the last commit, the glued text is two activities of it."""
    edit(OPGAVEN, "          - >-\n            Nadere invulling", "            Nadere invulling")(committed)
    code, report = run_check(committed, capsys)

    assert code == 1, report
    assert_actionable(report)
    assert (f"data/opgaven.yaml, regel {line_of(committed / OPGAVEN, 'Nadere invulling') - 3} · "
            "opgave 'vestigingsklimaat' · veld 'activiteiten › nr. 1 › items › nr. 3': deze tekst is precies "
            "twee activiteiten van de vorige versie achter elkaar") in report
    assert "Meestal is dan de regel '- >-' of '- ' van de tweede weggevallen" in report


def test_a_wrong_total_names_the_amounts_changed_since_the_last_commit(committed, capsys):
    edit(BUDGETTEN, "            bedrag: 650000\n", "            bedrag: 560000\n")(committed)  # NOM 2024, digits swapped
    code, report = run_check(committed, capsys)

    assert code == 1
    assert_actionable(report)
    budget = committed / BUDGETTEN
    assert (f"data/budgetten.yaml, regel {line_of(budget, 'vastgesteld_totaal: 13865167')} · jaar '2024' · "
            "veld 'vastgesteld_totaal': de regels van 2024 tellen samen op tot") in report
    assert (f"Sinds de laatste commit veranderde dit bedrag van 2024: regel {line_of(budget, 'bedrag: 560000')} "
            f"(begrotingsregel 'nom': was {EURO}650.000, nu {EURO}560.000). Kijk dat bedrag eerst na.") in report


def test_a_wrong_total_names_new_and_removed_lines(committed, capsys):
    edit(BUDGETTEN, "          - id: nom\n", "          - id: nom-2024\n")(committed)
    edit(BUDGETTEN, "            bedrag: 650000\n", "            bedrag: 560000\n")(committed)
    code, report = run_check(committed, capsys)

    assert code == 1
    line = line_of(committed / BUDGETTEN, "bedrag: 560000")
    assert (f"Sinds de laatste commit veranderden deze bedragen van 2024: regel {line} (begrotingsregel 'nom-2024' "
            f"is nieuw: {EURO}560.000); begrotingsregel 'nom' is weggehaald (was {EURO}650.000). "
            "Kijk die bedragen eerst na.") in report


def test_a_wrong_total_with_no_changed_amount_says_so(committed, capsys):
    edit(BUDGETTEN, "vastgesteld_totaal: 13865167", "vastgesteld_totaal: 13865176")(committed)
    code, report = run_check(committed, capsys)

    assert code == 1
    assert (f"Vergelijk elk bedrag met het programma. Geen bedrag van 2024 is anders dan in de laatste commit. "
            f"Het vastgestelde totaal wel: dat was {EURO}13.865.167.") in report


def test_a_wrong_total_once_committed_names_the_amounts_changed_since_the_commit_before(committed, capsys):
    """In a pull request's CI run the edit is already committed: compare with the commit before it."""
    edit(BUDGETTEN, "            bedrag: 650000\n", "            bedrag: 560000\n")(committed)
    git(committed.parent, "commit", "--quiet", "-am", "NOM aangepast")
    code, report = run_check(committed, capsys)

    assert code == 1
    assert (f"Sinds de vorige commit veranderde dit bedrag van 2024: regel {line_of(committed / BUDGETTEN, 'bedrag: 560000')} "
            f"(begrotingsregel 'nom': was {EURO}650.000, nu {EURO}560.000).") in report


def test_a_wrong_total_outside_git_keeps_the_plain_message(data, capsys):
    edit(BUDGETTEN, "            bedrag: 650000\n", "            bedrag: 560000\n")(data)
    code, report = run_check(data, capsys)

    assert code == 1
    assert "Vergelijk elk bedrag met het programma.\n" in report
    assert "commit" not in report


# ---------------------------------------------------------------- the real command and the build


@pytest.mark.content
def test_the_real_data_passes():
    result = check(PROJECT / "data")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("De data is in orde:")


def test_the_command_exits_1_with_the_report_on_stderr(data):
    opgave(1, lambda record: record.pop("resultaten"))(data)
    result = check(data)

    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("De data bevat 1 probleem. De site is niet gebouwd.\n")
    assert "opgave 'arbeidsmarkt' · veld 'resultaten': dit veld ontbreekt" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_build_stops_on_bad_data(tmp_path):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    edit(BUDGETTEN, "            bedrag: 650000\n", "            bedrag: 560000\n")(project / "data")
    result = build(project, tmp_path / "site")

    assert result.returncode != 0
    assert f"vastgestelde totaal is {EURO}13.865.167" in result.stdout + result.stderr
    assert not (tmp_path / "site" / "index.html").exists()
