"""The only module that talks to MkDocs and mkdocs-macros.

It is registered twice in mkdocs.yml: as a `hooks:` module (validate the data before
anything is written, add one generated page per opgave, put them in the navigation)
and as the macros `module_name` (the macros that page Markdown calls). Moving to
another engine means rewriting this file alone.
"""

import functools
import gc
import itertools
import json
import logging
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from macros.artefacts import COMPILED_TEMPLATES_FOLDER, cache_for, data_inputs  # noqa: E402
from macros.formatting import number  # noqa: E402
from macros import html_blocks, prerender  # noqa: E402
from macros.last_updated import LastUpdated  # noqa: E402
from macros.links import broken_links, report as links_report  # noqa: E402
from macros.opendata import downloads  # noqa: E402
from macros.problems import DataError  # noqa: E402
from macros.redirects import redirects  # noqa: E402
from macros.render import (  # noqa: E402
    Renderer, compiled_templates_cache, keep_compiled_templates, shared_environment, templates_do_not_change,
)
from macros.section_links import label_section_links  # noqa: E402
from macros.urls import PDF_PATH  # noqa: E402
from macros.view import DATA_FILES, load_site_cached  # noqa: E402

OPGAVEN_INDEX = "opgaven/index.md"
OPGAVE_KEY = "opgave"  # front matter of a generated opgave page: the id of its opgave
# Link preview images: one per opgave, and the site's own for every other page.
PREVIEWS = "assets/previews"
SITE_PREVIEW = f"{PREVIEWS}/site.png"
# Up to this many opgaven the sidebar lists each one. Every page carries the whole
# sidebar, so with hundreds of opgaven build time and page size grew with the square of
# their number (bench/RESULTS.md). Beyond it the sidebar shows only the opgaven index
# page, which links to every opgave, and the opgave pages are left out of the sidebar.
MAX_OPGAVEN_IN_NAV = 30
# Beyond this many opgaven a second process renders the opgave pages during the build;
# for a handful, starting it costs more than it saves.
PRERENDER_ABOVE = 30

