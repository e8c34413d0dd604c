"""The whole programme as standalone HTML for print, from the site's own templates.

The programme PDF (macros/outputs/pdf.py) is rendered from these documents with the
site's own CSS, so web and paper say the same from one source: the templates under
macros/render/templates/print/ include the very templates the pages use (the sections of
an opgave, the budget tables, the paragraphs).

What only makes sense on a screen goes: links to other pages of the site (their text
stays), text for screen readers beside what the page shows ("geen budget" beside "–"),
"see also" links. Links to an opgave become links inside the document.
"""

import copy
from pathlib import Path

import lxml.html
from markupsafe import Markup

from macros.render.renderer import TEMPLATES, Renderer
from macros.view.site import Site
from macros.view.urls import relative

AUTHOR = "Provincie Drenthe"
DESCRIPTION = "Het hele uitvoeringsprogramma: opzet, opgaven, begroting, cofinanciering en tot slot."
PRINT_TEMPLATES = "print"
# The page every link is written relative to (the home page): keeps the links simple to map.
PAGE = ""
# Elements that only help on screen, by class: the sr-only text beside what is shown,
# links to the budget page and the index of target groups.
SCREEN_ONLY = ("ekd-sr", "ekd-verder", "ekd-budget-links")
# Attributes that belong to a web page, not to a PDF (keyboard focus, ARIA wiring).
SCREEN_ATTRIBUTES = ("role", "tabindex", "aria-labelledby", "aria-hidden", "data-search-exclude")
ANCHOR_PREFIX = "pdf-"  # ids this document sets itself; every other id goes (templates repeat them)

OWN_STYLESHEET = Path(__file__).resolve().parent / "pdf.css"
# The site's stylesheets (content/assets/css/) that style what the templates render.
SITE_STYLESHEETS = ("site.css", "tables.css", "opgave.css", "progress.css", "print.css")


def stylesheets(css_dir: Path) -> list[Path]:
    """The site's CSS files in `css_dir` that the print document uses, then its own."""
    return [Path(css_dir) / name for name in SITE_STYLESHEETS] + [OWN_STYLESHEET]


def template_files() -> list[Path]:
    """Every template the print document may render (its cache input)."""
    return sorted(path for path in TEMPLATES.rglob("*") if path.is_file())


def print_document(site: Site, edition=None) -> str:
    """The print document: one whole HTML document, in reading order. `edition`
    (macros/outputs/edition.py) puts the date and version on the title page."""
    renderer = Renderer(site)
    opgave_links = {relative(entry.path, PAGE): f"#{ANCHOR_PREFIX}opgave-{entry.id}" for entry in site.opgaven}

    def render(template: str, **context) -> str:
        return renderer.render(f"{PRINT_TEMPLATES}/{template}", PAGE, author=AUTHOR, **context)

    body = render("front.html", edition=edition) + "".join(render("opgave.html", opgave=entry) for entry in site.opgaven) \
        + render("back.html")
    # Markup: rendered by our own templates, which escaped every text from the data.
    html = render("document.html", description=DESCRIPTION, body=Markup(body))
    return _for_print(html, opgave_links)


def link_labels(html: str) -> dict[str, str]:
    """What each anchor of a print document points at, in words (its heading): the description
    of a link to it in the PDF (macros/outputs/pdf_finish.py)."""
    root = lxml.html.document_fromstring(html)
    return {element.get("id"): " ".join(element.text_content().split())
            for element in root.xpath("//*[@id]") if element.get("id").startswith(ANCHOR_PREFIX)}


def _budget_groups_apart(root) -> None:
    """A year's budget table as a table per group, the group's name atop its head: a table head
    is repeated on every page the table runs onto, so a group that goes on over a page break
    still shows whose lines these are. The year's total closes the last group's table."""
    for table in root.xpath("//table[contains(concat(' ', @class, ' '), ' ekd-begroting ')]"):
        head, groups, foot = table.find("thead"), table.findall("tbody"), table.find("tfoot")
        if head is None or len(groups) < 2:
            continue
        for number, group in enumerate(groups):
            own = lxml.html.Element("table", {"class": table.get("class")})
            if number == 0 and table.find("caption") is not None:
                own.append(table.find("caption"))
            own_head = copy.deepcopy(head)
            name = group.find("tr")  # the group's name, first row of its tbody
            for cell in name.findall("th"):
                cell.set("scope", "colgroup")  # now a header over both columns
            own_head.insert(0, name)
            own.extend([own_head, group])
            if number == len(groups) - 1 and foot is not None:
                own.append(foot)
            table.addprevious(own)
        table.getparent().remove(table)


def _for_print(html: str, opgave_links: dict[str, str]) -> str:
    root = lxml.html.document_fromstring(html)
    _budget_groups_apart(root)
    for element in root.xpath("//*[@class]"):
        if set(element.get("class").split()) & set(SCREEN_ONLY):
            element.drop_tree()  # keeps the text after it
    for link in root.iter("a"):
        href = link.get("href", "")
        target = href if href.startswith(f"#{ANCHOR_PREFIX}") else opgave_links.get(href)
        if target is None:
            link.drop_tag()  # another page of the site: the text stays, the link goes
        else:
            link.set("href", target)
            # A link around an <abbr> gives a link annotation without structure (PDF/UA).
            for abbr in link.iter("abbr"):
                abbr.drop_tag()
    for heading in root.xpath("//section[contains(@class, 'ekd-pdf-opgave')]//h3[contains(@class, 'ekd-groep')]"):
        heading.tag = "h4"  # a group of activities, under its section (h3 here, h2 on the site)
    for element in root.xpath("//*[@id]"):
        if not element.get("id").startswith(ANCHOR_PREFIX):
            del element.attrib["id"]
    for attribute in SCREEN_ATTRIBUTES:
        for element in root.xpath(f"//*[@{attribute}]"):
            del element.attrib[attribute]
    return lxml.html.tostring(root, encoding="unicode", doctype="<!DOCTYPE html>")
