"""The change history: what readers saw change since the programme was adopted, from git.

The baseline is the commit named in bron/vastgesteld.commit: the commit at adoption. A
recorded hash rather than a search for "the newest commit whose data equals
bron/vastgesteld/", because a search (1) jumps forward when a later edit is reverted to the
adopted text, hiding real changes, (2) finds nothing once the data model changes, as older
data no longer loads with today's code, and (3) must load every old version to find the
answer. A hash costs one file, and a wrong or missing one is loud (the page and the build
say the history is unavailable), never a silently shorter list.

The adopted content itself comes from bron/vastgesteld/ in the working tree, which is kept
in step with the data model, so the first comparison always works. Each later commit on
the first-parent line that touches data/ is compared with the version before it, using
the one difference engine (compare.py); a commit nobody could see (comments, layout)
gives no entry. A commit whose data cannot be read with today's code (an older data
model, or broken data that was committed) is folded into the next readable one, and the
build says so.

Data in the working tree that differs from HEAD (editing during `make serve`) is shown as
a first entry "Nog niet vastgelegd": staff see what readers will see once it is
published. CI builds a clean checkout, so the published site never has one, and the feed
leaves it out.

Without the history (no git, a copy, a shallow clone, the baseline commit missing) the
result says so and gives the reason in Dutch; it never claims that nothing changed.
Each comparison is kept in the artefact cache (.cache/artefacts/) under the pair of
versions it compares, so a rebuild asks git a few questions and loads no old data.
"""

import datetime
import hashlib
import os
import re
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

# The rest of the project, imported in this one place.
from ..outputs.artefacts import ArtefactCache, cache_for, data_inputs
from ..data.problems import DataError
from ..data.revisions import RevisionError, data_at
from ..view.site import SOURCES, Site, load_site
from .classify import programme_part, site_part
from .compare import ADDED, CHANGED, Changes, OpgaveChanges, PageChange, YearChanges, compare, touched_opgaven

BASELINE_FILE = "bron/vastgesteld.commit"  # the hash of the commit at adoption
ADOPTED_FOLDER = "bron/vastgesteld"
DATA_FOLDER = "data"
_HASH = re.compile(r"^[0-9a-f]{40}$")
_FIELD, _RECORD = "\x1f", "\x1e"
_LOG_FORMAT = _FIELD.join(("%H", "%P", "%cI", "%s", "%b")) + _RECORD


# ---------------------------------------------------------------- the result


@dataclass(frozen=True)
class Commit:
    hash: str
    time: datetime.datetime  # the committer's time, with its offset: when it reached the branch
    note: str  # the subject line (for a merge: the pull request's title)

    @property
    def date(self) -> datetime.date:
        return self.time.date()

    @property
    def short(self) -> str:
        return self.hash[:12]


@dataclass(frozen=True)
class Entry:
    """One change readers see: a commit, or the data in the working tree not yet committed."""

    commit: Commit | None  # None: not yet committed
    changes: Changes
    folded: tuple[Commit, ...] = ()  # earlier commits that could not be read; their changes are in this one
    addition: bool = False  # the site's own additions of this commit, not a change to the programme (classify.py)

    @property
    def committed(self) -> bool:
        return self.commit is not None

    @property
    def anchor(self) -> str:
        """The fragment of this entry on /wijzigingen/ and on an opgave page: stable per commit."""
        prefix = "aanvulling" if self.addition else "wijziging"
        return f"{prefix}-{self.commit.short}" if self.commit else f"{prefix}-werkmap"

    @property
    def date(self) -> datetime.date | None:
        return self.commit.date if self.commit else None

    @property
    def note(self) -> str | None:
        return self.commit.note if self.commit else None

    @cached_property
    def opgaven(self) -> frozenset[str]:
        """The ids of the opgaven whose page shows something of this change."""
        return touched_opgaven(self.changes)


@dataclass(frozen=True)
class OpgaveItem:
    """What one entry changed on one opgave's page."""

    entry: Entry
    opgave: OpgaveChanges | None  # its title, sections and links
    pages: tuple[PageChange, ...]  # the page is new or has a new address
    years: tuple[YearChanges, ...]  # its budget lines, with its subtotal and the total


