"""Every address the site links to has one home: the registry in macros/view/urls.py.

Python imports its constants; templates, overrides/main.html and content/*.md use the same
addresses by name (`paths.budget`, `ekd_paths.changes_feed`, `{{ adres("pdf") }}`). These
tests check that each address in it is real on the built site, and that no template, theme
override or content page spells one out again.
"""

import re

import pytest

from macros.view.urls import HOME_PATH, PATHS, content_link, relative, source_file
from tests.project import PROJECT, ROOT


def built_file(site_dir, path: str):
    return site_dir / (f"{path}index.html" if path == HOME_PATH or path.endswith("/") else path)


@pytest.mark.parametrize("name", sorted(PATHS))
def test_each_address_in_the_registry_is_on_the_built_site(name, built_site):
    path, _, fragment = PATHS[name].partition("#")
    file = built_file(built_site, path)

    assert file.is_file(), f"{name}: /{path} is not on the built site"
    if fragment:
        assert f'id="{fragment}"' in file.read_text(encoding="utf-8"), f"{name}: /{path} has no #{fragment}"


@pytest.mark.parametrize("name", sorted(name for name, path in PATHS.items() if path.partition("#")[0].endswith("/")))
def test_each_page_in_the_registry_has_its_markdown_file(name):
    assert (PROJECT / "content" / source_file(PATHS[name].partition("#")[0])).is_file()


def spelled_out(text: str) -> list[str]:
    """The registry's addresses that `text` writes as a literal: in quotes or as a Markdown link."""
    return [path for path in PATHS.values() if path
            and re.search(r"""(["'(]|\]\()/?%s(?![\w-])""" % re.escape(path), text)]


def files_that_link():
    for folder, pattern in (("macros", "**/templates/**/*"), ("overrides", "**/*.html"), ("content", "**/*.md")):
        yield from (path for path in sorted((ROOT / folder).glob(pattern)) if path.is_file())


def test_no_template_override_or_content_page_spells_out_an_address():
    found = {str(path.relative_to(ROOT)): spelled for path in files_that_link()
             if (spelled := spelled_out(path.read_text(encoding="utf-8")))}

    assert not found, f"use the name from macros/view/urls.py (PATHS) instead: {found}"


def test_the_check_above_finds_an_address_that_is_spelled_out():
    assert spelled_out("""<a href="{{ url('%s') }}">""" % PATHS["budget"]) == [PATHS["budget"]]
    assert spelled_out("[de PDF](%s)" % PATHS["pdf"]) == [PATHS["pdf"]]
    assert spelled_out("""{{ url(paths.budget) }} and the word %s""" % PATHS["budget"].rstrip("/")) == []


def test_a_content_link_is_written_from_the_folder_of_its_markdown_file():
    # MkDocs reads a Markdown link from the file's folder and checks a page by its .md file.
    assert content_link("pdf", "index.md") == PATHS["pdf"]
    assert content_link("pdf", "opgaven/index.md") == "../" + PATHS["pdf"]
    assert content_link("budget", "over.md") == source_file(PATHS["budget"])
    assert content_link("home", "opgaven/index.md") == "../index.md"
    path, _, fragment = PATHS["cofinancing"].partition("#")
    assert content_link("cofinancing", "index.md") == f"{source_file(path)}#{fragment}"


def test_a_page_link_is_written_from_the_page_it_is_on():
    assert relative(PATHS["budget"], HOME_PATH) == PATHS["budget"]
    assert relative(PATHS["budget"], "opgaven/x/") == "../../" + PATHS["budget"]
    assert relative(HOME_PATH, "opgaven/x/") == "../../"
    assert relative(HOME_PATH, HOME_PATH) == "./"
