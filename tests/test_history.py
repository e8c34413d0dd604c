"""The change history (macros/changes/history.py and html.py): /wijzigingen/ and the section
on each opgave page, read from the git history of data/ after the adopted baseline.

Every test runs on a fixture repository in tmp_path, built from the adopted data
(bron/vastgesteld/, frozen: its texts and amounts may be named here), never on today's data.
"""

import datetime
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.changes import history
from macros.changes.compare import ADDED, CHANGED
from macros.changes.history import BASELINE_FILE, load_history
from macros.changes.html import NOTHING, UNAVAILABLE, history_page, opgave_section, opgave_status
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ROOT, read_yaml, write_yaml

OPGAVE = "vestigingsklimaat"  # the first opgave of the adopted data
OTHER = "arbeidsmarkt"
ACTIVITY = "Opzetten en uitvoeren van een integraal programma Toekomstbestendige bedrijventerreinen"
LINE = "toekomstbestendige-bedrijventerreinen"  # a 2025 line of OPGAVE: € 1.050.000
NEW_RESULT = "Tien bedrijventerreinen zijn vernieuwd"


class Repo:
    """A git repository with the adopted data as its baseline, for dated commits."""

    def __init__(self, path: Path):
        self.path = path
        self.home = path.parent / "home"
        self.home.mkdir(exist_ok=True)

    def git(self, *args: str, date: str | None = None) -> str:
        env = {**os.environ, "HOME": str(self.home), "GIT_CONFIG_NOSYSTEM": "1",
               "GIT_AUTHOR_NAME": "Redactie", "GIT_AUTHOR_EMAIL": "redactie@example.org",
               "GIT_COMMITTER_NAME": "Redactie", "GIT_COMMITTER_EMAIL": "redactie@example.org"}
        if date:
            env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
        return subprocess.run(["git", "-c", "commit.gpgsign=false", *args], cwd=self.path, env=env,
                              check=True, capture_output=True, text=True).stdout

    def commit(self, note: str, date: str) -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "-m", note, date=date)
        return self.git("rev-parse", "HEAD").strip()

    @property
    def data(self) -> Path:
        return self.path / "data"

    def edit(self, name: str, change) -> None:
        content = read_yaml(self.data / name)
        change(content)
        write_yaml(self.data / name, content)


def make_repo(path: Path) -> Repo:
    path.mkdir()
    repo = Repo(path)
    repo.git("init", "-q", "-b", "main")
    (path / ".gitignore").write_text(".cache/\n", encoding="utf-8")  # as in the project
    shutil.copytree(ADOPTED_DATA, repo.data)
    baseline = repo.commit("Het vastgestelde programma", "2026-11-27T12:00:00+01:00")
    shutil.copytree(ADOPTED_DATA, path / "bron" / "vastgesteld")
    (path / BASELINE_FILE).write_text(baseline + "\n", encoding="utf-8")
    repo.commit("De commit van de vaststelling vastgelegd", "2026-11-28T09:00:00+01:00")
    return repo


def opgave_record(content, opgave_id: str) -> dict:
    return next(record for record in content["opgaven"] if record["id"] == opgave_id)


def edit_activity(content) -> None:
    items = opgave_record(content, OPGAVE)["activiteiten"][0]["items"]
    assert items[0] == ACTIVITY
    items[0] = ACTIVITY.replace("uitvoeren", "starten")


def raise_amount(budget) -> None:
    year = next(year for year in budget["jaren"] if year["jaar"] == 2025)
    line = next(line for group in year["groepen"] for line in group["regels"] if line["id"] == LINE)
    assert line["bedrag"] == 1_050_000 and year["vastgesteld_totaal"] == 11_298_457
    line["bedrag"] = 1_100_000
    year["vastgesteld_totaal"] += 50_000


def add_result(content) -> None:
    opgave_record(content, OPGAVE)["resultaten"].append(NEW_RESULT)


