"""Content states staff can reach, generated with Hypothesis from the adopted data.

`content_states()` draws a few edits a staff member could make by following CONTRIBUTING.md
and applies them to a copy of the data as adopted (bron/vastgesteld/): progress on every
activity and result, texts near their stated limits, a new opgave with its budget, a new
budget group, optional fields left out, `geen` amounts, many partners, abbreviations in
every kind of text, unicode, register entries added and removed. Each edit also notes
where `make diff` must name it (opgave and section), for the round-trip property in
tests/test_generated_states.py.

Edits keep the data valid the way a careful editor does (a year's total follows its lines,
a removed organisation is taken out of the partners that named it); whether the result is
accepted is still up to `make check`.
"""

from __future__ import annotations

import copy
import datetime
import functools
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from macros.data.models.common import ITEM_MAX_LENGTH, TEXT_MAX_LENGTH, TITLE_MAX_LENGTH
from macros.data.models.progress import NOTE_MAX_LENGTH, STATUSES
from macros.data.sections import SECTIONS
from tests.project import ADOPTED_DATA, read_yaml, write_yaml

FILES = ("opgaven.yaml", "budgetten.yaml", "organisaties.yaml", "programmas.yaml", "begrippen.yaml", "programma.yaml")

# Words staff write: plain Dutch, accents and typographic quotes, long compounds (a phone
# must wrap or fit them), and the euro sign. No capitals: those are for abbreviations.
WORDS = (
    "de het een en van voor met in op aan door bedrijven ondernemers regio provincie samenwerking "
    "innovatie onderzoek arbeidsmarkt onderwijs energie netwerk programma’s gemeenten jongeren "
    "café coöperatie één ideeën privé geïnvesteerd €"
).split()
LONG_WORDS = ("arbeidsmarktinformatievoorziening", "bedrijventerreinenherstructurering")
HEADING = {section.field: section.heading for section in SECTIONS}


@dataclass(frozen=True)
class Named:
    """What `make diff` must show: `text` under opgave number `opgave` (its title as the
    data ends up), in `section` (a section heading; None: anywhere in the summary)."""

    opgave: int
    section: str | None
    text: str


class State:
    def __init__(self, data: dict[str, object]):
        self.data = data  # file name -> raw YAML data
        self.edits: list[str] = []  # what was done, for the failure report
        self.named: list[Named] = []

    def __repr__(self) -> str:  # the data is long; the edits say what was drawn
        return f"State({self.edits})"

    def _repr_pretty_(self, printer, cycle) -> None:  # how Hypothesis prints an example
        printer.text(repr(self))

    def write(self, folder: Path) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        for name, content in self.data.items():
            write_yaml(folder / name, content)
        return folder

    @property
    def opgaven(self) -> list[dict]:
        return self.data["opgaven.yaml"]["opgaven"]

    @property
    def years(self) -> list[dict]:
        return self.data["budgetten.yaml"]["jaren"]

    @property
    def spellings(self) -> list[str]:
        return [spelling for term in self.data["begrippen.yaml"]["begrippen"]
                for spelling in [term["afkorting"], *term.get("ook_geschreven_als", [])]]


@functools.cache
def _adopted() -> dict[str, object]:
    return {name: read_yaml(ADOPTED_DATA / name) for name in FILES}


# ---------------------------------------------------------------- texts


@st.composite
def texts(draw, state: State, low: int, high: int, abbreviations: bool = True) -> str:
    """A text of `low` to `high` characters, cut at a word; now and then an abbreviation."""
    target = draw(st.integers(low, high))
    choices = [st.sampled_from(WORDS)] * 15 + [st.sampled_from(LONG_WORDS)]
    if abbreviations:
        choices.append(st.sampled_from(state.spellings))
    words: list[str] = []
    while len(" ".join(words)) < target:
        words.append(draw(st.one_of(*choices)))
    text = " ".join(words)
    while len(text) > high and " " in text:
        text = text.rsplit(" ", 1)[0]
    text = text[:high]
    return text[0].upper() + text[1:]


def near(limit: int) -> tuple[int, int]:
    return max(1, limit - 15), limit


def item_text(item) -> str:
    return item["tekst"] if isinstance(item, dict) else item


def items_of(opgave: dict):
    """(section field, list, position) of every activity and result."""
    for group in opgave["activiteiten"]:
        for position in range(len(group["items"])):
            yield "activities", group["items"], position
    for position in range(len(opgave["resultaten"])):
        yield "results", opgave["resultaten"], position


# ---------------------------------------------------------------- edits


def progress_everywhere(draw, state: State) -> None:
    for opgave in state.opgaven:
        for section, items, position in items_of(opgave):
            block = {"tekst": item_text(items[position]), "status": draw(st.sampled_from(STATUSES)),
                     "datum": draw(st.dates(datetime.date(2024, 1, 1), datetime.date(2026, 6, 30)))}
            if draw(st.booleans()):
                block["toelichting"] = draw(texts(state, *near(NOTE_MAX_LENGTH)))
            items[position] = block
    state.edits.append("voortgang bij elke activiteit en elk resultaat")


