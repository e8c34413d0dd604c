"""The registry of page parts: the one list of what a page can show from the data.

Each part has the name a page calls (`{{ begroting_jaren() }}` in content/*.md), the
template that renders it and the variables that template gets beside the site. The
MkDocs adapter registers one macro per part from this list, the tests render every
part from it, and the data files a part shows are not listed anywhere: they follow
from the parts of the Site its rendering reads (macros/view/site.py, `RecordingSite`),
which is what "Laatst bijgewerkt" under each page is made from.

The opgave page is a part too, rendered for the pages the build generates rather
than called from Markdown (`OPGAVE_PAGE`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from macros.render import feeds, home, statement
from macros.render.programme_texts import budget_years, opgaven_count, years_without_opgaven
from macros.render.charts import comparison_chart, opgaven_chart
from macros.render.comparison_words import TEMPLATE_HELPERS as COMPARISON_WORDS
from macros.view.progress import STATUS_LABELS, progress_overview


def _handed_down(what: str) -> Callable:
    def missing(*arguments):
        raise LookupError(f"{what} is made above macros/render/ and handed down in PartContext "
                          "(macros/engine/part_context.py); this context has none")
    return missing


@dataclass(frozen=True)
class PartContext:
    """What a part may ask of the build besides the site.

    The PDF, the open data and the change history are made in the layers above render/
    (macros/outputs/, macros/changes/). The build hands them down as functions, made when a
    part asks: render/ imports neither layer (README, "Layers"). macros/engine/part_context.py
    connects them."""

    site_url: str = ""  # the published address, for absolute links in downloads
    # The whole programme as PDF (macros/outputs/pdf.py).
    programme_pdf: Callable[[], bytes] = bytes
    # site -> the open data files and their licence: the variables of the part open_data (macros/outputs/opendata.py).
    open_data: Callable[..., dict] = _handed_down("the open data")
    # What changed since adoption (macros/changes/html.py): site -> the body of /wijzigingen/ ...
    changes_page: Callable[..., str] = _handed_down("the change history")
    # ... and (site, opgave id, page) -> the line under the opgave's title and its section "Wijzigingen".
    opgave_changes: Callable[..., tuple[str, str]] = _handed_down("the change history")


def _no_variables(site, context: PartContext) -> dict:
    return {}


def _one_call(site) -> list[tuple]:
    return [()]


@dataclass(frozen=True)
class PagePart:
    name: str  # what a page calls, in Dutch like the rest of content/
    template: str  # in macros/render/templates/
    # The template's variables besides `site`, `page` and `url`: (site, context, *arguments) -> dict.
    variables: Callable[..., dict] = _no_variables
    # Every valid list of arguments for a site (most parts take none); the tests render each.
    calls: Callable[..., list[tuple]] = _one_call


# The kinds of programme `programmas_overzicht(soort)` lists: the index it shows, and the
# name of its jump list.
PROGRAMME_KINDS = {
    "provinciaal": ("provincial_programmes", "Alle provinciale projecten en programma’s"),
    "extern": ("external_programmes", "Al het beleid van andere overheden en organisaties"),
    "project": ("projects", "Alle projecten en samenwerkingsverbanden"),
}


def _programmes(site, context: PartContext, kind: str) -> dict:
    entries, label = PROGRAMME_KINDS[kind]
    return {"entries": getattr(site.indexes, entries), "jump_label": label}


def _opgave(site, context: PartContext, opgave_id: str) -> dict:
    entry = site.opgave(opgave_id)
    previous, following = site.neighbours(entry)
    status, section = context.opgave_changes(site, opgave_id, entry.path)
    return {"opgave": entry, "previous": previous, "following": following,
            "changes_status": status, "changes_section": section}


def _pdf_size(site, context: PartContext) -> dict:
    content = context.programme_pdf()  # empty while `mkdocs serve` still draws it
    return {"kilobytes": max(1, round(len(content) / 1000)) if content else None}


PARTS: dict[str, PagePart] = {part.name: part for part in (
    # The home page.
    PagePart("programma_titel", "programme_title.md.j2"),  # the h1
    PagePart("programma_in_het_kort", "home_summary.html", home.summary),  # who, what, when, budget per year
    PagePart("opgave_kaarten", "opgave_cards.html", home.opgave_cards),
    PagePart("wegwijzer", "home_signposts.html"),  # every main page, one click away
    PagePart("opzet", "home_introduction.md.j2"),
    PagePart("pdf_link", "pdf_link.md.j2", _pdf_size),  # "Download het hele programma als PDF (62 kB)"
    # Short texts for sentences and page descriptions (front matter `description:` may call them).
    # "Economische Koers Drenthe": the name without the period (the site's name where the data has none).
    PagePart("programma_naam", "text.md.j2", lambda site, context: {"text": site.programme.name or site.name}),
    PagePart("aantal_opgaven", "text.md.j2", lambda site, context: {"text": opgaven_count(site)}),  # "vijf"
    PagePart("begrotingsjaren", "text.md.j2", lambda site, context: {"text": budget_years(site)}),  # "2024 en 2025"
    # "In 2024 was de begroting nog anders ingedeeld: …", only while some year is not laid out per opgave.
    PagePart("begroting_andere_indeling", "budget_other_layout.md.j2", lambda site, context: {
        "years": years_without_opgaven(site)}),
    # One page each.
    PagePart("opgaven_overzicht", "opgaven_overview.md.j2"),
    PagePart("over_programma", "about.md.j2"),
    PagePart("voortgang", "progress.md.j2", lambda site, context: {
        "overview": progress_overview(site.opgaven), "labels": STATUS_LABELS}),
    # The budget page, one part per section.
    PagePart("begroting_inleiding", "budget_introduction.md.j2", lambda site, context: {"budget": site.budget}),
    PagePart("begroting_jaren", "budget_years.md.j2", lambda site, context: {"budget": site.budget}),
    PagePart("begroting_per_opgave", "budget_per_opgave.md.j2", lambda site, context: {
        "budget": site.budget, "chart": opgaven_chart(site.budget)}),
    PagePart("begroting_vergelijking", "budget_comparison.md.j2", lambda site, context: {
        "comparisons": [(comparison, comparison_chart(comparison)) for comparison in site.budget.comparisons],
        **COMPARISON_WORDS}),
    PagePart("cofinanciering", "budget_cofinancing.md.j2"),
    PagePart("open_data", "open_data.md.j2", lambda site, context: context.open_data(site)),
    # The indexes: partners, programmes and funds, target groups, glossary.
    PagePart("partners_overzicht", "indexes/partners.html"),
    PagePart("programmas_overzicht", "indexes/programmes.html", _programmes,
             calls=lambda site: [(kind,) for kind in PROGRAMME_KINDS]),
    PagePart("fondsen_overzicht", "indexes/programmes.html", lambda site, context: {
        "entries": site.indexes.funds, "jump_label": "Alle fondsen en regelingen"}),
    PagePart("begrotingsposten_overzicht", "indexes/budget_lines.html"),
    PagePart("doelgroepen_overzicht", "indexes/target_groups.html"),
    PagePart("begrippen_overzicht", "indexes/glossary.html"),
    # The accessibility statement: what it covers, how to report a problem, how to complain.
    PagePart("toegankelijkheid_bereik", "statement/scope.html", statement.scope),
    PagePart("toegankelijkheid_onderzoek", "statement/examination.html", statement.examination),
    PagePart("toegankelijkheid_melden", "statement/report.html", statement.report),
    PagePart("toegankelijkheid_klacht", "statement/complaint.html", statement.complaint),
    # What changed since adoption, newest first (macros/changes/).
    PagePart("wijzigingen", "changes_page.html", lambda site, context: {"history_html": context.changes_page(site)}),
    PagePart("feeds", "feeds.html", feeds.variables),  # every feed address to copy (/wijzigingen/volgen/)
)}

# The page of one opgave (argument: its id), generated for every opgave in data/opgaven.yaml.
OPGAVE_PAGE = PagePart("opgave", "opgave.md.j2", _opgave,
                       calls=lambda site: [(entry.id,) for entry in site.opgaven])
