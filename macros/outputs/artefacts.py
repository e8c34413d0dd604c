"""A disk cache for what is slow to make: the PDF, the link preview images and the steps
of the change history.

The PDF takes about two seconds, more than building every page around it, and a preview
image 20 ms (bench/RESULTS.md); yet they only change when what they are made from changes.
Each file is stored under a hash of all of that: its own input, the Python source of
macros/ and the machine it is drawn on (environment.py: Python, every installed package,
pango, harfbuzz, fontconfig and the font files). Change any of those and it is made
again, so a cached file is always the file a fresh build would make. Material's social
cards plugin works the same way.

The cache lives in .cache/artefacts/ beside mkdocs.yml (ignored by git). After a build,
`prune` removes the files that build did not use, so the cache holds one build's worth.
Compiled templates, Jinja's own cache, live beside it (`compiled_templates_folder`).
"""

import hashlib
import os
import pickle
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from macros.outputs.environment import environment_fingerprint

MACROS = Path(__file__).resolve().parents[1]
CACHE_FOLDER = ".cache/artefacts"
COMPILED_TEMPLATES_FOLDER = ".cache/jinja"
TEMPORARY_PREFIX = ".tmp-"
STALE_SECONDS = 3600  # a temporary file this old was left by a process that was killed


class ArtefactCache:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self.used: set[str] = set()  # the keys this build asked for

    def start_build(self) -> None:
        self.used = set()

    def get(self, kind: str, inputs: Iterable[bytes | str], make: Callable[[], bytes]) -> bytes:
        """The file made by `make()` from `inputs`: from the cache, or made now and kept."""
        key = self.key(kind, inputs)
        content = self._read(key)
        return content if content is not None else self._put(key, make())

    def peek(self, kind: str, inputs: Iterable[bytes | str]) -> bytes | None:
        """The cached file for `inputs`, or None when it has not been made yet (nothing is made)."""
        return self._read(self.key(kind, inputs))

    def put(self, kind: str, inputs: Iterable[bytes | str], content: bytes) -> bytes:
        """Keep `content`, made from `inputs`, for the next `get` or `peek`."""
        return self._put(self.key(kind, inputs), content)

    def get_object(self, kind: str, inputs: Iterable[bytes | str], make: Callable[[], Any]) -> Any:
        """Like `get`, for a Python object that this code made (stored with pickle).

        Only ever reads what `make` wrote: the key holds the source of macros/ and every
        installed package, so a file written by other code is never read as this code's object."""
        key = self.key(kind, inputs)
        content = self._read(key)
        if content is not None:
            try:
                return pickle.loads(content)
            except Exception:  # noqa: BLE001 - a damaged file is only a cache miss: make it again
                pass
        value = make()
        self._put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def prune(self) -> None:
        """Remove every cached file this build did not ask for."""
        if not self.directory.is_dir():
            return
        for path in self.directory.iterdir():
            if path.is_file() and path.name not in self.used and not self._being_written(path):
                path.unlink(missing_ok=True)

    @staticmethod
    def _being_written(path: Path) -> bool:
        """A young temporary file: `mkdocs serve` may be drawing the PDF into it (pdf_build.py)."""
        try:
            return path.name.startswith(TEMPORARY_PREFIX) and time.time() - path.stat().st_mtime < STALE_SECONDS
        except FileNotFoundError:
            return True

    def key(self, kind: str, inputs: Iterable[bytes | str]) -> str:
        """The name a file made from `inputs` is kept under."""
        digest = hashlib.sha256(fingerprint().encode())
        for part in inputs:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))  # so ("ab", "c") and ("a", "bc") differ
            digest.update(data)
        return f"{kind}-{digest.hexdigest()}"

    def _read(self, key: str) -> bytes | None:
        self.used.add(key)
        try:
            return (self.directory / key).read_bytes()
        except FileNotFoundError:
            return None

    def _put(self, key: str, content: bytes) -> bytes:
        # Write beside the target, then rename: a build that is killed halfway never
        # leaves half a file under a valid name.
        self.used.add(key)
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=TEMPORARY_PREFIX)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.replace(temporary, self.directory / key)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        return content


_caches: dict[Path, ArtefactCache] = {}


def cache_for(project: Path) -> ArtefactCache:
    """The cache of one project; one object per process, whichever module asks."""
    directory = (Path(project) / CACHE_FOLDER).resolve()
    return _caches.setdefault(directory, ArtefactCache(directory))


def compiled_templates_folder(project: Path) -> Path:
    """Where Jinja keeps compiled templates (each under its name and a hash of its source):
    a folder per machine, so a new Jinja or Python never runs code compiled by the old. The
    folders of other machines are removed."""
    parent = Path(project) / COMPILED_TEMPLATES_FOLDER
    folder = parent / environment_fingerprint()[:32]
    if parent.is_dir():
        for other in parent.iterdir():
            if other != folder:
                shutil.rmtree(other, ignore_errors=True) if other.is_dir() else other.unlink(missing_ok=True)
    return folder


@lru_cache(maxsize=None)
def fingerprint() -> str:
    """A hash of the Python source of macros/ and of the machine (environment.py). Templates
    do not count here: the PDF, the one cached file made with them, has them in its inputs
    (macros/outputs/pdf_build.py)."""
    digest = hashlib.sha256(environment_fingerprint().encode())
    for path in sorted(MACROS.rglob("*.py")):
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(MACROS).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def file_inputs(paths: Iterable[Path]) -> list[bytes]:
    """Each file's name and content, as inputs of a cached file."""
    return [part for path in paths for part in (path.name.encode(), path.read_bytes())]


def data_inputs(data_dir: Path) -> list[bytes]:
    """Every data file: the input of a file made from the whole site."""
    return file_inputs(sorted(Path(data_dir).glob("*.yaml")))
