"""Teasers and previews end where a sentence ends: an abbreviation with a full stop ("o.a.",
"bijv.", every abbreviation of data/begrippen.yaml) does not end a sentence, so a first sentence
with "o.a." shows whole on the home page's cards and in an opgave's link preview."""

import shutil

import pytest
from bs4 import BeautifulSoup

from macros.render.parts import PARTS
from macros.render.renderer import Renderer
from macros.render.share import opgave_description
from macros.view.sentences import first_sentence, sentences
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, read_yaml, write_yaml
from tests.text import squash


@pytest.mark.parametrize("text, first", [
    ("Drenthe werkt o.a. met ondernemers. Zo groeit de economie.", "Drenthe werkt o.a. met ondernemers."),
    ("Wij steunen o.a. Drentse bedrijven. Zo groeit de economie.", "Wij steunen o.a. Drentse bedrijven."),
    ("Denk aan bijv. MKB-bedrijven, scholen e.d. Ook gemeenten doen mee.",
     "Denk aan bijv. MKB-bedrijven, scholen e.d. Ook gemeenten doen mee."),
    ("Dat zijn m.n. kleine bedrijven. Ze krijgen hulp.", "Dat zijn m.n. kleine bedrijven."),
    ("Met J. de Vries van de NOM. Daarna de rest.", "Met J. de Vries van de NOM."),
    ("Wat doen we? We werken samen.", "Wat doen we?"),
    ("Het budget is 1.050.000 euro. Dat is veel.", "Het budget is 1.050.000 euro."),
    ("Eén zin zonder punt", "Eén zin zonder punt"),
    ("De regio (o.a. Emmen). Daarna meer.", "De regio (o.a. Emmen)."),
])
def test_the_first_sentence_ends_at_a_real_sentence_end(text, first):
    assert first_sentence(text) == first


def test_abbreviations_of_the_glossary_do_not_end_a_sentence():
    text = "We werken met de z.g.a. Groeiversneller. Die helpt bedrijven."
    assert sentences(text) == ["We werken met de z.g.a.", "Groeiversneller.", "Die helpt bedrijven."]
    assert sentences(text, {"z.g.a.", "NOM"}) == ["We werken met de z.g.a. Groeiversneller.", "Die helpt bedrijven."]


FIRST = "Drenthe werkt o.a. met ondernemers en onderwijs aan een sterke economie."


@pytest.fixture(scope="module")
def with_abbreviation(tmp_path_factory):
    """The adopted data, with a first sentence and a first activity that hold "o.a."."""
    data = tmp_path_factory.mktemp("o-a") / "data"
    shutil.copytree(ADOPTED_DATA, data)
    opgaven = read_yaml(data / "opgaven.yaml")
    opgave = opgaven["opgaven"][0]
    opgave["nut_en_noodzaak"][0] = f"{FIRST} Dat is nodig. " + opgave["nut_en_noodzaak"][0]
    # Items are plain text or records with a 'tekst' (and a status); plain text is enough here.
    opgave["activiteiten"][0]["items"][:1] = ["Ondersteunen van o.a. starters. Met een fonds.",
                                              "Ondersteunen van o.a. Drentse starters."]
    write_yaml(data / "opgaven.yaml", opgaven)
    return load_site(data)


def test_a_first_sentence_with_o_a_shows_whole_on_the_home_card(with_abbreviation):
    html = Renderer(with_abbreviation).part(PARTS["opgave_kaarten"], "")
    teaser = BeautifulSoup(html, "html.parser").select_one(".ekd-kaart__tekst")
    assert squash(teaser.get_text()) == FIRST
    assert teaser.find("abbr", string="o.a.") is not None  # still explained


def test_the_preview_names_only_an_example_that_is_one_whole_sentence(with_abbreviation):
    entry = with_abbreviation.opgaven[0]
    description = opgave_description(with_abbreviation, entry)
    # The first activity has two sentences: it is skipped; the second holds "o.a." and is one.
    assert ", zoals ondersteunen van o.a. Drentse starters. Budget" in description, description
    assert "Met een fonds" not in description
