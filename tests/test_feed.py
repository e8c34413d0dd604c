"""The Atom feeds of the change history (macros/changes/feed.py), read back with feedparser.

Fixture repositories in tmp_path (tests/test_history.py builds them from the adopted data).
"""

import re
import shutil
import subprocess
from xml.etree import ElementTree

import feedparser
import pytest

from macros.changes.feed import feed_id, opgave_feed, programme_feed
from macros.changes.html import UNAVAILABLE
from tests.test_history import (  # noqa: F401 - `repo` is a fixture
    NEW_RESULT, OPGAVE, OTHER, Repo, history_of, make_repo, opgave_record, repo,
)

TITLE = "Economische Koers Drenthe 2024-2025"
SITE = "https://example.org/ekd/"
ENTRY_ID = re.compile(r"^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")


def parse(xml: bytes, address: str | None = None):
    """As a feed reader reads it; `address`: where it fetched the feed from."""
    headers = {"content-location": address, "content-type": "application/atom+xml"} if address else None
    feed = feedparser.parse(xml, response_headers=headers)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def feed_of(repo: Repo, base_url: str | None = None) -> bytes:
    history, site = history_of(repo)
    return programme_feed(history, site, TITLE, base_url)


def test_one_entry_per_change_with_note_date_and_content(repo):
    feed = parse(feed_of(repo, SITE))
    assert feed.feed.title == f"Wijzigingen: {TITLE}"
    assert feed.feed.language == "nl"
    assert [entry.title for entry in feed.entries] == [
        "Nieuw resultaat <b>bedrijventerreinen</b>",  # the note as text, never markup
        "Meer geld voor bedrijventerreinen in 2025",
        "Activiteit bedrijventerreinen: starten in plaats van uitvoeren",
    ]  # the commit that only added a comment is not in it
    assert [entry.updated for entry in feed.entries] == [
        "2027-05-20T08:00:00+02:00", "2027-04-10T14:30:00+02:00", "2027-02-01T10:00:00+01:00"]
    assert feed.feed.updated == "2027-05-20T08:00:00+02:00"
    [result, budget, activity] = feed.entries
    assert NEW_RESULT in result.content[0].value
    assert "1.100.000" in budget.content[0].value and "11.348.457" in budget.content[0].value
    assert "<del>" in activity.content[0].value and "starten</ins>" in activity.content[0].value
    assert result.summary == "Gewijzigd: Opgave 1: Versterken van het vestigingsklimaat."


