"""The packages of macros/ are layers with one direction (README.md, "Layers").

engine → changes → outputs → render → view → data → formatting: a package imports only those
to its right, so no two packages need each other. import-linter checks it (`.importlinter`);
these tests run it on the code, and on a copy with an import that breaks the rule, which it
must refuse with a message that names the import.
"""

import shutil
import subprocess
import sys

import pytest

from tests.project import ENV, ROOT

LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())", "--no-cache", "--no-logo"]


def lint(root) -> subprocess.CompletedProcess:
    return subprocess.run(LINT, cwd=root, capture_output=True, text=True, env=ENV)


def test_each_package_of_macros_imports_only_the_layers_below_it():
    result = lint(ROOT)

    assert result.returncode == 0, (
        "An import in macros/ goes against the layers (README.md, \"Layers\"; .importlinter). "
        "Hand what a higher layer makes down as an argument instead of importing it:\n"
        + result.stdout + result.stderr)
    assert "1 kept, 0 broken" in result.stdout


@pytest.fixture
def copy(tmp_path):
    """The code and the contracts, without anything else."""
    shutil.copytree(ROOT / "macros", tmp_path / "macros", ignore=shutil.ignore_patterns("__pycache__", "templates"))
    shutil.copy(ROOT / ".importlinter", tmp_path)
    return tmp_path


@pytest.mark.parametrize("module, line, named", [
    # Money in a data model: formatting is below data, so data may use it ...
    ("macros/formatting.py", "from macros.view.urls import relative", "macros.formatting -> macros.view.urls"),
    # ... but never the other way round: the data check needs the view, so it lives in view/.
    ("macros/data/loader.py", "from macros.view.site import load_site", "macros.data.loader -> macros.view.site"),
    # What changes/ and outputs/ make reaches render/ through PartContext, not by an import.
    ("macros/render/parts.py", "from macros.changes.history import History", "macros.render.parts -> macros.changes.history"),
    ("macros/render/parts.py", "from macros.outputs.opendata import downloads", "macros.render.parts -> macros.outputs.opendata"),
])
def test_an_import_up_a_layer_fails_and_names_the_import(copy, module, line, named):
    path = copy / module
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")

    result = lint(copy)

    assert result.returncode == 1
    assert "BROKEN" in result.stdout and named in result.stdout


def test_a_new_package_must_be_given_a_layer(copy):
    (copy / "macros" / "extras").mkdir()
    (copy / "macros" / "extras" / "__init__.py").write_text("")

    result = lint(copy)

    assert result.returncode == 1 and "macros.extras" in result.stdout