@pytest.fixture
def repo(tmp_path) -> Repo:
    """The baseline, then: an activity edited, a comment added, an amount raised, a result added."""
    repo = make_repo(tmp_path / "repo")
    repo.edit("opgaven.yaml", edit_activity)
    repo.commit("Activiteit bedrijventerreinen: starten in plaats van uitvoeren", "2027-02-01T10:00:00+01:00")
    path = repo.data / "opgaven.yaml"
    path.write_text("# Een opmerking die lezers niet zien.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    repo.commit("Alleen een opmerking", "2027-03-15T10:00:00+01:00")
    repo.edit("budgetten.yaml", raise_amount)
    repo.commit("Meer geld voor bedrijventerreinen in 2025", "2027-04-10T14:30:00+02:00")
    repo.edit("opgaven.yaml", add_result)
    repo.commit("Nieuw resultaat <b>bedrijventerreinen</b>", "2027-05-20T08:00:00+02:00")
    return repo


def history_of(repo: Repo):
    """The history as a build makes it: with the site it built and the repository's own cache."""
    site = load_site(repo.data)
    return load_history(repo.path, site), site


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def text_of(element) -> str:
    return " ".join(element.get_text().split())


def amount(value: int) -> str:
    """Dutch notation, as text_of gives it (the non-breaking space after € collapsed)."""
    return "€ " + f"{value:,}".replace(",", ".")


# ---------------------------------------------------------------- the history


def test_each_commit_that_readers_see_is_one_entry_newest_first(repo):
    history, _ = history_of(repo)
    assert history.available and history.warning() is None
    assert [entry.note for entry in history.entries] == [
        "Nieuw resultaat <b>bedrijventerreinen</b>",
        "Meer geld voor bedrijventerreinen in 2025",
        "Activiteit bedrijventerreinen: starten in plaats van uitvoeren",
    ]  # the commit that only added a comment gives no entry
    assert [entry.date for entry in history.entries] == [
        datetime.date(2027, 5, 20), datetime.date(2027, 4, 10), datetime.date(2027, 2, 1)]
    assert all(entry.committed and entry.opgaven == {OPGAVE} for entry in history.entries)
    assert history.baseline.note == "Het vastgestelde programma"


def test_the_page_shows_each_change_with_its_dutch_date_note_and_old_and_new(repo):
    history, site = history_of(repo)
    html = history_page(history, site)
    page = soup(html)
    headings = [text_of(heading) for heading in page.find_all("h2")]
    assert headings == [
        "20 mei 2027: Nieuw resultaat <b>bedrijventerreinen</b>",  # the note is text, never markup
        "10 april 2027: Meer geld voor bedrijventerreinen in 2025",
        "1 februari 2027: Activiteit bedrijventerreinen: starten in plaats van uitvoeren",
    ]
    assert "<b>bedrijventerreinen</b>" not in html
    assert NOTHING not in html and UNAVAILABLE not in html
    [activity, budget, result] = reversed(page.select(".ekd-wijzigingen__item"))
    # The word difference: the old word in <del>, the new one in <ins>, each with a hidden label.
    deleted, inserted = activity.find("del"), activity.find("ins")
    assert text_of(deleted) == "verwijderd: uitvoeren" and deleted.span["class"] == ["ekd-sr"]
    assert text_of(inserted) == "toegevoegd: starten" and inserted.span["class"] == ["ekd-sr"]
    assert [text_of(h) for h in activity.find_all("h3")] == ["Opgave 1: Versterken van het vestigingsklimaat"]
    assert activity.find("h3").a["href"] == "../opgaven/vestigingsklimaat/"
    assert [text_of(h) for h in activity.find_all("h4")] == ["Activiteiten"]
    assert "In de groep ‘Bedrijventerreinen’." in text_of(activity)
    # The amount: old and new, the difference, and what it does to the subtotal and the total.
    budget_text = text_of(budget)
    assert (f"Regel ‘Toekomstbestendige bedrijventerreinen’ in de groep ‘Versterken van het "
            f"vestigingsklimaat’: bedrag was {amount(1_050_000)}, nu {amount(1_100_000)} ({amount(50_000)} meer).") \
        in budget_text
    assert f"Totaal 2025: was {amount(11_298_457)}, nu {amount(11_348_457)} ({amount(50_000)} meer)." in budget_text
    assert "Subtotaal ‘Versterken van het vestigingsklimaat’: was" in budget_text
    assert [text_of(h) for h in budget.find_all(["h3", "h4"])] == ["Begroting", "2025"]
    # The new result.
    assert f"Toegevoegd: {NEW_RESULT}" in text_of(result)
    assert [text_of(h) for h in result.find_all("h4")] == ["Resultaten"]


def test_the_opgave_section_lists_only_its_own_changes(repo):
    history, site = history_of(repo)
    page = f"opgaven/{OPGAVE}/"
    section = soup(opgave_section(history, site, OPGAVE, page))
    headings = [text_of(heading) for heading in section.find_all("h3")]
    assert headings == [
        "20 mei 2027: Nieuw resultaat <b>bedrijventerreinen</b>",
        "10 april 2027: Meer geld voor bedrijventerreinen in 2025",
        "1 februari 2027: Activiteit bedrijventerreinen: starten in plaats van uitvoeren",
    ]
    assert "3 keer veranderd" in text_of(section)
    assert [text_of(h) for h in section.find_all("h4")] == ["Resultaten", "Budget 2025", "Activiteiten"]
    links = [a["href"] for a in section.find_all("a")]
    assert "../../wijzigingen/#" + history.entries[0].anchor in links
    assert "../../wijzigingen/atom.xml" not in links  # "Volg de wijzigingen" leads to this opgave's feed address
    assert f"../../wijzigingen/volgen/#feed-{OPGAVE}" in links
    status = soup(opgave_status(history, OPGAVE))
    assert text_of(status) == "Veranderd sinds de vaststelling, voor het laatst op 20 mei 2027. Bekijk de wijzigingen"
    assert status.a["href"] == "#wijzigingen"
    # Another opgave: nothing changed, and it says so.
    other = soup(opgave_section(history, site, OTHER, f"opgaven/{OTHER}/"))
    assert "Deze opgave is sinds de vaststelling niet veranderd." in text_of(other)
    assert not other.find("h3")
    assert text_of(soup(opgave_status(history, OTHER))) == "Niet veranderd sinds de vaststelling."


def test_changed_texts_can_be_marked_on_the_opgave_page(repo):
    history, _ = history_of(repo)
    assert history.marked(OPGAVE) == {ACTIVITY.replace("uitvoeren", "starten"), NEW_RESULT}
    assert history.marked(OTHER) == frozenset()


def test_nothing_changed_since_adoption(tmp_path):
    repo = make_repo(tmp_path / "repo")
    path = repo.data / "budgetten.yaml"
    write_yaml(path, read_yaml(path))  # another layout: no change a reader sees
    repo.commit("Opmaak", "2027-01-05T10:00:00+01:00")
    history, site = history_of(repo)
    assert history.available and history.entries == ()
    html = history_page(history, site)
    assert NOTHING in html and not soup(html).find("h2")


def test_a_commit_that_only_edits_comments_adds_nothing(repo):
    before, _ = history_of(repo)
    path = repo.data / "programma.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# Nog een opmerking.\n", encoding="utf-8")
    repo.commit("Opmerking in programma.yaml", "2027-06-01T10:00:00+02:00")
    after, _ = history_of(repo)
    assert after.entries == before.entries


