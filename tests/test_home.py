"""The home page says in ten seconds what this is: who, what, when and with how much money.

Who (the province), what (the opgaven), the period and the budget of every year, with a
link to the budget; per opgave its budget in the latest year laid out by opgave and its
number of activities. The `content` tests check the real data on what it says itself; the
others check the machinery on the adopted data (bron/vastgesteld/) and small edits of it.
"""

import re
import shutil
from urllib.parse import urljoin

import pytest

from macros.formatting import euro
from macros.render.home import activity_count
from macros.render.parts import PARTS
from macros.render.renderer import Renderer
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, read_yaml, write_yaml
from tests.text import squash, visible_text

content = pytest.mark.content
HOME = "http://site/"  # the home page's address, to resolve its relative links


def target(href: str) -> str:
    """A link on the home page as a site-relative address: 'begroting/#begroting-2024'."""
    return urljoin(HOME, href).removeprefix(HOME)


def plain(text: str) -> str:
    """Collapse white space as a browser does, but keep the non-breaking space in amounts."""
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip()


def heading_text(heading) -> str:
    """A heading's text without its ¶ permalink."""
    return squash("".join(str(node) for node in heading.find_all(string=True)
                          if not node.find_parent(class_="headerlink")))


def budget_shown(amount: int | None) -> str:
    return "geen budget" if amount is None else euro(amount)


def activities_shown(count: int) -> str:
    return f"{count} {'activiteit' if count == 1 else 'activiteiten'}"


# ---------------------------------------------------------------- the real data


@content
def test_the_title_is_the_programme_title(site, page):
    assert heading_text(page("").select_one("h1")) == site.programme.title


@content
def test_the_lead_names_the_province_and_the_period(site, page):
    lead = squash(page("").select_one(".ekd-kort__lead").get_text())
    assert site.programme.province, "data/programma.yaml noemt geen provincie ('provincie:')"
    assert lead.startswith(f"{site.programme.province} werkt in de periode {site.programme.period} aan ")


@content
def test_every_year_shows_its_total_and_links_to_its_table(site, page):
    summary = page("").select_one(".ekd-kort")
    years = {target(a["href"]): plain(a.get_text()) for a in summary.select("a.ekd-kort__jaar")}
    assert list(years) == [year.path for year in site.budget.years]
    for year in site.budget.years:
        assert years[year.path] == f"Budget {year.year} {budget_shown(year.total)}"
    assert site.budget.path in [target(a["href"]) for a in summary.select("a")]


@content
def test_every_opgave_card_shows_its_budget_and_its_activities(site, page):
    year = site.budget.opgave_year
    cards = page("").select(".ekd-kaarten > ul > li")
    assert len(cards) == len(site.opgaven)
    for card, opgave in zip(cards, site.opgaven):
        assert target(card.select_one("h3 a")["href"]) == opgave.path
        facts = [plain(fact.get_text()) for fact in card.select(".ekd-kaart__feit")]
        expected = [activities_shown(activity_count(opgave))]
        if year is not None:
            group = site.budget.group_for(opgave.id)
            expected.insert(0, f"Budget {year.year}: {budget_shown(group.subtotal if group else None)}")
        assert facts == expected, opgave.title


@content
def test_the_opzet_is_followed_by_the_aspects_it_announces(site, page):
    """The programme's opening ends "…de volgende aspecten aan de orde.": the aspects follow."""
    soup = page("")
    introduction = site.programme.introduction
    heading = next((h2 for h2 in soup.select("h2") if heading_text(h2) == introduction.heading), None)
    assert heading is not None, f"geen kop '{introduction.heading}' op de home page"
    paragraphs = heading.find_next("div", class_="ekd-alineas").select("p")
    assert [squash(p.get_text()) for p in paragraphs] == [squash(text) for text in introduction.paragraphs]
    aspects = paragraphs[-1].find_parent("div").find_next_sibling()
    assert aspects.name == "ul"
    assert [squash(li.get_text()) for li in aspects.select("li")] == [section.heading for section in site.sections]


@content
def test_no_paragraph_on_the_home_page_announces_what_does_not_follow(page):
    """A text that ends with "volgende … aan de orde." or ":" needs a list right after it."""
    for paragraph in page("").select("article p"):
        text = squash(visible_text(paragraph))
        if text.endswith(":") or ("volgende" in text and text.endswith("aan de orde.")):
            following = paragraph.find_next_sibling() or paragraph.parent.find_next_sibling()
            assert following is not None and following.name in ("ul", "ol", "dl"), text


# ---------------------------------------------------------------- the machinery (adopted data)


def render(site, name: str):
    from bs4 import BeautifulSoup

    return BeautifulSoup(Renderer(site).part(PARTS[name], ""), "html.parser")


def edited_site(tmp_path, edit_programme=None, edit_budget=None):
    data = tmp_path / "data"
    shutil.copytree(ADOPTED_DATA, data)
    for name, edit in (("programma.yaml", edit_programme), ("budgetten.yaml", edit_budget)):
        if edit is not None:
            content = read_yaml(data / name)
            edit(content)
            write_yaml(data / name, content)
    return load_site(data)


def test_without_a_province_in_the_data_the_lead_says_de_provincie(adopted):
    assert adopted.programme.province is None  # the adopted data did not name it
    lead = squash(render(adopted, "programma_in_het_kort").select_one(".ekd-kort__lead").get_text())
    assert lead.startswith(f"De provincie werkt in de periode {adopted.programme.period} aan vijf economische opgaven.")


def test_the_province_in_the_data_is_named_in_bold(tmp_path):
    site = edited_site(tmp_path, edit_programme=lambda data: data.update(provincie="Provincie Testland"))
    lead = render(site, "programma_in_het_kort").select_one(".ekd-kort__lead")
    assert lead.strong.get_text() == "Provincie Testland"
    assert squash(lead.get_text()).startswith("Provincie Testland werkt in de periode")


def test_an_opgave_without_budget_says_geen_budget_not_zero(tmp_path, adopted):
    """Every line of the first opgave's group without budget ("-"): the card says so, not € 0."""
    def no_budget_for_the_first_opgave(data):
        year = data["jaren"][-1]
        lines = year["groepen"][0]["regels"]
        year["vastgesteld_totaal"] -= sum(line["bedrag"] for line in lines if line["bedrag"] != "geen")
        for line in lines:
            line["bedrag"] = "geen"

    site = edited_site(tmp_path, edit_budget=no_budget_for_the_first_opgave)
    first, second = render(site, "opgave_kaarten").select(".ekd-kaarten > ul > li")[:2]
    year = site.budget.opgave_year.year
    assert plain(first.select_one(".ekd-kaart__feit").get_text()) == f"Budget {year}: geen budget"
    assert plain(second.select_one(".ekd-kaart__feit").get_text()) == \
        f"Budget {year}: {euro(adopted.budget.group_for(adopted.opgaven[1].id).subtotal)}"


def test_activities_are_counted_over_all_groups(adopted):
    grouped = next(opgave for opgave in adopted.opgaven if len(opgave.record.activities) > 1)
    assert activity_count(grouped) == sum(len(group.items) for group in grouped.record.activities)
    assert activity_count(grouped) > len(grouped.record.activities[0].items)
