"""`mkdocs serve` for staff: a problem page instead of a hanging browser, and quiet Dutch lines.

A build that raises leaves `mkdocs serve` holding every request until a later build
succeeds, so staff saw a browser that never loads. With bad data the build succeeds
instead, with one page that lists the problems: the browser shows it, and MkDocs'
live reload brings the site back once the data is fixed. `mkdocs build` still stops.
"""

import itertools
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from macros.data.problems import DataError
from macros.render.renderer import shared_environment


def problems_only(config, error: DataError) -> bytes:
    """A site of one page: the report of `make check`, in Dutch. Returns that page."""
    lines = error.report().splitlines()
    # The report as paragraphs and lists, in order: "  - ..." lines are the problems.
    blocks = [(is_item, [line.strip().removeprefix("- ") for line in group])
              for is_item, group in itertools.groupby(lines, key=lambda line: line.lstrip().startswith("- "))]
    page = shared_environment().get_template("serve_problems.html")
    config["nav"] = []  # its pages are not built, and strict mode stops on each missing one
    print(f"{error.report()}\nDe browser toont deze meldingen op {config['site_url']}. "
          "Verbeter de fout en sla het bestand op: de site wordt dan vanzelf opnieuw gebouwd.", file=sys.stderr)
    return page.render(blocks=blocks, site_name=config["site_name"]).encode("utf-8")


def write_problem_page(site_dir: Path, page: bytes) -> None:
    # Last, over the theme's own 404.html: MkDocs serves 404.html for a missing address
    # (also with --no-livereload, where show_problem_page_everywhere is not installed).
    for name in ("index.html", "404.html"):
        (site_dir / name).write_bytes(page)


def show_problem_page_everywhere(server, problem_page: Callable[[], bytes | None]) -> None:
    """While there are problems, every address gets the problem page as the home page,
    so MkDocs adds its live reload script, and whatever page was open shows the problems."""
    app = server.get_app()

    def problem_page_everywhere(environ, start_response):
        if problem_page() is not None and not environ.get("PATH_INFO", "").startswith("/livereload/"):
            environ = {**environ, "PATH_INFO": server.mount_path}
        return app(environ, start_response)

    server.set_app(problem_page_everywhere)


class _QuietLog(logging.Filter):
    """Lets warnings and errors through, not MkDocs' English INFO lines; notes a warning."""
    warned = False

    def filter(self, record):
        if record.levelno >= logging.WARNING:
            self.warned = True
        return record.levelno >= logging.WARNING


_quiet_log = _QuietLog()


def quiet_log() -> None:
    """In place of MkDocs' INFO lines, one Dutch line per build (report_build)."""
    logger = logging.getLogger("mkdocs")
    if logger.getEffectiveLevel() != logging.INFO:
        return  # -v asks for every line, -q for errors only
    for handler in logger.handlers:
        if handler.name == "MkDocsStreamHandler":  # its console handler, set up by `mkdocs` itself
            handler.addFilter(_quiet_log)


def start_build() -> None:
    _quiet_log.warned = False


def report_build(config, state) -> None:
    if config["strict"] and _quiet_log.warned:
        return  # MkDocs stops this build right after this hook and says why
    state.builds += 1
    seconds = f"{time.monotonic() - state.started:.1f}".replace(".", ",")
    done = "De site is gebouwd" if state.builds == 1 else "De site is opnieuw gebouwd"
    print(f"{done} ({seconds} s). Open {config['site_url']} in de browser.", file=sys.stderr)
