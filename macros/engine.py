"""The only module that talks to MkDocs and mkdocs-macros.

It is registered twice in mkdocs.yml: as a `hooks:` module (validate the data before
anything is written, add one generated page per opgave, put them in the navigation)
and as the macros `module_name` (the macros that page Markdown calls). Moving to
another engine means rewriting this file alone.
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, InclusionLevel  # noqa: E402

from macros.formatting import number  # noqa: E402
from macros.last_updated import LastUpdated  # noqa: E402
from macros.opendata import downloads  # noqa: E402
from macros.pdf import PATH as PDF_PATH, programme_pdf  # noqa: E402
from macros.previews import preview_image  # noqa: E402
from macros.problems import DataError  # noqa: E402
from macros.redirects import redirects  # noqa: E402
from macros.render import Renderer  # noqa: E402
from macros.section_links import label_section_links  # noqa: E402
from macros.view import DATA_FILES, load_site_cached  # noqa: E402

OPGAVEN_INDEX = "opgaven/index.md"
# Link preview images: one per opgave, and the site's own for every other page.
PREVIEWS = "assets/previews"
SITE_PREVIEW = f"{PREVIEWS}/site.png"
# Up to this many opgaven the sidebar lists each one. Every page carries the whole
# sidebar, so with hundreds of opgaven build time and page size grew with the square of
# their number (bench/RESULTS.md). Beyond it the sidebar shows only the opgaven index
# page, which links to every opgave, and the opgave pages are left out of the sidebar.
MAX_OPGAVEN_IN_NAV = 30

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
_pdf: tuple = (None, b"")  # (site, bytes): the PDF is made once per build, its size shown on the home page


def _data_dir(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent / "data"


def _site(config):
    try:
        return load_site_cached(_data_dir(config))
    except DataError as error:
        raise Abort(error.report()) from None


# ---------------------------------------------------------------- MkDocs hooks


def on_config(config):
    """Validate all data first: a mistake stops the build before site/ is touched."""
    site = _site(config)
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


def _programme_pdf(site) -> bytes:
    global _pdf
    if _pdf[0] is not site:
        _pdf = (site, programme_pdf(site))
    return _pdf[1]


def _opgaven_in_nav(site) -> bool:
    return len(site.opgaven) <= MAX_OPGAVEN_IN_NAV


@event_priority(100)  # before plugins such as htmlproofer take their list of files
def on_files(files, config):
    site = _site(config)
    for entry in site.opgaven:
        front_matter = {
            # MkDocs puts titles and descriptions into HTML unescaped.
            "title": _title(f"{entry.label}: {entry.title}"),
            "description": str(escape(entry.summary)),
            "image": f"{PREVIEWS}/{entry.slug}.png",  # read by overrides/main.html
        }
        content = "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                                     for key, value in front_matter.items())
        content += f"---\n\n{{{{ opgave_pagina({json.dumps(entry.id)}) }}}}\n"
        inclusion = InclusionLevel.UNDEFINED if _opgaven_in_nav(site) else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, f"opgaven/{entry.slug}.md", content=content, inclusion=inclusion))
        image = preview_image(entry.title, config["site_name"], entry.label)
        files.append(File.generated(config, front_matter["image"], content=image))
    files.append(File.generated(config, SITE_PREVIEW, content=preview_image(
        "Uitvoeringsprogramma Economische Koers Drenthe 2024-2025", config["site_name"])))
    # The whole programme as one PDF, linked from the home page.
    files.append(File.generated(config, PDF_PATH, content=_programme_pdf(site)))
    renderer = Renderer(site)
    for redirect in redirects(site.opgaven):
        page = renderer.redirect_page(redirect, config["site_name"], config["site_url"])
        files.append(File.generated(config, redirect.file, content=page))
    # Open data: generated like the pages, so links to them are checked too.
    for download in downloads(site, config["site_url"]):
        files.append(File.generated(config, download.path, content=download.content))
    return files


def on_pre_build(config):
    global _dates
    _dates = LastUpdated(_data_dir(config).parent)  # fresh each build: `mkdocs serve` sees new commits


def on_page_content(html, page, config, files):
    """"Laatst bijgewerkt" under every page: the last change to its Markdown or the data it shows.

    Also names each heading's section link for screen readers (macros/section_links.py)."""
    sources = [Path(page.file.abs_src_path)] if page.file.abs_src_path else []
    for macro in _MACRO_CALL.findall(page.file.content_string):
        sources += [_data_dir(config) / name for name in MACRO_DATA.get(macro, DATA_FILES)]
    day = _dates.date_of(sources)
    return label_section_links(html) + Renderer(_site(config)).last_updated(day, page.url)


def on_serve(server, config, builder):
    for folder in ("data", "macros", "overrides"):
        server.watch(str(ROOT / folder))
    return server


# ---------------------------------------------------------------- macros


def define_env(env):
    def renderer() -> Renderer:
        return Renderer(_site(env.conf))

    def page() -> str:
        return env.page.url

    @env.macro
    def opgave_pagina(opgave_id: str) -> str:
        return renderer().opgave_page(opgave_id, page())

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
        return f"{number(max(1, round(len(_programme_pdf(_site(env.conf))) / 1000)))} kB"

    @env.macro
    def open_data() -> str:
        return renderer().open_data(page(), downloads(_site(env.conf), env.conf["site_url"]))
