"""The page parts' context: what the layers above render/ hand down to it.

render/ may not import outputs/ or changes/ (README, "Layers"), yet pages show the open data
(outputs/opendata.py) and the change history (changes/html.py). This module, above them all,
joins them: the build and the tests that render every part make their context here.
"""

from collections.abc import Callable

from macros.changes.history import History
from macros.changes.html import history_page, opgave_section, opgave_status
from macros.outputs.opendata import LICENCE_NAME, LICENCE_URL, downloads
from macros.render.parts import PartContext

NO_HISTORY = History(unavailable="deze weergave heeft geen geschiedenis")


def part_context(site_url: str = "", programme_pdf: Callable[[], bytes] = bytes,
                 history: Callable[[], History] = lambda: NO_HISTORY) -> PartContext:
    """`programme_pdf` and `history` are made only when a part asks for them."""

    def opgave_changes(site, opgave_id: str, page: str) -> tuple[str, str]:
        changes = history()
        return opgave_status(changes, opgave_id), opgave_section(changes, site, opgave_id, page)

    return PartContext(
        site_url=site_url,
        programme_pdf=programme_pdf,
        open_data=lambda site: {"downloads": downloads(site, site_url),
                                "licence_name": LICENCE_NAME, "licence_url": LICENCE_URL},
        changes_page=lambda site: history_page(history(), site),
        opgave_changes=opgave_changes,
    )
