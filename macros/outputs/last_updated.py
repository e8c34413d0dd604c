"""When the content of a page last changed: for "Laatst bijgewerkt" under each page.

The date comes from the git history of the files a page is made from (its Markdown
file and the data files it shows). Without history (a tarball, a copy, no git
installed, files not yet committed) it falls back to SOURCE_DATE_EPOCH, the
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

    def __init__(self, root: Path, environ: dict[str, str] | None = None):
        self.root = Path(root).resolve()
        self.environ = os.environ if environ is None else environ
        self._cache: dict[tuple[str, ...], datetime.date] = {}
        self._asked: dict[tuple[str, ...], datetime.date] = {}

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
        git = shutil.which("git", path=self.environ.get("PATH"))
        if git is None or not paths:
            return None
        try:
            result = subprocess.run(
                [git, "log", "-1", "--format=%cs", "--", *paths],
                cwd=self.root, capture_output=True, text=True, timeout=30,
                env={**self.environ, "GIT_OPTIONAL_LOCKS": "0"},
            )
        except (OSError, subprocess.SubprocessError):
            return None
        text = result.stdout.strip()
        if result.returncode != 0 or not text:  # not a repository, or none of the files committed
            return None
        return datetime.date.fromisoformat(text)

    def _fallback(self, paths: tuple[str, ...]) -> datetime.date:
        epoch = self.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch.isdigit():
            return _utc_date(int(epoch))
        times = [(self.root / path).stat().st_mtime for path in paths if (self.root / path).exists()]
        if times:
            return _utc_date(max(times))
        return datetime.datetime.now(datetime.timezone.utc).date()  # nothing else exists


def _utc_date(timestamp: float) -> datetime.date:
    return datetime.datetime.fromtimestamp(timestamp, datetime.timezone.utc).date()
