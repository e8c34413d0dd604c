"""The Jinja environments of the process: the pages' (renderer.py) and the changes'
(macros/changes/html.py), made and tuned in one place.

A build sets two things once for all of them (and for Material's, macros/engine/): one
folder where compiled templates are kept between builds (Jinja's bytecode cache: compiling
the templates took a quarter of the CPU time of a build of the real site, bench/RESULTS.md),
and, for a one-off build, that template files do not change during it (no `stat` per
include). An environment made later gets the same.
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
                      trim_blocks=True, lstrip_blocks=True, auto_reload=_auto_reload,
                      bytecode_cache=_compiled, **options)
    _environments.append(env)
    return env


def keep_compiled_templates(folder: Path) -> FileSystemBytecodeCache:
    """Keep compiled templates in `folder` for the next build. Jinja checks each template's
    source against the kept copy, so an edit counts."""
    global _compiled
    folder.mkdir(parents=True, exist_ok=True)
    _compiled = FileSystemBytecodeCache(str(folder))
    for env in _environments:
        env.bytecode_cache = _compiled
    return _compiled


def templates_do_not_change() -> None:
    """For a one-off build: stop checking each template file for edits on every use."""
    global _auto_reload
    _auto_reload = False
    for env in _environments:
        env.auto_reload = False
