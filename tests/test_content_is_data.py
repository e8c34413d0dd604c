"""Text in data/ is shown as text: HTML in it never runs, Jinja in it is never evaluated.

One build of a copy of the project (with the adopted data) in which every kind of text field carries the same
attack: a script, an image with onerror, javascript: links (as HTML and as Markdown),
and Jinja that would print the site configuration or evaluate a condition. The built
site must show each of those texts literally and contain none of it as markup.
"""

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.project import ADOPTED_DATA, build, check, copy_project, read_yaml, write_yaml


def attack(tag: str) -> str:
    """The hostile text put into the field called `tag` (no quotes: Markdown may curl those).
    Tags are in small letters: capitals would be an abbreviation the check wants explained.
    A title or name (at most 120 characters: macros/data/models/common.py) gets the short form."""
    if tag in SHORT:
        return f"{tag} <script>alert(1)</script> <img src=x onerror=alert(2)> {{{{ config.site_name }}}}"
    return (f"{tag} <script>alert(1)</script> <img src=x onerror=alert(2)> "
            f"<a href=javascript:alert(3)>klik</a> [klik](javascript:alert(4)) "
            f"{{{{ config.site_name }}}} {{% if true %}}geevalueerd{{% endif %}} {{# weg #}}")


# Short enough to be the example activity in the page description.
SHORT_ATTACK = "kort <script>alert(5)</script> {{ 7*7 }} <b>vet</b>"

# What the Jinja in `attack` would leave behind if it were evaluated.
JINJA = "{{ config.site_name }} {% if true %}geevalueerd{% endif %} {# weg #}"
EVALUATED_CONFIG = "alert(4)) Economische Koers Drenthe"

INJECTED: list[str] = []
SHORT: set[str] = set()


def put(tag: str, short: bool = False) -> str:
    INJECTED.append(tag)
    if short:
        SHORT.add(tag)
    return attack(tag)


def inject_opgaven(data: Path) -> None:
    path = data / "opgaven.yaml"
    content = read_yaml(path)
    opgave = content["opgaven"][0]
    opgave["titel"] = put("opgave-titel", short=True)
    # First in the first paragraph: it becomes the summary on the cards and the page description.
    opgave["nut_en_noodzaak"][0] = put("nut-en-noodzaak") + " " + opgave["nut_en_noodzaak"][0]
    # New items next to the real ones, so every registry entry is still referred to.
    opgave["context"].append({"tekst": put("context"), "programmas": []})
    opgave["gerelateerde_projecten_en_programmas"].append({"tekst": put("gerelateerd"), "programmas": []})
    opgave["activiteiten"][0]["kop"] = put("activiteiten-kop", short=True)
    # First: the first activity is the example in the page description.
    opgave["activiteiten"][0]["items"].insert(0, {
        "tekst": put("activiteit"), "status": "lopend", "datum": "2025-03-01", "toelichting": put("toelichting"),
    })
    # The page description names the first activity that fits whole (the one above is too long).
    opgave["activiteiten"][0]["items"].insert(1, SHORT_ATTACK)
    opgave["resultaten"].append(put("resultaat"))
    first_partner = read_yaml(data / "organisaties.yaml")["organisaties"][0]["id"]
    opgave["partners"].append({"tekst": put("partner"), "organisaties": [first_partner]})
    opgave["doelgroep"].append(put("doelgroep"))
    write_yaml(path, content)


def inject_programma(data: Path) -> None:
    path = data / "programma.yaml"
    content = read_yaml(path)
    content["periode"] = put("periode")
    content["opzet"]["kop"] = put("opzet-kop", short=True)
    content["opzet"]["alineas"].append(put("opzet-alinea"))
    content["aspecten"]["beschrijvingen"]["context"] = put("uitleg-onderdeel")
    content["cofinanciering"]["alineas"].append(put("cofinanciering"))
    content["tot_slot"]["kop"] = put("tot-slot-kop", short=True)
    write_yaml(path, content)


def inject_budget(data: Path) -> None:
    path = data / "budgetten.yaml"
    content = read_yaml(path)
    content["inleiding"]["alineas"].append(put("budget-inleiding"))
    year = content["jaren"][0]
    year["bijschrift"] = put("budget-bijschrift", short=True)
    group = next(group for group in year["groepen"] if "titel" in group)
    group["titel"] = put("budget-groep", short=True)
    group["regels"][0]["naam"] = put("budget-regel", short=True)
    write_yaml(path, content)


