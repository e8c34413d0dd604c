"""The variables of the accessibility statement's parts (content/toegankelijkheid.md).

The statement's own facts (status, dates, known problems) are in its Markdown, where
staff keep them; the contact details are data (data/programma.yaml, `contact:`).
How the site was examined, and what was not, is said here, next to the numbers the tests
use: tests/test_statement.py checks each claim against the checks that make it true
(the widths the browser tests use, the search overlay, the PDF check), so the statement
cannot claim a check the project does not run.
"""

from pathlib import PurePosixPath

from macros.data.contact import contact_details
from macros.view.urls import OPEN_DATA_SECTION_PATH

PROVINCE_SITE = "https://www.provincie.drenthe.nl/"
OMBUDSMAN = "https://www.nationaleombudsman.nl/"


def scope(site, context) -> dict:
    # Only a published https address is named: a local build has none worth showing.
    address = context.site_url if context.site_url.startswith("https://") else None
    return {"address": address, "pdf_path": site.pdf_path, "pdf_name": PurePosixPath(site.pdf_path).name,
            "open_data": OPEN_DATA_SECTION_PATH}


def report(site, context) -> dict:
    return {"contact": contact_details(site.programme), "province_site": PROVINCE_SITE}


def complaint(site, context) -> dict:
    return {"contact": contact_details(site.programme), "province_site": PROVINCE_SITE, "ombudsman": OMBUDSMAN}


# The screen widths, in CSS pixels, at which the browser tests check every page (a desktop,
# a phone, and the width WCAG 1.4.10 names); tests/test_statement.py compares them with
# tests/browser/conftest.py.
TESTED_WIDTHS = (1280, 375, 320)
# Where the search overlay is checked with a query typed (tests/browser/test_search_overlay_axe.py).
SEARCH_WIDTHS = (1280, 375)


def examination(site, context) -> dict:
    return {"widths": TESTED_WIDTHS, "search_widths": SEARCH_WIDTHS}
