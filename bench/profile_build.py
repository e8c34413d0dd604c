"""Profile one strict build of a synthetic project: where does the time go?

    python bench/profile_build.py [N opgaven] [--top 25] [--stages] [--cold]

Builds a temporary copy of the project with N opgaven (default 1000) in this process
under cProfile, then prints the share of the time per component (by the package
the code lives in) and the functions with the most cumulative time. With --stages:
no profiler, the own wall time of each plugin event and build stage instead.
Measures a rebuild (one build first fills the artefact cache) unless --cold.
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import make_project, without_plugin  # noqa: E402
from tests.project import build  # noqa: E402

# Where a function's own time is booked, by a piece of its file path (first match wins).
COMPONENTS = (
    ("/macros/outputs/links.py", "link check (lxml)"),
    ("lxml", "link check (lxml)"),
    ("pickle", "cached data (pickle)"),
    ("/material/", "Material theme templates"),
    ("/overrides/", "Material theme templates"),
    ("/mkdocs_macros/", "mkdocs-macros"),
    ("/macros/render/templates/", "our templates (Jinja)"),
    ("/macros/", "our data layer (macros/)"),
    ("/jinja2/", "Jinja (compile + runtime)"),
    ("/markupsafe/", "Jinja (compile + runtime)"),
    ("html/parser.py", "HTML parsing (Markdown's raw HTML, the search index)"),
    ("_markupbase", "HTML parsing (Markdown's raw HTML, the search index)"),
    ("/markdown/", "Python-Markdown"),
    ("/pymdownx/", "Python-Markdown"),
    ("/mkdocs/contrib/search", "search index"),
    ("/mkdocs/", "MkDocs core"),
    ("/pydantic", "pydantic"),
    ("/yaml/", "YAML"),
    ("/re/", "regular expressions"),
    ("<built-in method _sre", "regular expressions"),
    ("<method 'sub' of 're.Pattern'", "regular expressions"),
    ("subprocess", "subprocesses (git)"),
    ("<built-in method posix", "file system"),
    ("<built-in method io", "file system"),
    ("<built-in", "Python built-ins"),
    ("<method", "Python built-ins"),
)


def component(filename: str, function: str) -> str:
    key = f"{filename}:{function}"
    for fragment, label in COMPONENTS:
        if fragment in key:
            return label
    return "other Python"


def profile_build(project: Path, site_dir: Path) -> tuple[float, pstats.Stats]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    old_cwd = os.getcwd()
    os.chdir(project)
    profiler = cProfile.Profile()
    start = time.perf_counter()
    try:
        profiler.enable()
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        build(config)
        profiler.disable()
    finally:
        os.chdir(old_cwd)
    return time.perf_counter() - start, pstats.Stats(profiler)


class _Clock:
    """Own time per label (time spent in nested timed calls is booked to those)."""

    def __init__(self):
        self.totals: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._stack: list[list] = []  # [label, start, time in nested timed calls]

    def wrap(self, label, function):
        """`label` is a string, or a function of the call's arguments that returns one."""
        def timed(*args, **kwargs):
            self._stack.append([label(*args) if callable(label) else label, time.perf_counter(), 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                label_, start, nested = self._stack.pop()
                elapsed = time.perf_counter() - start
                self.totals[label_] += elapsed - nested
                self.calls[label_] += 1
                if self._stack:
                    self._stack[-1][2] += elapsed
        return timed


def _plugin_label(event: str, method) -> str:
    owner = getattr(method, "__self__", None)
    name = type(owner).__module__.split(".")[0] if owner is not None else "hooks (macros/engine/)"
    return f"{name}: on_{event}"


def _template_label(template, *_args) -> str:
    name = template.name or ""
    if name.endswith((".j2", ".md.j2")) or "/macros/render/templates/" in (template.filename or ""):
        return "our templates (macros/render/templates, Jinja)"
    if not name:
        return "mkdocs-macros: page Markdown as a template"
    return "theme templates (Material + overrides, Jinja)"


def timed_build(project: Path, site_dir: Path) -> tuple[float, dict[str, float], dict[str, int]]:
    """One build without a profiler; own wall time per plugin event and build stage."""
    import jinja2
    from mkdocs.commands import build as build_module
    from mkdocs.config import load_config
    from mkdocs.structure.pages import Page

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    clock = _Clock()
    old_cwd = os.getcwd()
    os.chdir(project)
    patched = [
        (Page, "render", "MkDocs: Markdown to HTML (Page.render)"),
        (Page, "read_source", "MkDocs: read page source"),
        (build_module, "_populate_page", "MkDocs: populate page (rest)"),
        (build_module, "_build_page", "MkDocs: build page (context, write)"),
        (build_module, "get_context", "MkDocs: page context"),
        (build_module.utils, "write_file", "MkDocs: write files"),
        (jinja2.Template, "render", _template_label),
    ]
    originals = [(owner, name, getattr(owner, name)) for owner, name, _label in patched]
    start = time.perf_counter()
    try:
        for owner, name, label in patched:
            setattr(owner, name, clock.wrap(label, getattr(owner, name)))
        config = clock.wrap("MkDocs: load config", load_config)(
            str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
        for event, methods in config.plugins.events.items():
            config.plugins.events[event] = [clock.wrap(_plugin_label(event, method), method) for method in methods]
        clock.wrap("MkDocs: build (rest: copy static files, nav, ...)", build_module.build)(config)
    finally:
        for owner, name, original in originals:
            setattr(owner, name, original)
        os.chdir(old_cwd)
    return time.perf_counter() - start, dict(clock.totals), dict(clock.calls)


def stage_report(count: int, seconds: float, totals: dict[str, float], calls: dict[str, int], pages: int) -> str:
    lines = [f"Own wall time per stage, one strict build with {count} opgaven ({pages} pages), no profiler: "
             f"{seconds:.1f} s", "", "| stage (own time) | s | ms per page | share |", "| --- | ---: | ---: | ---: |"]
    for label, value in sorted(totals.items(), key=lambda item: item[1], reverse=True):
        if value >= 0.005:
            lines.append(f"| {label} | {value:.2f} | {value / pages * 1000:.1f} | {value / seconds:.0%} |")
    return "\n".join(lines)


def by_component(stats: pstats.Stats) -> list[tuple[str, float]]:
    totals: dict[str, float] = defaultdict(float)
    for (filename, _line, function), (_cc, _nc, tottime, _ct, _callers) in stats.stats.items():
        totals[component(filename, function)] += tottime
    return sorted(totals.items(), key=lambda item: item[1], reverse=True)


def report(count: int, seconds: float, stats: pstats.Stats, pages: int, top: int) -> str:
    total = sum(value for _label, value in by_component(stats))
    lines = [f"Profile of one strict build with {count} opgaven ({pages} pages): {seconds:.1f} s under cProfile", ""]
    lines += ["| component (own time) | s | share |", "| --- | ---: | ---: |"]
    lines += [f"| {label} | {value:.2f} | {value / total:.0%} |" for label, value in by_component(stats)]
    buffer = io.StringIO()
    stats.stream = buffer
    stats.sort_stats("cumulative").print_stats(top)
    lines += ["", "Top functions by cumulative time:", "", "```", buffer.getvalue().strip(), "```"]
    buffer.seek(0)
    buffer.truncate()
    stats.sort_stats("tottime").print_stats(top)
    lines += ["", "Top functions by own time:", "", "```", buffer.getvalue().strip(), "```"]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=1000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--stages", action="store_true",
                        help="no profiler: only the own wall time per plugin event and build stage")
    parser.add_argument("--without", action="append", default=[], metavar="PLUGIN",
                        help="leave a plugin out of the copy's mkdocs.yml (to measure what it costs)")
    parser.add_argument("--cold", action="store_true",
                        help="with an empty artefact cache (default: one build first fills it, as in a rebuild)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ekd-profile-") as temp:
        project = make_project(Path(temp) / "project", args.count)
        for plugin in args.without:
            without_plugin(project / "mkdocs.yml", plugin)
        site_dir = Path(temp) / "site"
        if not args.cold:
            build(project, Path(temp) / "warm-up")  # draws the previews and the PDF into .cache/
        if args.stages:
            seconds, totals, calls = timed_build(project, site_dir)
            print(stage_report(args.count, seconds, totals, calls, _pages(site_dir)))
        else:
            seconds, stats = profile_build(project, site_dir)
            print(report(args.count, seconds, stats, _pages(site_dir), args.top))
    return 0


def _pages(site_dir: Path) -> int:
    return (site_dir / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
