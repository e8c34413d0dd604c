"""From an organisation, programme, fund or target group to every opgave and budget line
that concerns it in one click, and back: the index pages and the opgave pages link both ways.

Expectations come from the built HTML and the raw YAML, not from the resolved view, so a
mistake in the resolution shows up here. The general rules run on the adopted build and
(marked `content`) on the real one; the named cases run on the adopted build only.
"""

from urllib.parse import urljoin, urlsplit

import pytest

from macros.data.sections import SECTIONS
from tests.builds import Built, built  # noqa: F401 (a fixture)
from tests.text import squash

PARTNERS = "partners/"
PROGRAMMES = "programmas-en-fondsen/"
TARGET_GROUPS = "doelgroepen/"
BUDGET = "begroting/"
ABOUT = "over/"
ANCHOR = {section.key: section.anchor for section in SECTIONS}


def target(page_url: str, href: str) -> str:
    """A link as a site-relative URL with fragment, e.g. 'partners/#nom'."""
    absolute = urlsplit(urljoin(f"http://site/{page_url}", href))
    return absolute.path.lstrip("/") + (f"#{absolute.fragment}" if absolute.fragment else "")


def section_elements(soup, anchor: str):
    heading = soup.find("h2", id=anchor)
    assert heading is not None, f"geen h2 met id '{anchor}'"
    for element in heading.find_next_siblings():
        if element.name == "h2":
            break
        yield element


def links_in_section(soup, page_url: str, anchor: str) -> list[tuple[str, str]]:
    """(link text, target) for every link in an opgave section."""
    return [(squash(a.get_text()), target(page_url, a["href"]))
            for element in section_elements(soup, anchor) for a in element.find_all("a", href=True)]


def index_sections(soup):
    """The entries of an index page: {anchor: section element}."""
    return {section.find(["h2", "h3"])["id"]: section for section in soup.select("article section.ekd-register")}


def links_in(element, page_url: str) -> list[str]:
    return [target(page_url, a["href"]) for a in element.find_all("a", href=True)]


def forward_links(built: Built, sections: tuple[str, ...], index_page: str) -> set[tuple[str, str]]:
    """(opgave section, index entry) for every link from these sections to the index page."""
    found = set()
    for opgave in built.site.opgaven:
        soup = built.page(opgave.path)
        for key in sections:
            for _, link in links_in_section(soup, opgave.path, ANCHOR[key]):
                if link.startswith(index_page + "#"):
                    found.add((f"{opgave.path}#{ANCHOR[key]}", link))
    return found


def back_links(built: Built, index_page: str, sections: tuple[str, ...]) -> set[tuple[str, str]]:
    """(opgave section, index entry) for every link from an index entry to these sections."""
    wanted = {f"{opgave.path}#{ANCHOR[key]}" for opgave in built.site.opgaven for key in sections}
    found = set()
    for anchor, section in index_sections(built.page(index_page)).items():
        for link in links_in(section, index_page):
            if link in wanted:
                found.add((link, f"{index_page}#{anchor}"))
    return found


def written(item) -> str:
    return item if isinstance(item, str) else item["tekst"]


# ------------------------------------------------------------------ both directions


# Every section of an opgave may name any entry: a partner in an activity, a fund in the context.
ALL_SECTIONS = tuple(ANCHOR)


@pytest.mark.parametrize("index_page", [PARTNERS, PROGRAMMES], ids=["partners", "programmas-en-fondsen"])
def test_every_link_from_an_opgave_to_an_index_entry_is_answered_by_a_link_back(built, index_page):
    forward = forward_links(built, ALL_SECTIONS, index_page)
    back = back_links(built, index_page, ALL_SECTIONS)
    assert forward, "geen enkele link van de opgaven naar het overzicht"
    assert forward - back == set(), "het overzicht linkt niet terug"
    assert back - forward == set(), "het overzicht linkt naar een opgave die er niet naar linkt"


