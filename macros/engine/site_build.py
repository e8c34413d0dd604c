"""What a build does at each MkDocs event, and the one object that holds its state.

Validate the data before anything is written, add one generated page per opgave and
put them in the navigation, render the page parts the pages call, write "Laatst
bijgewerkt" under every page and check every link at the end. hooks.py and
page_macros.py hand MkDocs' and mkdocs-macros' calls to the functions here.
"""

import functools
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, StrictUndefined
from markupsafe import escape
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from macros.changes.dates import page_date
from macros.changes.feed import opgave_feed, programme_feed
from macros.changes.history import History, load_history
from macros.data.contact import contact_details, contact_warnings
from macros.data.problems import DataError
from macros.engine import serve
from macros.engine.address import drop_theme_files, use_published_address
from macros.engine.part_context import part_context
from macros.outputs.artefacts import cache_for, compiled_templates_folder
from macros.outputs.last_updated import LastUpdated
from macros.outputs.links import broken_links, report as links_report
from macros.outputs.opendata import downloads
from macros.outputs.pdf import LibrariesMissing
from macros.outputs.pdf_build import BackgroundPdf, pending_pdf, programme_pdf
from macros.outputs.redirects import redirects
from macros.outputs.robots_txt import ROBOTS_TXT_PATH, robots_txt
from macros.outputs.search_entries import search_entries
from macros.outputs.search_index import section_texts, write_search_files
from macros.outputs.security_txt import build_day, security_txt
from macros.outputs.security_headers import with_security_meta
from macros.render.parts import OPGAVE_PAGE, PARTS, PagePart
from macros.render.programme_texts import site_description
from macros.render.environments import keep_compiled_templates, templates_do_not_change
from macros.render.renderer import Renderer
from macros.render.abbreviations import focusable_first_abbreviations
from macros.render.jump_list import META_KEY as JUMP_LIST, sections_in, with_jump_list
from macros.render.section_links import label_section_links
from macros.render.share import opgave_description
from macros.view.progress import progress_overview
from macros.view.site import SOURCES, RecordingSite, data_files, load_site_cached
from macros.view.urls import (
    CHANGES_FEED_PATH, OPGAVEN_PATH, PATHS, PROGRESS_PATH, SECURITY_TXT_PATH, SITE_PREVIEW_PATH,
    content_link, opgave_feed_path, opgave_path, preview_path, source_file,
)

OPGAVEN_INDEX = source_file(OPGAVEN_PATH)
OPGAVE_KEY = "opgave"  # front matter of a generated opgave page: the id of its opgave
PROGRESS_PAGE = source_file(PROGRESS_PATH)  # in the navigation only once some activity or result has a status


@dataclass
class BuildState:
    serving: bool = False  # `mkdocs serve`: the process builds again after every edit
    dates: LastUpdated | None = None
    # Per page (its source path): the parts of the Site its page parts read, for its date.
    shown: dict[str, set[str]] = field(default_factory=dict)
    # `mkdocs serve` with bad data: the one page it shows instead of the site (serve.py).
    problem_page: bytes | None = None
    # Per page (its URL): the text of each section, for the search index (outputs/search_index.py).
    search_texts: dict[str, dict] = field(default_factory=dict)
    # What changed since adoption (macros/changes/history.py), read once per build.
    history: History | None = None
    # The published address (macros/engine/address.py); None without one and in `mkdocs serve`.
    address: str | None = None
    # /.well-known/security.txt (macros/outputs/security_txt.py); None until the security contact is known.
    security_txt: str | None = None
    started: float = 0.0
    builds: int = 0
    # The contact details still to come, as last printed (`mkdocs serve` says it again only when it changes).
    contact_warnings: tuple[str, ...] | None = None


state = BuildState()
_background_pdf = BackgroundPdf()  # `mkdocs serve` draws the PDF without waiting for it


class DataProblems(Abort):
    """The data has problems: the build stops before anything is written (Dutch report)."""


def _data_dir(config) -> Path:
    return _data_dir_of(config["config_file_path"])


@functools.cache  # asked several times per page; resolving a path reads the file system
def _data_dir_of(config_file: str) -> Path:
    return Path(config_file).resolve().parent / "data"


def _cache(config):
    return cache_for(_data_dir(config).parent)


def _site(config):
    try:
        return load_site_cached(_data_dir(config))
    except DataError as error:
        raise DataProblems(error.report()) from None


# ---------------------------------------------------------------- MkDocs events


def on_startup(command, dirty):
    state.serving = command == "serve"
    if not state.serving:
        templates_do_not_change()
    else:
        serve.quiet_log()


