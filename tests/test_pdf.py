"""The whole programme as an accessible PDF (PDF/UA-1), built with the site and linked from the home page.

The general rules run on the adopted build and (marked `content`) on the real one; that the
PDF carries every statement of the programme is checked on the adopted build against the
programme's own text in bron/.
"""

import functools
import io
import re
from pathlib import Path

import page as pdf_validator
import pikepdf
import pytest
from pypdf import PdfReader

from macros.outputs.pdf import programme_pdf
from macros.view.urls import PDF_PATH as PATH  # the address that always holds the current PDF
from macros.formatting import number
from tests.builds import built  # noqa: F401 (a fixture)
from tests.project import ADOPTED_DATA, read_yaml
from tests.source_text import data_key, source_text
from tests.test_faithful_to_source import opgave_texts, programme_texts

FOOTER = re.compile(r"Pagina \d+")


@functools.cache
def read_pdf(path: Path) -> tuple[PdfReader, str]:
    """The PDF and all its text, with line breaks and repeated spaces made single spaces."""
    reader = PdfReader(path)
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def searchable(text: str) -> str:
    """PDF text as tests/source_text.py compares texts: without the page numbers, the euro
    signs and the dash of "no budget" (the programme prints "-"), case and spacing."""
    return data_key(FOOTER.sub("", text).replace("€", "").replace("–", "")).lower()


@pytest.fixture
def pdf(built) -> PdfReader:
    return read_pdf(built.site_dir / built.site.pdf_path)[0]


@pytest.fixture
def text(built) -> str:
    return read_pdf(built.site_dir / built.site.pdf_path)[1]


@pytest.fixture
def structure(built) -> list:
    """Every structure element (tag) of the PDF as (type, element), in reading order."""
    with pikepdf.open(built.site_dir / built.site.pdf_path) as document:
        elements = []

        def walk(element):
            if isinstance(element, pikepdf.Array):
                for kid in element:
                    walk(kid)
            elif isinstance(element, pikepdf.Dictionary) and "/S" in element:
                elements.append((str(element.S)[1:], element))
                kids = element.get("/K")
                for kid in (kids if isinstance(kids, pikepdf.Array) else [kids]):
                    walk(kid)

        walk(document.Root.StructTreeRoot.K)
        yield [(kind, _plain(element)) for kind, element in elements]


def _plain(element) -> dict:
    attributes = element.get("/A")
    headers = attributes.get("/Headers") if isinstance(attributes, pikepdf.Dictionary) else None
    return {"id": str(element.get("/ID", "")), "headers": [str(header) for header in headers or []]}


def outline_titles(outline) -> list:
    """The bookmarks as (title, children) pairs; pypdf gives children as a list after their parent."""
    result = []
    for item in outline:
        if isinstance(item, list):
            result[-1] = (result[-1][0], outline_titles(item))
        else:
            result.append((item.title, []))
    return result


def test_the_home_page_links_the_pdf_with_its_size(built):
    link = built.page("").find("a", href=built.site.pdf_path)
    assert link is not None
    size = round((built.site_dir / built.site.pdf_path).stat().st_size / 1000)
    assert link.get_text() == f"Download het hele programma als PDF ({number(size)} kB)"


def test_the_pdf_meets_pdf_ua_1(built):
    """The offline PDF/UA-1 checker (page-validation) finds no fault: tags, fonts, metadata, links."""
    result = pdf_validator.validate_pdf(str(built.site_dir / built.site.pdf_path), profile="ua1",
                                        limits=pdf_validator.SafetyLimits.unlimited())
    assert result.rules.total > 100 and result.rules.passed == result.rules.total
    assert not result.failures, "\n".join(str(failure) for failure in result.failures)


def test_the_pdf_says_its_title_language_and_that_it_is_pdf_ua(built, pdf):
    assert pdf.metadata.title == built.site.programme.title
    assert pdf.metadata.author == "Provincie Drenthe"
    with pikepdf.open(built.site_dir / built.site.pdf_path) as document:
        assert document.Root.Lang == "nl"
        assert document.Root.ViewerPreferences.DisplayDocTitle is True  # viewers show the title, not the file name
        assert document.Root.MarkInfo.Marked is True
        with document.open_metadata() as xmp:
            assert xmp["{http://www.aiim.org/pdfua/ns/id/}part"] == "1"
            assert xmp["dc:title"] == built.site.programme.title