def test_every_partner_item_links_to_the_partners_page_and_keeps_its_wording(built):
    raw = {record["id"]: record for record in built.raw("opgaven.yaml")["opgaven"]}
    index = index_sections(built.page(PARTNERS))
    for opgave in built.site.opgaven:
        items = [element for element in section_elements(built.page(opgave.path), "partners")
                 if element.name == "ul"][0].find_all("li")
        assert [squash(li.get_text()) for li in items] == [squash(written(item)) for item in raw[opgave.id]["partners"]]
        for li, item in zip(items, raw[opgave.id]["partners"]):
            links = [link for link in links_in(li, opgave.path) if link.startswith(PARTNERS + "#")]
            assert links, li
            assert all(link.partition("#")[2] in index for link in links), li
            if isinstance(item, dict):  # a block names its organisations by id, in that order
                wanted = [PARTNERS + "#" + organisation for organisation in item["organisaties"]]
                # (other organisations the text names by name are linked as well)
                assert [link for link in links if link in wanted] == wanted


def test_every_context_and_related_item_keeps_its_wording(built):
    raw = {record["id"]: record for record in built.raw("opgaven.yaml")["opgaven"]}
    for opgave in built.site.opgaven:
        soup = built.page(opgave.path)
        for key in ("context", "gerelateerde_projecten_en_programmas"):
            items = [element for element in section_elements(soup, ANCHOR[key]) if element.name == "ul"][0]
            assert [squash(li.get_text()) for li in items.find_all("li")] == [
                squash(written(item)) for item in raw[opgave.id][key]
            ]


# ------------------------------------------------------------------ the cases named in the issue (adopted data)


def partner_links(adopted, page, opgave_id: str, wording: str) -> list[str]:
    opgave = adopted.opgave(opgave_id)
    soup = page(opgave.path)
    items = [li for element in section_elements(soup, "partners") for li in element.find_all("li")]
    item = next(li for li in items if squash(li.get_text()) == wording)
    return links_in(item, opgave.path)


def test_a_line_naming_the_rijk_in_other_words_links_to_the_rijk(adopted, adopted_page):
    assert partner_links(adopted, adopted_page, "transities", "Rijk, met name het Ministerie van EZK") == [
        PARTNERS + "#rijk"
    ]


def test_a_line_naming_three_provinces_links_to_each_province(adopted, adopted_page):
    assert partner_links(adopted, adopted_page, "transities", "Provincies Groningen, Fryslân en Overijssel") == [
        PARTNERS + "#provincie-groningen", PARTNERS + "#provincie-fryslan", PARTNERS + "#provincie-overijssel",
    ]


def test_nom_by_abbreviation_and_by_full_name_is_one_organisation(adopted, adopted_page):
    full = "Noordelijke Investerings- en Ontwikkelingsmaatschappij (NOM)"
    assert partner_links(adopted, adopted_page, "vestigingsklimaat", full) \
        == partner_links(adopted, adopted_page, "ondernemerschap", "NOM") == [PARTNERS + "#nom"]
    links = links_in(index_sections(adopted_page(PARTNERS))["nom"], PARTNERS)
    for opgave_id in ("vestigingsklimaat", "ondernemerschap", "transities", "economische-kracht"):
        assert f"opgaven/{opgave_id}/#partners" in links


@pytest.mark.parametrize("entry", ["nom", "ibdo", "dutch-techzone"])
def test_an_organisation_links_to_the_budget_lines_that_name_it(adopted_page, entry):
    section = index_sections(adopted_page(PARTNERS))[entry]
    budget_links = [a for a in section.find_all("a", href=True) if target(PARTNERS, a["href"]).startswith(BUDGET)]
    assert budget_links, f"{entry}: geen link naar de begroting"
    budget = adopted_page(BUDGET)
    names = {squash(th.get_text()) for th in budget.select("article th[scope=row]")}
    for link in budget_links:
        assert squash(link.get_text()) in names, "de link noemt geen regel van de begroting"
        anchor = target(PARTNERS, link["href"]).partition("#")[2]
        assert budget.find(id=anchor) is not None


def test_the_energie_agenda_links_back_to_all_five_opgaven(adopted_page):
    links = links_in(index_sections(adopted_page(PROGRAMMES))["energie-agenda"], PROGRAMMES)
    assert {link.split("#")[0] for link in links if link.startswith("opgaven/")} == {
        f"opgaven/{slug}/" for slug in ("vestigingsklimaat", "arbeidsmarkt", "ondernemerschap", "transities",
                                        "economische-kracht")
    }


