"""The Jinja environments of the process: the pages' (renderer.py) and the changes'
(macros/changes/html.py), made and tuned in one place.

A build sets two things once for all of them: where compiled templates are kept between
builds (Jinja's bytecode cache: compiling our templates took longer than rendering them on
the real site, bench/RESULTS.md), and, for a one-off build, that template files do not
change during it (no `stat` per include). An environment made later gets the same.
"""

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined

_environments: list[Environment] = []
_compiled: FileSystemBytecodeCache | None = None
_auto_reload = True


def template_environment(folder: Path, **options) -> Environment:
    """Templates in `folder`, autoescaped (everything they make is HTML or Markdown with
    HTML), failing on an undefined name, with Jinja's block whitespace trimmed."""
    env = Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, **options)
    env.bytecode_cache, env.auto_reload = _compiled, _auto_reload
    _environments.append(env)
    return env


def keep_compiled_templates(directory: Path) -> None:
    """Store compiled templates in `directory` for the next build. Jinja checks each
    template's source against the stored copy, so an edit counts."""
    global _compiled
    _compiled = compiled_templates_cache(directory)
    for env in _environments:
        env.bytecode_cache = _compiled


def compiled_templates_cache(directory: Path) -> FileSystemBytecodeCache:
    directory.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(directory))


def templates_do_not_change() -> None:
    """For a one-off build: stop checking each template file for edits on every use
    (a `stat` per include, some thirty per opgave page). `mkdocs serve` keeps checking."""
    global _auto_reload
    _auto_reload = False
    for env in _environments:
        env.auto_reload = False
