"""Render the resolved site into page bodies (Markdown with HTML blocks).

Data is only ever passed to templates as variables: autoescaping turns any HTML in
it into text, and the output is never rendered as a template again, so `{{ ... }}`
typed into YAML stays literal. Text from data is placed inside HTML blocks, where
Markdown does not parse it; the few places where it lands in Markdown (headings
that feed the table of contents) go through `markdown_text`.
"""

import re
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .view import Site
from .urls import relative

TEMPLATES = Path(__file__).resolve().parent / "templates"

# Characters Python-Markdown treats as syntax; a backslash makes each literal.
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_{}\[\]()>#+\-.!|~:])")


def markdown_text(value: str) -> Markup:
    """Text that Markdown will show exactly as typed (for headings only)."""
    return Markup(_MARKDOWN_SYNTAX.sub(r"\\\1", str(escape(value))))


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markdown_text"] = markdown_text
    return env


class Renderer:
    """Renders one template for one page; links are made relative to that page."""

    def __init__(self, site: Site, env: Environment | None = None):
        self.site = site
        self.env = env or make_environment()

    def render(self, template: str, page: str, **context) -> str:
        def url(target: str) -> str:
            return relative(target, page)

        return self.env.get_template(template).render(site=self.site, page=page, url=url, **context)

    def opgave_page(self, opgave_id: str, page: str) -> str:
        entry = self.site.opgave(opgave_id)
        previous, following = self.site.neighbours(entry)
        return self.render("opgave.md.j2", page, opgave=entry, previous=previous, following=following)

    def opgave_cards(self, page: str) -> str:
        return self.render("opgave_cards.html", page)

    def opgaven_overview(self, page: str) -> str:
        return self.render("opgaven_overview.md.j2", page)

    def about(self, page: str) -> str:
        return self.render("about.md.j2", page)

    def introduction(self, page: str) -> str:
        return self.render("introduction.html", page)