def test_a_rebuild_reads_no_old_data_but_the_cache(repo, monkeypatch):
    cache = repo.path / ".cache" / "artefacts"
    first, site = history_of(repo)
    cached = sorted(path.name for path in cache.iterdir())
    assert sum(name.startswith("history-step-") for name in cached) >= 5  # each commit, and the baseline check

    def no_loading(*args):
        raise AssertionError("a rebuild loaded old data")

    monkeypatch.setattr(history, "data_at", no_loading)
    monkeypatch.setattr(history, "load_site", no_loading)
    second = load_history(repo.path, site)
    assert sorted(path.name for path in cache.iterdir()) == cached
    assert second.entries == first.entries
    assert history_page(second, site) == history_page(first, site)


def test_data_not_yet_committed_is_a_first_entry(repo):
    repo.edit("opgaven.yaml", lambda content: opgave_record(content, OTHER)["doelgroep"].append("Zzp’ers"))
    history, site = history_of(repo)
    first = history.entries[0]
    assert not first.committed and first.opgaven == {OTHER}
    assert history.published == history.entries[1:]
    heading = soup(history_page(history, site)).find("h2")
    assert text_of(heading) == "Nog niet vastgelegd" and heading["id"] == "wijziging-werkmap"
    assert text_of(soup(opgave_status(history, OTHER))).startswith("Veranderd sinds de vaststelling (nog niet")


