"""When the files of a page last changed: for "Laatst bijgewerkt" under each page
(macros/changes/dates.py decides, with the change history).

The date comes from the git history of the files a page is made from (its Markdown
file and the data files it shows), along the first-parent line: a merged pull request
counts from the day of its merge. Commits whose changes to data/ nobody could see
(`unseen`, from the change history) are left out for those files. Without history (a
tarball, a copy, no git installed, files not yet committed) it falls back to SOURCE_DATE_EPOCH, the
standard way to fix the date of a reproducible build, and else to the newest
modification time of those files. It never uses the clock: building the same
source twice gives the same pages.
"""

import datetime
import os
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path


class LastUpdated:
    """Looks up dates for sets of files under one project root, each set once."""

    def __init__(self, root: Path, environ: dict[str, str] | None = None, folders: Iterable[Path] = (),
                 unseen: Iterable[str] = (), data_folder: str = "data"):
        self.root = Path(root).resolve()
        self.environ = os.environ if environ is None else environ
        self.unseen = frozenset(unseen)  # commit hashes whose changes to data_folder readers could not see
        self.data_folder = data_folder.rstrip("/") + "/"
        # Where the pages' files are (the docs and data folders): git reads only their history.
        self.folders = [self._relative(folder) for folder in folders]
        self._cache: dict[tuple[str, ...], datetime.date] = {}
        self._asked: dict[tuple[str, ...], datetime.date] = {}
        self._file_dates: dict[str, datetime.date] | None = None

    def date_of(self, paths: Iterable[Path]) -> datetime.date:
        asked = tuple(map(str, paths))
        if asked not in self._asked:  # most pages ask for the same files: resolve them once
            key = tuple(sorted({self._relative(path) for path in asked}))
            if key not in self._cache:
                self._cache[key] = self._git_date(key) or self._fallback(key)
            self._asked[asked] = self._cache[key]
        return self._asked[asked]

    def _relative(self, path: Path) -> str:
        path = Path(path)
        absolute = path if path.is_absolute() else self.root / path
        return absolute.resolve().relative_to(self.root).as_posix()

    def _git_date(self, paths: tuple[str, ...]) -> datetime.date | None:
        """The date of the last commit that changed any of `paths` (as `git log -1 -- paths`)."""
        committed = self._committed()
        return max((committed[path] for path in paths if path in committed), default=None)

    def _committed(self) -> dict[str, datetime.date]:
        """Per file under the root, the date of the last commit that changed it.

        One `git log` for all pages: a call per page's set of files cost a tenth of a
        rebuild of the real site."""
        if self._file_dates is None:
            self._file_dates = {}
            for commit, day, names in _log(self.root, self.environ, self.folders):  # newest first
                for name in names:
                    if commit in self.unseen and name.startswith(self.data_folder):
                        continue
                    self._file_dates.setdefault(name, day)
        return self._file_dates

    def _fallback(self, paths: tuple[str, ...]) -> datetime.date:
        epoch = self.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return _utc_date(int(epoch))
        times = [(self.root / path).stat().st_mtime for path in paths if (self.root / path).exists()]
        if times:
            return _utc_date(max(times))
        return datetime.datetime.now(datetime.timezone.utc).date()  # nothing else exists


def _log(root: Path, environ, folders: list[str]) -> list[tuple[str, datetime.date, list[str]]]:
    """Each commit on the first-parent line under `root` (in `folders`, if any), newest
    first: its hash, its date and the files it changed (relative to `root`; for a merge,
    what it brought to the first parent). Empty when there is no git or no history."""
    git = shutil.which("git", path=environ.get("PATH"))
    if git is None:
        return []
    try:
        result = subprocess.run(
            [git, "-c", "core.quotePath=false", "log", "--first-parent", "--diff-merges=first-parent", "--relative",
             "--format=%x00%H %cs", "--name-only", "--", *folders],
            cwd=root, capture_output=True, text=True, timeout=30, env={**environ, "GIT_OPTIONAL_LOCKS": "0"},
        )
    except (OSError, subprocess.SubprocessError):
        return []
    if result.returncode != 0:  # not a repository, or no commit yet
        return []
    commits = []
    for block in result.stdout.split("\0")[1:]:
        head, _, names = block.partition("\n")
        commit, _, day = head.strip().partition(" ")
        commits.append((commit, datetime.date.fromisoformat(day), [name for name in names.splitlines() if name]))
    return commits


def _utc_date(timestamp: float) -> datetime.date:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date()