def test_every_font_is_embedded_dejavu(built):
    with pikepdf.open(built.site_dir / built.site.pdf_path) as document:
        fonts = {font.objgen: font for page in document.pages for font in page.Resources.Font.values()}
        assert fonts
        for font in fonts.values():
            assert "DejaVu" in str(font.BaseFont)
            descriptor = font.DescendantFonts[0].FontDescriptor if "/DescendantFonts" in font else font.FontDescriptor
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), font.BaseFont


def test_bookmarks_follow_the_programme_with_one_per_opgave_and_section(pdf, built):
    site = built.site
    programme = site.programme
    sections = [f"{section.heading} {programme.period}" if section.key == "activiteiten" else section.heading
                for section in site.sections]
    if site.budget.opgave_year:
        sections.append(f"Budget {site.budget.opgave_year.year}")
    assert outline_titles(pdf.outline) == [
        (programme.introduction.heading, []),
        (programme.aspects.heading, []),
        *[(f"{entry.label}: {entry.title}", [(title, []) for title in sections]) for entry in site.opgaven],
        (site.budget.heading, [(f"Begroting {year.year}", []) for year in site.budget.years]),
        (programme.cofinancing.heading, []),
        (programme.closing.heading, []),
    ]


def test_each_opgave_starts_on_its_own_page_in_order(pdf, built):
    pages = [pdf.get_destination_page_number(item) for item in pdf.outline if not isinstance(item, list)]
    assert pages == sorted(pages)
    opgave_pages = pages[2:2 + len(built.site.opgaven)]
    assert len(set(opgave_pages)) == len(opgave_pages)


def test_headings_lists_and_tables_are_tagged(structure, built):
    kinds = [kind for kind, _ in structure]
    site = built.site
    assert kinds.count("H1") == 1
    # Contents, opzet, aspects, each opgave, budget, cofinancing, tot slot.
    assert kinds.count("H2") == 6 + len(site.opgaven)
    budget_sections = 1 if site.budget.opgave_year else 0
    assert kinds.count("H3") == len(site.opgaven) * (len(site.sections) + budget_sections) + len(site.budget.years)
    assert kinds.count("L") >= len(site.opgaven) * (len(site.sections) - 1)
    with_group = sum(1 for entry in site.opgaven if site.budget.group_for(entry.id)) if site.budget.opgave_year else 0
    # Counted by their captions: WeasyPrint tags each page's piece of a split table as a table.
    assert kinds.count("Caption") == len(site.budget.years) + with_group
    assert kinds.count("Table") >= kinds.count("Caption")
    # Every amount names its headers (the line and the column), by ids that are unique in the PDF.
    header_ids = [attributes["id"] for kind, attributes in structure if kind == "TH"]
    assert header_ids and all(header_ids) and len(set(header_ids)) == len(header_ids)
    cells = [attributes["headers"] for kind, attributes in structure if kind == "TD"]
    assert cells and all(len(headers) >= 2 and set(headers) <= set(header_ids) for headers in cells)


def test_links_lead_inside_the_document_and_say_where(built):
    with pikepdf.open(built.site_dir / built.site.pdf_path) as document:
        names = document.Root.Names.Dests.Names
        anchors = {str(names[index]) for index in range(0, len(names), 2)}
        links = [annotation for page in document.pages for annotation in page.get("/Annots", [])
                 if annotation.Subtype == "/Link"]
    assert len(links) >= len(built.site.opgaven)  # the contents at least
    for link in links:
        assert str(link.Contents)  # a description for assistive technology
        assert "/Dest" in link and str(link.Dest) in anchors  # no link leaves the document


def test_link_descriptions_are_words_not_anchor_ids(built):
    """Screen readers announce a link's /Contents: the heading it leads to, not "pdf-opzet"."""
    site = built.site
    headings = {site.programme.introduction.heading, site.programme.aspects.heading, site.budget.heading,
                site.programme.cofinancing.heading, site.programme.closing.heading,
                *(f"{entry.label}: {entry.title}" for entry in site.opgaven)}
    with pikepdf.open(built.site_dir / PATH) as document:
        described = {str(annotation.Contents) for page in document.pages for annotation in page.get("/Annots", [])
                     if annotation.Subtype == "/Link"}
    assert described == {f"Ga naar: {heading}" for heading in headings}


