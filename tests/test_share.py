"""Link previews and section links: what someone sharing a page or a section gets.

Tests marked `content` check the real site on rules that hold for any data; exact texts
are checked on the adopted build.
"""

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image

from macros.data.preview_font import has_glyphs
from macros.outputs.previews import preview_image
from macros.render.section_links import label_section_links
from macros.render.share import opgave_description
from tests.project import ADOPTED_DATA, PROJECT, SITE_URL, build, copy_project, read_yaml, write_yaml
from tests.text import squash

REQUIRED = {
    "property": ("og:type", "og:title", "og:description", "og:url", "og:image", "og:locale"),
    "name": ("twitter:card", "twitter:title", "twitter:description", "twitter:image"),
}


def content_pages(built_site: Path) -> list[str]:
    """Every built HTML page except the redirect stubs of moved opgaven (they say noindex)."""
    pages = []
    for path in sorted(built_site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if '<meta name="robots" content="noindex">' not in text:
            pages.append(path.relative_to(built_site).as_posix())
    return pages


def meta(soup, attribute: str, key: str) -> str | None:
    tag = soup.find("meta", attrs={attribute: key})
    return tag["content"] if tag else None


@pytest.mark.content
def test_every_page_has_link_preview_tags(built_site, page):
    pages = content_pages(built_site)
    assert len(pages) > 10
    for url in pages:
        soup = page(url)
        for attribute, keys in REQUIRED.items():
            for key in keys:
                if key == "og:url" and url == "404.html":
                    continue  # the "not found" page is shown at any address, so it has none of its own
                assert meta(soup, attribute, key), f"{url}: geen {key}"
        assert meta(soup, "property", "og:locale") == "nl_NL"
        assert meta(soup, "name", "twitter:card") == "summary_large_image"


@pytest.mark.content
def test_the_preview_url_is_the_page_itself_and_matches_the_canonical_link(site, page):
    for url in ["", "begroting/"] + [f"opgaven/{entry.slug}/" for entry in site.opgaven]:
        soup = page(url)
        assert urlsplit(meta(soup, "property", "og:url")).path.endswith(f"/{url}"), url
        assert soup.find("link", rel="canonical")["href"] == meta(soup, "property", "og:url")


@pytest.mark.content
def test_every_preview_image_exists_in_the_build_as_a_1200_by_630_png(built_site, page):
    for url in content_pages(built_site):
        image_url = meta(page(url), "property", "og:image")
        assert image_url.startswith(SITE_URL), f"{url}: og:image is geen volledig adres van de site"
        path = built_site / image_url.removeprefix(SITE_URL)  # the site is published in a folder
        assert path.is_file(), f"{url}: {image_url} staat niet in de site"
        with Image.open(path) as image:
            assert (image.format, image.size) == ("PNG", (1200, 630))


@pytest.mark.content
def test_each_opgave_has_its_own_preview_with_its_title(page):
    images = set()
    records = read_yaml(PROJECT / "data" / "opgaven.yaml")["opgaven"]
    for number, record in enumerate(records, 1):
        soup = page(f"opgaven/{record['slug']}/")
        image = meta(soup, "property", "og:image")
        assert image.endswith(f"/assets/previews/{record['slug']}.png")
        title = meta(soup, "property", "og:title")
        assert f"Opgave {number}: {squash(record['titel'])}".startswith(title.removesuffix("…")), title
        assert f"Opgave {number}: {squash(record['titel'])}" in meta(soup, "property", "og:image:alt")
        images.add(image)
    assert len(images) == len(records)


@pytest.mark.content
def test_every_preview_title_is_shorter_than_70_characters(built_site, page):
    for url in content_pages(built_site):
        soup = page(url)
        for attribute, key in (("property", "og:title"), ("name", "twitter:title")):
            title = meta(soup, attribute, key)
            assert title and len(title) < 70, f"{url}: {key} heeft {len(title or '')} tekens: {title}"


@pytest.mark.content
def test_an_opgave_preview_says_what_the_province_does_there(site, page):
    for entry in site.opgaven:
        soup = page(f"opgaven/{entry.slug}/")
        description = meta(soup, "property", "og:description")
        assert description == meta(soup, "name", "twitter:description") == meta(soup, "name", "description")
        assert len(description) <= 200, description
        activities = [item.text for group in entry.record.activities for item in group.items]
        if activities:
            assert f" werkt aan {len(activities)} activiteit" in description, description
            # an example activity is there whole, or not at all: never cut short
            assert "…" not in description, description
            if ", zoals " in description:
                example = description.split(", zoals ", 1)[1].rsplit(". ", 1)[0]
                assert any(example.casefold() == squash(text).rstrip(".").casefold() for text in activities), example
        year = site.budget.opgave_year
        if year is not None and site.budget.group_for(entry.id) is not None:
            assert f"Budget {year.year}: €" in description, description


def test_the_preview_description_names_the_activities_and_the_budget(adopted, adopted_page):
    soup = adopted_page("opgaven/arbeidsmarkt/")
    assert meta(soup, "property", "og:description") == (
        "De provincie werkt aan 5 activiteiten, zoals faciliteren van het dashboard "
        "Arbeidsmarktinzicht en ondersteuning van het project Talent in de Regio. Budget 2025: € 687.084."
    )
    # with the site's name the title would be 99 characters: the page title alone
    assert meta(soup, "property", "og:title") == "Opgave 2: Samenwerken aan een toekomstbestendige arbeidsmarkt"
    assert meta(adopted_page("begroting/"), "property", "og:title") == f"Begroting - {adopted.name}"


def test_a_short_limit_drops_the_example_never_cuts_it(adopted):
    for entry in adopted.opgaven:
        for limit in (80, 120, 160, 200):
            text = opgave_description(adopted, entry, limit)
            assert len(text) <= limit and text.endswith(".") and "Budget 2025: €" in text, text
            assert "  " not in text and "…" not in text, text
            examples = [item.text.rstrip(".") for group in entry.record.activities for item in group.items]
            if ", zoals " in text:  # an example activity is there whole, or not at all
                example = text.split(", zoals ", 1)[1].rsplit(". Budget", 1)[0]
                assert any(example.casefold() == other.casefold() for other in examples), example


@pytest.mark.content
def test_pages_without_their_own_image_use_the_site_preview(page):
    assert meta(page("begroting/"), "property", "og:image").endswith("/assets/previews/site.png")


def test_preview_text_from_data_is_escaped_once(tmp_path, warm_cache):
    project = copy_project(tmp_path / "project", data=ADOPTED_DATA, cache=warm_cache)
    data = read_yaml(project / "data" / "opgaven.yaml")
    data["opgaven"][0]["titel"] = 'Wonen & "werken" <b>nu</b>'
    data["opgaven"][0]["activiteiten"] = [{"items": ['Bouwen & "wonen" <i>samen</i>']}]
    write_yaml(project / "data" / "opgaven.yaml", data)
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    slug = data["opgaven"][0]["slug"]
    html = (tmp_path / "site" / "opgaven" / slug / "index.html").read_text(encoding="utf-8")
    html = html.replace("&quot;", "&#34;")
    assert 'content="Opgave 1: Wonen &amp; &#34;werken&#34; &lt;b&gt;nu&lt;/b&gt; - ' in html
    assert 'content="De provincie werkt aan 1 activiteit: bouwen &amp; &#34;wonen&#34; &lt;i&gt;samen&lt;/i&gt;.' in html


@pytest.mark.content
def test_the_preview_font_draws_every_opgave_title(site):
    # Pillow's own default font draws é, ë and € as empty boxes; this one must not.
    assert not has_glyphs("\u0378")
    for entry in site.opgaven:
        assert has_glyphs(entry.title), entry.title
    assert has_glyphs("Programma’s café België € 1.050.000")


def test_preview_images_are_the_same_every_build():
    first = preview_image("Versterken van het vestigingsklimaat", "Site", "Opgave 1")
    assert first == preview_image("Versterken van het vestigingsklimaat", "Site", "Opgave 1")
    assert first != preview_image("Versterken van het ondernemerschap", "Site", "Opgave 1")
    assert Image.open(io.BytesIO(first)).size == (1200, 630)


@pytest.mark.content
@pytest.mark.parametrize("anchor", ["nut-en-noodzaak", "resultaten", "partners", "doelgroep"])
def test_every_section_has_a_named_link_to_itself(site, page, anchor):
    for entry in site.opgaven:
        soup = page(f"opgaven/{entry.slug}/")
        heading = soup.find(id=anchor)
        assert heading is not None and heading.name == "h2"
        link = heading.find("a", class_="headerlink")
        assert link["href"] == f"#{anchor}"
        assert link["aria-label"].startswith("Link naar dit onderdeel: ")


@pytest.mark.content
def test_every_h2_on_an_opgave_page_has_a_section_link(site, page):
    for entry in site.opgaven:
        headings = page(f"opgaven/{entry.slug}/").select("article h2[id]")
        assert len(headings) >= 7
        for heading in headings:
            link = heading.find("a", class_="headerlink")
            assert link is not None, heading
            assert link["href"] == f"#{heading['id']}"
            name = heading.get_text().replace(link.get_text(), "").strip()
            assert link["aria-label"] == f"Link naar dit onderdeel: {name}"


def test_section_link_names_escape_the_heading_text():
    html = '<h2 id="a">Wonen &amp; &quot;werken&quot;<a class="headerlink" href="#a" title="x">&para;</a></h2>'
    assert 'aria-label="Link naar dit onderdeel: Wonen &amp; &#34;werken&#34;"' in label_section_links(html)


@pytest.mark.content
def test_every_page_has_a_description_of_its_own_in_whole_sentences(built_site, page):
    seen: dict[str, str] = {}
    for url in content_pages(built_site):
        if url == "404.html":
            continue  # shown at any address that does not exist: not a page to describe
        soup = page(url)
        description = meta(soup, "name", "description")
        assert description, f"{url}: geen beschrijving"
        assert meta(soup, "property", "og:description") == squash(description), url
        assert description not in seen, f"{url} en {seen.get(description)} hebben dezelfde beschrijving"
        seen[description] = url
        assert description.rstrip().endswith((".", "?", "!")) and "…" not in description, (
            f"{url}: de beschrijving is geen hele zin: {description!r}")


def test_robots_txt_names_the_sitemap_at_the_published_address(adopted_built_site):
    robots = (adopted_built_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
    assert (adopted_built_site / "sitemap.xml").is_file()
    assert "Disallow: /\n" not in robots
