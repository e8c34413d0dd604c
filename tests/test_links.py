"""Zero broken links: every link and #anchor in the built site leads somewhere.

macros/outputs/links.py reads the finished site directory; the build fails when it finds a
link that leads nowhere on this site. Links to other hosts are not fetched.
"""

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.outputs.links import BrokenLink, broken_links, report
from tests.project import ADOPTED_DATA, build, copy_project

SITE_URL = "https://example.org/"
MISSING_PAGE = "die pagina of dat bestand bestaat niet"
OUTSIDE = "de link gaat buiten de site"


def missing_anchor(fragment: str, page: str) -> str:
    return f"het onderdeel #{fragment} bestaat niet op /{page}"


def html(body: str, head: str = "") -> str:
    return f'<!doctype html><html lang="nl"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def make_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """A built site in miniature: each path with its content (an HTML body gets a whole page around it)."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            whole = not name.endswith(".html") or content.startswith("<!doctype")
            path.write_text(content if whole else html(content), encoding="utf-8")
    return root


def site_with_link(root: Path, link: str, on: str = "over/index.html") -> Path:
    """A small site (home, over, begroting, begrippen, a PDF) with one extra link on one page."""
    pages = {
        "index.html": '<h1 id="welkom">Home</h1>',
        "over/index.html": '<h1 id="over">Over</h1><p id="intro">Intro</p>',
        "begroting/index.html": '<h1 id="begroting">Begroting</h1><h2 id="jaren">Jaren</h2>',
        "begrippen/index.html": '<h1>Begrippen</h1><dl><dt><a name="mkb">mkb</a></dt></dl>',
        "downloads/programma.pdf": b"%PDF-1.4 a stand-in for the programme",
        "downloads/open data.csv": "opgave;bedrag\n",
        "assets/previews/site.png": b"\x89PNG stand-in",
    }
    pages[on] = pages[on] + f'<p><a href="{link}">de link</a></p>'
    return make_site(root, pages)


# ------------------------------------------------------------ what is reported


def test_a_link_to_a_missing_page_is_reported(tmp_path):
    site = site_with_link(tmp_path, "../bestaat-niet/")

    assert broken_links(site, SITE_URL) == [BrokenLink("over/", "../bestaat-niet/", MISSING_PAGE)]


def test_a_link_to_a_missing_anchor_on_another_page_is_reported(tmp_path):
    site = site_with_link(tmp_path, "../begroting/#bestaat-niet")

    assert broken_links(site, SITE_URL) == [
        BrokenLink("over/", "../begroting/#bestaat-niet", missing_anchor("bestaat-niet", "begroting/")),
    ]


def test_a_link_to_a_missing_anchor_on_the_same_page_is_reported(tmp_path):
    site = site_with_link(tmp_path, "#bestaat-niet")

    assert broken_links(site, SITE_URL) == [
        BrokenLink("over/", "#bestaat-niet", missing_anchor("bestaat-niet", "over/")),
    ]


def test_a_root_relative_link_to_a_missing_page_is_reported(tmp_path):
    site = site_with_link(tmp_path, "/bestaat-niet/")

    assert broken_links(site, SITE_URL) == [BrokenLink("over/", "/bestaat-niet/", MISSING_PAGE)]


def test_an_absolute_link_on_the_sites_own_address_to_a_missing_file_is_reported(tmp_path):
    site = site_with_link(tmp_path, "https://example.org/downloads/weg.pdf")

    assert broken_links(site, SITE_URL) == [
        BrokenLink("over/", "https://example.org/downloads/weg.pdf", MISSING_PAGE),
    ]


def test_a_link_preview_image_on_the_sites_own_address_that_does_not_exist_is_reported(tmp_path):
    image = "https://example.org/assets/previews/weg.png"
    site = make_site(tmp_path, {
        "index.html": html("<h1>Home</h1>", head=f'<meta property="og:image" content="{image}">'),
    })

    assert broken_links(site, SITE_URL) == [BrokenLink("", image, MISSING_PAGE)]


