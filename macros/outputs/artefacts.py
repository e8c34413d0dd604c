"""A disk cache for the files that are slow to draw: link preview images and the PDF.

Drawing them costs more than building every page around them (the PDF of 100 opgaven
takes about 26 s, a preview image 20 ms; bench/RESULTS.md), yet they only change when
their input changes. Each file is stored under a hash of everything it is made from:
the input itself, the source code of macros/ and the versions of the libraries that
draw it. Change any of those and the file is drawn again, so a cached file is always
the file a fresh build would make. Material's social cards plugin works the same way.

The cache lives in .cache/artefacts/ beside mkdocs.yml (ignored by git). After a build,
`prune` removes the files that build did not use, so the cache holds one build's worth.

With SHARED_CACHE_VARIABLE set to a folder, builds of different copies of the project
also share what they made there (the tests build some 25 copies): a file missing from
a project's own cache is looked up there before it is made, and what is made goes to
both; while one build draws a file, another that needs it waits and reads it. Never pruned by a build: the keys say what a file is made from, so a shared file
is always right, and whoever sets the variable removes the folder.
"""

import fcntl
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

MACROS = Path(__file__).resolve().parents[1]
# The libraries whose output ends up in the files (fonts, encoders, number formats).
LIBRARIES = ("pillow", "reportlab", "babel", "pydantic", "pydantic-core", "pyyaml", "jinja2", "markupsafe",
             "weasyprint", "pydyf", "fonttools", "pikepdf", "lxml")
# A temporary file younger than this may belong to a build running at the same time.
STALE_TEMPORARY_SECONDS = 3600
CACHE_FOLDER = ".cache/artefacts"
COMPILED_TEMPLATES_FOLDER = ".cache/jinja"  # Jinja's own bytecode cache (macros/render/renderer.py)
TEMPORARY_PREFIX = ".tmp-"
SHARED_CACHE_VARIABLE = "EKD_SHARED_ARTEFACTS"
LOCKS_FOLDER = ".locks"  # in the shared folder: one file per key being drawn


