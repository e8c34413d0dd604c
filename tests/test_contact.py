"""The contact details the province supplies, security.txt and the footer links.

The contact block of data/programma.yaml (`contact:`) holds facts only the province can
give. While one is INVULLEN (or the block is absent, as in the adopted data) the data
check and the build warn once per field on stderr and still succeed, the pages say the
detail follows and never show the marker, and no security.txt is written for an unknown
security contact. Filled in, the statement shows them and /.well-known/security.txt
follows RFC 9116.
"""

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.view.check import main as check_main
from macros.data.contact import contact_details, contact_warnings
from macros.data.models.contact import PLACEHOLDER, Contact
from macros.outputs.security_txt import SECURITY_TXT_PATH, VALID_DAYS, expires, security_txt
from macros.render.parts import PARTS, PartContext
from macros.render.renderer import Renderer
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ENV, copy_project

FIELDS = [field.alias for field in Contact.model_fields.values()]
FILLED = {
    "e_mail": "toegankelijkheid@example.org",
    "telefoon": "0592 36 55 55",
    "reactietermijn_werkdagen": "5",
    "klachtenregeling": "https://www.example.org/klachten",
    "beveiliging": "mailto:security@example.org",
}
PUBLISHED = "https://example.org/programma/"
STATEMENT_PARTS = ("toegankelijkheid_bereik", "toegankelijkheid_melden", "toegankelijkheid_klacht")
# RFC 9116 section 2.5: the fields a security.txt may hold (others are allowed, but we write none).
RFC_9116_FIELDS = {"Acknowledgments", "Canonical", "Contact", "Encryption", "Expires", "Hiring", "Policy",
                   "Preferred-Languages", "CSAF"}


def with_contact(data: Path, values: dict[str, str]) -> Path:
    """`data` with a contact block holding `values` (INVULLEN for the fields not given)."""
    lines = "".join(f"  {key}: {values.get(key, PLACEHOLDER)}\n" for key in FIELDS)
    with (data / "programma.yaml").open("a", encoding="utf-8") as handle:
        handle.write(f"\ncontact:\n{lines}")
    return data


@pytest.fixture
def data(tmp_path) -> Path:
    return Path(shutil.copytree(ADOPTED_DATA, tmp_path / "data"))


# ---------------------------------------------------------------- warnings


def test_the_adopted_data_has_no_block_and_gets_one_warning_per_field(adopted):
    warnings = contact_warnings(adopted.programme)
    assert len(warnings) == len(FIELDS)
    for key, warning in zip(FIELDS, warnings):
        assert f"data/programma.yaml heeft nog geen veld 'contact › {key}'" in warning
        assert "Verwacht: " in warning and "CONTRIBUTING.md" in warning