def rename_entry(data: Path, file: str, key: str, tag: str) -> None:
    """Give a registry entry a hostile name and description; its old name stays valid for references."""
    path = data / file
    content = read_yaml(path)
    entry = content[key][0]
    entry.setdefault("ook_genoemd_als", []).append(entry["naam"])
    entry["naam"] = put(f"{tag}-naam", short=True)
    entry["omschrijving"] = put(f"{tag}-omschrijving")
    write_yaml(path, content)


def inject_glossary(data: Path) -> None:
    path = data / "begrippen.yaml"
    content = read_yaml(path)
    term = content["begrippen"][0]
    term["betekenis"] = put("begrip-betekenis")
    term["uitleg"] = put("begrip-uitleg")
    write_yaml(path, content)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, warm_cache) -> Path:
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project", data=ADOPTED_DATA, cache=warm_cache)
    data = project / "data"
    INJECTED.clear()
    SHORT.clear()
    inject_opgaven(data)
    inject_programma(data)
    inject_budget(data)
    rename_entry(data, "organisaties.yaml", "organisaties", "organisatie")
    rename_entry(data, "programmas.yaml", "programmas", "programma")
    inject_glossary(data)
    checked = check(data)
    assert checked.returncode == 0, f"de test-data moet geldig zijn:\n{checked.stderr}"

    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def pages(hostile_site) -> dict[str, BeautifulSoup]:
    return {
        path.relative_to(hostile_site).as_posix(): BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for path in sorted(hostile_site.rglob("*.html"))
    }


def visible_text(soup: BeautifulSoup) -> str:
    return re.sub(r"\s+", " ", soup.get_text(" "))


def test_no_script_from_the_data_exists(pages):
    for name, soup in pages.items():
        for script in soup.find_all("script"):
            assert "alert(" not in script.get_text(), f"{name}: een script uit de data staat in de pagina"


def test_no_event_handler_attribute_exists(pages):
    for name, soup in pages.items():
        for element in soup.find_all(True):
            handlers = [attribute for attribute in element.attrs if attribute.lower().startswith("on")]
            assert handlers == [], f"{name}: <{element.name} {handlers}>"
        assert not soup.find("img", src="x"), f"{name}: een afbeelding uit de data staat in de pagina"


def test_no_javascript_link_exists(pages):
    for name, soup in pages.items():
        for element in soup.find_all(True):
            for attribute in ("href", "src", "action", "formaction", "xlink:href", "data"):
                value = element.get(attribute)
                if isinstance(value, str):
                    assert not re.match(r"\s*javascript:", value, re.IGNORECASE), f"{name}: {attribute}={value}"


def test_every_injected_text_is_shown_literally(pages):
    shown = {name: visible_text(soup) for name, soup in pages.items()}
    missing = [tag for tag in INJECTED if not any(attack(tag) in text for text in shown.values())]
    assert INJECTED and missing == [], f"niet letterlijk getoond: {missing}"


def test_jinja_in_the_data_is_never_evaluated(pages):
    for name, soup in pages.items():
        text = visible_text(soup)
        assert EVALUATED_CONFIG not in text, f"{name}: Jinja uit de data is uitgevoerd"
        assert text.count("geevalueerd") == text.count(JINJA), f"{name}: Jinja uit de data is uitgevoerd"
    assert any(JINJA in visible_text(soup) for soup in pages.values())


def test_the_opgave_page_shows_the_hostile_title_as_its_heading(pages):
    page = next(soup for soup in pages.values()
                if (h1 := soup.select_one("article h1")) and "opgave-titel" in h1.get_text())
    assert attack("opgave-titel") in visible_text(page.select_one("article h1"))
    assert attack("opgave-titel") in page.title.get_text()
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert SHORT_ATTACK in description, description  # as typed, never markup


def test_hostile_headings_stay_text_in_the_table_of_contents(pages):
    for name, soup in pages.items():
        for link in soup.select("nav.md-nav--secondary a"):
            assert not link.find(["script", "img"]), f"{name}: markup in de inhoudsopgave"


def test_the_search_holds_the_texts_as_data(hostile_site):
    # The search worker reads its entries as JSON and escapes every title and text it shows
    # (overrides/assets/javascripts/search/worker.js); Pagefind escapes its excerpts itself.
    words = json.loads((hostile_site / "search" / "woorden.json").read_text(encoding="utf-8"))
    titles = [entry["titel"] for entry in words["ingangen"] if "opgave-titel" in entry["titel"]]
    assert titles and all(attack("opgave-titel") in title for title in titles)
    assert (hostile_site / "pagefind" / "pagefind-entry.json").is_file()
    assert not (hostile_site / "_zoekingangen").exists()