def test_table_header_ids_are_in_an_id_tree(structure, built):
    """/Headers name header cells by /ID; PDF readers find them through /IDTree."""
    with pikepdf.open(built.site_dir / PATH) as document:
        names = document.Root.StructTreeRoot.IDTree.Names
        tree = {bytes(names[index]).decode(): names[index + 1] for index in range(0, len(names), 2)}
        assert list(tree) == sorted(tree)
        header_ids = [attributes["id"] for kind, attributes in structure if kind == "TH"]
        assert set(header_ids) == set(tree)
        assert all(str(element.S) == "/TH" for element in tree.values())
    cells = [headers for kind, attributes in structure if kind == "TD" for headers in attributes["headers"]]
    assert cells and set(cells) <= set(tree)


def test_the_pdf_opens_with_its_bookmarks_shown(built):
    with pikepdf.open(built.site_dir / PATH) as document:
        assert document.Root.PageMode == pikepdf.Name.UseOutlines


def test_the_contents_give_the_page_of_each_part(pdf, built):
    """"Inhoud" ends each line with the page its bookmark opens."""
    contents = next(page for page in pdf.pages if "Inhoud" in page.extract_text())
    text = " ".join(contents.extract_text().split())
    bookmarks = [item for item in pdf.outline if not isinstance(item, list)]
    assert len(bookmarks) >= 5
    for item in bookmarks:
        page = pdf.get_destination_page_number(item) + 1
        assert re.search(re.escape(item.title) + r"[ .]*" + str(page) + r"\b", text), (item.title, page, text)


def test_the_title_page_gives_date_and_version_from_the_data(built):
    from macros.outputs.edition import edition

    first = " ".join(read_pdf(built.site_dir / PATH)[0].pages[0].extract_text().split())
    match = re.search(r"Versie ([0-9a-f]{7}), (\d{1,2} \w+ \d{4})", first)
    assert match, first
    assert match.group(1) == edition(built.data).version  # the same data, wherever it was built


def test_edition_changes_with_the_data_only(tmp_path):
    from macros.outputs.edition import edition
    from tests.project import copy_project, write_yaml

    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    before = edition(project / "data")
    assert edition(project / "data") == before
    data = read_yaml(project / "data" / "opgaven.yaml")
    data["opgaven"][0]["titel"] += " en meer"
    write_yaml(project / "data" / "opgaven.yaml", data)
    assert edition(project / "data").version != before.version


def test_budget_group_names_head_their_own_table_in_print(adopted):
    """Each group of a year's budget is a table whose head holds the group's name: a table head
    repeats on the next page, so a group running over a page break keeps its name."""
    import lxml.html

    from macros.outputs.print_document import print_document

    back = lxml.html.document_fromstring(print_document(adopted))
    for year in adopted.budget.years:
        tables = [table for table in back.xpath(
                      "//*[contains(@class, 'ekd-pdf-begroting')]//table[contains(@class, 'ekd-begroting')]")
                  if f"Bedrag {year.year}" in table.text_content()]
        assert len(tables) == len(year.groups)
        for table, group in zip(tables, year.groups):
            head = " ".join(table.find("thead").text_content().split())
            assert head.startswith(f"{group.number}. ") and group.title in head
        assert tables[-1].find("tfoot") is not None


def test_every_text_of_the_data_is_in_the_pdf(text, built):
    """Every text of every opgave and of the programme, and every budget line with its amount."""
    site = built.site
    found = searchable(text)
    texts = [*(text for entry in site.opgaven for text in opgave_texts(entry)), *programme_texts(site.programme)]
    missing = [text for text in texts if data_key(text).lower() not in found]
    assert not missing
    for year in site.budget.years:
        for group in year.groups:
            for line in group.lines:
                amount = "" if line.amount is None else f"{line.amount:,}".replace(",", ".")
                assert data_key(f"{line.name} {amount}").lower() in found
        total = "" if year.total is None else f"{year.total:,}".replace(",", ".")
        assert data_key(f"Totaal Economische Koers {total}").lower() in found
    assert found.count("subtotaal") == sum(len(year.groups) for year in site.budget.years) + sum(
        1 for entry in site.opgaven if site.budget.opgave_year and site.budget.group_for(entry.id))