# The data files each macro shows, for the "Laatst bijgewerkt" date of the pages that
# call it. A macro not listed here counts as showing every data file.
MACRO_DATA = {
    "opgave_kaarten": ("opgaven.yaml",),
    "opgaven_overzicht": ("opgaven.yaml",),
    "over_programma": ("programma.yaml",),
    "inleiding": ("programma.yaml",),
    "voortgang": ("opgaven.yaml",),
    "begroting_inleiding": ("budgetten.yaml",),
    "begroting_jaren": ("budgetten.yaml", "opgaven.yaml"),
    "begroting_per_opgave": ("budgetten.yaml", "opgaven.yaml"),
    "begroting_vergelijking": ("budgetten.yaml", "opgaven.yaml"),
    "cofinanciering": ("programma.yaml",),
    "open_data": ("budgetten.yaml", "opgaven.yaml"),
    "partners_overzicht": ("organisaties.yaml", "opgaven.yaml", "budgetten.yaml", "begrippen.yaml"),
    "programmas_overzicht": ("programmas.yaml", "opgaven.yaml", "begrippen.yaml"),
    "fondsen_overzicht": ("programmas.yaml", "opgaven.yaml", "programma.yaml", "budgetten.yaml", "begrippen.yaml"),
    "doelgroepen_overzicht": ("opgaven.yaml", "begrippen.yaml"),
    "begrippen_overzicht": ("begrippen.yaml", "organisaties.yaml", "programmas.yaml"),
}
_MACRO_CALL = re.compile(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(")
_dates: LastUpdated | None = None
_serving = False  # `mkdocs serve`: the process builds again after every edit
_prerendered = None  # waits for the opgave pages rendered by a second process (macros/prerender.py)
# `mkdocs serve` with bad data: the one page it shows instead of the site (see _serve_problems).
_problem_page: bytes | None = None
_build_started = 0.0
_builds = 0


def _data_dir(config) -> Path:
    return _data_dir_of(config["config_file_path"])


@functools.cache  # asked several times per page; resolving a path reads the file system
def _data_dir_of(config_file: str) -> Path:
    return Path(config_file).resolve().parent / "data"


def _site(config):
    try:
        return load_site_cached(_data_dir(config), _cache(config))
    except DataError as error:
        raise Abort(error.report()) from None


# ---------------------------------------------------------------- MkDocs hooks


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"
    if not _serving:
        templates_do_not_change()
    else:
        _serve_quietly()


def on_config(config):
    """Validate all data first: a mistake stops the build before site/ is touched.

    Except in `mkdocs serve`: there the site becomes one page that lists the problems."""
    global _problem_page, _build_started
    _build_started, _problem_page = time.monotonic(), None
    _quiet_log.warned = False
    _cache(config).start_build()
    keep_compiled_templates(_compiled_templates(config))
    if _serving:
        try:
            load_site_cached(_data_dir(config), _cache(config))
        except DataError as error:
            return _serve_problems(config, error)
    site = _site(config)
    if not _serving:
        # The data stays in memory for the whole build and never becomes garbage: keep
        # the garbage collector from walking it again and again (at 1000 opgaven that
        # walk grew every page's build time). Not in `mkdocs serve`: what is frozen is
        # never freed, and it builds again after every edit.
        gc.freeze()
    # Hand-written Markdown gets the glossary's tooltips from Markdown's abbr extension;
    # data text in HTML blocks gets them from the `abbreviations` template filter.
    config["mdx_configs"].setdefault("abbr", {})["glossary"] = dict(site.glossary.titles)
    for item in config["nav"] or []:
        children = next(iter(item.values())) if isinstance(item, dict) else None
        if isinstance(children, list) and OPGAVEN_INDEX in children:
            children[children.index(OPGAVEN_INDEX) + 1:] = [
                {_title(f"{entry.number}. {entry.title}"): f"opgaven/{entry.slug}.md"} for entry in site.opgaven
            ] if _opgaven_in_nav(site) else []
    return config


def _title(text: str) -> str:
    """A page or nav title from data: MkDocs puts titles into HTML unescaped, and
    mkdocs-macros renders a title as Jinja when it contains {{, {% or {#."""
    return str(escape(text)).replace("{", "&#123;")


def _cache(config):
    return cache_for(_data_dir(config).parent)


# ReportLab and Pillow are imported only when the cache misses: importing them takes
# longer than a rebuild of the real site spends on anything else of ours.

def _programme_pdf(config) -> bytes:
    def draw() -> bytes:
        from macros.pdf import programme_pdf
        return programme_pdf(_site(config))

    return _cache(config).get("pdf", data_inputs(_data_dir(config)), draw)


def _preview(config, title: str, label: str | None = None) -> bytes:
    site_name = config["site_name"]

    def draw() -> bytes:
        from macros.previews import preview_image
        return preview_image(title, site_name, label)

    return _cache(config).get("preview", (title, site_name, label or ""), draw, code=("previews.py",))


def _opgaven_in_nav(site) -> bool:
    return len(site.opgaven) <= MAX_OPGAVEN_IN_NAV


@event_priority(100)  # before other plugins take their list of files
def on_files(files, config):
    if _problem_page is not None:
        return Files([])  # no page may ask for the data; on_post_build writes the problem page
    site = _site(config)
    for entry in site.opgaven:
        front_matter = {
            # MkDocs puts titles and descriptions into HTML unescaped.
            "title": _title(f"{entry.label}: {entry.title}"),
            "description": str(escape(entry.summary)),
            "image": f"{PREVIEWS}/{entry.slug}.png",  # read by overrides/main.html
            OPGAVE_KEY: entry.id,  # on_page_markdown renders the page body from it
            # Nothing for mkdocs-macros to do here: its pass over the page cost more than
            # rendering the page itself (bench/RESULTS.md).
            "render_macros": False,
        }
        content = "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                                     for key, value in front_matter.items()) + "---\n"
        inclusion = InclusionLevel.UNDEFINED if _opgaven_in_nav(site) else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, f"opgaven/{entry.slug}.md", content=content, inclusion=inclusion))
        image = _preview(config, entry.title, entry.label)
        files.append(File.generated(config, front_matter["image"], content=image))
    files.append(File.generated(config, SITE_PREVIEW, content=_preview(
        config, "Uitvoeringsprogramma Economische Koers Drenthe 2024-2025")))
    # The whole programme as one PDF, linked from the home page.
    files.append(File.generated(config, PDF_PATH, content=_programme_pdf(config)))
    renderer = Renderer(site)
    for redirect in redirects(site.opgaven):
        page = renderer.redirect_page(redirect, config["site_name"], config["site_url"])
        files.append(File.generated(config, redirect.file, content=page))
    # Open data: generated like the pages, so links to them are checked too.
    for download in downloads(site, config["site_url"]):
        files.append(File.generated(config, download.path, content=download.content))
    _start_prerendering(site, files)
    return files


