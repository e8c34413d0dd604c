"""The indexes answer "where does X appear?": an organisation, programme, project or fund is
found wherever an opgave's text names it, not only where an editor linked it, and every
line of the budget is on an index page with the opgave (or, in an older layout, the group)
it belongs to.

Expectations come from the raw YAML and the built HTML: which names occur in which texts is
worked out here on its own, with the rule the data files state (whole words, any case, a
name inside a longer name of something else does not count on its own). The general rules
run on the adopted build and (marked `content`) on the real one; the named cases and the
machinery with small changes run on the adopted data.
"""

import re

import pytest

import tests.test_indexes as where
from macros.data.sections import SECTIONS
from macros.formatting import euro
from tests.builds import Built, built  # noqa: F401 (a fixture)
from tests.conftest import page_parser
from tests.project import ADOPTED_DATA, build, copy_project, read_yaml, write_yaml
from tests.text import squash, visible_text

PARTNERS, PROGRAMMES, BUDGET = where.PARTNERS, where.PROGRAMMES, where.BUDGET
BUDGET_LINES = "begrotingsposten/"
ANCHOR = {section.key: section.anchor for section in SECTIONS}


# ------------------------------------------------------------------ the rule, from the raw YAML


def register(built: Built) -> list[tuple[str, str, list[str]]]:
    """(index page, id, names) for every entry, organisations first."""
    entries = []
    for file_name, key, page in (("organisaties.yaml", "organisaties", PARTNERS),
                                 ("programmas.yaml", "programmas", PROGRAMMES),
                                 ("programmas.yaml", "fondsen", PROGRAMMES)):
        for record in built.raw(file_name)[key]:
            names = [record["naam"], *record.get("ook_genoemd_als", [])]
            if record.get("afkorting"):
                names += [record["afkorting"], f"{record['naam']} ({record['afkorting']})"]
            entries.append((page, record["id"], names))
    return entries


def finder(entries):
    """Leftmost, longest: the names found as a reader reads them."""
    by_name = {}
    for page, entry_id, names in entries:
        for name in names:
            by_name.setdefault(name.casefold(), (page, entry_id))
    alternatives = "|".join(re.escape(name) for name in sorted(by_name, key=len, reverse=True))
    pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)
    return lambda text: [by_name[match.group().casefold()] for match in pattern.finditer(text)]


def written(item) -> str:
    return item if isinstance(item, str) else item["tekst"]


def opgave_texts(record):
    """(section key, text) for every text of an opgave a reader sees."""
    for key in ANCHOR:
        for value in record[key]:
            if key == "activiteiten":
                if value.get("kop"):
                    yield key, value["kop"]
                for item in value["items"]:
                    yield key, written(item)
            else:
                yield key, written(value)


def named_places(built: Built) -> set[tuple[str, str]]:
    """(index entry, opgave section) for every name of an entry in an opgave's text."""
    find = finder(register(built))
    found = set()
    for record in built.raw("opgaven.yaml")["opgaven"]:
        for key, text in opgave_texts(record):
            for page, entry_id in find(text):
                found.add((f"{page}#{entry_id}", f"opgaven/{record['slug']}/#{ANCHOR[key]}"))
    return found


def links_of_entries(built: Built) -> set[tuple[str, str]]:
    links = set()
    for page in (PARTNERS, PROGRAMMES):
        for anchor, section in where.index_sections(built.page(page)).items():
            links |= {(f"{page}#{anchor}", link) for link in where.links_in(section, page)}
    return links


def budget_groups(built: Built):
    """(year, group record, line record) for every line of every year."""
    for year in built.raw("budgetten.yaml")["jaren"]:
        for group in year["groepen"]:
            for line in group["regels"]:
                yield year["jaar"], group, line


def assert_says_where(built: Built, item, page: str, year: int, group) -> None:
    """A list item about a budget line names its opgave (a link) or its group's title."""
    text = squash(visible_text(item))
    if "opgave" in group:
        slug = next(record["slug"] for record in built.raw("opgaven.yaml")["opgaven"]
                    if record["id"] == group["opgave"])
        links = where.links_in(item, page)
        assert any(link.startswith(f"opgaven/{slug}/") for link in links), f"{text}: de opgave ontbreekt"
    else:
        assert f"‘{squash(group['titel'])}’" in text, f"{text}: de groep uit {year} ontbreekt"


# ------------------------------------------------------------------ every name, every budget line


def test_every_name_in_an_opgave_text_links_back_from_its_index_entry(built):
    missing = named_places(built) - links_of_entries(built)
    assert not missing, f"genoemd, maar het overzicht linkt niet naar die plek: {sorted(missing)}"


