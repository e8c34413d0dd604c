"""Every page of the built site, at 1280x800 and 375x812, in headless Chromium, as it loads
(each page loads once per viewport for all these tests: page_visits.py), and at 320 px, the
width WCAG 1.4.10 (Reflow) names (the phone's tab made narrower, no second load):

- axe-core (WCAG 2.0/2.1/2.2 A and AA rules, 2.2 target size included) finds no violations;
- nothing is requested from anywhere but the site's folder (tests/browser/test_site_folder.py):
  no fonts, analytics or CDNs from other hosts, and nothing outside the folder on its own;
- no request fails, and every link on the page leads to something in the folder;
- no uncaught JavaScript errors;
- at 375 and 320 px the page does not scroll sideways, and no table is wider than the phone;
- at 320 px axe-core finds no violations either, and a page longer than ten screens has a
  jump list within its first two screens;
- the page runs under its own Content-Security-Policy (macros/outputs/security_headers.py),
  enforced: no violation, no console error, and its own inline scripts ran (the hashes are
  the ones Chromium computes). test_security_headers.py tries the policy with clicks.

A table that only scrolls sideways inside its box hides its last columns from a reader who does
not know to swipe (the page itself not scrolling is not enough). So for every table in the
content: the table is not wider than its box, the box does not scroll, and every cell lies
within the screen.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import NARROW
from tests.browser.page_visits import format_violations
from tests.browser.test_site_folder import missing

pytestmark = pytest.mark.slow  # every page, twice, with axe-core


def test_every_built_page_is_tested(page_lists):
    """The pages listed at collection time (from mkdocs.yml) are exactly the pages built."""
    built, listed = map(set, page_lists)
    assert built == listed, (
        "pages tested and pages built differ:\n"
        f"  built but not tested: {sorted(built - listed)}\n"
        f"  tested but not built: {sorted(listed - built)}\n"
        "(tests/browser/conftest.py source_pages() lists pages from mkdocs.yml)"
    )


def test_page(page_path: str, viewport_name: str, page_visits):
    visit = page_visits(page_path, viewport_name)
    problems: list[str] = []

    assert visit.status is not None and 200 <= visit.status < 300, f"{visit.where} answered {visit.status}"

    if visit.axe_violations:
        problems.append(
            f"axe-core: {len(visit.axe_violations)} WCAG 2.x A/AA rule(s) violated:\n"
            + format_violations(visit.axe_violations)
        )

    if visit.foreign_requests:
        problems.append(
            "requests to anything but the site's folder on the local server:\n"
            + "\n".join(f"  {u}" for u in sorted(set(visit.foreign_requests)))
        )

    if visit.failed_requests:
        problems.append("requests that failed:\n" + "\n".join(f"  {u}" for u in visit.failed_requests))

    if visit.page_errors:
        problems.append("JavaScript errors:\n" + "\n".join(f"  {e}" for e in visit.page_errors))

    if visit.viewport["width"] < 600:
        width, client = visit.width
        if width > client:
            problems.append(
                f"scrolls sideways at {visit.viewport['width']} px: content is {width} px "
                f"wide for a {client} px viewport; widest elements:\n"
                + "\n".join(f"  {w}" for w in visit.wide_elements)
            )

    if problems:
        pytest.fail(f"{visit.where} {json.dumps(visit.viewport)}:\n" + "\n".join(problems), pytrace=False)


def test_every_table_fits_a_phone(page_path: str, page_visits):
    for name in ("mobile", NARROW):
        visit = page_visits(page_path, name)
        wide = {table["table"]: table["problems"] for table in visit.tables if table["problems"]}
        assert not wide, f"/{page_path}: tabellen breder dan een telefoon van {visit.viewport['width']} px: {wide}"


# A page longer than this many screens at 320 px needs a jump list near its top.
LONG_PAGE_SCREENS = 10


def test_page_at_320_px(page_path: str, page_visits):
    visit = page_visits(page_path, NARROW)
    problems: list[str] = []
    if visit.axe_violations:
        problems.append(f"axe-core: {len(visit.axe_violations)} WCAG 2.x A/AA rule(s) violated:\n"
                        + format_violations(visit.axe_violations))
    width, client = visit.width
    if width > client:
        problems.append(f"scrolls sideways at 320 px: content is {width} px wide; widest elements:\n"
                        + "\n".join(f"  {w}" for w in visit.wide_elements))
    length = visit.length
    if length["screens"] > LONG_PAGE_SCREENS and (length["jump_list"] is None or length["jump_list"] > 2):
        problems.append(f"{length['screens']:.0f} screens long at 320 px without a jump list in its first two "
                        f"screens (nav.ekd-springlijst; front matter 'springlijst: true')")
    if problems:
        pytest.fail(f"{visit.where}:\n" + "\n".join(problems), pytrace=False)


def test_page_runs_under_its_policy(page_path: str, viewport_name: str, page_visits):
    visit = page_visits(page_path, viewport_name)
    state = visit.policy
    assert visit.status is not None and 200 <= visit.status < 300, f"{visit.where} answered {visit.status}"
    assert state["policy"], f"{visit.where}: no Content-Security-Policy"
    assert "'unsafe-inline'" not in state["policy"] and "'unsafe-eval'" not in state["policy"], state["policy"]
    assert state["inline"], f"{visit.where}: Material's inline script did not run (its hash is not Chromium's?)"
    assert state["bundle"], f"{visit.where}: Material's JavaScript did not run"
    problems = ([f"violation: {v}" for v in state["violations"]] + [f"console: {m}" for m in visit.console_errors]
                + [f"error: {e}" for e in visit.page_errors])
    if problems:
        pytest.fail(f"{visit.where}:\n" + "\n".join(f"  {p}" for p in problems), pytrace=False)


def test_every_link_leads_to_something_in_the_sites_folder(page_path: str, page_visits, server):
    visit = page_visits(page_path, "desktop")
    assert not missing(set(visit.links), server), visit.where