def _start_prerendering(site, files) -> None:
    global _prerendered
    _prerendered = None
    if _serving or len(site.opgaven) <= PRERENDER_ABOVE or not prerender.can_fork():
        return
    pages = [(entry.id, files.get_file_from_path(f"opgaven/{entry.slug}.md").url) for entry in site.opgaven]
    _prerendered = prerender.start(site, pages)


def on_env(env, config, files):
    # The theme's templates too: Material's take a tenth of a second to compile.
    env.bytecode_cache = compiled_templates_cache(_compiled_templates(config))
    return env


def _compiled_templates(config) -> Path:
    return _data_dir(config).parent / COMPILED_TEMPLATES_FOLDER


def on_pre_build(config):
    global _dates
    _dates = LastUpdated(_data_dir(config).parent)  # fresh each build: `mkdocs serve` sees new commits


def on_page_markdown(markdown, page, config, files):
    """The body of a generated opgave page, rendered straight from the data."""
    opgave_id = page.meta.get(OPGAVE_KEY)
    if opgave_id is None or page.file.abs_src_path:
        return markdown  # a hand-written page: front matter cannot make it an opgave page
    if _prerendered is not None:
        markdown, parts = _prerendered(page.url)
    else:
        markdown, parts = prerender.render_page(_site(config), opgave_id, page.url)
    html_blocks.adopt(page.file.src_uri, html_blocks.HtmlBlocks(parts))
    return markdown


def on_page_content(html, page, config, files):
    """"Laatst bijgewerkt" under every page: the last change to its Markdown or the data it shows.

    Also names each heading's section link for screen readers (macros/section_links.py)."""
    sources = [Path(page.file.abs_src_path)] if page.file.abs_src_path else []
    for macro in _MACRO_CALL.findall(page.file.content_string):
        sources += [_data_dir(config) / name for name in MACRO_DATA.get(macro, DATA_FILES)]
    if OPGAVE_KEY in page.meta and not page.file.abs_src_path:
        sources += [_data_dir(config) / name for name in DATA_FILES]  # its budget, partners, glossary, ...
    day = _dates.date_of(sources)
    blocks = html_blocks.take(page.file.src_uri)
    if blocks is not None:
        html = blocks.restore(html)
    return label_section_links(html) + Renderer(_site(config)).last_updated(day, page.url)


@event_priority(-100)  # last: after every plugin has written its files
def on_post_build(config):
    """Every link and #anchor on every page leads somewhere; else the build fails (strict or not)."""
    if not isinstance(config, MkDocsConfig):
        return  # mkdocs-macros calls a function of this name too, with its own object
    if _problem_page is not None:
        _write_problem_page(Path(config["site_dir"]))
        return
    if not _serving:
        # `mkdocs serve` keeps what every rebuild drew; the next build removes the rest.
        _cache(config).prune()
    broken = broken_links(Path(config["site_dir"]), config["site_url"] or "")
    if broken:
        raise Abort(links_report(broken))
    if _serving:
        _report_build(config)


def on_serve(server, config, builder):
    for folder in ("data", "macros", "overrides"):
        server.watch(str(ROOT / folder))
    _show_problem_page_everywhere(server)
    return server


# ---------------------------------------------------------------- `mkdocs serve` for staff
# A build that raises leaves `mkdocs serve` holding every request until a later build
# succeeds, so staff saw a browser that never loads. With bad data the build succeeds
# instead, with one page that lists the problems: the browser shows it, and MkDocs'
# live reload brings the site back once the data is fixed. `mkdocs build` still stops.


def _serve_problems(config, error: DataError):
    """Build a site of one page: the report of `make check`, in Dutch."""
    global _problem_page
    lines = error.report().splitlines()
    # The report as paragraphs and lists, in order: "  - ..." lines are the problems.
    blocks = [(is_item, [line.strip().removeprefix("- ") for line in group])
              for is_item, group in itertools.groupby(lines, key=lambda line: line.lstrip().startswith("- "))]
    page = shared_environment().get_template("serve_problems.html")
    _problem_page = page.render(blocks=blocks, site_name=config["site_name"]).encode("utf-8")
    config["nav"] = []  # its pages are not built, and strict mode stops on each missing one
    print(f"{error.report()}\nDe browser toont deze meldingen op {config['site_url']}. "
          "Verbeter de fout en sla het bestand op: de site wordt dan vanzelf opnieuw gebouwd.", file=sys.stderr)
    return config


