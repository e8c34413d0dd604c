"""The HTML parts of every page skip Python-Markdown and come out exactly the same.

macros/html_blocks.py keeps each HTML part of what the templates render aside while
Markdown reads the page and puts it back afterwards (it is faster; bench/RESULTS.md).
Machinery tests: they render the adopted data (bron/vastgesteld/), content that never changes.
"""

import re

import markdown
import pytest
import yaml

from macros.html_blocks import HtmlBlocks, PLACEHOLDER
from macros.opendata import downloads
from macros.render import Renderer
from tests.project import ROOT


def markdown_extensions():
    """The Markdown extensions and settings of mkdocs.yml (read as text: it has !ENV tags)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings[name] = options or {}
    return names, settings


class _AnyTagLoader(yaml.SafeLoader):
    pass


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def to_html(text: str) -> str:
    names, settings = markdown_extensions()
    return markdown.Markdown(extensions=names, extension_configs=settings).convert(text)


@pytest.mark.parametrize("index", range(5))  # the five adopted opgaven
def test_an_opgave_page_is_the_same_html_with_its_parts_kept_out_of_markdown(adopted, index):
    entry = adopted.opgaven[index]
    blocks = HtmlBlocks()

    kept_out = blocks.restore(to_html(Renderer(adopted, blocks).opgave_page(entry.id, entry.path)))
    through_markdown = to_html(Renderer(adopted).opgave_page(entry.id, entry.path))

    assert len(blocks.parts) >= 9  # the title and section list, seven sections, budget, neighbours
    assert kept_out == through_markdown


# What each macro of a content page renders (macros/engine.py, define_env), by page.
MACRO_OUTPUT = {
    "opgave cards": ("", lambda renderer, page: renderer.opgave_cards(page)),
    "introduction": ("", lambda renderer, page: renderer.introduction(page)),
    "opgaven overview": ("opgaven/", lambda renderer, page: renderer.opgaven_overview(page)),
    "about": ("over/", lambda renderer, page: renderer.about(page)),
    "progress": ("voortgang/", lambda renderer, page: renderer.progress(page)),
    "budget introduction": ("begroting/", lambda renderer, page: renderer.budget_introduction(page)),
    "budget years": ("begroting/", lambda renderer, page: renderer.budget_years(page)),
    "budget per opgave": ("begroting/", lambda renderer, page: renderer.budget_per_opgave(page)),
    "budget comparison": ("begroting/", lambda renderer, page: renderer.budget_comparison(page)),
    "cofinancing": ("begroting/", lambda renderer, page: renderer.cofinancing(page)),
    "open data": ("begroting/", lambda renderer, page: renderer.open_data(page, downloads(renderer.site, ""))),
    "partners": ("partners/", lambda renderer, page: renderer.render("indexes/partners.html", page)),
    "funds": ("programmas-en-fondsen/", lambda renderer, page: renderer.render(
        "indexes/programmes.html", page, entries=renderer.site.indexes.funds, jump_label="Alle fondsen")),
    "target groups": ("doelgroepen/", lambda renderer, page: renderer.render("indexes/target_groups.html", page)),
    "glossary": ("begrippen/", lambda renderer, page: renderer.render("indexes/glossary.html", page)),
}


@pytest.mark.parametrize("name", MACRO_OUTPUT)
def test_what_a_macro_renders_is_the_same_html_with_its_parts_kept_out_of_markdown(adopted, name):
    page, render = MACRO_OUTPUT[name]
    blocks = HtmlBlocks()

    kept_out = blocks.restore(to_html(render(Renderer(adopted, blocks), page)))
    through_markdown = to_html(render(Renderer(adopted), page))

    assert blocks.parts
    assert kept_out == through_markdown


def test_only_the_headings_go_through_markdown(adopted):
    entry = adopted.opgaven[0]
    blocks = HtmlBlocks()

    page = Renderer(adopted, blocks).opgave_page(entry.id, entry.path)

    assert "<" not in re.sub(r'<div data-ekd-block="\d+"></div>', "", page)
    assert page.count("\n## ") == len(adopted.sections) + 1  # and the budget


def test_text_that_looks_like_a_placeholder_stays_text():
    blocks = HtmlBlocks()
    typed = PLACEHOLDER.format(0)  # as a staff member might type it into YAML, escaped by the templates
    kept = blocks.keep("<p>echte inhoud</p>")

    html = blocks.restore(f"<p>{typed.replace('<', '&lt;').replace('>', '&gt;')}</p>{kept.strip()}")

    assert html == "<p>&lt;div data-ekd-block=\"0\"&gt;&lt;/div&gt;</p><p>echte inhoud</p>"
