"""Render the resolved site into page bodies (Markdown with HTML blocks).

Data is only ever passed to templates as variables: autoescaping turns any HTML in
it into text, and the output is never rendered as a template again, so `{{ ... }}`
typed into YAML stays literal. Text from data is placed inside HTML blocks, where
Markdown does not parse it; the few places where it lands in Markdown (headings
that feed the table of contents) go through `markdown_text`.
"""

import functools
import re
from pathlib import Path

from jinja2 import Environment
from markupsafe import Markup, escape

from macros.render.environments import template_environment
from macros.formatting import budget_words, count_words, dutch_date, euro, euro_difference, listing, number
from macros.render.parts import PagePart, PartContext
from macros.view.glossary import glossary
from macros.view.urls import PATHS, relative

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Characters Python-Markdown treats as syntax; a backslash makes each literal. Exactly
# Markdown's escapable characters (md.ESCAPED_CHARS with the `tables` extension): before
# any other character a backslash would stay visible, as in "javascript\:".
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")


def markdown_text(value: str) -> Markup:
    """Text that Markdown will show exactly as typed (for headings only)."""
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(value))))


def make_environment() -> Environment:
    env = template_environment(TEMPLATES, keep_trailing_newline=True)
    env.filters["markdown_text"] = markdown_text
    env.filters["glossary"] = glossary  # the glossary's tooltips in data text
    env.filters["euro"] = euro
    env.filters["number"] = number
    env.filters["listing"] = listing  # "2024, 2025 en 2026"
    env.filters["euro_difference"] = euro_difference
    env.filters["budget_words"] = budget_words  # "geen budget" where the programme has "–"
    env.filters["count_words"] = count_words
    env.filters["dutch_date"] = dutch_date
    env.globals["paths"] = PATHS  # every address by name (macros/view/urls.py)
    return env


@functools.cache
def shared_environment() -> Environment:
    """One environment for the whole process, so each template is compiled once.

    A new environment per page compiled every template again, which took longer than
    rendering them (bench/RESULTS.md). FileSystemLoader still notices an edited
    template, so `mkdocs serve` shows changes.
    """
    return make_environment()


class Renderer:
    """Renders one template for one page; links are made relative to that page."""

    def __init__(self, site, env: Environment | None = None):
        self.site = site  # a Site, or a RecordingSite that notes what the page shows
        self.env = env or shared_environment()

    def render(self, template: str, page: str, **context) -> str:
        def url(target: str) -> str:
            return relative(target, page)

        return self.env.get_template(template).render(site=self.site, page=page, url=url, **context)

    def part(self, part: PagePart, page: str, *arguments, context: PartContext = PartContext()) -> str:
        """One page part (macros/render/parts.py), as the page at `page` shows it."""
        return self.render(part.template, page, **part.variables(self.site, context, *arguments))

    def last_updated(self, day, page: str) -> str:
        return self.render("last_updated.html", page, day=day)

    def redirect_page(self, redirect, site_name: str, site_url: str | None) -> str:
        """A whole HTML page at an old address that sends the reader on to the opgave."""
        canonical = (site_url.rstrip("/") + "/" + redirect.opgave.path) if site_url else None
        return self.render("redirect.html", redirect.old_path, opgave=redirect.opgave,
                           site_name=site_name, canonical=canonical)