@dataclass(frozen=True)
class History:
    # Every version readers could tell from the one before, newest first, with all it changed:
    # the programme and the site's own additions (classify.py) together.
    steps: tuple[Entry, ...] = ()
    baseline: Commit | None = None
    unavailable: str | None = None  # why the history cannot be shown (Dutch); None when it can
    problems: tuple[str, ...] = ()  # versions that could not be read (Dutch), for the build output
    since_adoption: Changes | None = None  # the working tree against the adopted data, for marks
    # The commits after adoption that changed data/ in a way nobody could see (comments,
    # layout) or that were folded into a later one: they move no page's date (dates.py).
    unseen: frozenset[str] = frozenset()

    @property
    def available(self) -> bool:
        return self.unavailable is None

    @cached_property
    def entries(self) -> tuple[Entry, ...]:
        """The changes to the programme, newest first: what /wijzigingen/, the opgave pages
        and the feeds call a change."""
        return tuple(found for step in self.steps
                     if not (found := replace(step, changes=programme_part(step.changes))).changes.empty)

    @cached_property
    def additions(self) -> tuple[Entry, ...]:
        """The site's own additions (registers, links, contact details), newest first."""
        return tuple(found for step in self.steps
                     if not (found := replace(step, changes=site_part(step.changes), addition=True)).changes.empty)

    def page_change(self, opgave_id: str) -> Entry | None:
        """The newest committed step that changed what the opgave's page shows (also a
        site addition, such as a new link); None when none did since adoption."""
        return next((step for step in self.steps
                     if step.committed and opgave_id in step.changes.opgave_pages), None)

    def parts_change(self, parts) -> Entry | None:
        """The newest committed step that changed any of these parts of the Site (view/site.py)."""
        parts = frozenset(parts)
        if parts - SOURCES.keys():  # a part compare() does not follow: any change may show there
            return next((step for step in self.steps if step.committed), None)
        return next((step for step in self.steps if step.committed and step.changes.parts & parts), None)

    def additions_for(self, opgave_id: str) -> tuple[Entry, ...]:
        """The site additions that changed the links on the opgave's page."""
        return tuple(entry for entry in self.additions
                     if any(opgave.id == opgave_id for opgave in entry.changes.opgaven))

    @property
    def published(self) -> tuple[Entry, ...]:
        """The committed entries: what the feed carries."""
        return tuple(entry for entry in self.entries if entry.committed)

    def for_opgave(self, opgave_id: str) -> tuple[OpgaveItem, ...]:
        return tuple(item for entry in self.entries if (item := opgave_item(entry, opgave_id)))

    def last_change(self, opgave_id: str) -> Entry | None:
        """The newest entry that changed the opgave's page; None when none did (or unavailable)."""
        return next((entry for entry in self.entries if opgave_id in entry.opgaven), None)

    def marked(self, opgave_id: str) -> frozenset[str]:
        """The texts on the opgave's page that are new or changed since adoption (whitespace
        collapsed, as text_diff.plain gives them), to mark on the page."""
        if self.since_adoption is None:
            return frozenset()
        found = next((opgave for opgave in self.since_adoption.opgaven if opgave.id == opgave_id), None)
        if found is None:
            return frozenset()
        return frozenset(item.new for section in found.sections for item in section.items
                         if item.kind in (ADDED, CHANGED) and item.new is not None)

    def warning(self) -> str | None:
        """What the build should tell staff (Dutch), or None when all is well."""
        lines = []
        if self.unavailable:
            lines.append(f"Let op: de lijst met wijzigingen is niet beschikbaar: {self.unavailable} "
                         "De pagina Wijzigingen zegt dat ook aan lezers.")
        if self.problems:
            count = len(self.problems)
            versions = "1 oudere versie" if count == 1 else f"{count} oudere versies"
            lines.append(f"Let op: {versions} van de data {'is' if count == 1 else 'zijn'} niet te lezen met de "
                         "huidige code (bijvoorbeeld na een wijziging van het datamodel). Hun wijzigingen staan bij "
                         "de eerstvolgende versie die wel te lezen is.")
        return "\n".join(lines) or None


def opgave_item(entry: Entry, opgave_id: str) -> OpgaveItem | None:
    """The part of `entry` that concerns one opgave; None when it has none."""
    changes = entry.changes
    opgave = next((found for found in changes.opgaven if found.id == opgave_id), None)
    pages = tuple(page for page in changes.pages if page.id == opgave_id)
    years = []
    for year in changes.budget.years:
        lines = tuple(line for line in year.lines if opgave_id in line.opgaven)
        if lines:
            groups = tuple(group for group in year.groups if group.opgave == opgave_id)
            years.append(replace(year, lines=lines, groups=groups, texts=()))
    if opgave is None and not pages and not years:
        return None
    return OpgaveItem(entry, opgave, pages, tuple(years))


# ---------------------------------------------------------------- reading the history


class Unavailable(Exception):
    """The history cannot be read; the message says why, in Dutch."""