def test_ids_are_stable_and_independent_of_the_address(repo, tmp_path):
    xml = feed_of(repo, SITE)
    ids = [entry.id for entry in parse(xml).entries]
    assert all(ENTRY_ID.match(id_) for id_ in ids) and len(set(ids)) == 3
    assert "example.org" not in parse(xml).feed.id
    assert feed_of(repo, SITE) == xml  # rebuilt from the cache: the same bytes
    shutil.rmtree(repo.path / ".cache")
    assert feed_of(repo, SITE) == xml  # and from scratch
    assert [entry.id for entry in parse(feed_of(repo, "https://elders.example.net/")).entries] == ids
    assert [entry.id for entry in parse(feed_of(repo)).entries] == ids
    # A commit that only edits comments adds nothing; a real change adds one entry on top.
    path = repo.data / "organisaties.yaml"
    path.write_text("# Alleen een opmerking.\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    repo.commit("Opmerking", "2027-06-01T10:00:00+02:00")
    assert [entry.id for entry in parse(feed_of(repo, SITE)).entries] == ids
    repo.edit("opgaven.yaml", lambda content: opgave_record(content, OTHER)["doelgroep"].append("Zzp’ers"))
    repo.commit("Nieuwe doelgroep", "2027-07-01T10:00:00+02:00")
    assert [entry.id for entry in parse(feed_of(repo, SITE)).entries][1:] == ids


def test_links_are_absolute_with_the_site_address(repo):
    feed = parse(feed_of(repo, SITE))
    assert feed.feed.link == f"{SITE}wijzigingen/"
    links = {link.rel: link.href for link in feed.feed.links}
    assert links["self"] == f"{SITE}wijzigingen/atom.xml"
    assert feed.entries[0].link.startswith(f"{SITE}wijzigingen/#wijziging-")
    assert f'href="{SITE}opgaven/{OPGAVE}/"' in feed.entries[0].content[0].value


@pytest.mark.parametrize("base_url", [None, "", "http://127.0.0.1:8000/", "http://localhost:8000/", "http://[::1]/"])
def test_without_a_published_address_links_are_relative_to_the_feed(repo, base_url):
    xml = feed_of(repo, base_url)
    assert b"127.0.0.1" not in xml and b"localhost" not in xml and b"[::1]" not in xml
    assert b"xml:base" not in xml
    entry = ElementTree.fromstring(xml).find("{http://www.w3.org/2005/Atom}entry")
    assert entry.find("{http://www.w3.org/2005/Atom}link").get("href").startswith("../wijzigingen/#wijziging-")
    # A reader resolves them against the address it fetched the feed from.
    feed = parse(xml, "https://elders.example.net/site/wijzigingen/atom.xml")
    assert feed.feed.link == "https://elders.example.net/site/wijzigingen/"
    assert feed.entries[0].link.startswith("https://elders.example.net/site/wijzigingen/#wijziging-")
    assert 'href="https://elders.example.net/site/opgaven/' in feed.entries[0].content[0].value


def test_one_feed_per_opgave(repo):
    history, site = history_of(repo)
    own = parse(opgave_feed(history, site, OPGAVE, SITE))
    whole = parse(programme_feed(history, site, TITLE, SITE))
    assert [entry.title for entry in own.entries] == [entry.title for entry in whole.entries]
    assert not {entry.id for entry in own.entries} & {entry.id for entry in whole.entries}
    assert own.feed.id == feed_id(OPGAVE) != whole.feed.id
    assert own.feed.link == f"{SITE}opgaven/{OPGAVE}/#wijzigingen"
    assert own.entries[0].link.startswith(f"{SITE}opgaven/{OPGAVE}/#wijziging-")
    assert [link.href for link in own.feed.links if link.rel == "self"] == [f"{SITE}wijzigingen/opgaven/{OPGAVE}.xml"]
    # The budget entry in the opgave's feed holds its line, subtotal and the total.
    assert "Budget 2025" in own.entries[1].content[0].value and "Totaal 2025" in own.entries[1].content[0].value
    other = parse(opgave_feed(history, site, OTHER, SITE))
    assert other.entries == []


def test_changes_not_yet_committed_are_never_in_a_feed(repo):
    before = [entry.id for entry in parse(feed_of(repo, SITE)).entries]
    repo.edit("opgaven.yaml", lambda content: opgave_record(content, OTHER)["doelgroep"].append("Zzp’ers"))
    history, site = history_of(repo)
    assert not history.entries[0].committed
    assert [entry.id for entry in parse(programme_feed(history, site, TITLE, SITE)).entries] == before
    assert parse(opgave_feed(history, site, OTHER, SITE)).entries == []


def test_a_shallow_clone_gives_a_feed_that_says_the_history_is_unavailable(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.path}", str(clone)],
                   check=True, capture_output=True)
    feed = parse(feed_of(Repo(clone), SITE))
    assert feed.entries == [] and feed.feed.subtitle == UNAVAILABLE


def test_nothing_changed_gives_a_valid_feed_without_entries(tmp_path):
    repo = make_repo(tmp_path / "repo")
    feed = parse(feed_of(repo, SITE))
    assert feed.entries == [] and "subtitle" not in feed.feed
    assert feed.feed.updated == "2026-11-27T12:00:00+01:00"  # the adoption


def test_text_from_the_data_is_escaped_once(tmp_path):
    repo = make_repo(tmp_path / "repo")
    repo.edit("opgaven.yaml", lambda content: opgave_record(content, OPGAVE)["resultaten"].append(
        "Werk & inkomen <b>vet</b>"))
    repo.commit("Resultaat met & en <b>", "2027-02-01T10:00:00+01:00")
    [entry] = parse(feed_of(repo, SITE)).entries
    assert entry.title == "Resultaat met & en <b>"
    assert "Werk &amp; inkomen &lt;b&gt;vet&lt;/b&gt;" in entry.content[0].value