def on_config(config):
    """Validate all data first: a mistake stops the build before site/ is touched.

    Except in `mkdocs serve`: there the site becomes one page that lists the problems."""
    state.started, state.problem_page, state.history = time.monotonic(), None, None
    serve.start_build()
    _cache(config).start_build()
    keep_compiled_templates(compiled_templates_folder(_data_dir(config).parent))
    if state.serving:
        try:
            load_site_cached(_data_dir(config))
        except DataError as error:
            state.problem_page = serve.problems_only(config, error)
            return config
    site = _site(config)
    # The name and description of the site are the data's (mkdocs.yml has a stand-in): page
    # titles, link previews, feeds and the header all read them from the config. MkDocs puts
    # the description into HTML unescaped.
    config["site_name"] = site.name
    config["site_description"] = str(escape(site_description(site)))
    # Hand-written Markdown gets the glossary's tooltips from Markdown's abbr extension;
    # data text in HTML blocks gets them from the `glossary` template filter.
    config["mdx_configs"].setdefault("abbr", {})["glossary"] = dict(site.glossary.titles)
    for item in config["nav"] or []:
        children = next(iter(item.values())) if isinstance(item, dict) else None
        if isinstance(children, list) and OPGAVEN_INDEX in children:
            children[children.index(OPGAVEN_INDEX) + 1:] = [
                {_title(f"{entry.number}. {entry.title}"): source_file(opgave_path(entry.slug))} for entry in site.opgaven
            ]
    if config["nav"] and not _progress_reported(site):  # an empty "Voortgang" page stays out of the menu
        config["nav"] = [item for item in config["nav"]
                         if not (isinstance(item, dict) and PROGRESS_PAGE in item.values())]
    state.address = use_published_address(config, state.serving)
    # The line at the top of a printed page (overrides/main.html): the programme and the page's
    # address, the published one only when there is one (never `mkdocs serve`'s local address).
    config["extra"]["ekd_print"] = {"programme": site.programme.title, "public": state.address is not None}
    _warn_about_contact(site)
    # The footer links to security.txt only when the build writes one (on_files).
    state.security_txt = security_txt(contact_details(site.programme).security, state.address, build_day())
    config["extra"]["ekd_security_txt"] = SECURITY_TXT_PATH if state.security_txt else None
    return config


def _warn_about_contact(site) -> None:
    """One Dutch line per contact detail still to come, on stderr: the strict build goes on."""
    warnings = tuple(contact_warnings(site.programme))
    if warnings != state.contact_warnings:
        for warning in warnings:
            print(warning, file=sys.stderr)
    state.contact_warnings = warnings if state.serving else None


def _progress_reported(site) -> bool:
    return bool(progress_overview(site.opgaven))


def _title(text: str) -> str:
    """A page or nav title from data: MkDocs puts titles into HTML unescaped, and
    mkdocs-macros renders a title as Jinja when it contains {{, {% or {#."""
    return str(escape(text)).replace("{", "&#123;")


def _history(config) -> History:
    """The change history since adoption, read from git once per build.

    Without it (no git, a shallow clone) the pages say so; the build says why on stderr,
    not as a MkDocs warning, so a copy without git still builds strictly."""
    if state.history is None:
        state.history = load_history(_data_dir(config).parent, _site(config), _cache(config))
        warning = state.history.warning()
        if warning:
            print(warning, file=sys.stderr)
    return state.history


# WeasyPrint and Pillow are imported only when the cache misses: importing them takes
# longer than a rebuild of the real site spends on anything else of ours.

def _programme_pdf(config) -> bytes | None:
    """The programme PDF; None in `mkdocs serve` while it is drawn in the background."""
    css_dir = Path(config["docs_dir"]) / "assets" / "css"
    if state.serving:
        return _background_pdf.get(_cache(config), _data_dir(config), css_dir, Path(config["site_dir"]),
                                   _site(config).pdf_paths)
    try:
        return programme_pdf(_cache(config), lambda: _site(config), _data_dir(config), css_dir)
    except LibrariesMissing as error:  # a build to publish needs the PDF: stop, in Dutch
        raise Abort(str(error)) from None


def _preview(config, title: str, label: str | None = None) -> bytes:
    site_name = config["site_name"]

    def draw() -> bytes:
        from macros.outputs.previews import preview_image
        return preview_image(title, site_name, label)

    return _cache(config).get("preview", (title, site_name, label or ""), draw)