def test_every_statement_of_the_adopted_programme_is_in_the_pdf(adopted, adopted_built_site):
    """Each sentence and line of the programme as published (bron/), budget included."""
    found = searchable(read_pdf(adopted_built_site / adopted.pdf_path)[1])
    statements = [part for block in re.split(r"\n\s*\n", source_text())
                  for part in re.split(r"(?<=[.!?])\s+", block) if data_key(part)]
    assert len(statements) > 200
    # The programme heads each opgave "OPGAVE 1 Titel"; the PDF as the site: "Opgave 1: Titel".
    statements = [re.sub(r"^OPGAVE (\d+) ", r"Opgave \1: ", statement) for statement in statements]
    missing = [statement for statement in statements if data_key(statement).lower() not in found]
    assert not missing


def test_the_adopted_totals_are_in_the_pdf(adopted, adopted_built_site):
    text = read_pdf(adopted_built_site / adopted.pdf_path)[1].replace("\u00a0", " ")
    assert "Totaal Economische Koers € 13.865.167" in text
    assert "Totaal Economische Koers € 11.298.457" in text


def test_dutch_characters_are_real_text(adopted, adopted_built_site):
    text = read_pdf(adopted_built_site / adopted.pdf_path)[1]
    assert "Gerelateerde projecten en programma’s" in text
    assert "Drenthe wordt dé circulaire en groene provincie" in text
    assert "Werkgelegenheidsenquête" in text


def test_pages_are_numbered(pdf, text):
    assert len(pdf.pages) > 5
    assert [f"Pagina {number_}" in page.extract_text() for number_, page in enumerate(pdf.pages, 1)] == [True] * len(
        pdf.pages)


def test_the_pdf_is_the_same_every_build(adopted, adopted_project):
    # The build made one; making it again from the same data gives the same bytes.
    from macros.outputs.edition import edition

    project, site_dir = adopted_project
    assert programme_pdf(adopted, edition=edition(project / "data")) == (site_dir / PATH).read_bytes()


def test_copied_text_has_no_control_characters(text):
    assert not [char for char in text if ord(char) < 32 or 127 <= ord(char) < 160]


def test_markup_in_the_data_shows_literally_in_the_pdf(tmp_path):
    from macros.view.site import load_site
    from tests.project import copy_project, write_yaml

    project = copy_project(tmp_path / "project", data=ADOPTED_DATA)
    data = read_yaml(project / "data" / "opgaven.yaml")
    data["opgaven"][0]["titel"] = "Wonen & <b>werken</b> <img src=x onerror=y>"
    write_yaml(project / "data" / "opgaven.yaml", data)
    reader = PdfReader(io.BytesIO(programme_pdf(load_site(project / "data"))))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("Opgave 1: Wonen & <b>werken</b> <img src=x onerror=y>") == 2  # contents, heading
    assert "&amp;" not in text and "&lt;" not in text
    assert outline_titles(reader.outline)[2][0] == "Opgave 1: Wonen & <b>werken</b> <img src=x onerror=y>"


def test_serve_draws_the_pdf_in_the_background_and_writes_it_into_the_site(adopted, tmp_path):
    """`mkdocs serve` gets no PDF at first (a stand-in says it is on its way), then the real one."""
    import time

    from macros.outputs.artefacts import ArtefactCache
    from macros.outputs.pdf import CSS_DIR
    from macros.outputs.pdf_build import BackgroundPdf, pending_pdf

    cache, site_dir = ArtefactCache(tmp_path / "cache"), tmp_path / "site"
    cache.start_build()
    background = BackgroundPdf()
    assert background.get(cache, ADOPTED_DATA, CSS_DIR, site_dir, adopted.pdf_paths) is None  # it does not wait
    assert background.get(cache, ADOPTED_DATA, CSS_DIR, site_dir, adopted.pdf_paths) is None  # nor draw it twice
    waited = 0.0
    while not all((site_dir / path).exists() for path in adopted.pdf_paths) and waited < 300:
        time.sleep(0.5)
        waited += 0.5
    from macros.outputs.edition import edition

    drawn = programme_pdf(adopted, edition=edition(ADOPTED_DATA))
    assert all((site_dir / path).read_bytes() == drawn for path in adopted.pdf_paths)
    assert background.get(cache, ADOPTED_DATA, CSS_DIR, site_dir, adopted.pdf_paths) == drawn  # the next rebuild
    stand_in = " ".join(PdfReader(io.BytesIO(pending_pdf())).pages[0].extract_text().split())
    assert stand_in == "De PDF van het programma wordt nog gemaakt. Laad de pagina over een minuut opnieuw."