def long_texts(draw, state: State) -> None:
    position = draw(st.integers(0, len(state.opgaven) - 1))
    opgave = state.opgaven[position]
    opgave["titel"] = draw(texts(state, *near(TITLE_MAX_LENGTH)))
    activity = draw(texts(state, *near(ITEM_MAX_LENGTH)))
    opgave["activiteiten"][0]["items"].append(activity)
    opgave["nut_en_noodzaak"].append(draw(texts(state, *near(TEXT_MAX_LENGTH))))
    result = draw(texts(state, *near(ITEM_MAX_LENGTH)))
    opgave["resultaten"].append({"tekst": result, "status": "lopend", "datum": datetime.date(2025, 6, 1),
                                 "toelichting": draw(texts(state, *near(NOTE_MAX_LENGTH)))})
    state.edits.append(f"teksten op hun grens in opgave {position + 1}")
    state.named += [Named(position, HEADING["activities"], activity), Named(position, HEADING["results"], result)]


def new_opgave(draw, state: State) -> None:
    number = len(state.opgaven) + 1
    organisations = state.data["organisaties.yaml"]["organisaties"]
    programmes = state.data["programmas.yaml"]["programmas"]
    title = draw(texts(state, 10, TITLE_MAX_LENGTH))
    slug = f"nieuwe-opgave-{number}"
    groups = draw(st.integers(1, 3))
    record = {
        "id": slug, "slug": slug, "titel": title,
        "nut_en_noodzaak": draw(st.lists(texts(state, 20, 800), min_size=1, max_size=3)),
        "context": [draw(st.sampled_from(programmes))["naam"],
                    {"tekst": draw(texts(state, 5, 200)), "programmas": [draw(st.sampled_from(programmes))["id"]]}],
        "gerelateerde_projecten_en_programmas": [draw(st.sampled_from(programmes))["naam"]],
        "activiteiten": [
            {**({"kop": draw(texts(state, 3, 100))} if groups > 1 else {}),
             "items": draw(st.lists(texts(state, 3, 300), min_size=1, max_size=4))}
            for _ in range(groups)
        ],
        "resultaten": draw(st.lists(texts(state, 3, 300), min_size=1, max_size=3)),
        "partners": list(dict.fromkeys(entry["naam"] for entry in draw(
            st.lists(st.sampled_from(organisations), min_size=1, max_size=6)))),
        "doelgroep": draw(st.lists(texts(state, 3, 150), min_size=1, max_size=3)),
    }
    state.opgaven.append(record)
    for year in state.years:
        if any("opgave" in group for group in year["groepen"]):
            year["groepen"].append({"opgave": slug, "regels": draw(budget_lines(state, f"opgave-{number}"))})
    state.edits.append(f"nieuwe opgave {number}")
    state.named.append(Named(number - 1, None, title))


@st.composite
def amounts(draw):
    return draw(st.one_of(st.just("geen"), st.integers(0, 5_000_000)))


@st.composite
def budget_lines(draw, state: State, prefix: str) -> list[dict]:
    count = draw(st.integers(1, 4))
    return [{"id": f"{prefix}-regel-{n}", "naam": draw(texts(state, 3, TITLE_MAX_LENGTH)), "bedrag": draw(amounts())}
            for n in range(1, count + 1)]


def new_budget_group(draw, state: State) -> None:
    titled = [year for year in state.years if all("titel" in group for group in year["groepen"])]
    if not titled:
        return
    year = draw(st.sampled_from(titled))
    number = len(year["groepen"]) + 1
    year["groepen"].append({"titel": draw(texts(state, 3, TITLE_MAX_LENGTH)),
                            "regels": draw(budget_lines(state, f"groep-{number}"))})
    state.edits.append(f"nieuwe begrotingsgroep in {year['jaar']}")


def optional_fields_absent(draw, state: State) -> None:
    for year in state.years:
        if draw(st.booleans()):
            year.pop("vastgesteld_totaal", None)
    state.data["programma.yaml"].pop("provincie", None)
    for term in state.data["begrippen.yaml"]["begrippen"]:
        if draw(st.booleans()):
            term.pop("uitleg", None)
    state.edits.append("optionele velden weggelaten")


def geen_amounts(draw, state: State) -> None:
    lines = [line for year in state.years for group in year["groepen"] for line in group["regels"]]
    for line in draw(st.lists(st.sampled_from(lines), min_size=1, max_size=len(lines), unique_by=id)):
        line["bedrag"] = "geen"
    state.edits.append("bedragen 'geen'")