def test_index_entries_link_only_to_places_that_name_them(built):
    """The other way round: an entry links to an opgave section only where its text names it,
    or where an item refers to it by id."""
    named = named_places(built)
    by_id = set()
    for record in built.raw("opgaven.yaml")["opgaven"]:
        for key in ("context", "gerelateerde_projecten_en_programmas", "partners"):
            for item in record[key]:
                if isinstance(item, dict):
                    for register_key, page in (("organisaties", PARTNERS), ("programmas", PROGRAMMES),
                                               ("fondsen", PROGRAMMES)):
                        for entry_id in item.get(register_key) or []:
                            by_id.add((f"{page}#{entry_id}", f"opgaven/{record['slug']}/#{ANCHOR[key]}"))
    # (a budget line's link to its opgave goes to the opgave's budget, not to a text)
    to_opgaven = {(entry, link) for entry, link in links_of_entries(built)
                  if link.startswith("opgaven/") and not link.endswith("#budget")}
    assert to_opgaven - named - by_id == set()


def test_every_budget_line_of_every_year_is_on_an_index_page_with_its_opgave_or_group(built):
    index = where.index_sections(built.page(BUDGET_LINES))
    for year, group, line in budget_groups(built):
        assert line["id"] in index, f"{BUDGET_LINES}#{line['id']} bestaat niet"
        section = index[line["id"]]
        items = [li for li in section.find_all("li")
                 if any(squash(a.get_text()) == f"Begroting {year}" for a in li.find_all("a", href=True))]
        assert len(items) == 1, f"{line['id']}: geen (of meer dan één) regel voor {year}"
        link = next(a for a in items[0].find_all("a", href=True) if squash(a.get_text()) == f"Begroting {year}")
        assert where.target(BUDGET_LINES, link["href"]).startswith(BUDGET)
        text = squash(visible_text(items[0]))
        amount = "geen budget" if line["bedrag"] == "geen" else squash(euro(line["bedrag"]))
        assert amount in text, f"{text}: het bedrag ontbreekt"
        assert_says_where(built, items[0], BUDGET_LINES, year, group)
        named = squash(visible_text(section)).casefold()
        assert squash(line["naam"]).casefold() in named, f"{line['id']}: de naam uit {year} ontbreekt"


def test_every_budget_line_on_an_index_entry_says_its_opgave_or_group(built):
    lines = {(year, squash(line["naam"])): group for year, group, line in budget_groups(built)}
    seen = 0
    for page in (PARTNERS, PROGRAMMES):
        for section in where.index_sections(built.page(page)).values():
            for li in section.find_all("li"):
                first = li.find("a", href=True)
                if first is None or not where.target(page, first["href"]).startswith(BUDGET):
                    continue
                year = int(re.search(r"\bin (\d{4}),", squash(visible_text(li))).group(1))
                group = lines[year, squash(first.get_text())]
                assert_says_where(built, li, page, year, group)
                seen += 1
    assert seen, "geen enkele budgetpost bij een partner, programma of fonds"


# ------------------------------------------------------------------ the cases named in the issue (adopted data)


def entry_links(adopted_page, page: str, entry_id: str) -> list[str]:
    return where.links_in(where.index_sections(adopted_page(page))[entry_id], page)


def test_ibdo_named_in_an_activity_of_opgave_3_links_there_and_back(adopted, adopted_page):
    opgave = adopted.opgave("ondernemerschap")
    assert f"{opgave.path}#activiteiten" in entry_links(adopted_page, PARTNERS, "ibdo")
    forward = [link for _, link in where.links_in_section(adopted_page(opgave.path), opgave.path, "activiteiten")]
    assert f"{PARTNERS}#ibdo" in forward


def test_ibdo_budget_lines_say_their_opgave_and_their_2024_group(adopted_page):
    section = where.index_sections(adopted_page(PARTNERS))["ibdo"]
    items = {int(re.search(r"\bin (\d{4}),", squash(visible_text(li))).group(1)): li for li in section.find_all("li")
             if where.target(PARTNERS, li.find("a", href=True)["href"]).startswith(BUDGET)}
    assert "opgaven/ondernemerschap/#budget" in where.links_in(items[2025], PARTNERS)
    assert "in de groep ‘Een goed vestigings- en ondernemersklimaat’" in squash(visible_text(items[2024]))


def test_a_name_in_lower_case_counts(adopted_page):
    # "afspraken gemaakt met gemeenten en regio’s" (opgave 1, activities)
    assert "opgaven/vestigingsklimaat/#activiteiten" in entry_links(adopted_page, PARTNERS, "gemeenten")


