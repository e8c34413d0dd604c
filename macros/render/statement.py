"""The variables of the accessibility statement's parts (content/toegankelijkheid.md).

The statement's own facts (status, dates, known problems) are in its Markdown, where
staff keep them; the contact details are data (data/programma.yaml, `contact:`).
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
