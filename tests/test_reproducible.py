"""Two builds of the same commit give byte-identical sites, whatever the day or folder.

tools/build sets SOURCE_DATE_EPOCH to the time of the last commit, so the only dates
MkDocs writes (the <lastmod> dates in sitemap.xml and the timestamp in the header of
sitemap.xml.gz) come from the commit, not from the clock. No file is exempt.
"""

import gzip
import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.build_tool import copy_with_build_tool, run_build_tool
from tests.project import ENV

COMMIT_DATE = "2025-03-14T15:09:26+00:00"
COMMIT_DAY_START = int(datetime(2025, 3, 14, tzinfo=timezone.utc).timestamp())

# Files that cannot be identical between two builds, with the reason (also in README.md).
# None at present: add a file here only with a reason, never to silence a failure.
NOT_REPRODUCIBLE: dict[str, str] = {}


def commit_everything(project: Path) -> None:
    """Make `project` a git checkout with one commit made at COMMIT_DATE."""
    env = {**ENV, "GIT_AUTHOR_DATE": COMMIT_DATE, "GIT_COMMITTER_DATE": COMMIT_DATE}
    for command in (
        ["git", "init", "--quiet"],
        ["git", "add", "--all"],
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "--quiet", "-m", "Versie"],
    ):
        subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)


def build_commit(folder: Path, cache: Path | None = None) -> Path:
    project = copy_with_build_tool(folder, cache=cache)
    commit_everything(project)
    env = {key: value for key, value in ENV.items() if key != "SOURCE_DATE_EPOCH"}
    result = run_build_tool(project, env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def files(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and path.relative_to(site).as_posix() not in NOT_REPRODUCIBLE
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory, warm_cache) -> tuple[Path, Path]:
    """Two checkouts of one commit in different folders (of different length), each built by its own
    process: the first draws everything, the second takes the PDF and the previews from the cache
    of another build (as CI does with a restored .cache/)."""
    root = tmp_path_factory.mktemp("reproducible")
    return build_commit(root / "eerste"), build_commit(root / "een-andere-map" / "tweede", cache=warm_cache)


def test_two_builds_of_the_same_commit_are_byte_identical(two_builds):
    first, second = map(files, two_builds)

    assert first.keys() == second.keys()
    different = [name for name in first if first[name] != second[name]]
    assert different == [], f"deze bestanden verschillen tussen twee builds: {different}"
    assert len(first) > 20


def test_sitemap_dates_come_from_the_commit_not_from_the_clock(two_builds):
    site = two_builds[0]

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-03-14</lastmod>" in sitemap
    assert datetime.now(timezone.utc).strftime("%Y-%m-%d") not in sitemap
    compressed = (site / "sitemap.xml.gz").read_bytes()
    assert int.from_bytes(compressed[4:8], "little") == COMMIT_DAY_START, "tijdstempel in de gzip-kop"
    assert gzip.decompress(compressed).decode("utf-8") == sitemap


def test_an_explicit_source_date_epoch_wins(tmp_path, warm_cache):
    project = copy_with_build_tool(tmp_path / "project", cache=warm_cache)
    epoch = int(datetime(2024, 6, 1, tzinfo=timezone.utc).timestamp())
    result = run_build_tool(project, {**ENV, "SOURCE_DATE_EPOCH": str(epoch)})

    assert result.returncode == 0, result.stdout + result.stderr
    assert "<lastmod>2024-06-01</lastmod>" in (project / "site" / "sitemap.xml").read_text(encoding="utf-8")
