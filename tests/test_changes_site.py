"""The built site shows what changed since adoption: /wijzigingen/, each opgave page, the Atom feed.

One strict build of a fixture repository (the adopted data as baseline, then dated commits
that edit an activity, add only a comment, raise a 2025 amount with its total and add a
result), checked as a reader and a feed reader would meet it.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.project import ENV, copy_project
from tests.test_history import NEW_RESULT, OPGAVE, add_result, amount, edit_activity, make_repo, raise_amount
from tests.text import squash

NOTES = ("Activiteit bedrijventerreinen: starten in plaats van uitvoeren",
         "Meer geld voor bedrijventerreinen in 2025", "Nieuw resultaat <b>bedrijventerreinen</b>")
COMMENT_ONLY = "Alleen een opmerking"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The site of a fixture repository with four dated commits after the baseline."""
    tmp = tmp_path_factory.mktemp("changes-site")
    repo = make_repo(tmp / "repo")
    repo.edit("opgaven.yaml", edit_activity)
    repo.commit(NOTES[0], "2027-02-01T10:00:00+01:00")
    path = repo.data / "opgaven.yaml"
    path.write_text("# Een opmerking die lezers niet zien.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    repo.commit(COMMENT_ONLY, "2027-03-15T10:00:00+01:00")
    repo.edit("budgetten.yaml", raise_amount)
    repo.commit(NOTES[1], "2027-04-10T14:30:00+02:00")
    repo.edit("opgaven.yaml", add_result)
    repo.commit(NOTES[2], "2027-05-20T08:00:00+02:00")
    project = copy_project(tmp / "project")
    for part in ("data", "bron", ".git", ".gitignore"):
        source = repo.path / part
        target = project / part
        if target.is_dir():
            shutil.rmtree(target)
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target)
    site = tmp / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], cwd=project, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_changes_page_shows_each_change_with_date_note_and_old_and_new(built):
    article = page(built, "wijzigingen").select_one("article")
    for jump_list in article.select("nav.ekd-springlijst"):  # the entries' headings again, in the same order
        jump_list.decompose()
    text = squash(article.get_text(" "))
    positions = [text.index(note) for note in reversed(NOTES)]
    assert positions == sorted(positions), "de nieuwste wijziging staat niet bovenaan"
    for date in ("1 februari 2027", "10 april 2027", "20 mei 2027"):
        assert date in text
    assert COMMENT_ONLY not in text
    assert "<b>" in text and not article.find("b", string="bedrijventerreinen"), "een notitie werd HTML"
    deleted = [squash(tag.get_text(" ")) for tag in article.find_all("del")]
    inserted = [squash(tag.get_text(" ")) for tag in article.find_all("ins")]
    assert any("uitvoeren" in word for word in deleted) and any("starten" in word for word in inserted)
    assert amount(1_050_000) in text and amount(1_100_000) in text
    assert amount(11_298_457) in text and amount(11_348_457) in text  # the total, before and after
    assert NEW_RESULT in text


def test_the_changed_opgave_page_says_so_and_links_to_its_changes(built):
    soup = page(built, f"opgaven/{OPGAVE}")
    section = soup.find("h2", id="wijzigingen")
    assert section is not None
    section_text = squash(section.find_next("div").get_text(" "))
    assert "20 mei 2027" in squash(soup.select_one("article").get_text(" "))
    assert NEW_RESULT in section_text and COMMENT_ONLY not in section_text
    links = [a["href"] for a in soup.select("article a[href]")]
    assert any(href.endswith("wijzigingen/") or "#wijzigingen" in href for href in links)


def test_an_unchanged_opgave_says_it_did_not_change(built):
    other = next(path.parent.name for path in sorted((built / "opgaven").glob("*/index.html"))
                 if path.parent.name != OPGAVE)
    text = squash(page(built, f"opgaven/{other}").find("h2", id="wijzigingen").find_next("div").get_text(" "))
    assert "niet veranderd" in text


def test_the_feed_linked_from_the_changes_page_parses_as_atom_with_an_entry_per_change(built):
    link = page(built, "wijzigingen").find("link", rel="alternate", type="application/atom+xml")
    assert link is not None
    feed_path = (built / "wijzigingen" / link["href"]).resolve()
    feed = feedparser.parse(feed_path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert sorted(entry.title for entry in feed.entries) == sorted(NOTES)
    assert len({entry.id for entry in feed.entries}) == len(NOTES)
    home = BeautifulSoup((built / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find("link", rel="alternate", type="application/atom+xml") is not None


@pytest.mark.content
def test_the_real_site_has_a_changes_page_and_a_section_on_every_opgave(built_site, site):
    assert (built_site / "wijzigingen" / "index.html").is_file()
    assert (built_site / "wijzigingen" / "atom.xml").is_file()
    for opgave in site.opgaven:
        soup = BeautifulSoup((built_site / opgave.path / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.find("h2", id="wijzigingen") is not None, opgave.path
