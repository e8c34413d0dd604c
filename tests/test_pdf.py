"""The whole programme as a PDF, built with the site and linked from the home page."""

import io

import pytest
from pypdf import PdfReader

from macros.formatting import number
from macros.pdf import PATH, programme_pdf


@pytest.fixture(scope="module")
def pdf(built_site) -> PdfReader:
    return PdfReader(built_site / PATH)


@pytest.fixture(scope="module")
def text(pdf) -> str:
    """All text of the PDF, with line breaks and repeated spaces made single spaces."""
    return " ".join(" ".join(page.extract_text() for page in pdf.pages).split())


def outline_titles(outline) -> list:
    """The bookmarks as (title, children) pairs; pypdf gives children as a list after their parent."""
    result = []
    for item in outline:
        if isinstance(item, list):
            result[-1] = (result[-1][0], outline_titles(item))
        else:
            result.append((item.title, []))
    return result


def test_the_home_page_links_the_pdf_with_its_size(built_site, page):
    link = page("").find("a", href=PATH)
    assert link is not None
    size = round((built_site / PATH).stat().st_size / 1000)
    assert link.get_text() == f"Download het hele programma als PDF ({number(size)} kB)"


def test_the_pdf_opens_and_has_title_author_and_page_numbers(pdf, text):
    assert len(pdf.pages) > 10
    assert pdf.metadata.title == "Uitvoeringsprogramma Economische Koers Drenthe 2024-2025"
    assert pdf.metadata.author == "Provincie Drenthe"
    assert pdf.trailer["/Root"]["/Lang"] == "nl-NL"
    assert f"Pagina {len(pdf.pages)}" in text


def test_every_opgave_has_a_bookmark_with_one_for_each_section(pdf, site):
    bookmarks = dict(outline_titles(pdf.outline))
    for entry in site.opgaven:
        children = bookmarks[f"{entry.label}: {entry.title}"]
        assert [title for title, _ in children] == [section.heading for section in site.sections]
    assert [title for title, _ in bookmarks[site.budget.heading]] == [
        f"{year.caption}, {year.year}" for year in site.budget.years
    ]


def test_the_table_of_contents_lists_every_opgave(pdf, site):
    first_opgave = pdf.get_destination_page_number(pdf.outline[0])
    contents = " ".join(" ".join(page.extract_text() for page in pdf.pages[1:first_opgave]).split())
    assert contents.startswith("Inhoud") or "Inhoud" in contents
    for entry in site.opgaven:
        assert f"{entry.label}: {entry.title}" in contents


def test_the_text_has_every_opgave_and_both_budget_totals(text, site):
    for entry in site.opgaven:
        assert entry.title in text
    assert "13.865.167" in text
    assert "11.298.457" in text
    for year in site.budget.years:
        for line in year.lines:
            assert " ".join(line.name.split()) in text


def test_dutch_characters_are_real_text(text):
    assert "Gerelateerde projecten en programma’s" in text
    assert "€ 13.865.167" in text.replace("\u00a0", " ")


def test_the_budget_is_a_real_table_with_subtotals_and_totals(text, site):
    assert text.count("Totaal Economische Koers") == len(site.budget.years)
    assert text.count("Subtotaal") == sum(len(year.groups) for year in site.budget.years)


def test_the_indexes_list_each_partner(text, site):
    for entry in site.indexes.organisations:
        assert " ".join(entry.label.split()) in text


def test_the_pdf_is_the_same_every_build(site, built_site):
    first = programme_pdf(site)
    assert first == programme_pdf(site) == (built_site / PATH).read_bytes()
    assert PdfReader(io.BytesIO(first)).pages


def test_copied_text_has_no_control_characters(text):
    assert not [char for char in text if ord(char) < 32 or 127 <= ord(char) < 160]


def test_markup_in_the_data_shows_literally_in_the_pdf(tmp_path):
    from macros.view import load_site
    from tests.project import copy_project, read_yaml, write_yaml

    project = copy_project(tmp_path / "project")
    data = read_yaml(project / "data" / "opgaven.yaml")
    data["opgaven"][0]["titel"] = "Wonen & <b>werken</b> <img src=x onerror=y>"
    write_yaml(project / "data" / "opgaven.yaml", data)
    reader = PdfReader(io.BytesIO(programme_pdf(load_site(project / "data"))))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert text.count("Opgave 1: Wonen & <b>werken</b> <img src=x onerror=y>") >= 2  # contents, heading, indexes
    assert "&amp;" not in text and "&lt;" not in text
    assert reader.outline[0].title == "Opgave 1: Wonen & <b>werken</b> <img src=x onerror=y>"
