"""The HTML parts of every page skip Python-Markdown and come out exactly the same.

macros/render/html_blocks.py hands each HTML part of what the templates render to
Markdown's own stash of raw HTML, so Markdown does not parse it (it is faster;
bench/RESULTS.md). Every part in the registry (macros/render/parts.py) is checked, for
every way it can be called. Machinery tests: they render the adopted data
(bron/vastgesteld/), content that never changes.
"""

import dataclasses
import re

import markdown
import pytest
import yaml

from macros.render.html_blocks import END, START, HtmlBlocks
from macros.engine.part_context import part_context
from macros.render.parts import OPGAVE_PAGE, PARTS
from macros.render.renderer import TEMPLATES, Renderer
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ROOT

# Stands in for the PDF, which only `pdf_link` asks for (its size).
CONTEXT = part_context(site_url="", programme_pdf=lambda: b"%PDF" * 15_000)


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


def to_html(text: str, kept_out: bool = False) -> str:
    names, settings = markdown_extensions()
    extensions = names + ([HtmlBlocks()] if kept_out else [])
    return markdown.Markdown(extensions=extensions, extension_configs=settings).convert(text)


def calls():
    """(part, arguments, page) for every part in the registry and every way to call it."""
    adopted = load_site(ADOPTED_DATA)
    for part in [*PARTS.values(), OPGAVE_PAGE]:
        for arguments in part.calls(adopted):
            page = adopted.opgave(arguments[0]).path if part is OPGAVE_PAGE else f"{part.name}/"
            yield pytest.param(part, arguments, page, id="-".join((part.name, *arguments)))


@pytest.mark.parametrize("part, arguments, page", list(calls()))
def test_every_page_part_is_the_same_html_with_its_parts_kept_out_of_markdown(adopted, part, arguments, page):
    kept = Renderer(adopted, keep_html=True).part(part, page, *arguments, context=CONTEXT)
    plain = Renderer(adopted).part(part, page, *arguments, context=CONTEXT)

    assert to_html(kept, kept_out=True) == to_html(plain)
    if part.template.endswith(".html") or "html_block" in (TEMPLATES / part.template).read_text(encoding="utf-8"):
        assert START in kept, f"{part.template}: its HTML still goes through Markdown"


def test_every_part_of_the_registry_is_called_by_a_page_and_every_call_names_a_part():
    called = {match for path in (ROOT / "content").rglob("*.md")
              for match in re.findall(r"\{\{-?\s*([A-Za-z_]\w*)\s*\(", path.read_text(encoding="utf-8"))}

    # Besides the parts, content may call `adres`: an address by name (macros/view/urls.py).
    assert called - {"adres"} == set(PARTS)


def test_only_the_headings_go_through_markdown(adopted):
    entry = adopted.opgaven[0]

    page = Renderer(adopted, keep_html=True).part(OPGAVE_PAGE, entry.path, entry.id, context=CONTEXT)

    outside = re.sub(re.escape(START) + ".*?" + re.escape(END), "", page, flags=re.DOTALL)
    lines = [line for line in outside.splitlines() if line.strip()]
    assert page.count(START) >= 9  # the title and section list, seven sections, budget, neighbours
    assert all(re.fullmatch(r"## .+ \{: #[\w-]+ \}", line) for line in lines), lines
    anchors = {re.search(r"\{: #([\w-]+) \}", line)[1] for line in lines}
    assert {section.anchor for section in adopted.sections} <= anchors


def test_text_that_looks_like_a_marker_stays_text(adopted):
    # As a staff member might type it into YAML; the templates escape it.
    entry = adopted.opgaven[0]
    record = entry.record.model_copy(update={"need": [f"{START}<b>vet</b>{END}", *entry.record.need[1:]]})
    site = dataclasses.replace(adopted, opgaven=(dataclasses.replace(entry, record=record), *adopted.opgaven[1:]))

    html = to_html(Renderer(site, keep_html=True).part(OPGAVE_PAGE, entry.path, entry.id, context=CONTEXT), kept_out=True)

    assert "&lt;!-- ekd:html --&gt;&lt;b&gt;vet&lt;/b&gt;&lt;!-- /ekd:html --&gt;" in html
    assert "<b>vet</b>" not in html
