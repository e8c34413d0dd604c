"""The data files as they were at a git revision, or as adopted (bron/vastgesteld/).

`make diff`, the budget check ("which amounts did you change?") and the change history
all compare the data with an earlier version of itself; this is the one place that
knows how to get that earlier version. Plain git, no MkDocs.
"""

import subprocess
from pathlib import Path

from macros.data import messages
from macros.data.files import ROOT

# The name that means "the data as adopted" wherever a revision is asked for.
ADOPTED = "vastgesteld"
ADOPTED_DIR = ROOT / "bron" / "vastgesteld"


class RevisionError(Exception):
    """A revision that git does not know, or no git at all; the message is Dutch."""


def committed_text(path: Path, revision: str = "HEAD") -> str | None:
    """The text of `path` at `revision`, or None when it did not exist there (or no git)."""
    path = path.resolve()
    try:
        top = _git(path.parent, "rev-parse", "--show-toplevel").strip()
        return _git(Path(top), "show", f"{revision}:{path.relative_to(top).as_posix()}")
    except (RevisionError, ValueError):
        return None


def data_at(revision: str, destination: Path, root: Path = ROOT) -> Path:
    """Write the data files of `revision` (or of the adopted copy) into `destination`."""
    destination.mkdir(parents=True, exist_ok=True)
    if revision == ADOPTED:
        source = root / "bron" / "vastgesteld"
        if not source.is_dir():
            raise RevisionError(messages.ADOPTED_FOLDER_MISSING.format(folder=source))
        for file in source.glob("*.yaml"):
            (destination / file.name).write_bytes(file.read_bytes())
        return destination
    _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}", about=revision)
    try:
        names = _git(root, "ls-tree", "--name-only", f"{revision}:data").split()
    except RevisionError as error:
        raise RevisionError(messages.NO_DATA_FOLDER.format(revision=revision)) from error
    for name in names:
        if name.endswith(".yaml"):
            (destination / name).write_text(_git(root, "show", f"{revision}:data/{name}"), encoding="utf-8")
    return destination


def describe(revision: str, root: Path = ROOT) -> str:
    """A short Dutch name of a revision for reports: 'main (a1b2c3d, 1 februari 2027)'."""
    if revision == ADOPTED:
        return messages.ADOPTED_PROGRAMME
    short = _git(root, "rev-parse", "--short", revision).strip()
    # A commit given by its hash (as CI does) is named by the short hash alone.
    return short if revision.startswith(short) else f"{revision} ({short})"


def _git(cwd: Path, *args: str, about: str | None = None) -> str:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as error:
        raise RevisionError(messages.GIT_MISSING.format(error=error)) from error
    if result.returncode != 0:
        raise RevisionError(messages.UNKNOWN_REVISION.format(
            revision=about or args[-1], reason=result.stderr.strip() or messages.UNKNOWN_VERSION))
    return result.stdout
