"""Any content staff can write gives a correct site: properties over generated content states.

The states come from tests/generated_states.py (edits of the adopted data that staff can
reach). For each state:

- whatever `make check` accepts builds strictly, and every page passes the page checks
  (tests/browser/test_generated_pages.py, with this module's settings);
- each edit round-trips through `make diff`: the summary names it under its opgave and section.

`make test` runs a small fixed set (a fixed seed, plus the examples stored in
tests/generated_states/, which `make test-ruim` adds to when it finds a failure): a few
builds, pages limited to the ones the edits touch, at the narrowest phone width.
`make test-ruim` (EKD_RUIM=1) runs many more states, every page at every width, and on a few
of them every content test (`pytest -m content`, as test_contributing.py does for the guide).
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, given, note, seed, settings
from hypothesis.database import DirectoryBasedExampleDatabase, ReadOnlyDatabase

from macros.changes.compare import compare
from macros.changes.markdown import render
from macros.view.site import load_site
from tests.generated_states import State, content_states
from tests.project import ADOPTED_DATA, ENV, ROOT, build, check, copy_project

pytestmark = pytest.mark.slow  # builds and browses several sites

WIDE = os.environ.get("EKD_RUIM") == "1"  # make test-ruim
DATABASE = DirectoryBasedExampleDatabase(Path(__file__).parent / "generated_states")
SETTINGS = dict(
    deadline=None,
    # Each example builds or compares a whole site: a failure is reported as found, with the
    # edits that made it, not shrunk (minutes a step); make test-ruim stores it for make test.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    database=DATABASE if WIDE else ReadOnlyDatabase(DATABASE),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
# How many states: make test's few, or make test-ruim's many (EKD_RUIM_VOORBEELDEN sets both).
BUILDS = int(os.environ.get("EKD_RUIM_VOORBEELDEN", 40)) if WIDE else 3
DIFFS = int(os.environ.get("EKD_RUIM_VOORBEELDEN", 300)) if WIDE else 15
# make test draws the same states every run (and replays the stored ones first);
# make test-ruim draws new ones each run.
SEED = None if WIDE else 20241204


def fixed(test):
    return test if SEED is None else seed(SEED)(test)


def accepted(state: State, folder: Path) -> Path:
    """The state's data in `folder`, which `make check` must accept (else the state is no state)."""
    data = state.write(folder)
    result = check(data)
    note(f"bewerkingen: {state.edits}")
    assume(result.returncode == 0)
    return data


# ---------------------------------------------------------------- round trip through make diff


def unescaped(markdown: str) -> str:
    """The summary with Markdown's escapes (\\&) undone, to find texts as typed."""
    return re.sub(r"\\([^\w\s])", r"\1", markdown)


@functools.cache
def adopted_site():
    return load_site(ADOPTED_DATA)


def sections_of(markdown: str) -> dict[tuple[str, str | None], str]:
    """The summary's text per (opgave heading, section heading); (opgave, None) is all of it."""
    found: dict[tuple[str, str | None], str] = {}
    opgave = section = None
    for line in unescaped(markdown).splitlines():
        if line.startswith("## "):
            opgave, section = line[3:].strip(), None
        elif line.startswith("### "):
            section = line[4:].strip()
        if opgave is not None:
            for key in ((opgave, None), (opgave, section)):
                found[key] = found.get(key, "") + line + "\n"
    return found


@fixed
@settings(max_examples=DIFFS, **SETTINGS)
@given(state=content_states())
def test_every_edit_is_named_by_make_diff_under_its_opgave_and_section(state):
    with tempfile.TemporaryDirectory(prefix="ekd-states-") as temporary:
        data = accepted(state, Path(temporary) / "data")
        summary = render(compare(adopted_site(), load_site(data)), "vastgesteld")
    sections = sections_of(summary)
    for named in state.named:
        number, title = named.opgave + 1, state.opgaven[named.opgave]["titel"]
        if named.section is None:  # a new opgave: named anywhere (its texts: issue 24.4)
            assert named.text in unescaped(summary), f"make diff noemt '{named.text}' niet:\n{summary}"
            continue
        opgave = next((key[0] for key in sections if key[1] is None and key[0] == f"Opgave {number}: {title}"), None)
        assert opgave is not None, f"make diff noemt opgave {number} niet:\n{summary}"
        text = sections.get((opgave, named.section), "")
        assert named.text in text, (f"make diff noemt '{named.text[:60]}' niet onder {opgave} › "
                                    f"{named.section or '(ergens)'}:\n{summary}")


# ---------------------------------------------------------------- every content test (make test-ruim)

if WIDE:  # a whole run of the content tests per state: minutes each, so only in make test-ruim
    def test_what_make_check_accepts_passes_every_content_test(tmp_path_factory, warm_cache):
        @settings(max_examples=max(1, BUILDS // 10), **SETTINGS)
        @given(state=content_states())
        def property_(state):
            project = copy_project(Path(tempfile.mkdtemp(prefix="ekd-states-content-")) / "project",
                                   data=ADOPTED_DATA, cache=warm_cache)
            shutil.rmtree(project / "data")
            accepted(state, project / "data")
            result = build(project, project / "site")
            assert result.returncode == 0, result.stderr[-3000:]
            run = subprocess.run(
                [sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", "-m", "content",
                 str(ROOT / "tests")],
                cwd=ROOT, env={**ENV, "EKD_PROJECT": str(project), "EKD_SITE": str(project / "site")},
                capture_output=True, text=True,
            )
            assert run.returncode == 0, f"inhoudstests falen op {state.edits}:\n{run.stdout[-6000:]}"

        property_()
