"""`make diff`: what changes for readers between two versions of the data.

The old side is always the adopted data (bron/vastgesteld/, frozen, so its texts and
figures may be named here); the new side is a copy with one specific edit.
"""

import datetime
import re
import shutil
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from macros.changes import __main__ as diff
from macros.changes.compare import ADDED, CHANGED, MOVED, REDIRECT_REMOVED, REMOVED, Progress, compare
from macros.changes.markdown import NOTHING, PROGRAMME_UNCHANGED, escape, render
from macros.changes.text_diff import DELETE, EQUAL, INSERT, Chunk, pair_items, word_diff
from macros.formatting import euro, euro_difference
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ENV, ROOT, git, read_yaml, write_yaml

FIRST = "vestigingsklimaat"  # the first opgave of the adopted data
SECOND = "arbeidsmarkt"


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the adopted data to edit."""
    return Path(shutil.copytree(ADOPTED_DATA, tmp_path / "data"))


@contextmanager
def edit(path: Path):
    content = read_yaml(path)
    yield content
    write_yaml(path, content)


def changes_in(adopted, data: Path):
    return compare(adopted, load_site(data))


def opgave(content, opgave_id: str) -> dict:
    return next(record for record in content["opgaven"] if record["id"] == opgave_id)


def year_2025(budget) -> dict:
    return next(year for year in budget["jaren"] if year["jaar"] == 2025)


def set_amount(budget, line_id: str, amount) -> None:
    """Change a 2025 amount and the declared total with it (the check would refuse otherwise)."""
    year = year_2025(budget)
    line = next(line for group in year["groepen"] for line in group["regels"] if line["id"] == line_id)
    value = lambda amount: 0 if amount == "geen" else amount  # noqa: E731
    year["vastgesteld_totaal"] += value(amount) - value(line["bedrag"])
    line["bedrag"] = amount


def section(changes, opgave_id: str, key: str):
    found = next(change for change in changes.opgaven if change.id == opgave_id)
    return next(part for part in found.sections if part.section.key == key)


# ---------------------------------------------------------------- no change


def test_the_same_data_gives_no_change(adopted):
    changes = compare(adopted, adopted)
    assert changes.empty
    assert NOTHING in render(changes, "main")


def test_comments_and_rewrapped_text_are_no_change(adopted, data):
    path = data / "opgaven.yaml"
    before = path.read_text(encoding="utf-8")
    after = before.replace(
        "bepaalt voor een belangrijk deel de\n        aantrekkingskracht",
        "bepaalt voor een\n        belangrijk deel de   aantrekkingskracht",
    ).replace("      - Woonagenda\n", "      # Een opmerking die lezers niet zien.\n      - tekst: Woonagenda\n", 1)
    after = re.sub(r"^# .*$", "# Andere uitleg bovenin.", after, flags=re.MULTILINE)
    assert after.count("belangrijk deel de   aantrekkingskracht") == 1 and "tekst: Woonagenda" in after
    path.write_text(after, encoding="utf-8")
    changes = changes_in(adopted, data)
    assert changes.empty, changes


def test_every_file_written_again_in_another_layout_is_no_change(adopted, data):
    for path in data.glob("*.yaml"):
        write_yaml(path, read_yaml(path))  # no comments, other quoting, other line breaks
    assert changes_in(adopted, data).empty


# ---------------------------------------------------------------- opgave texts


def test_an_edited_activity_shows_the_old_and_the_new_words(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        items = opgave(content, FIRST)["activiteiten"][0]["items"]
        assert items[0] == "Opzetten en uitvoeren van een integraal programma Toekomstbestendige bedrijventerreinen"
        items[0] = items[0].replace("uitvoeren", "starten")
    changes = changes_in(adopted, data)
    [item] = section(changes, FIRST, "activiteiten").items
    assert item.kind == CHANGED and not item.moved
    assert item.group == "Bedrijventerreinen"
    assert item.words == (Chunk(EQUAL, "Opzetten en"), Chunk(DELETE, "uitvoeren"), Chunk(INSERT, "starten"),
                          Chunk(EQUAL, "van een integraal programma Toekomstbestendige bedrijventerreinen"))
    markdown = render(changes, "main")
    assert ("Gewijzigd: Opzetten en ~~uitvoeren~~ **starten** van een integraal programma "
            "Toekomstbestendige bedrijventerreinen") in markdown
    assert "## Opgave 1: Versterken van het vestigingsklimaat" in markdown
    assert "### Activiteiten" in markdown


def test_a_long_text_shows_the_change_with_context_not_everything(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        need = opgave(content, FIRST)["nut_en_noodzaak"]
        need[1] = need[1].replace("stikstofruimte", "stikstof")
    markdown = render(changes_in(adopted, data), "main")
    line = next(line for line in markdown.splitlines() if "~~stikstofruimte~~ **stikstof**," in line)
    assert line.startswith("- Gewijzigd: … ") and "Voor een vitale economie" not in line
    assert "schaarse ruimte, ~~stikstofruimte~~ **stikstof**, beschikbare netcapaciteit" in line


def test_added_and_removed_items(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        record = opgave(content, SECOND)
        removed = record["resultaten"].pop(0)
        record["doelgroep"].append("Zzp’ers in de zorg")
    changes = changes_in(adopted, data)
    [result] = section(changes, SECOND, "resultaten").items
    assert (result.kind, result.old, result.new) == (REMOVED, " ".join(removed.split()), None)
    [target] = section(changes, SECOND, "doelgroep").items
    assert (target.kind, target.new) == (ADDED, "Zzp’ers in de zorg")
    markdown = render(changes, "main")
    assert "- Toegevoegd: Zzp’ers in de zorg" in markdown
    assert "- Verwijderd: " + " ".join(removed.split())[:40] in markdown


def test_an_activity_moved_to_another_group_and_a_renamed_group(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        groups = opgave(content, FIRST)["activiteiten"]
        groups[1]["items"].append(groups[0]["items"].pop())
        assert groups[1]["kop"] == "Promotie en acquisitie"
        groups[1]["kop"] = "Promotie en werving"
    changes = changes_in(adopted, data)
    changed = section(changes, FIRST, "activiteiten")
    heading, item = changed.items
    assert (heading.field, heading.kind, heading.new) == ("kop", CHANGED, "Promotie en werving")
    assert item.moved and not item.words
    assert (item.old_group, item.group) == ("Bedrijventerreinen", "Promotie en werving")
    assert not changed.reordered  # the move says it all
    markdown = render(changes, "main")
    assert "- Kop gewijzigd: Promotie en ~~acquisitie~~ **werving**" in markdown
    assert "Verplaatst naar de groep ‘Promotie en werving’, eerst in de groep ‘Bedrijventerreinen’" in markdown


def test_items_in_another_order(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        targets = opgave(content, FIRST)["doelgroep"]
        targets.reverse()
    changed = section(changes_in(adopted, data), FIRST, "doelgroep")
    assert changed.reordered and not changed.items
    assert "- De volgorde is anders." in render(changes_in(adopted, data), "main")


def test_a_status_added_to_an_activity(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        items = opgave(content, FIRST)["activiteiten"][0]["items"]
        items[1] = {"tekst": items[1], "status": "lopend", "datum": "2025-03-01",
                    "toelichting": "Drie terreinen doen mee."}
    changes = changes_in(adopted, data)
    [item] = section(changes, FIRST, "activiteiten").items
    assert item.kind == CHANGED and not item.words
    assert item.old_progress is None
    assert item.new_progress == Progress("lopend", datetime.date(2025, 3, 1), "Drie terreinen doen mee.")
    markdown = render(changes, "main")
    assert "- Aangepast: Verkenning van de mogelijkheden" in markdown
    assert ("Voortgang: was nog geen stand, nu lopend (1 maart 2025), "
            "toelichting: ‘Drie terreinen doen mee.’") in markdown


def test_a_new_partner_in_the_register_and_in_an_opgave(adopted, data):
    with edit(data / "organisaties.yaml") as content:
        content["organisaties"].append({"id": "testpartner", "naam": "Testpartner Drenthe"})
    with edit(data / "opgaven.yaml") as content:
        opgave(content, FIRST)["partners"].append("Testpartner Drenthe")
    changes = changes_in(adopted, data)
    [entry] = changes.registers
    assert (entry.register, entry.kind, entry.id, entry.name) == ("organisaties", ADDED, "testpartner",
                                                                  "Testpartner Drenthe")
    [item] = section(changes, FIRST, "partners").items
    assert (item.kind, item.new) == (ADDED, "Testpartner Drenthe")
    [link] = next(change for change in changes.opgaven if change.id == FIRST).links
    assert (link.kind, link.register, link.id) == (ADDED, "organisatie", "testpartner")
    markdown = render(changes, "main")
    assert ("### Partners en andere organisaties\n\n- Toegevoegd: Testpartner Drenthe.\n"
            "  - Nu een link in Opgave 1: Versterken van het vestigingsklimaat.") in markdown
    assert "- Nu een link naar de organisatie ‘Testpartner Drenthe’." in markdown


def test_a_renamed_organisation_and_abbreviation(adopted, data):
    with edit(data / "organisaties.yaml") as content:
        entry = next(entry for entry in content["organisaties"] if entry["id"] == "andere-provincies")
        entry["naam"], entry["ook_genoemd_als"] = "Alle andere provincies", ["Andere provincies"]
    with edit(data / "begrippen.yaml") as content:
        term = next(term for term in content["begrippen"] if term["afkorting"] == "EZK")
        # the texts still say EZK: kept as another spelling, else the check refuses them
        term["afkorting"], term["ook_geschreven_als"] = "MinEZK", [*term.get("ook_geschreven_als", []), "EZK"]
    changes = changes_in(adopted, data)
    organisation, term = changes.registers
    assert organisation.renamed and organisation.kind == CHANGED and organisation.id == "andere-provincies"
    assert term.renamed and (term.register, term.id) == ("begrippen", "MinEZK")
    markdown = render(changes, "main")
    assert "  - Naam: ~~Andere~~ **Alle andere** provincies" in markdown
    assert "  - Afkorting: ~~EZK~~ **MinEZK**" in markdown


def test_programme_texts(adopted, data):
    with edit(data / "programma.yaml") as content:
        content["tot_slot"]["alineas"].append("Een nieuwe slotzin.")
        content["aspecten"]["beschrijvingen"]["context"] += " En meer."
    changes = changes_in(adopted, data)
    assert [part.key for part in changes.programme] == ["aspecten", "tot_slot"]
    markdown = render(changes, "main")
    assert "## Teksten over het programma" in markdown
    assert "### Tot slot\n\n- Toegevoegd: Een nieuwe slotzin." in markdown
    assert "- Uitleg bij ‘Context’ gewijzigd: " in markdown and "**En meer.**" in markdown


def test_contact_details_still_to_come_are_no_change_and_filling_one_in_is_named(adopted, data):
    """The adopted data has no contact block; INVULLEN in every field says the same."""
    placeholders = {"e_mail": "INVULLEN", "telefoon": "INVULLEN", "reactietermijn_werkdagen": "INVULLEN",
                    "klachtenregeling": "INVULLEN", "beveiliging": "INVULLEN"}
    with edit(data / "programma.yaml") as content:
        content["contact"] = dict(placeholders)
    assert changes_in(adopted, data).empty
    with edit(data / "programma.yaml") as content:
        content["contact"]["e_mail"] = "toegankelijkheid@example.org"
        content["contact"]["reactietermijn_werkdagen"] = 5
    changes = changes_in(adopted, data)
    assert [part.key for part in changes.programme] == ["contact"]
    markdown = render(changes, "main")
    assert "### Contactgegevens\n\n- E-mailadres voor meldingen toegevoegd: toegankelijkheid@example.org\n" in markdown
    assert "- Aantal werkdagen voor een antwoord toegevoegd: 5" in markdown
    assert "INVULLEN" not in markdown


# ---------------------------------------------------------------- pages


def test_a_renamed_slug_kept_in_oude_slugs_redirects(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        record = opgave(content, SECOND)
        record["slug"], record["oude_slugs"] = "werk-en-onderwijs", ["arbeidsmarkt"]
    [page] = changes_in(adopted, data).pages
    assert (page.kind, page.old_path, page.new_path) == (MOVED, "opgaven/arbeidsmarkt/", "opgaven/werk-en-onderwijs/")
    assert page.redirect == page.new_path and not page.broken
    markdown = render(changes_in(adopted, data), "main")
    assert "staat nu op `/opgaven/werk-en-onderwijs/`, eerst op `/opgaven/arbeidsmarkt/`. " \
           "Het oude adres stuurt door naar het nieuwe." in markdown
    assert "Let op" not in markdown


def test_a_renamed_slug_without_oude_slugs_is_flagged(adopted, data):
    with edit(data / "opgaven.yaml") as content:
        opgave(content, SECOND)["slug"] = "werk-en-onderwijs"
    changes = changes_in(adopted, data)
    [page] = changes.pages
    assert page.kind == MOVED and page.broken
    markdown = render(changes, "main")
    assert "**Let op:** 1 oud adres werkt dan niet meer." in markdown
    assert "**Let op:** zet `arbeidsmarkt` bij `oude_slugs` van deze opgave." in markdown


def add_opgave(data: Path) -> None:
    """A second opgave 'nieuwe-opgave' (a copy of the first), with a budget group in 2025."""
    with edit(data / "opgaven.yaml") as content:
        new = {**opgave(content, FIRST), "id": "nieuwe-opgave", "slug": "nieuwe-opgave", "titel": "Een nieuwe opgave"}
        content["opgaven"].insert(1, new)
    with edit(data / "budgetten.yaml") as budget:
        year = year_2025(budget)
        year["groepen"].append({"opgave": "nieuwe-opgave", "regels": [
            {"id": "nieuwe-regel", "naam": "Nieuwe regel", "bedrag": 40000},
            {"id": "nog-niets", "naam": "Nog niets", "bedrag": "geen"},
        ]})
        year["vastgesteld_totaal"] += 40000


def test_an_old_address_taken_out_of_oude_slugs_is_flagged(data, tmp_path):
    with edit(data / "opgaven.yaml") as content:
        record = opgave(content, SECOND)
        record["slug"], record["oude_slugs"] = "werk-en-onderwijs", ["arbeidsmarkt"]
    later = Path(shutil.copytree(data, tmp_path / "later"))
    with edit(later / "opgaven.yaml") as content:
        del opgave(content, SECOND)["oude_slugs"]
    changes = compare(load_site(data), load_site(later))
    [page] = changes.pages
    assert (page.kind, page.old_path, page.broken) == (REDIRECT_REMOVED, "opgaven/arbeidsmarkt/", True)
    markdown = render(changes, "main")
    assert "- Het oude webadres `/opgaven/arbeidsmarkt/` van Opgave 2: " in markdown
    assert "**Let op:** 1 oud adres werkt dan niet meer." in markdown


def test_a_new_opgave_with_its_budget_group(adopted, data):
    add_opgave(data)
    changes = changes_in(adopted, data)
    [page] = changes.pages
    assert (page.kind, page.new_path, page.label) == (ADDED, "opgaven/nieuwe-opgave/", "Opgave 2")
    renumbered = [change for change in changes.opgaven if change.renumbered]
    assert [(change.id, change.old_number, change.number) for change in renumbered] == \
           [(SECOND, 2, 3), ("ondernemerschap", 3, 4), ("transities", 4, 5), ("economische-kracht", 5, 6)]
    [year_changes] = changes.budget.years
    assert [(line.kind, line.id) for line in year_changes.lines] == [(ADDED, "nieuwe-regel"), (ADDED, "nog-niets")]
    [group] = year_changes.groups
    assert (group.title, group.added, group.new) == ("Een nieuwe opgave", True, 40000)
    assert (year_changes.old_total, year_changes.new_total) == (11_298_457, 11_338_457)
    markdown = render(changes, "main")
    assert "- Nieuwe opgave: Opgave 2: Een nieuwe opgave, op `/opgaven/nieuwe-opgave/`." in markdown
    assert "- Nummer gewijzigd: was opgave 2, nu opgave 3." in markdown
    assert "| Nog niets | Een nieuwe opgave | nieuw | geen budget |  |" in markdown
    assert f"- Subtotaal ‘Een nieuwe opgave’: {euro(40000)} (nieuw)." in markdown


def test_a_removed_opgave_and_its_old_address(adopted, data, tmp_path):
    add_opgave(data)  # the old side has the opgave, the adopted data has not
    changes = compare(load_site(data), adopted)
    [page] = changes.pages
    assert (page.kind, page.old_path, page.broken) == (REMOVED, "opgaven/nieuwe-opgave/", True)
    [year] = changes.budget.years
    [group] = year.groups
    assert (group.title, group.removed, group.old) == ("Een nieuwe opgave", True, 40000)
    markdown = render(changes, "main")
    assert ("- Opgave verwijderd: Opgave 2: Een nieuwe opgave, op `/opgaven/nieuwe-opgave/`. "
            "Links naar dit adres werken niet meer.") in markdown
    assert f"- Subtotaal ‘Een nieuwe opgave’: was {euro(40000)}, vervalt." in markdown

    merged = Path(shutil.copytree(ADOPTED_DATA, tmp_path / "merged"))
    with edit(merged / "opgaven.yaml") as content:
        opgave(content, FIRST)["oude_slugs"] = ["nieuwe-opgave"]
    [page] = compare(load_site(data), load_site(merged)).pages
    assert page.redirect == "opgaven/vestigingsklimaat/" and not page.broken


# ---------------------------------------------------------------- budget


def test_a_changed_amount_with_the_new_subtotal_and_total(adopted, data):
    with edit(data / "budgetten.yaml") as budget:
        set_amount(budget, "toekomstbestendige-bedrijventerreinen", 1_100_000)
    changes = changes_in(adopted, data)
    [year] = changes.budget.years
    [line] = year.lines
    assert (line.kind, line.old_amount, line.new_amount, line.difference) == (CHANGED, 1_050_000, 1_100_000, 50_000)
    [group] = year.groups
    assert (group.title, group.old, group.new) == ("Versterken van het vestigingsklimaat", 2_171_540, 2_221_540)
    assert (year.old_total, year.new_total) == (11_298_457, 11_348_457)
    markdown = render(changes, "main")
    assert "| Regel | Groep | Oud | Nieuw | Verschil |" in markdown
    assert (f"| Toekomstbestendige bedrijventerreinen | Versterken van het vestigingsklimaat | "
            f"{euro(1_050_000)} | {euro(1_100_000)} | {euro_difference(50_000)} |") in markdown
    assert (f"Subtotaal ‘Versterken van het vestigingsklimaat’: was {euro(2_171_540)}, nu {euro(2_221_540)} "
            f"({euro_difference(50_000)}).") in markdown
    assert f"**Totaal 2025:** was {euro(11_298_457)}, nu {euro(11_348_457)} ({euro_difference(50_000)})." in markdown
    assert "€\u00a01.100.000" in markdown  # the project's Dutch notation


def test_no_budget_is_not_zero(adopted, data):
    with edit(data / "budgetten.yaml") as budget:
        set_amount(budget, "werkgelegenheidsenquete", "geen")
        set_amount(budget, "arbeidsmarktonderzoek", 0)
    lines = {line.id: line for line in changes_in(adopted, data).budget.years[0].lines}
    assert lines["werkgelegenheidsenquete"].new_amount is None
    assert lines["werkgelegenheidsenquete"].difference is None
    assert lines["arbeidsmarktonderzoek"].difference == -10_000
    markdown = render(changes_in(adopted, data), "main")
    assert f"| Werkgelegenheidsenquête | Samenwerken aan een toekomstbestendige arbeidsmarkt | {euro(25_200)} | " \
           f"geen budget |  |" in markdown
    assert f"| {euro(10_000)} | {euro(0)} | {euro_difference(-10_000)} |" in markdown


def test_lines_added_removed_and_moved_to_another_group(adopted, data):
    with edit(data / "budgetten.yaml") as budget:
        groups = year_2025(budget)["groepen"]
        groups[0]["regels"].append({"id": "extra", "naam": "Extra regel", "bedrag": 5000})
        removed = groups[4]["regels"].pop(1)  # European Chemical Regions Network
        groups[2]["regels"].append(groups[1]["regels"].pop(1))  # Werkgelegenheidsenquête to ondernemerschap
        year_2025(budget)["vastgesteld_totaal"] += 5000 - removed["bedrag"]
    [year] = changes_in(adopted, data).budget.years
    kinds = {line.id: line for line in year.lines}
    assert kinds["extra"].kind == ADDED and kinds["extra"].new_amount == 5000
    assert kinds["european-chemical-regions-network"].kind == REMOVED
    moved = kinds["werkgelegenheidsenquete"]
    assert (moved.kind, moved.old_group, moved.group) == (
        CHANGED, "Samenwerken aan een toekomstbestendige arbeidsmarkt", "Versterken van het ondernemerschap")
    assert not moved.amount_changed
    subtotals = {group.title: (group.old, group.new) for group in year.groups}
    assert subtotals == {
        "Versterken van het vestigingsklimaat": (2_171_540, 2_176_540),
        "Samenwerken aan een toekomstbestendige arbeidsmarkt": (687_084, 661_884),
        "Versterken van het ondernemerschap": (2_047_500, 2_072_700),
        "Ontwikkelen van de economische kracht van Drenthe": (4_086_000, 4_080_000),
    }
    assert (year.old_total, year.new_total) == (11_298_457, 11_298_457 + 5000 - 6000)
    markdown = render(changes_in(adopted, data), "main")
    assert "| European Chemical Regions Network | Ontwikkelen van de economische kracht van Drenthe | " \
           f"{euro(6000)} | verwijderd |  |" in markdown
    assert "| Werkgelegenheidsenquête | Versterken van het ondernemerschap (eerst: Samenwerken aan een " \
           "toekomstbestendige arbeidsmarkt) |" in markdown


# ---------------------------------------------------------------- escaping


def test_markdown_in_the_data_is_shown_as_text(adopted, data):
    text = "# Kop | *vet* _schuin_ ~~weg~~ `code` <script>alert(1)</script> [link](https://x.example) &amp;"
    with edit(data / "opgaven.yaml") as content:
        opgave(content, FIRST)["doelgroep"].append(text)
    with edit(data / "budgetten.yaml") as budget:
        year_2025(budget)["groepen"][0]["regels"].append({"id": "pijp", "naam": "Regel | met *ster*", "bedrag": 1})
        year_2025(budget)["vastgesteld_totaal"] += 1
    markdown = render(changes_in(adopted, data), "main")
    assert "<script>" not in markdown and "`code`" not in markdown and "*vet*" not in markdown
    assert ("- Toegevoegd: \\# Kop \\| \\*vet\\* \\_schuin\\_ \\~\\~weg\\~\\~ \\`code\\` "
            "\\<script\\>alert(1)\\</script\\> \\[link\\](https://x.example) \\&amp;") in markdown
    row = next(line for line in markdown.splitlines() if line.startswith("| Regel"))
    assert len(re.findall(r"(?<!\\)\|", row)) == 6, row  # the five cells stay five cells


def test_text_at_the_start_of_a_line_cannot_become_a_list_or_heading():
    from macros.changes.markdown import escape
    assert escape("- geen lijst") == "\\- geen lijst"
    assert escape("1. geen lijst") == "1\\. geen lijst"
    assert escape("#kop") == "\\#kop"


# ---------------------------------------------------------------- text comparison


def test_list_items_pair_in_reading_order():
    old = ["een", "twee drie vier vijf", "zes", "zeven"]
    new = ["een", "zes", "twee drie vier vijf zes", "acht"]
    # "zeven" followed "zes" in the old list, so it is told right after it.
    assert pair_items(old, new) == [(0, 0), (2, 1), (3, None), (1, 2), (None, 3)]


def test_repeated_texts_pair_one_to_one():
    assert pair_items(["a", "a"], ["a"]) == [(0, 0), (1, None)]


def test_whitespace_is_no_word_change():
    assert word_diff("een  twee\ndrie", "een twee drie") == (Chunk(EQUAL, "een twee drie"),)


# ---------------------------------------------------------------- the command


@pytest.fixture
def repo(tmp_path) -> Path:
    """A git repository with the adopted data committed, and the adopted copy in bron/."""
    root = tmp_path / "repo"
    shutil.copytree(ADOPTED_DATA, root / "data")
    shutil.copytree(ADOPTED_DATA, root / "bron" / "vastgesteld")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "vastgesteld")
    return root


def raise_first_amount(repo: Path) -> None:
    """An edit as staff make it: in the text, comments kept."""
    path = repo / "data" / "budgetten.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("bedrag: 1050000", "bedrag: 1100000").replace("vastgesteld_totaal: 11298457",
                                                                      "vastgesteld_totaal: 11348457")
    path.write_text(text, encoding="utf-8")


def test_the_command_compares_a_commit_with_the_working_tree(repo):
    raise_first_amount(repo)
    result = subprocess.run([sys.executable, "-m", "macros.changes", "HEAD", "--map", str(repo)],
                            capture_output=True, text=True, cwd=ROOT, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# Wat verandert er op de site?\n\nVergeleken: HEAD (")
    assert "met je werkmap." in result.stdout
    assert f"| {euro(1_050_000)} | {euro(1_100_000)} | {euro_difference(50_000)} |" in result.stdout


def test_the_command_compares_with_the_adopted_data_and_writes_a_file(repo, capsys):
    raise_first_amount(repo)
    output = repo / "wijzigingen.md"
    assert diff.main(["vastgesteld", "--map", str(repo), "--uitvoer", str(output)]) == 0
    summary = output.read_text(encoding="utf-8")
    assert "Vergeleken: het vastgestelde programma (bron/vastgesteld/) met je werkmap." in summary
    assert f"{euro(1_100_000)}" in summary


def test_the_command_without_changes_and_a_commit_by_its_hash(repo, capsys):
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    assert diff.main([commit, "--map", str(repo)]) == 0
    out = capsys.readouterr().out
    assert f"Vergeleken: {commit[:7]}" in out and commit not in out
    assert NOTHING in out


def test_an_unknown_revision_gets_a_dutch_message(repo, capsys):
    assert diff.main(["bestaat-niet", "--map", str(repo)]) == 2
    error = capsys.readouterr().err
    assert "Vergelijken lukt niet. git kent 'bestaat-niet' niet" in error
    assert "branch, tag of commit, of 'vastgesteld'" in error


def test_invalid_data_in_the_working_tree_gets_the_problem_report(repo, capsys):
    path = repo / "data" / "budgetten.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("bedrag: 1050000", "bedrag: 1.050.000"),
                    encoding="utf-8")
    assert diff.main(["HEAD", "--map", str(repo)]) == 1
    error = capsys.readouterr().err
    assert "Vergelijken lukt niet: de data in je werkmap heeft problemen." in error
    assert "data/budgetten.yaml, regel" in error


# ---------------------------------------------------------------- complete reports


def test_a_new_opgave_shows_every_text_it_brings(adopted, data):
    add_opgave(data)
    new = load_site(data).opgave("nieuwe-opgave")
    changes = changes_in(adopted, data)
    [added] = [change for change in changes.opgaven if change.new]
    assert added.id == "nieuwe-opgave" and not added.renumbered
    reported = [item.new for part in added.sections for item in part.items]
    assert all(item.kind == ADDED for part in added.sections for item in part.items)
    texts = [" ".join(text.split()) for section, text in new.record.texts() if section is not None]
    assert sorted(reported) == sorted(texts)
    markdown = render(changes, "main")
    block = markdown.split("## Opgave 2: Een nieuwe opgave (nieuw)", 1)[1].split("\n## ", 1)[0]
    for text in texts:  # an activity group's heading is "Kop toegevoegd"
        assert re.search(rf"^- (Kop t|T)oegevoegd: {re.escape(escape(text))}$", block, re.MULTILINE), text


def test_a_new_term_shows_its_meaning(adopted, data):
    with edit(data / "begrippen.yaml") as content:
        content["begrippen"].append({"afkorting": "RVO", "betekenis": "Rijksdienst voor Ondernemend Nederland",
                                     "uitleg": "Voert regelingen uit voor ondernemers.", "herkomst": "toelichting"})
    [entry] = changes_in(adopted, data).registers
    assert (entry.register, entry.kind, entry.id) == ("begrippen", ADDED, "RVO")
    markdown = render(changes_in(adopted, data), "main")
    assert ("- Toegevoegd: RVO.\n  - Betekenis: Rijksdienst voor Ondernemend Nederland\n"
            "  - Uitleg: Voert regelingen uit voor ondernemers.") in markdown


def test_removing_an_organisation_names_the_opgaven_where_its_name_loses_its_link(adopted, data):
    """The adopted texts name 'Rijksdiensten' without a register entry: with one, the name
    links; removing the entry unlinks it there, and the report says where."""
    with edit(data / "organisaties.yaml") as content:
        content["organisaties"].append({"id": "rijksdiensten", "naam": "Rijksdiensten"})
    with_entry = load_site(data)
    named_in = [entry for entry in adopted.opgaven
                if any(re.search(r"\bRijksdiensten\b", text) for _, text in entry.record.texts())]
    assert named_in
    changes = compare(with_entry, adopted)
    [removed] = changes.registers
    assert (removed.kind, removed.id) == (REMOVED, "rijksdiensten")
    assert [(linked.kind, linked.id) for linked in removed.opgaven] == [(REMOVED, entry.id) for entry in named_in]
    markdown = render(changes, "main")
    for entry in named_in:
        assert f"- Verwijderd: Rijksdiensten.\n  - Geen link meer in {entry.label}: {entry.title}." in markdown
        assert f"- Geen link meer naar de organisatie ‘Rijksdiensten’." in markdown


def test_word_differences_keep_punctuation_apart_from_words():
    chunks = word_diff("Inzetten op exportbevordering van bedrijven.",
                       "Inzetten op exportbevordering, vastgesteld in 2024, van bedrijven.")
    assert chunks == (Chunk(EQUAL, "Inzetten op exportbevordering"),
                      Chunk(INSERT, ", vastgesteld in 2024,", space_before=False),
                      Chunk(EQUAL, "van bedrijven."))
    changed = word_diff("Het mkb, de zzp’ers en de industrie.", "Het mkb; de zzp’ers en de industrie!")
    assert [chunk.text for chunk in changed if chunk.op != EQUAL] == [",", ";", ".", "!"]
    from macros.changes.markdown import words_markdown
    assert words_markdown(chunks) == "Inzetten op exportbevordering**, vastgesteld in 2024,** van bedrijven."


def test_the_report_keeps_the_sites_own_additions_apart_from_the_programme(adopted, data):
    with edit(data / "organisaties.yaml") as content:
        content["organisaties"].append({"id": "rijksdiensten", "naam": "Rijksdiensten"})
    markdown = render(changes_in(adopted, data), "main")
    assert PROGRAMME_UNCHANGED in markdown
    programme, additions = markdown.split("## Aanvullingen van de site", 1)
    assert "Rijksdiensten" not in programme
    assert "### Registers" in additions and "#### Partners en andere organisaties" in additions
    assert "- Nu een link naar de organisatie ‘Rijksdiensten’." in additions

    with edit(data / "opgaven.yaml") as content:
        opgave(content, FIRST)["doelgroep"].append("Zzp’ers")
    markdown = render(changes_in(adopted, data), "main")
    assert PROGRAMME_UNCHANGED not in markdown
    assert markdown.index("- Toegevoegd: Zzp’ers") < markdown.index("## Aanvullingen van de site")


def test_make_diff_and_the_site_word_every_change_alike(adopted, data):
    """One wording (macros/changes/words.py): each sentence of the report is on /wijzigingen/."""
    from bs4 import BeautifulSoup

    from macros.changes.history import Entry, History
    from macros.changes.html import history_page

    with edit(data / "opgaven.yaml") as content:
        items = opgave(content, FIRST)["activiteiten"][0]["items"]
        items[1] = {"tekst": items[1], "status": "lopend", "datum": "2025-03-01"}
        record = opgave(content, SECOND)
        record["slug"], record["oude_slugs"] = "werk-en-onderwijs", ["arbeidsmarkt"]
    with edit(data / "organisaties.yaml") as content:
        content["organisaties"].append({"id": "rijksdiensten", "naam": "Rijksdiensten"})
    with edit(data / "budgetten.yaml") as budget:
        set_amount(budget, "toekomstbestendige-bedrijventerreinen", 1_100_000)
    new = load_site(data)
    changes = compare(adopted, new)
    page = BeautifulSoup(history_page(History(steps=(Entry(None, changes),)), new), "html.parser")
    site_text = " ".join(page.get_text().split())
    report = render(changes, "main")
    sentences = [line.strip().removeprefix("- ") for line in report.splitlines()
                 if line.lstrip().startswith("- ") and "**" not in line and "`" not in line]
    assert any(sentence.startswith("Voortgang: was nog geen stand") for sentence in sentences)
    assert any(sentence.startswith("Nu een link naar de organisatie") for sentence in sentences)
    assert any(sentence.startswith("Geen link meer") or sentence.startswith("Nu een link in") for sentence in sentences)
    for sentence in sentences:
        assert " ".join(sentence.replace("\\", "").split()) in site_text, sentence
    assert "Nieuw webadres: Opgave 2: Samenwerken aan een toekomstbestendige arbeidsmarkt staat nu op" in report
    assert "Nieuw webadres: Opgave 2: Samenwerken aan een toekomstbestendige arbeidsmarkt staat nu op" in site_text