def test_a_name_inside_a_longer_name_does_not_count(adopted_page):
    # Opgave 1 names "Regio Groningen-Assen" and "Groningen Airport Eelde", not the province.
    links = entry_links(adopted_page, PARTNERS, "provincie-groningen")
    assert not [link for link in links if link.startswith("opgaven/vestigingsklimaat/")]


def test_greenwise_campus_is_on_the_budget_lines_page_with_both_years(adopted_page):
    section = where.index_sections(adopted_page(BUDGET_LINES))["greenwise-campus"]
    text = squash(visible_text(section))
    assert "Begroting 2024: € 3.000.000, in de groep ‘Zorgdragen voor een veerkrachtige" in text
    assert "Begroting 2025: € 3.000.000, voor Opgave 5: Ontwikkelen van de economische kracht van Drenthe" in text


# ------------------------------------------------------------------ the machinery, on the adopted data changed a little


@pytest.fixture(scope="module")
def changed(tmp_path_factory, warm_cache):
    """The adopted data with the UWV named in an activity of opgave 4 (it is a partner of
    opgave 2 only), and a new project named only in a result of opgave 4, with a budget
    line in 2025 (opgave 4) and in 2024 (a group with a title)."""
    project = copy_project(tmp_path_factory.mktemp("project"), data=ADOPTED_DATA, cache=warm_cache)
    data = project / "data"

    def change(file_name, edit):
        content = read_yaml(data / file_name)
        edit(content)
        write_yaml(data / file_name, content)

    def opgaven(content):
        transities = next(record for record in content["opgaven"] if record["id"] == "transities")
        transities["activiteiten"][0]["items"].append("Overleg met het UWV over scholing")
        transities["resultaten"].append("Een Proefcampus Zuidwest voor innovatieve bedrijven")

    def budget(content):
        for year in content["jaren"]:
            group = year["groepen"][0] if year["jaar"] == 2024 else next(
                group for group in year["groepen"] if group.get("opgave") == "transities")
            group["regels"].append({"id": "proefcampus", "naam": "Proefcampus Zuidwest", "bedrag": 1000})
            year["vastgesteld_totaal"] += 1000

    change("opgaven.yaml", opgaven)
    change("budgetten.yaml", budget)
    change("programmas.yaml", lambda content: content["programmas"].append(
        {"id": "proefcampus-zuidwest", "naam": "Proefcampus Zuidwest", "soort": "project"}))
    site_dir = tmp_path_factory.mktemp("site")
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


@pytest.fixture(scope="module")
def changed_page(changed):
    return page_parser(changed)


def test_a_partner_named_only_in_an_activity_gets_that_opgave(changed_page):
    section = where.index_sections(changed_page(PARTNERS))["uwv"]
    assert "opgaven/transities/#activiteiten" in where.links_in(section, PARTNERS)
    assert "Daar staat: ‘Overleg met het UWV over scholing’" in squash(visible_text(section))
    # and it is still a partner of opgave 2, under its own heading
    assert squash(section.find(class_="ekd-register__kop").get_text()) == "Partner bij"
    forward = [link for _, link in where.links_in_section(
        changed_page("opgaven/transities/"), "opgaven/transities/", "activiteiten")]
    assert f"{PARTNERS}#uwv" in forward


def test_a_new_project_is_listed_with_its_result_and_its_budget_lines(changed_page):
    page = changed_page(PROGRAMMES)
    section = where.index_sections(page)["proefcampus-zuidwest"]
    projects = page.find(id="projecten")
    assert section in projects.find_all_next("section"), "niet onder ‘Projecten en samenwerkingsverbanden’"
    links = where.links_in(section, PROGRAMMES)
    assert "opgaven/transities/#resultaten" in links
    budget_items = [li for li in section.find_all("li")
                    if where.target(PROGRAMMES, li.find("a", href=True)["href"]).startswith(BUDGET)]
    texts = [squash(visible_text(li)) for li in budget_items]
    assert len(texts) == 2, texts
    assert any("in 2025, voor Opgave 4: " in text for text in texts), texts
    assert any("in 2024, in de groep ‘Innovatie en digitalisering als kans’" in text for text in texts), texts


def test_a_new_budget_line_is_on_the_budget_lines_page(changed_page):
    section = where.index_sections(changed_page(BUDGET_LINES))["proefcampus"]
    text = squash(visible_text(section))
    assert "Begroting 2024: € 1.000, in de groep ‘Innovatie en digitalisering als kans’" in text
    assert "Begroting 2025: € 1.000, voor Opgave 4: " in text
    links = where.links_in(section, BUDGET_LINES)
    assert "opgaven/transities/#budget" in links
    assert f"{PROGRAMMES}#proefcampus-zuidwest" in links