@event_priority(100)  # before other plugins take their list of files
def on_files(files, config):
    if state.problem_page is not None:
        return Files([])  # no page may ask for the data; on_post_build writes the problem page
    drop_theme_files(files, config)
    site = _site(config)
    progress = files.get_file_from_path(PROGRESS_PAGE)
    if progress is not None and not _progress_reported(site):
        progress.inclusion = InclusionLevel.NOT_IN_NAV  # built and linkable, out of the menu (on_config)
    for entry in site.opgaven:
        front_matter = {
            # MkDocs puts titles and descriptions into HTML unescaped.
            "title": _title(f"{entry.label}: {entry.title}"),
            "description": str(escape(opgave_description(site, entry))),  # also og: and twitter:
            "image": preview_path(entry.slug),  # read by overrides/main.html
            "feed": opgave_feed_path(entry.id),  # read by overrides/main.html
            OPGAVE_KEY: entry.id,  # on_page_markdown renders the page body from it
            # Nothing for mkdocs-macros to do here: its pass over the page cost more than
            # rendering the page itself (bench/RESULTS.md).
            "render_macros": False,
        }
        content = "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                                     for key, value in front_matter.items()) + "---\n"
        files.append(File.generated(config, source_file(opgave_path(entry.slug)), content=content))
        files.append(File.generated(config, front_matter["image"], content=_preview(config, entry.title, entry.label)))
    files.append(File.generated(config, SITE_PREVIEW_PATH, content=_preview(config, site.programme.title)))
    # The whole programme as one PDF, linked from the home page.
    pdf = _programme_pdf(config) or pending_pdf()
    for path in site.pdf_paths:  # named after the site, and the address that never changes
        files.append(File.generated(config, path, content=pdf))
    renderer = Renderer(site)
    for redirect in redirects(site.opgaven):
        page = renderer.redirect_page(redirect, config["site_name"], state.address)
        files.append(File.generated(config, redirect.file, content=_secured(page)))
    security = state.security_txt
    if security is not None:  # RFC 9116; none while the contact is still to come (the build says so)
        # INCLUDED, not UNDEFINED: after this event MkDocs drops every path starting with a
        # dot that is still undecided (its default exclude_docs), and .well-known is one.
        files.append(File.generated(config, SECURITY_TXT_PATH, content=security, inclusion=InclusionLevel.INCLUDED))
    robots = robots_txt(state.address)
    if robots is not None:  # only with the published address: the sitemap line needs it
        files.append(File.generated(config, ROBOTS_TXT_PATH, content=robots))
    # Open data: generated like the pages, so links to them are checked too.
    for download in downloads(site, state.address or ""):
        files.append(File.generated(config, download.path, content=download.content))
    # Atom feeds of the changes since adoption: all of them, and one per opgave. Only the
    # published address goes into a feed, never `mkdocs serve`'s local one.
    site_url, history = state.address, _history(config)
    files.append(File.generated(config, CHANGES_FEED_PATH, content=programme_feed(history, site, config["site_name"], site_url)))
    for entry in site.opgaven:
        files.append(File.generated(config, opgave_feed_path(entry.id),
                                    content=opgave_feed(history, site, entry.id, site_url)))
    return files


def on_env(env, config, files):
    # Material's templates too: compiling the theme takes longer than a page of ours.
    env.bytecode_cache = keep_compiled_templates(compiled_templates_folder(_data_dir(config).parent))
    env.globals["ekd_paths"] = PATHS  # the site's addresses by name, for overrides/main.html
    return env


def on_pre_build(config):
    state.dates = None  # fresh each build: `mkdocs serve` sees new commits
    state.shown = {}
    state.search_texts = {}


def _dates(config) -> LastUpdated:
    """The files' dates, once per build, without the data commits nobody could see."""
    if state.dates is None:
        state.dates = LastUpdated(_data_dir(config).parent, folders=(Path(config["docs_dir"]), _data_dir(config)),
                                  unseen=_history(config).unseen)
    return state.dates


def render_part(part: PagePart, page, config, *arguments) -> str:
    """Page part `part` for MkDocs page `page`, noting which parts of the Site it read."""
    read = state.shown.setdefault(page.file.src_uri, set())

    def programme_pdf() -> bytes:
        read.update(SOURCES)  # the PDF holds the whole programme: every data file is its input
        return _programme_pdf(config) or b""  # nothing yet: no size shown

    def history() -> History:
        read.update(SOURCES)  # what changed since adoption: every data file, through git
        return _history(config)

    context = part_context(site_url=state.address or "", programme_pdf=programme_pdf, history=history)
    return Renderer(RecordingSite(_site(config), read)).part(part, page.url, *arguments,
                                                                             context=context)


def on_page_markdown(markdown, page, config, files):
    """The body of a generated opgave page, rendered straight from the data."""
    opgave_id = page.meta.get(OPGAVE_KEY)
    if opgave_id is None or page.file.abs_src_path:
        _render_description(page, config)
        return markdown  # a hand-written page: front matter cannot make it an opgave page
    return render_part(OPGAVE_PAGE, page, config, opgave_id)