@dataclass(frozen=True)
class _Step:
    """The comparison of one version with the one before it, as cached."""

    changes: Changes | None
    problem: str | None = None  # the version could not be read: what was wrong (Dutch)


def load_history(root: Path, current: Site | None = None, cache: ArtefactCache | None = None) -> History:
    """The change history of the project at `root` (the folder with data/, bron/ and .git).

    `current`: the Site the build made from root/data (saves loading it again); without it
    the working tree's data is read only when it differs from HEAD. `cache`: the artefact
    cache (default: the project's own). Call it once per build."""
    root = Path(root).resolve()
    git = _Git(root)
    try:
        baseline_hash = _baseline_hash(root)
        git.check_repository(baseline_hash)
        commits = git.commits_since(baseline_hash)
        baseline = git.commit(baseline_hash)
    except Unavailable as reason:
        return History(unavailable=str(reason))
    return _Walk(root, git, cache or cache_for(root), current).run(baseline, commits)


def _baseline_hash(root: Path) -> str:
    path = root / BASELINE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise Unavailable(f"het bestand {BASELINE_FILE} ontbreekt. Zet daarin de commit van de vaststelling.") \
            from None
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.strip().startswith("#")]
    if len(lines) != 1 or not _HASH.match(lines[0]):
        raise Unavailable(f"in {BASELINE_FILE} staat geen commit. Verwacht: één regel met de volledige "
                          "hash van 40 tekens, zoals 2842c5b65a12f0f9c54f925e34acd25c5d2dd788.")
    return lines[0]


class _Git:
    def __init__(self, root: Path):
        self.root = root

    def run(self, *args: str) -> subprocess.CompletedProcess:
        try:
            return subprocess.run(
                ["git", *args], cwd=self.root, capture_output=True, text=True, check=False,
                env={**os.environ, "GIT_OPTIONAL_LOCKS": "0"},  # a build never takes git's index lock
            )
        except OSError:
            raise Unavailable("git is niet gevonden op deze computer.") from None

    def check_repository(self, baseline: str) -> None:
        found = self.run("rev-parse", "--show-toplevel", "--is-shallow-repository")
        lines = found.stdout.split()
        if found.returncode != 0 or len(lines) != 2 or Path(lines[0]).resolve() != self.root:
            said = found.stderr.strip().splitlines()[:1]
            raise Unavailable(f"de map {self.root} is geen git-repository (bijvoorbeeld een kopie of "
                              "een download zonder geschiedenis)." + (f" Git zegt: {said[0]}" if said else ""))
        if lines[1] == "true":
            raise Unavailable("deze kopie van de repository heeft maar een deel van de geschiedenis "
                              "(een 'shallow clone'). Haal alles op met: git fetch --unshallow")
        if self.run("cat-file", "-e", f"{baseline}^{{commit}}").returncode != 0:
            raise Unavailable(f"de commit van de vaststelling ({baseline[:12]}, uit {BASELINE_FILE}) "
                              "staat niet in deze repository. Haal de hele geschiedenis op (git fetch).")
        if self.run("merge-base", "--is-ancestor", baseline, "HEAD").returncode != 0:
            raise Unavailable(f"de commit van de vaststelling ({baseline[:12]}, uit {BASELINE_FILE}) "
                              "hoort niet bij de geschiedenis van deze versie.")

    def commits_since(self, baseline: str) -> list[Commit]:
        """The commits after `baseline` that touch data/, oldest first, along the first parents
        (a merged pull request is one change, dated when it was merged)."""
        found = self.run("log", "--first-parent", "--reverse", f"--format={_LOG_FORMAT}",
                         f"{baseline}..HEAD", "--", f"{DATA_FOLDER}/")
        if found.returncode != 0:
            raise Unavailable(f"git kan de geschiedenis niet lezen: {found.stderr.strip()}")
        return [_commit(record) for record in found.stdout.split(_RECORD) if record.strip()]

    def commit(self, revision: str) -> Commit:
        found = self.run("log", "-1", f"--format={_LOG_FORMAT}", revision)
        if found.returncode != 0:
            raise Unavailable(f"git kan de commit {revision[:12]} niet lezen: {found.stderr.strip()}")
        return _commit(found.stdout.split(_RECORD)[0])

    def data_changed(self) -> bool:
        """Whether data/ in the working tree differs from HEAD (edited, added or deleted files)."""
        found = self.run("status", "--porcelain", "--untracked-files=all", "--", f"{DATA_FOLDER}/")
        return found.returncode == 0 and bool(found.stdout.strip())