@pytest.mark.parametrize("link", ["javascript:alert(1)", "JavaScript:void(0)", " javascript:void(0)"])
def test_a_javascript_link_is_reported(tmp_path, link):
    site = site_with_link(tmp_path, link)

    [broken] = broken_links(site, SITE_URL)
    assert (broken.page, broken.link) == ("over/", link.strip())
    assert broken.reason == "het soort link 'javascript:' is niet toegestaan"


@pytest.mark.parametrize(("page", "link"), [
    ("index.html", "../x"),
    ("index.html", "../../x"),
    ("over/index.html", "../../begroting/"),
])
def test_a_link_that_climbs_out_of_the_site_is_reported(tmp_path, page, link):
    site = site_with_link(tmp_path, link, on=page)

    assert broken_links(site, SITE_URL) == [BrokenLink(page.removesuffix("index.html"), link, OUTSIDE)]


def test_every_broken_link_on_every_page_is_reported_at_once(tmp_path):
    site = make_site(tmp_path, {
        "index.html": '<a href="weg/">1</a><a href="over/#weg">2</a>',
        "over/index.html": '<a href="../ook-weg/">3</a><img src="../plaatje.png" alt="">',
        "404.html": '<a href="/nergens/">4</a>',
    })

    assert {(broken.page, broken.link) for broken in broken_links(site, SITE_URL)} == {
        ("", "weg/"), ("", "over/#weg"), ("over/", "../ook-weg/"), ("over/", "../plaatje.png"),
        ("404.html", "/nergens/"),
    }


def test_the_report_counts_the_broken_links_and_names_each_in_dutch():
    broken = [
        BrokenLink("over/", "../bestaat-niet/", MISSING_PAGE),
        BrokenLink("", "begroting/#weg", missing_anchor("weg", "begroting/")),
    ]

    lines = report(broken).splitlines()

    assert lines[0].startswith("De site heeft 2 link(s) die nergens heen gaan.")
    assert "De site is niet gepubliceerd." in lines[0]
    assert lines[1:] == [
        "- op /over/: link naar '../bestaat-niet/': die pagina of dat bestand bestaat niet",
        "- op /: link naar 'begroting/#weg': het onderdeel #weg bestaat niet op /begroting/",
    ]


# ------------------------------------------------------------ what is fine


@pytest.mark.parametrize("link", [
    pytest.param("../begroting/", id="page-with-trailing-slash"),
    pytest.param("../begroting", id="page-without-trailing-slash"),
    pytest.param("../begroting/index.html", id="page-as-index-html"),
    pytest.param("../", id="home-page"),
    pytest.param("../begroting/#jaren", id="anchor-on-another-page"),
    pytest.param("../begroting/index.html#jaren", id="anchor-on-index-html"),
    pytest.param("#intro", id="anchor-on-this-page"),
    pytest.param("../begrippen/#mkb", id="a-name-anchor"),
    pytest.param("#", id="bare-hash"),
    pytest.param("../begroting/?jaar=2025#jaren", id="query-string"),
    pytest.param("/begroting/#jaren", id="root-relative"),
    pytest.param("https://example.org/begroting/#jaren", id="absolute-on-own-site"),
    pytest.param("https://www.provincie.drenthe.nl/bestaat-niet/#nergens", id="other-host"),
    pytest.param("mailto:post@drenthe.nl", id="mailto"),
    pytest.param("tel:+31592365555", id="tel"),
    pytest.param("../downloads/programma.pdf#page=3", id="non-html-file-with-fragment"),
    pytest.param("../downloads/open%20data.csv", id="percent-encoded-file-name"),
    pytest.param("#top", id="top-of-the-page"),
])
def test_a_link_that_leads_somewhere_is_not_reported(tmp_path, link):
    site = site_with_link(tmp_path, link)

    assert broken_links(site, SITE_URL) == []


def test_images_from_data_urls_and_existing_preview_images_are_not_reported(tmp_path):
    site = make_site(tmp_path, {
        "assets/previews/site.png": b"\x89PNG stand-in",
        "index.html": html(
            '<img alt="" src="data:image/png;base64,iVBORw0KGgo=">',
            head='<meta property="og:image" content="https://example.org/assets/previews/site.png">'
                 '<meta name="description" content="Tekst, geen adres">',
        ),
    })

    assert broken_links(site, SITE_URL) == []