def test_each_placeholder_gets_one_warning_naming_file_field_and_what_is_expected(data, capsys):
    with_contact(data, {"telefoon": FILLED["telefoon"]})
    assert check_main([str(data)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("De data is in orde")
    warnings = captured.err.strip().split("\n")
    expected = [key for key in FIELDS if key != "telefoon"]
    assert len(warnings) == len(expected), captured.err
    for key, warning in zip(expected, warnings):
        assert warning.startswith(f"Let op: data/programma.yaml, veld 'contact › {key}' is nog niet ingevuld")
        assert f"(er staat {PLACEHOLDER})" in warning and "Verwacht: " in warning
    assert "geen /.well-known/security.txt" in warnings[-1], "the warning must say there is no security.txt"


def test_filled_in_details_give_no_warning(data, capsys):
    with_contact(data, FILLED)
    assert check_main([str(data)]) == 0
    assert capsys.readouterr().err == ""
    details = contact_details(load_site(data).programme)
    assert details.complete and details.response_days == 5
    assert details.telephone_uri == "tel:0592365555"


# ---------------------------------------------------------------- the statement's parts


def render_statement(site, site_url: str = "") -> str:
    renderer = Renderer(site)
    return "\n".join(renderer.part(PARTS[name], "toegankelijkheid/", context=PartContext(site_url=site_url))
                     for name in STATEMENT_PARTS)


def test_the_pages_never_show_the_marker_but_say_the_detail_follows(data):
    for site in (load_site(ADOPTED_DATA), load_site(with_contact(data, {}))):
        html = render_statement(site)
        assert PLACEHOLDER not in html
        assert html.count("volgt nog") >= 3, html  # e-mail, telephone, complaint procedure
        assert "zodra dat bekend is" in html  # the response time
        assert "Nationale ombudsman" in html


def test_the_statement_shows_the_supplied_details(data):
    html = render_statement(load_site(with_contact(data, FILLED)), PUBLISHED)
    page = BeautifulSoup(html, "html.parser")
    links = {a["href"] for a in page.find_all("a")}
    assert {"mailto:toegankelijkheid@example.org", "tel:0592365555", FILLED["klachtenregeling"], PUBLISHED} <= links
    assert "binnen 5 werkdagen antwoord" in page.get_text(" ")
    assert "volgt nog" not in html
    # First the province's procedure, then the ombudsman.
    steps = [item.get_text(" ", strip=True) for item in page.select("ol.ekd-klacht > li")]
    assert "klachtenregeling" in steps[0] and "Nationale ombudsman" in steps[1]


def test_a_local_build_names_no_address_in_the_scope(adopted):
    assert "127.0.0.1" not in render_statement(adopted, "http://127.0.0.1:8000/")


# ---------------------------------------------------------------- security.txt


def test_no_security_txt_without_a_contact():
    assert security_txt(None, PUBLISHED, datetime.date(2026, 11, 30)) is None


def test_expires_is_364_days_after_the_build_day_at_midnight_utc():
    assert expires(datetime.date(2026, 11, 30)) == "2027-11-29T00:00:00Z"
    assert VALID_DAYS < 365


def test_canonical_only_with_a_published_https_address():
    today = datetime.date(2026, 11, 30)
    assert "Canonical" not in security_txt("mailto:a@example.org", None, today)
    assert "Canonical" not in security_txt("mailto:a@example.org", "http://127.0.0.1:8000/", today)
    assert f"Canonical: {PUBLISHED}{SECURITY_TXT_PATH}\n" in security_txt("mailto:a@example.org", PUBLISHED, today)


def parse_security_txt(text: str) -> list[tuple[str, str]]:
    """RFC 9116 fields as (name, value); comments and blank lines skipped; LF or CRLF."""
    fields = []
    for line in re.split(r"\r?\n", text):
        if not line or line.startswith("#"):
            continue
        match = re.fullmatch(r"([A-Za-z0-9-]+): (\S.*)", line)
        assert match, f"not a field line: {line!r}"
        fields.append((match.group(1), match.group(2)))
    return fields


@pytest.fixture(scope="module")
def filled_build(tmp_path_factory, warm_cache) -> Path:
    """The adopted data with every contact detail filled in, built for a published address."""
    project = copy_project(tmp_path_factory.mktemp("contact") / "project", data=ADOPTED_DATA, cache=warm_cache)
    with_contact(project / "data", FILLED)
    site_dir = project.parent / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
        capture_output=True, text=True, env={**ENV, "SITE_URL": PUBLISHED}, cwd=project,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "contact ›" not in result.stderr, "filled-in details must give no warning"
    return site_dir


def test_the_build_writes_security_txt_by_rfc_9116(filled_build):
    text = (filled_build / SECURITY_TXT_PATH).read_text(encoding="utf-8")
    fields = parse_security_txt(text)
    names = [name for name, _ in fields]
    assert set(names) <= RFC_9116_FIELDS, names
    assert names.count("Expires") == 1 and names.count("Canonical") <= 1
    values = dict(fields)
    assert values["Contact"] == FILLED["beveiliging"]
    assert re.fullmatch(r"(mailto|https):\S+", values["Contact"])
    expiry = datetime.datetime.strptime(values["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
    now = datetime.datetime.now(datetime.timezone.utc)
    assert now < expiry < now + datetime.timedelta(days=365), "Expires must be in the future and less than a year ahead"
    assert values["Preferred-Languages"] == "nl, en"
    assert values["Canonical"] == PUBLISHED + SECURITY_TXT_PATH


def test_every_page_links_to_the_statement_and_to_security_txt(filled_build):
    for html_file in sorted(filled_build.rglob("*.html")):
        page = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        if page.find("meta", attrs={"http-equiv": "refresh"}):
            continue  # a redirect from an old address
        footer = page.select_one("footer nav.ekd-footer-links")
        assert footer is not None, f"{html_file}: no links in the footer"
        targets = [_resolve(html_file, filled_build, a["href"]) for a in footer.find_all("a")]
        assert targets == [filled_build / "toegankelijkheid" / "index.html", filled_build / SECURITY_TXT_PATH], html_file


def test_without_a_security_contact_there_is_no_security_txt_and_no_link(adopted_built_site):
    assert not (adopted_built_site / ".well-known").exists()
    for html_file in (adopted_built_site / "index.html", adopted_built_site / "toegankelijkheid" / "index.html"):
        footer = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser").select_one("footer nav.ekd-footer-links")
        assert [a.get_text(strip=True) for a in footer.find_all("a")] == ["Toegankelijkheid"]
    assert PLACEHOLDER not in (adopted_built_site / "toegankelijkheid" / "index.html").read_text(encoding="utf-8")


def _resolve(html_file: Path, site_dir: Path, href: str) -> Path:
    if href.startswith("/"):  # 404.html links from the site's root path
        href = href.removeprefix("/" + PUBLISHED.split("/", 3)[3])
        target = site_dir / href
    else:
        target = html_file.parent / href
    target = Path(os.path.normpath(target))
    return target / "index.html" if target.is_dir() else target


@pytest.mark.content
def test_the_real_site_never_shows_the_marker(built_site):
    for path in built_site.rglob("*"):
        if path.suffix in {".html", ".txt", ".xml", ".csv", ".json"}:
            assert PLACEHOLDER not in path.read_text(encoding="utf-8", errors="replace"), path