def _commit(record: str) -> Commit:
    hash_, parents, time, subject, body = record.strip("\n").split(_FIELD, 4)
    note = subject.strip()
    if len(parents.split()) > 1 and note.startswith("Merge "):
        # GitHub's merge commit: "Merge pull request #12 from ...", the PR title below it.
        note = next((line.strip() for line in body.splitlines() if line.strip()), note)
    return Commit(hash_, datetime.datetime.fromisoformat(time.strip()), note)


class _Walk:
    """One pass over the versions, loading old data only for comparisons not yet cached."""

    def __init__(self, root: Path, git: _Git, cache: ArtefactCache, current: Site | None):
        self.root, self.git, self.cache, self.current = root, git, cache, current
        self.sites: dict[str, Site | str] = {}  # version key → Site, or what was wrong (Dutch)
        self.loaders: dict[str, Callable[[], Site]] = {}

    def run(self, baseline: Commit, commits: list[Commit]) -> History:
        try:
            return self._run(baseline, commits)
        except Unavailable as reason:
            return History(baseline=baseline, unavailable=str(reason))

    def _run(self, baseline: Commit, commits: list[Commit]) -> History:
        adopted = self._register_folder("vastgesteld", self.root / ADOPTED_FOLDER)
        self._check_baseline(baseline, adopted)
        entries, problems, pending = [], [], []
        previous = adopted
        for commit in commits:
            key = self._register_commit(commit.hash)
            step = self._step(previous, key)
            if step.problem is not None:
                pending.append(commit)
                problems.append(f"De data van commit {commit.short} ({commit.note}) is niet te lezen. {step.problem}")
                continue
            if not step.changes.empty:
                entries.append(Entry(commit, step.changes, tuple(pending)))
            pending, previous = [], key
        since_adoption = None
        edited = self.git.data_changed()
        if edited or self.current is not None:
            working = self._register_working_tree()
            if edited:
                step = self._step(previous, working)
                if step.changes is not None and not step.changes.empty:
                    entries.append(Entry(None, step.changes, tuple(pending)))
            if self.current is not None:
                since_adoption = self._step(adopted, working).changes
        seen = {entry.commit.hash for entry in entries if entry.commit}
        unseen = frozenset(commit.hash for commit in commits if commit.hash not in seen)
        return History(tuple(reversed(entries)), baseline, None, tuple(problems), since_adoption, unseen)

    # -- versions: a key that names the content, and how to load it

    def _register_folder(self, name: str, folder: Path) -> str:
        key = f"{name}:{_digest(data_inputs(folder))}"
        self.loaders[key] = lambda: load_site(folder)
        return key

    def _register_commit(self, hash_: str) -> str:
        self.loaders[hash_] = lambda: self._load_commit(hash_)
        return hash_

    def _register_working_tree(self) -> str:
        key = self._register_folder("werkmap", self.root / DATA_FOLDER)
        if self.current is not None:
            self.loaders[key] = lambda: self.current
        return key

    def _load_commit(self, hash_: str) -> Site:
        with tempfile.TemporaryDirectory(prefix="ekd-history-") as temporary:
            return load_site(data_at(hash_, Path(temporary), self.root))

    def _site(self, key: str) -> Site | str:
        if key not in self.sites:
            try:
                self.sites[key] = self.loaders[key]()
            except DataError as error:
                self.sites[key] = error.report()
            except RevisionError as error:
                self.sites[key] = str(error)
        return self.sites[key]

    # -- comparisons, each cached under the two versions it compares

    def _step(self, old: str, new: str) -> _Step:
        return self.cache.get_object("history-step", (old, new), lambda: self._compare(old, new))

    def _compare(self, old: str, new: str) -> _Step:
        after = self._site(new)
        if isinstance(after, str):
            return _Step(None, after)
        before = self._site(old)
        if isinstance(before, str):  # the adopted copy itself: nothing can be compared
            raise Unavailable(f"de vastgestelde data in {ADOPTED_FOLDER}/ is niet te lezen. {before}")
        return _Step(compare(before, after))

    def _check_baseline(self, baseline: Commit, adopted: str) -> None:
        """The recorded commit must hold the adopted data; when its data no longer loads
        (the data model changed since), there is nothing to check it with."""
        step = self._step(adopted, self._register_commit(baseline.hash))
        if step.problem is None and not step.changes.empty:
            raise Unavailable(f"de data van de commit in {BASELINE_FILE} ({baseline.short}) is niet gelijk aan "
                              f"{ADOPTED_FOLDER}/. Zet daar de commit van de vaststelling in.")


def _digest(parts: list[bytes]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()
