"""The registry of page parts and the data files each part shows ("Laatst bijgewerkt").

Nobody lists which data files a part shows: the build renders each part with a
RecordingSite, and the parts of the Site it read name the files (SOURCES in
macros/view/site.py). These tests change each data file in a way a reader sees and
check that every part whose output changes says it shows that file.
Machinery tests on the adopted data (bron/vastgesteld/).
"""

import dataclasses
import inspect
import shutil

import pytest

from macros.data.files import DATA_FILES
from macros.engine.part_context import part_context
from macros.render.parts import OPGAVE_PAGE, PARTS
from macros.render.renderer import Renderer
from macros.view.site import SOURCES, RecordingSite, Site, data_files, load_site
from tests.project import ADOPTED_DATA, read_yaml, write_yaml

CONTEXT = part_context(site_url="", programme_pdf=lambda: b"%PDF" * 15_000)


def mark(text: str) -> str:
    return f"{text} (gewijzigd)"


def _first(data, key):
    return data[key][0]


# One change per data file that readers see somewhere (the adopted data is fixed).
EDITS = {
    "opgaven.yaml": lambda data: _first(data, "opgaven").update(titel=mark(_first(data, "opgaven")["titel"])),
    "programma.yaml": lambda data: data["cofinanciering"]["alineas"].__setitem__(
        0, mark(data["cofinanciering"]["alineas"][0])),
    "budgetten.yaml": lambda data: (line := data["jaren"][-1]["groepen"][0]["regels"][0]).update(
        naam=mark(line["naam"])),
    "organisaties.yaml": lambda data: _first(data, "organisaties").update(omschrijving="Een nieuwe omschrijving."),
    "programmas.yaml": lambda data: _first(data, "programmas").update(omschrijving="Een nieuwe omschrijving."),
    "begrippen.yaml": lambda data: _first(data, "begrippen").update(betekenis=mark(_first(data, "begrippen")["betekenis"])),
}


def calls(site):
    for part in [*PARTS.values(), OPGAVE_PAGE]:
        for arguments in part.calls(site):
            page = site.opgave(arguments[0]).path if part is OPGAVE_PAGE else f"{part.name}/"
            yield part, arguments, page


def render(site, part, arguments, page, read=None) -> str:
    shown = site if read is None else RecordingSite(site, read)
    return Renderer(shown).part(part, page, *arguments, context=CONTEXT)


@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> dict[str, Site]:
    """Per data file: the adopted site with that one file changed."""
    sites = {}
    for name, edit in EDITS.items():
        data = tmp_path_factory.mktemp(name.replace(".", "-"))
        shutil.copytree(ADOPTED_DATA, data, dirs_exist_ok=True)
        content = read_yaml(data / name)
        edit(content)
        write_yaml(data / name, content)
        sites[name] = load_site(data)
    return sites


def test_every_data_file_is_edited_here():
    assert set(EDITS) == set(DATA_FILES)


def test_a_part_whose_output_changes_with_a_data_file_shows_that_file(adopted, edited):
    changed_somewhere = set()
    for part, arguments, page in calls(adopted):
        read: set[str] = set()
        before = render(adopted, part, arguments, page, read)
        shown = data_files(read)
        for name, site in edited.items():
            if render(site, part, arguments, page) != before:
                changed_somewhere.add(name)
                assert name in shown, f"{part.name}{arguments} changes with {name} but shows only {sorted(shown)}"
    assert changed_somewhere == set(DATA_FILES), "an edit above changes no part: it tests nothing"


def test_every_part_of_the_site_names_the_files_it_is_made_from():
    public = {name for name, _ in inspect.getmembers(Site) if not name.startswith("_")}
    public |= {field.name for field in dataclasses.fields(Site)}

    assert public == set(SOURCES)
    assert set().union(*SOURCES.values()) == set(DATA_FILES)


def test_a_part_the_site_map_does_not_know_counts_as_every_data_file():
    assert data_files({"something_new"}) == set(DATA_FILES)


def test_every_part_has_its_template_and_a_unique_name():
    from macros.render.renderer import TEMPLATES

    for part in [*PARTS.values(), OPGAVE_PAGE]:
        assert (TEMPLATES / part.template).is_file(), part.template
    assert OPGAVE_PAGE.name not in PARTS
