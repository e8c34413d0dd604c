"""ProperDocs, the maintained fork of MkDocs 1.x, builds this site to the same bytes as MkDocs.

Material for MkDocs reaches its end of life in 2027 and MkDocs 1.6 is no longer maintained;
ProperDocs is the way out (README.md, "Moving off MkDocs 1.x"). Each engine builds its own
copy of the project (adopted data, one fixed SOURCE_DATE_EPOCH, so neither reads what the
other drew into .cache/), and every file must be byte-identical, sitemap.xml.gz included.
The one exception is the <meta name="generator"> tag, which names the engine.
"""

import difflib
import gzip
import importlib.util
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.project import ADOPTED_DATA, ENV, ROOT, copy_project

ENGINES = ("mkdocs", "properdocs")
BUILD_ENV = {**ENV, "SOURCE_DATE_EPOCH": "1710428966"}  # 2024-03-14: same dates from both engines
GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')
PINNED = re.compile(r"^properdocs==(\S+)", re.MULTILINE)


def installed_properdocs() -> str:
    """The installed ProperDocs version; fails (never skips) when it is missing or not the pinned one."""
    pinned = PINNED.search((ROOT / "requirements-dev.txt").read_text(encoding="utf-8"))
    assert pinned, "requirements-dev.txt pint ProperDocs niet (properdocs==<versie>)"
    if importlib.util.find_spec("properdocs") is None:
        pytest.fail(f"ProperDocs ontbreekt in deze Python-omgeving: voer `make test` uit, dat installeert "
                    f"properdocs=={pinned[1]} uit requirements-dev.txt")
    assert version("properdocs") == pinned[1], (
        f"ProperDocs {version('properdocs')} is geïnstalleerd, requirements-dev.txt pint {pinned[1]}: "
        "voer `make test` uit, dat de omgeving bijwerkt")
    return pinned[1]


def build_with(engine: str, folder: Path, cache: Path) -> Path:
    project = copy_project(folder / "project", data=ADOPTED_DATA, cache=cache)
    site = folder / "site"
    result = subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        capture_output=True, text=True, env=BUILD_ENV, cwd=project,
    )
    assert result.returncode == 0, f"`{engine} build --strict` faalde:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="module")
def sites(tmp_path_factory, warm_cache) -> dict[str, Path]:
    """The same project built by MkDocs and by ProperDocs, side by side."""
    installed_properdocs()
    root = tmp_path_factory.mktemp("engines")
    with ThreadPoolExecutor(len(ENGINES)) as pool:
        built = {engine: pool.submit(build_with, engine, root / engine, warm_cache) for engine in ENGINES}
        return {engine: future.result() for engine, future in built.items()}


def files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def without_generator(name: str, content: bytes) -> bytes:
    return GENERATOR_TAG.sub(b'<meta name="generator">', content) if name.endswith(".html") else content


def diff_snippet(name: str, first: bytes, second: bytes, lines: int = 40) -> str:
    """What differs, as a unified diff of the compared (normalised) content."""
    if name.endswith(".gz"):
        first, second = gzip.decompress(first), gzip.decompress(second)
        if first == second:
            return "uitgepakt gelijk: alleen de gzip-kop verschilt (de tijdstempel komt uit SOURCE_DATE_EPOCH)"
    first, second = without_generator(name, first), without_generator(name, second)
    if b"\0" in first + second:
        return f"(binair bestand: {len(first)} tegen {len(second)} bytes)"
    diff = difflib.unified_diff(
        first.decode("utf-8", "replace").splitlines(), second.decode("utf-8", "replace").splitlines(),
        f"mkdocs/{name}", f"properdocs/{name}", n=2, lineterm="",
    )
    return "\n".join(line[:300] for line in list(diff)[:lines])


def test_properdocs_builds_the_same_files_as_mkdocs(sites):
    mkdocs, properdocs = (files(sites[engine]) for engine in ENGINES)

    only_one = sorted(mkdocs.keys() ^ properdocs.keys())
    assert not only_one, f"niet in beide builds: {only_one}"
    different = [name for name in mkdocs
                 if without_generator(name, mkdocs[name]) != without_generator(name, properdocs[name])]
    assert not different, (
        f"{len(different)} bestand(en) verschillen tussen MkDocs en ProperDocs: {different[:10]}\n"
        f"eerste verschil, {different[0]}:\n{diff_snippet(different[0], mkdocs[different[0]], properdocs[different[0]])}")
    assert len(mkdocs) > 20


def test_the_two_builds_really_come_from_two_engines(sites):
    """Otherwise the comparison above could pass by comparing MkDocs with itself."""
    pinned = installed_properdocs()
    tags = {engine: GENERATOR_TAG.findall((sites[engine] / "index.html").read_bytes()) for engine in ENGINES}

    assert len(tags["mkdocs"]) == 1 and b'content="mkdocs-1.' in tags["mkdocs"][0], tags
    assert len(tags["properdocs"]) == 1 and f"ProperDocs {pinned}".encode() in tags["properdocs"][0], tags