def test_a_merged_pull_request_is_one_change_named_after_its_title(tmp_path):
    repo = make_repo(tmp_path / "repo")
    repo.git("checkout", "-q", "-b", "aanpassing")
    repo.edit("opgaven.yaml", add_result)
    repo.commit("wip", "2027-02-01T10:00:00+01:00")
    repo.edit("budgetten.yaml", raise_amount)
    repo.commit("nog meer", "2027-02-02T10:00:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "aanpassing", "-m", "Merge pull request #7 from redactie/aanpassing",
             "-m", "Resultaat en budget bedrijventerreinen", date="2027-02-03T16:00:00+01:00")
    history, _ = history_of(repo)
    [entry] = history.entries
    assert entry.note == "Resultaat en budget bedrijventerreinen"
    assert entry.date == datetime.date(2027, 2, 3)
    [opgave] = entry.changes.opgaven
    assert [item.kind for section in opgave.sections for item in section.items] == [ADDED]
    [line] = entry.changes.budget.years[0].lines
    assert line.kind == CHANGED and line.opgaven == (OPGAVE,)


def test_data_that_no_longer_loads_is_folded_into_the_next_change(tmp_path):
    repo = make_repo(tmp_path / "repo")
    repo.edit("opgaven.yaml", add_result)
    (repo.data / "opgaven.yaml").write_text(
        (repo.data / "opgaven.yaml").read_text(encoding="utf-8") + "onbekend_veld: 1\n", encoding="utf-8")
    repo.commit("Kapotte data", "2027-02-01T10:00:00+01:00")
    repo.edit("opgaven.yaml", lambda content: content.pop("onbekend_veld"))
    repo.commit("Hersteld", "2027-02-02T10:00:00+01:00")
    history, _ = history_of(repo)
    [entry] = history.entries
    assert entry.note == "Hersteld" and [commit.note for commit in entry.folded] == ["Kapotte data"]
    assert history.available and "1 oudere versie van de data is niet te lezen" in history.warning()


# ---------------------------------------------------------------- no history


def assert_unavailable(history, site, says: str) -> None:
    assert not history.available and history.entries == ()
    assert says in history.unavailable
    assert history.warning().startswith("Let op: de lijst met wijzigingen is niet beschikbaar")
    html = history_page(history, site)
    assert UNAVAILABLE in html and NOTHING not in html
    section = opgave_section(history, site, OPGAVE, f"opgaven/{OPGAVE}/")
    assert UNAVAILABLE in section and "niet veranderd" not in section
    assert opgave_status(history, OPGAVE) == ""


def test_a_shallow_clone_says_the_history_is_unavailable_never_that_nothing_changed(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)],
                   check=True, capture_output=True)
    history, site = history_of(Repo(clone))
    assert_unavailable(history, site, "shallow clone")


