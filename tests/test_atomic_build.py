"""`make build` never leaves a broken or half-built site in site/.

tools/build validates the data first, builds into a temporary directory next to
site/ and only swaps it in when the whole build succeeded. Whatever goes wrong, the
site that was published before stays exactly as it was.
"""

import os
import stat
import subprocess
from pathlib import Path

import pytest

from tests.build_tool import copy_with_build_tool, leftovers, run_build_tool
from tests.project import ROOT, read_yaml, write_yaml


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder below `folder` with its content, permissions and modification time."""
    result = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        content = path.read_bytes() if path.is_file() else None
        result[path.relative_to(folder).as_posix()] = (content, info.st_mode, info.st_mtime_ns)
    return result


@pytest.fixture
def project(tmp_path, warm_cache) -> Path:
    return copy_with_build_tool(tmp_path / "project", cache=warm_cache)


@pytest.fixture
def published(project) -> dict[str, tuple]:
    """A site/ that is already published, with a page and an asset."""
    site = project / "site"
    (site / "opgaven" / "arbeidsmarkt").mkdir(parents=True)
    (site / "index.html").write_text("<p>De vorige, gepubliceerde versie.</p>", encoding="utf-8")
    (site / "opgaven" / "arbeidsmarkt" / "index.html").write_text("<p>Arbeidsmarkt, vorige versie.</p>")
    (site / "sitemap.xml.gz").write_bytes(b"\x1f\x8b oud")
    return snapshot(site)


def test_a_successful_build_replaces_the_whole_site(project, published):
    result = run_build_tool(project)

    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert "Uitvoeringsprogramma Economische Koers Drenthe" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "opgaven" / "arbeidsmarkt" / "index.html").is_file()
    assert not (site / "sitemap.xml.gz").read_bytes().startswith(b"\x1f\x8b oud")
    assert leftovers(project) == []
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(site.stat().st_mode) == 0o777 & ~umask, "site/ moet leesbaar zijn voor een webserver"


def test_the_first_build_creates_the_site(project):
    result = run_build_tool(project)

    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "index.html").is_file()
    assert leftovers(project) == []


def test_bad_data_stops_the_build_and_keeps_the_published_site(project, published):
    path = project / "data" / "opgaven.yaml"
    content = read_yaml(path)
    content["opgaven"][1].pop("resultaten")
    write_yaml(path, content)

    result = run_build_tool(project)

    assert result.returncode != 0
    assert "opgave 'arbeidsmarkt' · veld 'resultaten': dit veld ontbreekt" in result.stderr
    assert "De site in site/ is niet veranderd." in result.stderr
    assert "Building documentation" not in result.stderr, "de data moet gecontroleerd zijn vóór het bouwen"
    assert snapshot(project / "site") == published
    assert leftovers(project) == []


def test_a_build_that_fails_halfway_keeps_the_published_site(project, published):
    # Valid data, but a page with a broken link: MkDocs renders the pages into the
    # temporary directory, then strict mode aborts.
    (project / "content" / "kapot.md").write_text("# Kapot\n\n[Een link](bestaat-niet.md)\n", encoding="utf-8")

    result = run_build_tool(project)

    assert result.returncode != 0
    assert "Building documentation to directory" in result.stderr
    assert ".site-build-" in result.stderr, "er moet in een tijdelijke map gebouwd zijn, niet in site/"
    assert "bestaat-niet.md" in result.stderr
    assert "De bouw van de site is mislukt" in result.stderr
    assert "De site in site/ is niet veranderd." in result.stderr
    assert snapshot(project / "site") == published
    assert leftovers(project) == []


def test_make_build_uses_the_safe_build():
    result = subprocess.run(["make", "-n", "build"], capture_output=True, text=True, cwd=ROOT)

    assert result.returncode == 0, result.stderr
    assert "tools/build" in result.stdout
    assert "mkdocs build" not in result.stdout