def test_cultuurnota_and_cultuuragenda_are_one_entry(adopted_page):
    section = index_sections(adopted_page(PROGRAMMES))["cultuurnota"]
    assert "Cultuuragenda 2025-2028" in squash(section.get_text())
    links = links_in(section, PROGRAMMES)
    assert "opgaven/vestigingsklimaat/#gerelateerde-projecten-en-programmas" in links
    assert "opgaven/arbeidsmarkt/#gerelateerde-projecten-en-programmas" in links


@pytest.mark.parametrize("fund", ["efro", "jtf", "interreg", "esf-plus", "ngf", "regio-deals"])
def test_each_fund_links_to_the_cofinancing_text_and_back(adopted_page, fund):
    assert f"{ABOUT}#cofinanciering" in links_in(index_sections(adopted_page(PROGRAMMES))[fund], PROGRAMMES)
    cofinancing = [link for _, link in links_in_section(adopted_page(ABOUT), ABOUT, "cofinanciering")]
    assert f"{PROGRAMMES}#{fund}" in cofinancing


def test_the_cofinancing_text_keeps_its_wording(built):
    shown = squash(" ".join(element.get_text() for element in section_elements(built.page(ABOUT), "cofinanciering")))
    for paragraph in built.raw("programma.yaml")["cofinanciering"]["alineas"]:
        assert squash(paragraph) in shown


def test_funds_named_in_context_activities_and_budget_link_there(adopted_page):
    links = links_in(index_sections(adopted_page(PROGRAMMES))["jtf"], PROGRAMMES)
    assert {"opgaven/transities/#context", "opgaven/transities/#activiteiten",
            "opgaven/economische-kracht/#context"} <= set(links)
    assert [link for link in links if link.startswith(BUDGET)], "JTF: geen link naar de begroting"


# ------------------------------------------------------------------ target groups


def test_target_groups_link_both_ways_and_list_every_group(built):
    raw = built.raw("opgaven.yaml")["opgaven"]
    index = index_sections(built.page(TARGET_GROUPS))
    assert list(index) == [record["id"] for record in raw]
    for record in raw:
        opgave = built.site.opgave(record["id"])
        section = index[opgave.id]
        assert links_in(section, TARGET_GROUPS) == [f"opgaven/{record['slug']}/#doelgroep"]
        listed = [squash(li.get_text()) for li in section.select("li")]
        assert listed == [squash(group) for group in record["doelgroep"]]
        forward = [link for _, link in links_in_section(built.page(opgave.path), opgave.path, "doelgroep")]
        assert f"{TARGET_GROUPS}#{opgave.id}" in forward


# ------------------------------------------------------------------ the pages themselves


@pytest.mark.parametrize(("file_name", "key", "index_page"), [
    ("organisaties.yaml", "organisaties", PARTNERS),
    ("programmas.yaml", "programmas", PROGRAMMES),
    ("programmas.yaml", "fondsen", PROGRAMMES),
])
def test_every_register_entry_has_its_id_as_anchor_and_is_named_somewhere(built, file_name, key, index_page):
    index = index_sections(built.page(index_page))
    for record in built.raw(file_name)[key]:
        assert record["id"] in index, f"{index_page}#{record['id']} bestaat niet"
        assert any(not link.startswith("#") for link in links_in(index[record["id"]], index_page))


def test_partners_are_listed_alphabetically(built):
    names = [squash(h2.get_text()) for h2 in built.page(PARTNERS).select("article section.ekd-register h2")]
    assert names == sorted(names, key=str.casefold)
    assert len(names) == len(built.raw("organisaties.yaml")["organisaties"])


@pytest.mark.content
def test_programmes_page_has_its_groups_in_its_table_of_contents(page):
    ids = [h2.get("id") for h2 in page(PROGRAMMES).select("article h2")]
    assert ids == ["provinciaal", "extern", "projecten", "fondsen"]


@pytest.mark.content
def test_the_indexes_are_in_the_navigation(page):
    links = [a.get("href") for a in page("").select("nav.md-nav--primary a.md-nav__link[href]")]
    for url in (PARTNERS, PROGRAMMES, "begrotingsposten/", TARGET_GROUPS, "begrippen/"):
        assert url in links