def test_without_git_the_history_is_unavailable(repo, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(repo.path, copy, ignore=shutil.ignore_patterns(".git"))
    history, site = history_of(Repo(copy))
    assert_unavailable(history, site, "geen git-repository")


def test_without_the_baseline_commit_the_history_is_unavailable(repo):
    (repo.path / BASELINE_FILE).unlink()
    history, site = history_of(repo)
    assert_unavailable(history, site, f"het bestand {BASELINE_FILE} ontbreekt")
    (repo.path / BASELINE_FILE).write_text("f" * 40 + "\n", encoding="utf-8")
    history, site = history_of(repo)
    assert_unavailable(history, site, "staat niet in deze repository")


def test_a_baseline_whose_data_is_not_the_adopted_data_is_refused(repo):
    head = repo.git("rev-parse", "HEAD").strip()
    (repo.path / BASELINE_FILE).write_text(head + "\n", encoding="utf-8")
    history, site = history_of(repo)
    assert_unavailable(history, site, "is niet gelijk aan bron/vastgesteld/")


def test_every_kind_of_change_is_told_and_data_text_stays_text(tmp_path):
    repo = make_repo(tmp_path / "repo")
    unsafe = "<script>alert(1)</script> {{ 7 * 7 }}"

    def opgaven(content):
        other = opgave_record(content, OTHER)
        other["oude_slugs"] = [other["slug"]]
        other["slug"] = "werk-en-onderwijs"
        result = opgave_record(content, OPGAVE)["resultaten"]
        result[0] = {"tekst": result[0], "status": "lopend", "datum": "2027-03-01", "toelichting": "Drie doen mee."}
        result.append(unsafe)
        opgave_record(content, OPGAVE)["partners"].append("Nieuwe partner")

    repo.edit("opgaven.yaml", opgaven)
    repo.edit("organisaties.yaml", lambda content: content["organisaties"].append(
        {"id": "nieuwe-partner", "naam": "Nieuwe partner", "omschrijving": "Doet mee."}))
    repo.edit("programma.yaml", lambda content: content["tot_slot"]["alineas"].append("Een nieuwe alinea."))
    repo.commit("Van alles", "2027-03-02T10:00:00+01:00")
    history, site = history_of(repo)
    html = history_page(history, site)
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7 * 7 }}" in html
    page = soup(html)
    programme = text_of(page).split("Aanvullingen van de site")[0]
    additions = text_of(page).split("Aanvullingen van de site")[1]
    assert "Voortgang: was nog geen stand, nu lopend (1 maart 2027), toelichting: ‘Drie doen mee.’" in programme
    assert "Partners Toegevoegd: Nieuwe partner" in programme  # the partner the opgave names
    assert "Teksten over het programma Tot slot Toegevoegd: Een nieuwe alinea." in programme
    # What the site adds: its register, the links it makes, a page's address.
    assert ("Nieuw webadres: Opgave 2: Samenwerken aan een toekomstbestendige arbeidsmarkt staat nu op "
            "/opgaven/werk-en-onderwijs/, eerst op /opgaven/arbeidsmarkt/. Het oude adres stuurt door") in additions
    assert ("Partners en andere organisaties Toegevoegd: Nieuwe partner. Omschrijving: Doet mee. "
            "Nu een link in Opgave 1: Versterken van het vestigingsklimaat.") in additions
    assert "Links naar partners, programma’s en fondsen Nu een link naar de organisatie ‘Nieuwe partner’." in additions
    for part in ("Nieuw webadres", "Omschrijving", "Nu een link"):
        assert part not in programme
    links = [a["href"] for a in soup(html).find_all("a")]
    assert "../partners/#nieuwe-partner" in links and "../opgaven/werk-en-onderwijs/" in links
    assert history.entries[0].opgaven == {OPGAVE}  # the programme changed there only
    assert {OPGAVE, OTHER} <= history.steps[0].changes.opgave_pages  # both pages show something new


def test_removed_and_added_words_are_marked_without_colour_and_with_contrast():
    css = (ROOT / "content" / "assets" / "css" / "changes.css").read_text()

    def rule(selector: str) -> dict[str, str]:
        body = css.split(selector + " {", 1)[1].split("}", 1)[0]
        return dict(line.strip().rstrip(";").split(": ", 1) for line in body.strip().splitlines())

    def luminance(colour: str) -> float:
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    for tag, line in (("del", "line-through"), ("ins", "underline")):
        found = rule(f".md-typeset .ekd-wijzigingen {tag}")
        assert found["text-decoration"] == line
        lighter, darker = sorted((luminance(found["color"]), luminance(found["background-color"])), reverse=True)
        assert (lighter + 0.05) / (darker + 0.05) >= 4.5


