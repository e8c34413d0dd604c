"""The whole programme as a PDF, built with the site and linked from the home page.

The general rules run on the adopted build and (marked `content`) on the real one; exact
figures are checked on the adopted build only.
"""

import functools
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.outputs.pdf import PATH, programme_pdf
from macros.render.formatting import number
from tests.builds import built  # noqa: F401 (a fixture)
from tests.project import ADOPTED_DATA, read_yaml


@functools.cache
def read_pdf(path: Path) -> tuple[PdfReader, str]:
    """The PDF and all its text, with line breaks and repeated spaces made single spaces."""
    reader = PdfReader(path)
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@pytest.fixture
def pdf(built) -> PdfReader:
    return read_pdf(built.site_dir / PATH)[0]


@pytest.fixture
def text(built) -> str:
    return read_pdf(built.site_dir / PATH)[1]


@pytest.fixture
def adopted_text(adopted_built_site) -> str:
    return read_pdf(adopted_built_site / PATH)[1]


def outline_titles(outline) -> list:
    """The bookmarks as (title, children) pairs; pypdf gives children as a list after their parent."""
    result = []
    for item in outline:
        if isinstance(item, list):
            result[-1] = (result[-1][0], outline_titles(item))
        else:
            result.append((item.title, []))
    return result


def dutch_number(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def test_the_home_page_links_the_pdf_with_its_size(built):
    link = built.page("").find("a", href=PATH)
    assert link is not None
    size = round((built.site_dir / PATH).stat().st_size / 1000)
    assert link.get_text() == f"Download het hele programma als PDF ({number(size)} kB)"


def test_the_pdf_opens_and_has_title_author_and_page_numbers(pdf, text):
    assert len(pdf.pages) > 10
    assert pdf.metadata.title == "Uitvoeringsprogramma Economische Koers Drenthe 2024-2025"
    assert pdf.metadata.author == "Provincie Drenthe"
    assert pdf.trailer["/Root"]["/Lang"] == "nl-NL"
    assert f"Pagina {len(pdf.pages)}" in text


def test_every_opgave_has_a_bookmark_with_one_for_each_section(pdf, built):
    site = built.site
    bookmarks = dict(outline_titles(pdf.outline))
    for entry in site.opgaven:
        children = bookmarks[f"{entry.label}: {entry.title}"]
        assert [title for title, _ in children] == [section.heading for section in site.sections]
    assert [title for title, _ in bookmarks[site.budget.heading]] == [
        f"{year['bijschrift']}, {year['jaar']}" for year in built.raw("budgetten.yaml")["jaren"]
    ]


def test_the_table_of_contents_lists_every_opgave(pdf, built):
    first_opgave = pdf.get_destination_page_number(pdf.outline[0])
    contents = " ".join(" ".join(page.extract_text() for page in pdf.pages[1:first_opgave]).split())
    assert "Inhoud" in contents
    for number_, record in enumerate(built.raw("opgaven.yaml")["opgaven"], 1):
        assert f"Opgave {number_}: {' '.join(record['titel'].split())}" in contents


def test_the_text_has_every_opgave_every_budget_line_and_each_total(text, built):
    for record in built.raw("opgaven.yaml")["opgaven"]:
        assert " ".join(record["titel"].split()) in text
    for year in built.raw("budgetten.yaml")["jaren"]:
        lines = [line for group in year["groepen"] for line in group["regels"]]
        for line in lines:
            assert " ".join(line["naam"].split()) in text
        total = sum(line["bedrag"] for line in lines if line["bedrag"] != "geen")
        assert f"Totaal Economische Koers € {dutch_number(total)}" in text.replace("\u00a0", " ")


def test_the_adopted_totals_are_in_the_pdf(adopted_text):
    assert "€ 13.865.167" in adopted_text.replace("\u00a0", " ")
    assert "€ 11.298.457" in adopted_text.replace("\u00a0", " ")


def test_dutch_characters_are_real_text(adopted_text):
    assert "Gerelateerde projecten en programma’s" in adopted_text
    assert "Drenthe wordt dé circulaire en groene provincie" in adopted_text
    assert "Werkgelegenheidsenquête" in adopted_text


def test_the_budget_is_a_real_table_with_subtotals_and_totals(text, built):
    years = built.raw("budgetten.yaml")["jaren"]
    assert text.count("Totaal Economische Koers") == len(years)
    assert text.count("Subtotaal") == sum(len(year["groepen"]) for year in years)


def test_the_indexes_list_each_partner(text, built):
    for entry in built.site.indexes.organisations:
        assert " ".join(entry.label.split()) in text
    for record in built.raw("organisaties.yaml")["organisaties"]:
        assert " ".join(record["naam"].split()) in text


def test_the_pdf_is_the_same_every_build(built):
    # The build made one; making it again from the same data gives the same bytes.
    assert programme_pdf(built.site) == (built.site_dir / PATH).read_bytes()


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
    assert text.count("Opgave 1: Wonen & <b>werken</b> <img src=x onerror=y>") >= 2  # contents, heading, indexes
    assert "&amp;" not in text and "&lt;" not in text
    assert reader.outline[0].title == "Opgave 1: Wonen & <b>werken</b> <img src=x onerror=y>"