def _render_description(page, config) -> None:
    """A hand-written page's description may call page parts, as its text does, so what it
    says comes from the data ("De doelgroepen van alle {{ aantal_opgaven() }} opgaven").
    mkdocs-macros renders a page's title but not its description."""
    description = page.meta.get("description")
    if isinstance(description, str) and "{{" in description:
        parts = {part.name: functools.partial(render_part, part, page, config) for part in PARTS.values()}
        page.meta["description"] = _descriptions.from_string(description).render(parts)


_descriptions = Environment(undefined=StrictUndefined)  # like mkdocs-macros: hand-written text, not data


def on_page_content(html, page, config, files):
    """"Laatst bijgewerkt" under every page: the last change to its Markdown or the data it shows.

    Also names each heading's section link for screen readers (macros/render/section_links.py)
    and makes the first use of each abbreviation focusable (macros/render/abbreviations.py)."""
    parts = set(state.shown.pop(page.file.src_uri, ()))
    if "<abbr" in html:  # hand-written text too gets the glossary's tooltips (Markdown's abbr)
        parts.add("glossary")
    markdown = Path(page.file.abs_src_path) if page.file.abs_src_path else None
    data = [_data_dir(config) / name for name in sorted(data_files(parts))]
    opgave_id = None if markdown else page.meta.get(OPGAVE_KEY)
    day = page_date(_history(config), _dates(config), markdown, parts, data, opgave_id)
    html = focusable_first_abbreviations(label_section_links(html))
    if page.meta.get(JUMP_LIST):  # a long page: its sections under its title (macros/render/jump_list.py)
        html = with_jump_list(html, _sections(page) or sections_in(html))
    return html + Renderer(_site(config)).last_updated(day, page.url)


def _sections(page) -> list[tuple[str, str]]:
    """(title, "#anchor") of each h2 of the page, from its table of contents."""
    top = list(page.toc)
    if len(top) == 1 and top[0].level == 1:
        top = list(top[0].children)
    return [(item.title, item.url) for item in top if item.level == 2]


def on_page_context(context, page, config, nav):
    """Note the text of each section of the page, as the search index will hold it."""
    state.search_texts[page.url] = section_texts(page.content or "")
    return context


def _secured(html: str) -> str:
    """The page with its Content-Security-Policy and referrer policy (macros/outputs/security_headers.py).

    Not in `mkdocs serve`: its live reload is an inline script that the policy would block."""
    return html if state.serving else with_security_meta(html)


@event_priority(-100)  # last: the policy hashes the inline scripts of the page's final HTML
def on_post_page(output, page, config):
    return _secured(output)


@event_priority(-100)
def on_post_template(output_content, template_name, config):
    """404.html (a theme template, not a page) gets its policy too; sitemap.xml none."""
    return _secured(output_content) if template_name.endswith(".html") else output_content


@event_priority(-100)  # last: after every plugin has written its files
def on_post_build(config):
    """Every link and #anchor on every page leads somewhere; else the build fails (strict or not)."""
    if state.problem_page is not None:
        serve.write_problem_page(Path(config["site_dir"]), state.problem_page)
        return
    # Material wrote its search settings (its on_post_build runs first); the index is Pagefind's.
    write_search_files(Path(config["site_dir"]), state.search_texts, search_entries(_site(config)))
    if not state.serving:
        # `mkdocs serve` keeps what every rebuild drew; the next build removes the rest.
        _cache(config).prune()
    broken = broken_links(Path(config["site_dir"]), config["site_url"] or "")
    if broken:
        raise Abort(links_report(broken))
    if state.serving:
        serve.report_build(config, state)


def on_serve(server, config, builder):
    root = _data_dir(config).parent
    for folder in ("data", "macros", "overrides"):
        server.watch(str(root / folder))
    serve.show_problem_page_everywhere(server, lambda: state.problem_page)
    return server


# ---------------------------------------------------------------- page macros


def define_env(env):
    """One macro per page part (macros/render/parts.py), named as content/*.md calls it."""
    for part in PARTS.values():
        env.macro(_macro(env, part), part.name)

    def adres(naam: str) -> str:
        """The link to an address of macros/view/urls.py by name: `[PDF]({{ adres("pdf") }})`."""
        return content_link(naam, env.page.file.src_uri)

    env.macro(adres)


def _macro(env, part: PagePart):
    def macro(*arguments) -> str:
        return render_part(part, env.page, env.conf, *arguments)

    macro.__name__ = part.name
    macro.__doc__ = f"Renders {part.template} (macros/render/parts.py)."
    return macro