def test_a_site_in_a_folder_resolves_root_relative_links_from_that_folder(tmp_path):
    site = site_with_link(tmp_path, "/koers/begroting/#jaren")
    assert broken_links(site, "https://example.org/koers/") == []

    site = site_with_link(tmp_path / "other", "/begroting/")
    assert broken_links(site, "https://example.org/koers/") == [BrokenLink("over/", "/begroting/", OUTSIDE)]


def test_a_protocol_relative_link_to_the_sites_own_host_is_checked(tmp_path):
    site = site_with_link(tmp_path, "//example.org/weg/")

    assert broken_links(site, SITE_URL) == [BrokenLink("over/", "//example.org/weg/", MISSING_PAGE)]


def test_an_empty_html_file_has_no_links_and_does_not_stop_the_check(tmp_path):
    site = site_with_link(tmp_path, "../leeg.html")
    (site / "leeg.html").write_bytes(b"")
    (site / "commentaar.html").write_text("<!-- alleen commentaar -->", encoding="utf-8")

    assert broken_links(site, SITE_URL) == []


# ------------------------------------------------------------ the real site


def site_url_of(built_site: Path) -> str:
    """The address the site was built for: the canonical link of its home page."""
    soup = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    return soup.find("link", rel="canonical")["href"]


@pytest.mark.content
def test_the_built_site_has_no_broken_links(built_site):
    site_url = site_url_of(built_site)
    assert site_url.startswith(("http://", "https://")) and site_url.endswith("/")

    assert broken_links(built_site, site_url) == []


@pytest.mark.content
def test_the_check_of_the_built_site_sees_its_navigation_and_link_previews(built_site, tmp_path):
    """Guards the test above: with a page and the site preview gone, the real pages' links break."""
    site = shutil.copytree(built_site, tmp_path / "site")
    shutil.rmtree(site / "begroting")
    (site / "assets" / "previews" / "site.png").unlink()
    site_url = site_url_of(built_site)

    broken = broken_links(site, site_url)

    pages_linking_the_budget = {b.page for b in broken if b.link.rstrip("/").endswith("begroting")}
    assert {"", "over/", "opgaven/"} <= pages_linking_the_budget  # the navigation on every page
    pages_with_broken_preview = {b.page for b in broken if b.link == f"{site_url}assets/previews/site.png"}
    assert {"", "over/", "voortgang/"} <= pages_with_broken_preview
    assert all(b.reason == MISSING_PAGE for b in broken)


# ------------------------------------------------------------ the build


@pytest.fixture(scope="module")
def build_with_broken_links(tmp_path_factory, warm_cache):
    """A build of a copy (adopted data) whose page content/over.md has two raw HTML links that lead nowhere."""
    root = tmp_path_factory.mktemp("broken-links")
    project = copy_project(root / "project", data=ADOPTED_DATA, cache=warm_cache)
    page = project / "content" / "over.md"
    page.write_text(page.read_text(encoding="utf-8") + (
        '\n<p><a href="../begroting/#bestaat-niet">x</a> en <a href="../bestaat-niet/">y</a></p>\n'
    ), encoding="utf-8")
    return build(project, root / "site")


def test_a_build_with_a_broken_link_fails(build_with_broken_links):
    assert build_with_broken_links.returncode != 0


def test_the_failed_build_names_the_page_the_missing_anchor_and_the_reason(build_with_broken_links):
    output = build_with_broken_links.stdout + build_with_broken_links.stderr

    assert "De site heeft 2 link(s) die nergens heen gaan." in output
    assert ("- op /over/: link naar '../begroting/#bestaat-niet': "
            "het onderdeel #bestaat-niet bestaat niet op /begroting/") in output


def test_the_failed_build_names_the_page_the_missing_page_and_the_reason(build_with_broken_links):
    output = build_with_broken_links.stdout + build_with_broken_links.stderr

    assert "- op /over/: link naar '../bestaat-niet/': die pagina of dat bestand bestaat niet" in output