class ArtefactCache:
    def __init__(self, directory: Path, shared: Path | None = None):
        self.directory = Path(directory)
        self.shared = Path(shared) if shared else None  # see SHARED_CACHE_VARIABLE
        self.used: set[str] = set()  # the keys this build asked for
        self._contents: dict[str, bytes] = {}  # and their bytes, for a second ask in the same build

    def start_build(self) -> None:
        self.used = set()
        self._contents = {}

    def get(self, kind: str, inputs: Iterable[bytes | str], make: Callable[[], bytes],
            code: tuple[str, ...] = ()) -> bytes:
        """The file made by `make()` from `inputs`: from the cache, or made now and kept.

        `code`: the modules of macros/ that `make` runs, when that is only a few (a
        preview image needs only outputs/previews.py); by default all of macros/ counts."""
        key = self._key(kind, inputs, code)
        content = self._peek(key)
        if content is None:
            with self._drawing(key):
                content = self._peek(key)  # drawn meanwhile by another build
                if content is None:
                    content = self._put(key, make())
        return content

    @contextmanager
    def _drawing(self, key: str) -> Iterator[None]:
        """With a shared folder, one build at a time draws a given file; the others wait and
        read it (the test run's builds start together and often need the same PDF). The lock
        goes with the process that holds it, so a killed build never leaves one behind."""
        if self.shared is None:
            yield
            return
        locks = self.shared / LOCKS_FOLDER
        locks.mkdir(parents=True, exist_ok=True)
        with open(locks / key, "wb") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield

    def peek(self, kind: str, inputs: Iterable[bytes | str], code: tuple[str, ...] = ()) -> bytes | None:
        """The cached file for `inputs`, or None when it has not been made yet (nothing is made)."""
        return self._peek(self._key(kind, inputs, code))

    def _peek(self, key: str) -> bytes | None:
        self.used.add(key)
        if key not in self._contents:
            content = self._read(key)
            if content is None:
                return None
            self._contents[key] = content
        return self._contents[key]

    def put(self, kind: str, inputs: Iterable[bytes | str], content: bytes, code: tuple[str, ...] = ()) -> bytes:
        """Keep `content`, made from `inputs`, for the next `get` or `peek`."""
        return self._put(self._key(kind, inputs, code), content)

    def _put(self, key: str, content: bytes) -> bytes:
        self.used.add(key)
        self._write(self.directory / key, content)
        if self.shared is not None:
            self._write(self.shared / key, content)
        self._contents[key] = content
        return content

    def _read(self, key: str) -> bytes | None:
        try:
            return (self.directory / key).read_bytes()
        except FileNotFoundError:
            pass
        if self.shared is not None:
            try:
                content = (self.shared / key).read_bytes()
            except FileNotFoundError:
                return None
            self._write(self.directory / key, content)  # the project's own cache is complete
            return content
        return None

    def get_object(self, kind: str, inputs: Iterable[bytes | str], make: Callable[[], Any]) -> Any:
        """Like `get`, for a Python object that this code made (stored with pickle).

        Only ever reads what `make` wrote: the key holds the source of all of macros/,
        so a file written by other code is never read as this code's object."""
        key = self._key(kind, inputs, ())
        self.used.add(key)
        path = self.directory / key
        try:
            return pickle.loads(path.read_bytes())
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged file is only a cache miss: make it again
            path.unlink(missing_ok=True)
        value = make()
        self._write(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value

    def prune(self) -> None:
        """Remove every cached file this build did not ask for."""
        if not self.directory.is_dir():
            return
        now = time.time()
        for path in self.directory.iterdir():
            if not path.is_file() or path.name in self.used:
                continue
            if path.name.startswith(TEMPORARY_PREFIX):
                try:
                    if now - path.stat().st_mtime < STALE_TEMPORARY_SECONDS:
                        continue
                except FileNotFoundError:
                    continue
            path.unlink(missing_ok=True)

    def key(self, kind: str, inputs: Iterable[bytes | str], code: tuple[str, ...] = ()) -> str:
        """The name a file made from `inputs` is kept under."""
        return self._key(kind, inputs, code)

    def _key(self, kind: str, inputs: Iterable[bytes | str], code: tuple[str, ...]) -> str:
        digest = hashlib.sha256(code_fingerprint(tuple(code)).encode())
        for part in inputs:
            data = part.encode("utf-8") if isinstance(part, str) else part
            digest.update(len(data).to_bytes(8, "big"))  # so ("ab", "c") and ("a", "bc") differ
            digest.update(data)
        return f"{kind}-{digest.hexdigest()}"

    def _write(self, path: Path, content: bytes) -> None:
        # Write beside the target, then rename: a build that is killed halfway, or two
        # builds at once, never leave half a file under a valid name.
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(content)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


_caches: dict[Path, ArtefactCache] = {}


def cache_for(project: Path) -> ArtefactCache:
    """The cache of one project; one object per process, whichever module asks."""
    directory = _resolved(Path(project) / CACHE_FOLDER)
    if directory not in _caches:
        _caches[directory] = ArtefactCache(directory, os.environ.get(SHARED_CACHE_VARIABLE) or None)
    return _caches[directory]


@lru_cache(maxsize=None)
def _resolved(path: Path) -> Path:
    return path.resolve()


@lru_cache(maxsize=None)
def code_fingerprint(modules: tuple[str, ...] = ()) -> str:
    """A hash of the Python source of macros/ (or of only `modules`, paths inside it)
    and the versions of the libraries. Templates do not count here: the PDF, the one cached
    file made with them, has them in its inputs (macros/outputs/pdf_build.py)."""
    digest = hashlib.sha256()
    paths = [MACROS / name for name in modules] if modules else sorted(MACROS.rglob("*.py"))
    for path in paths:
        if "__pycache__" not in path.parts:
            digest.update(path.relative_to(MACROS).as_posix().encode())
            digest.update(path.read_bytes())
    digest.update(_library_versions().encode())
    return digest.hexdigest()


@lru_cache(maxsize=None)
def _library_versions() -> str:
    # Once per process: each look-up scans the installed packages (a few ms apiece).
    return "".join(f"{library}=={metadata.version(library)}" for library in LIBRARIES)


def file_inputs(paths: Iterable[Path]) -> list[bytes]:
    """Each file's name and content, as inputs of a cached file."""
    return [part for path in paths for part in (path.name.encode(), path.read_bytes())]


def data_inputs(data_dir: Path) -> list[bytes]:
    """Every data file: the input of a file made from the whole site."""
    return file_inputs(sorted(Path(data_dir).glob("*.yaml")))