# ---------------------------------------------------------------- the programme and the site's own additions


def test_the_sites_own_additions_are_no_change_to_the_programme(tmp_path):
    """Register entries that link names in the opgaven (as on 30 November 2026), a new
    term, a description and contact details: the pages say the programme did not change,
    and show the additions apart, with the opgaven whose links they changed."""
    repo = make_repo(tmp_path / "repo")
    named = "Rijksdiensten"  # named in the adopted text of an opgave, without a register entry
    repo.edit("organisaties.yaml", lambda content: content["organisaties"].append(
        {"id": "rijksdiensten", "naam": named}))
    repo.edit("begrippen.yaml", lambda content: content["begrippen"].append(
        {"afkorting": "RVO", "betekenis": "Rijksdienst voor Ondernemend Nederland", "herkomst": "toelichting"}))
    repo.edit("programma.yaml", lambda content: content.update(
        provincie="Provincie Drenthe", contact={"e_mail": "toegankelijkheid@example.org", "telefoon": "INVULLEN",
                                                "reactietermijn_werkdagen": 5, "klachtenregeling": "INVULLEN",
                                                "beveiliging": "INVULLEN"}))
    repo.commit("Overzichten aangevuld", "2027-01-10T10:00:00+01:00")
    history, site = history_of(repo)
    linked = [entry.id for entry in site.opgaven
              if any(named in text for section, text in entry.record.texts() if section is not None)]
    assert linked
    assert history.entries == () and history.published == ()
    [addition] = history.additions
    assert addition.date == datetime.date(2027, 1, 10) and addition.anchor.startswith("aanvulling-")

    page = soup(history_page(history, site))
    text = text_of(page)
    assert NOTHING in text and "sinds 27 november 2026" in text  # the adoption, where the list starts
    [heading] = page.find_all("h2", id="aanvullingen")
    assert [text_of(h) for h in page.find_all("h3")] == ["10 januari 2027: Overzichten aangevuld"]
    additions = text.split("Aanvullingen van de site", 1)[1]
    assert "Toegevoegd: Rijksdiensten." in additions and "Betekenis: Rijksdienst voor Ondernemend Nederland" in additions
    assert "Contactgegevens" in additions
    for opgave_id in linked:
        entry = site.opgave(opgave_id)
        assert f"Nu een link in {entry.label}: {entry.title}." in additions
        assert text_of(soup(opgave_status(history, opgave_id))) == "Niet veranderd sinds de vaststelling."
        section = soup(opgave_section(history, site, opgave_id, entry.path))
        assert "Deze opgave is sinds de vaststelling niet veranderd." in text_of(section)
        assert "De site heeft wel links op deze pagina aangevuld" in text_of(section)
        assert f"../../wijzigingen/#{addition.anchor}" in [a["href"] for a in section.find_all("a")]
        # The page itself shows the new link: its date moves (macros/changes/dates.py).
        assert history.page_change(opgave_id).commit == addition.commit
    unlinked = next(entry.id for entry in site.opgaven if entry.id not in linked)
    assert history.page_change(unlinked) is None
    assert "aangevuld" not in text_of(soup(opgave_section(history, site, unlinked, f"opgaven/{unlinked}/")))

    # A change to the programme in the same repository is one: only it is in the list.
    repo.edit("opgaven.yaml", edit_activity)
    repo.commit("Activiteit aangepast", "2027-02-01T10:00:00+01:00")
    history, site = history_of(repo)
    assert [entry.note for entry in history.entries] == ["Activiteit aangepast"]
    assert [entry.note for entry in history.additions] == ["Overzichten aangevuld"]
    assert NOTHING not in history_page(history, site)