def _write_problem_page(site_dir: Path) -> None:
    # Last, over the theme's own 404.html: MkDocs serves 404.html for a missing address
    # (also with --no-livereload, where _show_problem_page_everywhere is not installed).
    for name in ("index.html", "404.html"):
        (site_dir / name).write_bytes(_problem_page)


def _show_problem_page_everywhere(server) -> None:
    """While there are problems, every address gets the problem page as the home page,
    so MkDocs adds its live reload script, and whatever page was open shows the problems."""
    app = server.get_app()

    def problem_page_everywhere(environ, start_response):
        if _problem_page is not None and not environ.get("PATH_INFO", "").startswith("/livereload/"):
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


def _serve_quietly() -> None:
    """In place of MkDocs' INFO lines, one Dutch line per build (_report_build)."""
    logger = logging.getLogger("mkdocs")
    if logger.getEffectiveLevel() != logging.INFO:
        return  # -v asks for every line, -q for errors only
    for handler in logger.handlers:
        if handler.name == "MkDocsStreamHandler":  # its console handler, set up by `mkdocs` itself
            handler.addFilter(_quiet_log)


def _report_build(config) -> None:
    global _builds
    if config["strict"] and _quiet_log.warned:
        return  # MkDocs stops this build right after this hook and says why
    _builds += 1
    seconds = f"{time.monotonic() - _build_started:.1f}".replace(".", ",")
    done = "De site is gebouwd" if _builds == 1 else "De site is opnieuw gebouwd"
    print(f"{done} ({seconds} s). Open {config['site_url']} in de browser.", file=sys.stderr)


# ---------------------------------------------------------------- macros


def define_env(env):
    def renderer() -> Renderer:
        # HTML from macros skips Python-Markdown: on_page_content puts it back.
        return Renderer(_site(env.conf), html_blocks.for_page(env.page.file.src_uri))

    def page() -> str:
        return env.page.url

    @env.macro
    def opgave_kaarten() -> str:
        return renderer().opgave_cards(page())

    @env.macro
    def opgaven_overzicht() -> str:
        return renderer().opgaven_overview(page())

    @env.macro
    def over_programma() -> str:
        return renderer().about(page())

    @env.macro
    def inleiding() -> str:
        return renderer().introduction(page())

    @env.macro
    def voortgang() -> str:
        return renderer().progress(page())

    # The budget page (content/begroting.md), one macro per part.
    @env.macro
    def begroting_inleiding() -> str:
        return renderer().budget_introduction(page())

    @env.macro
    def begroting_jaren() -> str:
        return renderer().budget_years(page())

    @env.macro
    def begroting_per_opgave() -> str:
        return renderer().budget_per_opgave(page())

    @env.macro
    def begroting_vergelijking() -> str:
        return renderer().budget_comparison(page())

    @env.macro
    def cofinanciering() -> str:
        return renderer().cofinancing(page())

    # The indexes: partners, programmes and funds, target groups, glossary.
    @env.macro
    def partners_overzicht() -> str:
        return renderer().render("indexes/partners.html", page())

    @env.macro
    def programmas_overzicht(soort: str) -> str:
        indexes = _site(env.conf).indexes
        entries, label = {
            "provinciaal": (indexes.provincial_programmes, "Alle provinciale projecten en programma’s"),
            "extern": (indexes.external_programmes, "Al het beleid van andere overheden en organisaties"),
        }[soort]
        return renderer().render("indexes/programmes.html", page(), entries=entries, jump_label=label)

    @env.macro
    def fondsen_overzicht() -> str:
        entries = _site(env.conf).indexes.funds
        return renderer().render("indexes/programmes.html", page(), entries=entries, jump_label="Alle fondsen en regelingen")

    @env.macro
    def doelgroepen_overzicht() -> str:
        return renderer().render("indexes/target_groups.html", page())

    @env.macro
    def begrippen_overzicht() -> str:
        return renderer().render("indexes/glossary.html", page())

    @env.macro
    def pdf_grootte() -> str:
        """The size of the programme PDF, e.g. "62 kB", for the download link."""
        return f"{number(max(1, round(len(_programme_pdf(env.conf)) / 1000)))} kB"

    @env.macro
    def open_data() -> str:
        return renderer().open_data(page(), downloads(_site(env.conf), env.conf["site_url"]))
