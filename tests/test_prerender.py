"""With many opgaven a second process renders the opgave pages: the pages are the same.

macros/prerender.py forks a child that renders every opgave page while the build does
the other pages (bench/RESULTS.md). The build takes each page from it in its own order.
Machinery tests, on the adopted data (bron/vastgesteld/).
"""

import pytest

from macros import prerender

pytestmark = pytest.mark.skipif(not prerender.can_fork(), reason="fork is not available on this system")


@pytest.fixture(scope="module")
def pages(adopted):
    return [(entry.id, entry.path) for entry in adopted.opgaven]


def test_the_child_gives_each_page_exactly_as_the_build_would_render_it(adopted, pages):
    page = prerender.start(adopted, pages)

    for opgave_id, url in reversed(pages):  # asked in another order than rendered
        markdown, parts = page(url)
        assert (markdown, parts) == prerender.render_page(adopted, opgave_id, url)
        assert parts and "data-ekd-block" in markdown


def test_a_failure_in_the_child_stops_the_build_with_its_reason(adopted, pages):
    page = prerender.start(adopted, pages + [("bestaat-niet", "opgaven/bestaat-niet/")])

    for _opgave_id, url in pages:
        page(url)
    with pytest.raises(RuntimeError, match="opgavepagina's(.|\n)*bestaat-niet"):
        page("opgaven/bestaat-niet/")

