"""In a real browser, an old link to a renamed opgave lands on the same section of the new page."""

import pytest

from tests.browser.conftest import serve
from tests.test_redirects import NEW, OLD


@pytest.fixture(scope="module")
def renamed_server(renamed_site):
    with serve(renamed_site) as base_url:
        yield base_url


@pytest.mark.parametrize("javascript", [True, False], ids=["met-javascript", "zonder-javascript"])
def test_an_old_link_lands_on_the_new_page(browser, renamed_server, javascript):
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(f"{renamed_server}/opgaven/{OLD}/#activiteiten")
        page.wait_for_url(f"{renamed_server}/opgaven/{NEW}/**")
        assert "Opgave 2" in page.locator("article h1").text_content()
        if javascript:  # only a script can carry the #section over; a meta refresh drops it
            assert page.url == f"{renamed_server}/opgaven/{NEW}/#activiteiten"
    finally:
        context.close()
