"""Every page says when its content last changed ("Laatst bijgewerkt"), in Dutch.

The date comes from the git history of the page's Markdown and the data it shows;
a copy without history (a tarball) uses SOURCE_DATE_EPOCH, else the files' dates.
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.outputs.last_updated import LastUpdated
from macros.formatting import dutch_date
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ENV, build, copy_project

DUTCH_MONTHS = ("januari februari maart april mei juni juli augustus september oktober november december").split()


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+01:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+01:00")
    subprocess.run(["git", "-c", "init.defaultBranch=main", *args], cwd=repo, env=env, check=True,
                   capture_output=True)


def commit(repo: Path, date: str, *paths: str) -> None:
    git(repo, "add", *paths)
    git(repo, "commit", "-q", "-m", f"change of {date}", date=date)


def touch(path: Path, text: str = "x\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------- the date lookup


@pytest.fixture
def repo(tmp_path):
    git(tmp_path, "init", "-q")
    touch(tmp_path / "content" / "over.md")
    touch(tmp_path / "data" / "programma.yaml")
    commit(tmp_path, "2025-01-10", ".")
    touch(tmp_path / "content" / "over.md", "changed\n")
    commit(tmp_path, "2025-06-15", "content/over.md")
    return tmp_path


def test_date_is_the_last_commit_that_touched_any_of_the_files(repo):
    dates = LastUpdated(repo, {"PATH": os.environ["PATH"]})
    assert dates.date_of([repo / "data" / "programma.yaml"]) == datetime.date(2025, 1, 10)
    assert dates.date_of([repo / "content" / "over.md", repo / "data" / "programma.yaml"]) == datetime.date(2025, 6, 15)


def test_without_git_history_source_date_epoch_is_used(tmp_path):
    touch(tmp_path / "data" / "opgaven.yaml")
    dates = LastUpdated(tmp_path, {"PATH": os.environ["PATH"], "SOURCE_DATE_EPOCH": "1764201600"})
    assert dates.date_of([tmp_path / "data" / "opgaven.yaml"]) == datetime.date(2025, 11, 27)


def test_without_git_history_or_epoch_the_newest_file_date_is_used(tmp_path):
    old = touch(tmp_path / "content" / "over.md")
    new = touch(tmp_path / "data" / "programma.yaml")
    os.utime(old, (1735689600, 1735689600))  # 1 January 2025
    os.utime(new, (1748736000, 1748736000))  # 1 June 2025
    dates = LastUpdated(tmp_path, {"PATH": os.environ["PATH"]})
    assert dates.date_of([old, new]) == datetime.date(2025, 6, 1)


def test_files_not_yet_committed_fall_back_too(repo):
    new = touch(repo / "content" / "nieuw.md")
    dates = LastUpdated(repo, {"PATH": os.environ["PATH"], "SOURCE_DATE_EPOCH": "1764201600"})
    assert dates.date_of([new]) == datetime.date(2025, 11, 27)


def test_a_machine_without_git_falls_back(repo):
    dates = LastUpdated(repo, {"PATH": "", "SOURCE_DATE_EPOCH": "1764201600"})
    assert dates.date_of([repo / "content" / "over.md"]) == datetime.date(2025, 11, 27)


def test_dates_are_written_the_dutch_way():
    assert dutch_date(datetime.date(2026, 11, 27)) == "27 november 2026"
    assert dutch_date(datetime.date(2025, 3, 1)) == "1 maart 2025"


# ---------------------------------------------------------------- on the built site


def built_pages(site: Path) -> list[Path]:
    return sorted(path for path in site.rglob("index.html") if 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"))


def last_updated(page: Path):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    found = soup.select("article .ekd-bijgewerkt")
    assert len(found) == 1, f"{page}: {len(found)}x 'Laatst bijgewerkt'"
    return found[0]


def shown_date(page: Path) -> datetime.date:
    return datetime.date.fromisoformat(last_updated(page).time["datetime"])


@pytest.mark.content
def test_every_page_says_when_it_was_last_updated_in_dutch(built_site, site):
    pages = built_pages(built_site)
    opgave_pages = {built_site / opgave.path / "index.html" for opgave in site.opgaven}
    assert opgave_pages <= set(pages) and built_site / "index.html" in pages
    for page in pages:
        element = last_updated(page)
        day = datetime.date.fromisoformat(element.time["datetime"])
        assert element.get_text() == f"Laatst bijgewerkt: {dutch_date(day)}"
        assert re.fullmatch(rf"\d{{1,2}} ({'|'.join(DUTCH_MONTHS)}) \d{{4}}", element.time.get_text())


FIRST = datetime.date(2025, 1, 10)
GLOSSARY_CHANGED = datetime.date(2025, 2, 5)
PAGE_CHANGED = datetime.date(2025, 3, 20)
PROGRAMME_CHANGED = datetime.date(2025, 6, 15)


@pytest.fixture(scope="module")
def history_build(tmp_path_factory):
    """A copy (adopted data) with its own history: everything, then only the glossary
    (data/begrippen.yaml), then one page's Markdown, then programma.yaml."""
    root = tmp_path_factory.mktemp("history")
    project = copy_project(root / "project", data=ADOPTED_DATA)
    git(project, "init", "-q")
    commit(project, FIRST.isoformat(), ".")
    for path, day in (("data/begrippen.yaml", GLOSSARY_CHANGED), ("content/opgaven/index.md", PAGE_CHANGED),
                      ("data/programma.yaml", PROGRAMME_CHANGED)):
        addition = "\nEen zin erbij.\n" if path.endswith(".md") else "\n# Een opmerking erbij.\n"
        (project / path).write_text((project / path).read_text(encoding="utf-8") + addition, encoding="utf-8")
        commit(project, day.isoformat(), path)
    result = build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def shows_an_abbreviation(page: Path) -> bool:
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    return article.find("abbr") is not None


