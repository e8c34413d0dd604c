"""MkDocs is spoken to in one folder, macros/engine/; everything else runs without it.

That folder is what a move to another engine (or to a step that writes plain Markdown)
replaces. Its two files that MkDocs and mkdocs-macros load by path are thin: the build's
code and state live in modules imported the normal way, so nothing is loaded twice.
"""

import ast
import subprocess
import sys

from tests.project import ENV, ROOT

ENGINE_PACKAGES = ("mkdocs", "mkdocs_macros", "material", "properdocs")
ADAPTER = ROOT / "macros" / "engine"


def modules_outside_the_adapter() -> list[str]:
    paths = sorted(path for path in (ROOT / "macros").rglob("*.py")
                   if "__pycache__" not in path.parts and ADAPTER not in path.parents)
    return [".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for path in paths]


def test_every_module_outside_the_adapter_imports_without_mkdocs():
    modules = modules_outside_the_adapter()
    assert "macros.view.site" in modules and "macros.render.renderer" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {ENGINE_PACKAGES!r}:\n"
        "    sys.modules[name] = None  # importing it raises ImportError\n"
        f"for module in {modules!r}:\n"
        "    importlib.import_module(module)\n"
        f"assert not [name for name in sys.modules if name.split('.')[0] in {ENGINE_PACKAGES!r} "
        "and sys.modules[name] is not None]\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=ENV)

    assert result.returncode == 0, result.stderr


def imported_modules(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_make_build_runs_mkdocs_through_the_adapter_only():
    imported = imported_modules(ROOT / "tools" / "build")

    assert not {name for name in imported if name.split(".")[0] in ENGINE_PACKAGES}
    assert "macros.engine.run" in imported


def test_the_files_loaded_by_path_hand_everything_to_one_normally_imported_module():
    # As MkDocs loads hooks and mkdocs-macros its module: by file path, under another name.
    script = (
        "import importlib.util, sys\n"
        "loaded = {}\n"
        "for name in ('hooks', 'page_macros'):\n"
        f"    spec = importlib.util.spec_from_file_location('by-path-' + name, r'{ADAPTER}/' + name + '.py')\n"
        "    loaded[name] = importlib.util.module_from_spec(spec)\n"
        "    spec.loader.exec_module(loaded[name])\n"
        "import macros.engine.site_build as site_build\n"
        "events = [n for n in dir(loaded['hooks']) if n.startswith('on_')]\n"
        "assert events and all(getattr(loaded['hooks'], n) is getattr(site_build, n) for n in events), events\n"
        "assert loaded['page_macros'].define_env is site_build.define_env\n"
        "assert not [n for n in dir(loaded['page_macros']) if n.startswith('on_')]  # mkdocs-macros would call them\n"
        "assert sum(1 for module in list(sys.modules.values())"
        " if getattr(module, '__file__', None) == site_build.__file__) == 1\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, env=ENV)

    assert result.returncode == 0, result.stderr
    for name in ("hooks.py", "page_macros.py"):
        assert len((ADAPTER / name).read_text(encoding="utf-8").splitlines()) < 25, f"{name} should stay thin"