def many_partners(draw, state: State) -> None:
    position = draw(st.integers(0, len(state.opgaven) - 1))
    opgave = state.opgaven[position]
    names = [entry["naam"] for entry in state.data["organisaties.yaml"]["organisaties"]]
    named = {item_text(item) for item in opgave["partners"]}
    added = [name for name in names if name not in named]
    opgave["partners"] += added
    state.edits.append(f"alle organisaties als partner van opgave {position + 1}")
    state.named += [Named(position, HEADING["partners"], name) for name in added[:3]]


def abbreviations_everywhere(draw, state: State) -> None:
    spelling = draw(st.sampled_from(state.spellings))

    def add(text: str, limit: int) -> str:
        return text if len(text) + len(spelling) + 5 > limit else f"{text} met {spelling}"

    for opgave in state.opgaven:
        opgave["titel"] = add(opgave["titel"], TITLE_MAX_LENGTH)
        opgave["nut_en_noodzaak"][0] = add(opgave["nut_en_noodzaak"][0], TEXT_MAX_LENGTH)
        opgave["doelgroep"][0] = add(opgave["doelgroep"][0], ITEM_MAX_LENGTH)
        for group in opgave["activiteiten"]:
            if "kop" in group:
                group["kop"] = add(group["kop"], TITLE_MAX_LENGTH)
        for _, items, position in items_of(opgave):
            item = items[position]
            if isinstance(item, dict):
                item["tekst"] = add(item["tekst"], ITEM_MAX_LENGTH)
                if "toelichting" in item:
                    item["toelichting"] = add(item["toelichting"], NOTE_MAX_LENGTH)
            else:
                items[position] = add(item, ITEM_MAX_LENGTH)
    for year in state.years:
        for group in year["groepen"]:
            if "titel" in group:
                group["titel"] = add(group["titel"], TITLE_MAX_LENGTH)
            for line in group["regels"]:
                line["naam"] = add(line["naam"], TITLE_MAX_LENGTH)
    programme = state.data["programma.yaml"]
    for passage in ("opzet", "cofinanciering", "tot_slot"):
        programme[passage]["alineas"][0] = add(programme[passage]["alineas"][0], TEXT_MAX_LENGTH)
    state.edits.append(f"de afkorting {spelling} in elke soort tekst")


def register_entry_added(draw, state: State) -> None:
    known = set(state.spellings)
    abbreviation = draw(st.text("BCDFGHJKLMNPQRSTVWXZ", min_size=3, max_size=5).filter(lambda a: a not in known))
    name = draw(texts(state, 5, 80, abbreviations=False))
    number = len(state.data["organisaties.yaml"]["organisaties"]) + 1
    state.data["organisaties.yaml"]["organisaties"].append(
        {"id": f"nieuwe-organisatie-{number}", "naam": name, "afkorting": abbreviation})
    state.data["begrippen.yaml"]["begrippen"].append(
        {"afkorting": abbreviation, "betekenis": name, "herkomst": "toelichting"})
    position = draw(st.integers(0, len(state.opgaven) - 1))
    opgave = state.opgaven[position]
    opgave["partners"].append(name)
    state.edits.append(f"organisatie {abbreviation} toegevoegd, partner van opgave {position + 1}")
    state.named.append(Named(position, HEADING["partners"], name))


def register_entry_removed(draw, state: State) -> None:
    organisations = state.data["organisaties.yaml"]["organisaties"]
    gone = draw(st.sampled_from(organisations))
    names = {gone["naam"], *gone.get("ook_genoemd_als", []), gone.get("afkorting")}
    organisations.remove(gone)
    for position, opgave in enumerate(state.opgaven):
        kept = []
        for item in opgave["partners"]:
            if isinstance(item, dict) and gone["id"] in item.get("organisaties", []):
                item["organisaties"] = [other for other in item["organisaties"] if other != gone["id"]]
                if not item["organisaties"]:
                    continue
            elif isinstance(item, str) and item in names:
                continue
            kept.append(item)
        if len(kept) != len(opgave["partners"]):
            state.named.append(Named(position, HEADING["partners"], item_text(
                next(item for item in opgave["partners"] if item not in kept))))
        opgave["partners"] = kept or [organisations[0]["naam"]]
    state.edits.append(f"organisatie '{gone['id']}' uit het register gehaald")


EDITS = (progress_everywhere, long_texts, new_opgave, new_budget_group, optional_fields_absent, geen_amounts,
         many_partners, abbreviations_everywhere, register_entry_added, register_entry_removed)


def totals_follow_the_lines(state: State) -> None:
    """What an editor does after changing amounts: the year's stated total is the new sum."""
    for year in state.years:
        if "vastgesteld_totaal" in year:
            year["vastgesteld_totaal"] = sum(line["bedrag"] for group in year["groepen"] for line in group["regels"]
                                             if line["bedrag"] != "geen")


@st.composite
def content_states(draw, edits=EDITS) -> State:
    state = State(copy.deepcopy(_adopted()))
    for edit in draw(st.lists(st.sampled_from(edits), min_size=1, max_size=4, unique=True)):
        edit(draw, state)
    totals_follow_the_lines(state)
    return state