def test_a_page_shows_the_date_of_its_own_last_change(history_build):
    assert shown_date(history_build / "opgaven" / "index.html") == PAGE_CHANGED


def test_a_page_shows_the_date_of_the_data_it_shows(history_build):
    # "Over dit programma", the home page and the opgave pages show texts from programma.yaml.
    for url in ("over/", "", "opgaven/arbeidsmarkt/"):
        assert shown_date(history_build / url / "index.html") == PROGRAMME_CHANGED, url
    assert last_updated(history_build / "over" / "index.html").get_text() == "Laatst bijgewerkt: 15 juni 2025"


def test_a_page_keeps_its_date_when_data_it_does_not_show_changes(history_build):
    # "Voortgang" shows opgaven.yaml (and the glossary's tooltips, if any), not programma.yaml.
    page = history_build / "voortgang" / "index.html"
    assert shown_date(page) == (GLOSSARY_CHANGED if shows_an_abbreviation(page) else FIRST)


def test_a_glossary_change_re_dates_every_page_that_shows_an_abbreviation(history_build):
    pages = built_pages(history_build)
    with_abbreviations = [page for page in pages if shows_an_abbreviation(page)]
    assert len(with_abbreviations) > len(pages) / 2  # hand-written pages and data text alike

    for page in pages:
        if shows_an_abbreviation(page):
            assert shown_date(page) >= GLOSSARY_CHANGED, page
        else:
            assert shown_date(page) != GLOSSARY_CHANGED, page


def test_a_build_without_git_history_uses_source_date_epoch(tmp_path, warm_cache):
    # No .git: like a build from a tarball.
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(tmp_path / "site")],
        capture_output=True, text=True, env={**ENV, "SOURCE_DATE_EPOCH": "1764201600"}, cwd=project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for page in built_pages(tmp_path / "site"):
        assert last_updated(page).get_text() == "Laatst bijgewerkt: 27 november 2025", page


# ---------------------------------------------------------------- with the change history


BRANCH_COMMIT = datetime.date(2027, 1, 5)
MERGED = datetime.date(2027, 2, 10)
COMMENT_ONLY = datetime.date(2027, 3, 1)


@pytest.fixture(scope="module")
def merged_build(tmp_path_factory):
    """A repository with the adopted data as baseline (27 November 2026), then a staff edit of
    the first opgave committed on a branch on 5 January and merged into main on 10 February,
    then a commit that only adds a comment to data/ (1 March)."""
    from tests.test_history import OPGAVE, edit_activity, make_repo

    tmp = tmp_path_factory.mktemp("merged")
    repo = make_repo(tmp / "repo")
    repo.git("checkout", "-q", "-b", "redactie")
    repo.edit("opgaven.yaml", edit_activity)
    repo.commit("Activiteit bedrijventerreinen aangepast", f"{BRANCH_COMMIT}T10:00:00+01:00")
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "redactie", "-m", "Merge pull request #3 from redactie",
             "-m", "Activiteit bedrijventerreinen aangepast", date=f"{MERGED}T16:00:00+01:00")
    path = repo.data / "programma.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# Een opmerking.\n", encoding="utf-8")
    repo.commit("Alleen een opmerking", f"{COMMENT_ONLY}T09:00:00+01:00")
    project = copy_project(tmp / "project", data=repo.data)
    for part in ("bron", ".git", ".gitignore"):
        target = project / part
        if target.is_dir():
            shutil.rmtree(target)
        (shutil.copytree if (repo.path / part).is_dir() else shutil.copy2)(repo.path / part, target)
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return tmp / "site", OPGAVE, load_site(project / "data")


def test_a_merged_edit_dates_its_opgave_page_and_the_changes_page_by_the_merge(merged_build):
    site_dir, changed, site = merged_build
    page = site_dir / "opgaven" / changed / "index.html"
    assert shown_date(page) == MERGED  # not the day of the commit on the branch
    status = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".ekd-wijzigingen__status")
    assert status.time["datetime"] == MERGED.isoformat()
    changes = BeautifulSoup((site_dir / "wijzigingen" / "index.html").read_text(encoding="utf-8"), "html.parser")
    [entry] = changes.select("article .ekd-wijzigingen__item h2")
    assert entry.time["datetime"] == MERGED.isoformat()
    assert BRANCH_COMMIT.isoformat() not in str(changes.select_one("article"))


def test_other_opgave_pages_keep_their_date(merged_build):
    site_dir, changed, site = merged_build
    others = [entry for entry in site.opgaven if entry.id != changed]
    assert others
    for entry in others:  # the day of the adopted version: nothing they show changed since
        assert shown_date(site_dir / entry.path / "index.html") == datetime.date(2026, 11, 27), entry.path


def test_a_change_nobody_can_see_moves_no_date(merged_build):
    site_dir, _, _ = merged_build
    dates = {page: shown_date(page) for page in built_pages(site_dir)}
    assert COMMENT_ONLY not in dates.values()
    assert dates[site_dir / "over" / "index.html"] < COMMENT_ONLY  # shows programma.yaml


def test_pages_that_do_not_show_the_edited_text_keep_their_date(merged_build):
    """The edited activity names no partner or programme: the indexes do not change; the
    pages that show the opgaven' texts (the changes page, the opgaven) do."""
    site_dir, _, _ = merged_build
    for url in ("partners", "programmas-en-fondsen", "begrotingsposten", "doelgroepen"):
        assert shown_date(site_dir / url / "index.html") < MERGED, url
    assert shown_date(site_dir / "wijzigingen" / "index.html") == MERGED
