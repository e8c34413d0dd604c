"""The change history (history.py) as HTML for readers: the page /wijzigingen/, the section
"Wijzigingen" of each opgave page, the line under its title, and the content of feed entries.

Jinja templates in templates/ beside this module, with autoescaping: every text from the
data and every commit note arrives as text, never as markup. Removed and added words are
<del> and <ins>, each with a visually hidden Dutch label, as screen readers do not
announce them. Links go to what exists now: a change to an opgave or register entry that
was removed since gets no link, so the link check never finds a dead one.
"""

import functools
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup

# The rest of the project, imported in this one place.
from ..render.environments import template_environment
from ..formatting import budget_words, dutch_date
from ..view.urls import BUDGET_PATH, CHANGES_PATH, FOLLOW_PATH, GLOSSARY_PATH, PATHS, follow_anchor, relative
from ..view.glossary import glossary
from ..view.site import Site
from . import words
from .compare import ADDED, CHANGED, MOVED, REMOVED
from .history import Entry, History

TEMPLATES = Path(__file__).resolve().parent / "templates"
OPGAVE_ANCHOR = "wijzigingen"  # the section on each opgave page
ADDITIONS_ANCHOR = "aanvullingen"  # the part of /wijzigingen/ with the site's own additions (classify.py)

NOTHING = "Het programma is sinds de vaststelling niet veranderd."
UNAVAILABLE = ("De lijst met wijzigingen is op deze versie van de site niet beschikbaar. "
               "Daarom kunnen we hier niet laten zien wat er sinds de vaststelling is veranderd.")
NOT_COMMITTED = "Nog niet vastgelegd"


# ---------------------------------------------------------------- what the site calls


def history_page(history: History, site: Site, page: str = CHANGES_PATH) -> Markup:
    """The body of /wijzigingen/ (HTML): every change, newest first, headings h2 and down."""
    return _render("history.html", site, lambda target: relative(target, page),
                   history=history, follow=FOLLOW_PATH)


def opgave_section(history: History, site: Site, opgave_id: str, page: str) -> Markup:
    """The body of the section "Wijzigingen" (#wijzigingen) on the opgave's page (HTML): its
    own changes, newest first, headings h3 and down (the section heading is the page's h2)."""
    return _render("opgave_history.html", site, lambda target: relative(target, page),
                   history=history, items=history.for_opgave(opgave_id),
                   follow=f"{FOLLOW_PATH}#{follow_anchor(opgave_id)}", additions=history.additions_for(opgave_id))


def opgave_status(history: History, opgave_id: str) -> Markup:
    """One line for under the opgave's title: changed since adoption or not, and when last.
    Empty when the history is unavailable: then nothing can be said."""
    return Markup(_environment().get_template("opgave_status.html").render(
        history=history, last=history.last_change(opgave_id), anchor=OPGAVE_ANCHOR,
    ).strip())


def entry_content(entry: Entry, site: Site, url: Callable[[str], str], opgave_id: str | None = None) -> Markup:
    """One entry as HTML for a feed (all of it, or only what concerns `opgave_id`)."""
    item = None
    if opgave_id is not None:
        item = next(found for found in History(steps=(entry,)).for_opgave(opgave_id))
    return _render("feed_entry.html", site, url, entry=entry, item=item)


def entry_summary(entry: Entry, opgave_id: str | None = None) -> str:
    """What an entry is about, in one plain line: 'Opgave 1: …; Begroting 2025.'"""
    changes = entry.changes
    parts = [f"Opgave {opgave.number}: {opgave.title}" for opgave in changes.opgaven
             if opgave_id is None or opgave.id == opgave_id]
    parts += [f"{page.label}: {page.title}" for page in changes.pages
              if (opgave_id is None or page.id == opgave_id) and page.id not in {o.id for o in changes.opgaven}]
    years = [year.year for year in changes.budget.years
             if opgave_id is None or any(opgave_id in line.opgaven for line in year.lines)]
    if years or (opgave_id is None and changes.budget.texts):
        parts.append("Begroting" + "".join(f" {year}" for year in years))
    if opgave_id is None and changes.registers:
        parts.append("Partners, programma’s, fondsen en begrippen")
    if opgave_id is None and changes.programme:
        parts.append("Teksten over het programma")
    return "Gewijzigd: " + "; ".join(dict.fromkeys(parts)) + "." if parts else "Gewijzigd."


# ---------------------------------------------------------------- rendering


def _render(template: str, site: Site, url: Callable[[str], str], **context) -> Markup:
    """Finished HTML, marked safe: another template includes it as it is (everything in it
    was escaped here)."""
    html = _environment().get_template(template).render(site=site, url=url, links=_Links(site, url), **context)
    # No blank lines: in Markdown a blank line ends a block of HTML, and what follows
    # would be read as Markdown. No text in a change has a line break of its own.
    return Markup("\n".join(line for line in html.splitlines() if line.strip()) + "\n")


@functools.cache
def _environment() -> Environment:
    env = template_environment(TEMPLATES)  # autoescaped also where not named .html: all of it is HTML
    env.filters.update(
        dutch_date=dutch_date,
        amount=budget_words,
        quoted=lambda text: Markup("‘{}’").format(text),
        page_words=_page_words,
        glossary=glossary,  # data text gets the glossary's tooltips, as everywhere on the site
    )
    env.globals.update(
        ADDED=ADDED, CHANGED=CHANGED, MOVED=MOVED, REMOVED=REMOVED, NOTHING=NOTHING, UNAVAILABLE=UNAVAILABLE,
        NOT_COMMITTED=NOT_COMMITTED, ADDITIONS_ANCHOR=ADDITIONS_ANCHOR, BUDGET_PATH=BUDGET_PATH, PAGE_PATH=CHANGES_PATH, paths=PATHS,
        words=words,  # the Dutch wording of changes, shared with `make diff`
    )
    return env


class _Links:
    """Links to what exists in the current site; None for what is gone."""

    def __init__(self, site: Site, url: Callable[[str], str]):
        self.url = url
        self.opgaven = {entry.id: entry.path for entry in site.opgaven}
        indexes = site.indexes
        self.registers = {
            **{("organisaties", entry.id): entry.path for entry in indexes.organisations},
            **{("programmas", entry.id): entry.path for entry in indexes.programmes},
            **{("fondsen", entry.id): entry.path for entry in indexes.funds},
            **{("begrippen", term): f"{GLOSSARY_PATH}#{anchor}" for term, anchor in site.glossary.anchors.items()},
        }

    def opgave(self, opgave_id: str | None, fragment: str = "") -> str | None:
        path = self.opgaven.get(opgave_id)
        return self.url(path + fragment) if path is not None else None

    def register(self, register: str, entry_id: str) -> str | None:
        path = self.registers.get((register, entry_id))
        return self.url(path) if path is not None else None


def _page_words(text: str, name: Markup, page) -> Markup:
    """words.page_text with the opgave's name (a link while it exists) and its addresses."""
    addresses = {key: f"/{path}" if path else "" for key, path in
                 (("old", page.old_path), ("new", page.new_path), ("redirect", page.redirect))}
    return Markup(text).format(name=Markup(name.strip()), **addresses)
