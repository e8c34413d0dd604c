"""The slow files (link preview images, the PDF) come from a disk cache, never stale.

macros/outputs/artefacts.py keeps each file under a hash of everything it is made from: its
inputs, the source of macros/ and the machine (Python, every installed package, pango,
harfbuzz, fontconfig, the font files). A cached file is always the file a fresh build
would make; a build only draws what changed.
"""

import os
import re
import shutil
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.outputs import artefacts, environment
from macros.outputs.artefacts import ArtefactCache, cache_for, compiled_templates_folder, fingerprint as fingerprint_once
from macros.outputs.edition import edition
from macros.outputs.pdf import programme_pdf
from macros.outputs.previews import preview_image
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ENV, ROOT, build, copy_project


class Maker:
    """A `make` function that counts its calls and returns `content`."""

    def __init__(self, content: bytes = b"drawn"):
        self.content = content
        self.calls = 0

    def __call__(self) -> bytes:
        self.calls += 1
        return self.content


@pytest.fixture
def directory(tmp_path) -> Path:
    return tmp_path / ".cache" / "artefacts"


@pytest.fixture
def cache(directory) -> ArtefactCache:
    cache = ArtefactCache(directory)
    cache.start_build()
    return cache


def next_build(directory: Path) -> ArtefactCache:
    """The cache as the next `mkdocs build` (a new process) sees it: only what is on disk."""
    cache = ArtefactCache(directory)
    cache.start_build()
    return cache


def files_in(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.is_file()) if directory.is_dir() else []


# ------------------------------------------------------------ ArtefactCache


def test_a_file_is_made_once_for_the_same_kind_and_inputs(cache):
    make = Maker(b"preview of opgave 1")

    first = cache.get("preview", ["Vestigingsklimaat", "Opgave 1"], make)
    second = cache.get("preview", ["Vestigingsklimaat", "Opgave 1"], make)

    assert first == second == b"preview of opgave 1"
    assert make.calls == 1


def test_the_next_build_reads_the_stored_file_instead_of_making_it(cache, directory):
    cache.get("preview", ["Vestigingsklimaat"], Maker(b"stored"))
    make = Maker(b"drawn again")

    content = next_build(directory).get("preview", ["Vestigingsklimaat"], make)

    assert content == b"stored"
    assert make.calls == 0


def test_different_inputs_make_a_new_file(cache):
    first, second = Maker(b"old title"), Maker(b"new title")

    # One letter apart, same length: the key covers the text itself, not only its size.
    assert cache.get("preview", ["Titel A", "Opgave 1"], first) == b"old title"
    assert cache.get("preview", ["Titel B", "Opgave 1"], second) == b"new title"
    assert (first.calls, second.calls) == (1, 1)


def test_the_same_inputs_of_another_kind_make_a_new_file(cache):
    preview, pdf = Maker(b"png"), Maker(b"pdf")

    cache.get("preview", ["data"], preview)
    assert cache.get("pdf", ["data"], pdf) == b"pdf"
    assert pdf.calls == 1


def test_inputs_split_differently_make_a_new_file(cache):
    cache.get("preview", ["ab", "c"], Maker(b"ab|c"))
    make = Maker(b"a|bc")

    assert cache.get("preview", ["a", "bc"], make) == b"a|bc"
    assert make.calls == 1


def test_text_and_bytes_inputs_are_the_same_input(cache):
    cache.get("pdf", ["opgaven.yaml", b"titel: x"], Maker(b"from text"))
    make = Maker()

    assert cache.get("pdf", [b"opgaven.yaml", "titel: x"], make) == b"from text"
    assert make.calls == 0


def test_a_change_in_the_code_or_the_machine_makes_the_file_again(cache, directory, monkeypatch):
    cache.get("preview", ["Vestigingsklimaat"], Maker(b"drawn by the old code"))
    monkeypatch.setattr(artefacts, "fingerprint", lambda: "macros/, a package, a library or a font changed")
    make = Maker(b"drawn by the new code")

    assert next_build(directory).get("preview", ["Vestigingsklimaat"], make) == b"drawn by the new code"
    assert make.calls == 1


@pytest.fixture
def fingerprint_of(tmp_path, monkeypatch):
    """fingerprint() of a stand-in macros/ folder on a stand-in machine."""
    macros = tmp_path / "macros"
    (macros / "templates").mkdir(parents=True)
    (macros / "previews.py").write_text("DRAW = 1\n", encoding="utf-8")
    (macros / "templates" / "page.html").write_text("<p>{{ x }}</p>\n", encoding="utf-8")
    machine = {"packages": ["weasyprint-68.0.dist-info"], "libraries": {"pango": "1.50.12"},
               "fonts": [("/usr/share/fonts/DejaVuSans.ttf", 757076, 1)]}
    monkeypatch.setattr(artefacts, "MACROS", macros)
    monkeypatch.setattr(environment, "installed_distributions", lambda: machine["packages"])
    monkeypatch.setattr(environment, "library_versions", lambda: machine["libraries"])
    monkeypatch.setattr(environment, "font_files", lambda: machine["fonts"])

    def fingerprint() -> str:
        fingerprint_once.cache_clear()  # both are computed once per process
        environment.environment_fingerprint.cache_clear()
        return fingerprint_once()

    yield macros, machine, fingerprint
    fingerprint_once.cache_clear()  # the next caller computes it from the real macros/ again
    environment.environment_fingerprint.cache_clear()


def test_the_fingerprint_changes_with_the_python_source_of_macros(fingerprint_of):
    macros, _, fingerprint = fingerprint_of
    before = fingerprint()

    (macros / "previews.py").write_text("DRAW = 2\n", encoding="utf-8")

    assert fingerprint() != before


def test_templates_are_not_part_of_the_fingerprint(fingerprint_of):
    # The PDF has the templates among its inputs; a preview image is not made with one.
    macros, _, fingerprint = fingerprint_of
    before = fingerprint()

    (macros / "templates" / "page.html").write_text("<p>{{ y }}</p>\n", encoding="utf-8")

    assert fingerprint() == before


def test_the_fingerprint_ignores_compiled_python(fingerprint_of):
    macros, _, fingerprint = fingerprint_of
    before = fingerprint()

    (macros / "__pycache__").mkdir()
    (macros / "__pycache__" / "previews.cpython-311.pyc").write_bytes(b"\x00compiled")

    assert fingerprint() == before


@pytest.mark.parametrize("change", [
    lambda machine: machine["packages"].append("pillow-12.0.0.dist-info"),  # any installed package
    lambda machine: machine["packages"].__setitem__(0, "weasyprint-68.1.dist-info"),
    lambda machine: machine["libraries"].__setitem__("pango", "1.56.3"),
    lambda machine: machine["fonts"].append(("/usr/share/fonts/Extra.ttf", 1000, 1)),  # a font added
    lambda machine: machine["fonts"].__setitem__(0, ("/usr/share/fonts/DejaVuSans.ttf", 757076, 2)),  # replaced
], ids=["package-added", "package-version", "pango-version", "font-added", "font-replaced"])
def test_the_fingerprint_changes_with_the_machine(fingerprint_of, change):
    _, machine, fingerprint = fingerprint_of
    before = fingerprint()

    change(machine)

    assert fingerprint() != before


def test_the_machine_is_read_from_python_the_packages_the_text_libraries_and_the_fonts():
    assert f"pillow-{metadata.version('pillow')}.dist-info" in environment.installed_distributions()
    assert f"weasyprint-{metadata.version('weasyprint')}.dist-info" in environment.installed_distributions()
    versions = environment.library_versions()
    assert set(versions) == {"pango", "harfbuzz", "fontconfig"}
    assert "missing" not in versions.values()  # the PDF is drawn with them (make test installs them)
    fonts = [Path(path).name for path, _size, _modified in environment.font_files()]
    assert any(name.startswith("DejaVuSans") for name in fonts)  # the PDF's font


def config_with_a_font_added(folder: Path) -> Path:
    """A fontconfig configuration: the machine's own, and one more font (a copy of DejaVu Sans)."""
    fonts = folder / "fonts"
    fonts.mkdir()
    dejavu = next(Path(path) for path, _size, _modified in environment.font_files()
                  if Path(path).name == "DejaVuSans.ttf")
    shutil.copy(dejavu, fonts / "Extra.ttf")
    config = folder / "fonts.conf"
    config.write_text("<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
                      f"<include>/etc/fonts/fonts.conf</include><dir>{fonts}</dir>"
                      f"<cachedir>{folder / 'fontconfig-cache'}</cachedir></fontconfig>", encoding="utf-8")
    return config


def test_a_font_added_to_fontconfig_changes_the_fingerprint(tmp_path):
    """As on a machine with another font setup: fontconfig reads FONTCONFIG_FILE when it starts."""
    def fingerprint_with(env: dict) -> str:
        result = subprocess.run([sys.executable, "-m", "macros.outputs.environment"], cwd=ROOT, env=env,
                                capture_output=True, text=True, check=True)
        return result.stdout.strip()

    config = config_with_a_font_added(tmp_path)

    assert fingerprint_with({**ENV, "FONTCONFIG_FILE": str(config)}) != fingerprint_with(ENV)


def test_prune_removes_the_files_this_build_did_not_ask_for(cache, directory):
    cache.get("preview", ["Oude titel"], Maker(b"old"))
    cache.get("preview", ["Blijft"], Maker(b"kept"))
    cache.get("pdf", ["oude data"], Maker(b"old pdf"))
    before = files_in(directory)
    assert len(before) == 3

    build = next_build(directory)
    build.get("preview", ["Blijft"], Maker())
    build.get("preview", ["Nieuwe titel"], Maker(b"new"))
    build.prune()

    after = files_in(directory)
    assert len(after) == 2
    assert len(set(before) & set(after)) == 1
    assert next_build(directory).get("preview", ["Blijft"], Maker()) == b"kept"


def test_prune_also_removes_what_a_killed_build_left_behind(cache, directory):
    cache.get("preview", ["Blijft"], Maker(b"kept"))
    leftover = directory / ".tmp-left-by-a-killed-build"
    leftover.write_bytes(b"half a fi")
    an_hour_ago = time.time() - 3600
    os.utime(leftover, (an_hour_ago, an_hour_ago))

    cache.prune()

    assert len(files_in(directory)) == 1


def test_prune_leaves_the_unfinished_file_of_a_build_running_at_the_same_time(cache, directory):
    cache.get("preview", ["Blijft"], Maker(b"kept"))
    in_flight = directory / ".tmp-written-by-another-build"
    in_flight.write_bytes(b"half a fi")

    cache.prune()

    assert in_flight.exists()


def test_an_object_is_stored_once_and_read_back_equal_by_the_next_build(cache, directory):
    made = []

    def make():
        made.append(1)
        return {"opgaven": ("vestigingsklimaat", "arbeidsmarkt"), "totaal": 13865167}

    first = cache.get_object("site", ["data"], make)
    again = next_build(directory).get_object("site", ["data"], make)

    assert again == first and again is not first
    assert len(made) == 1
    assert next_build(directory).get_object("site", ["other data"], make) == first
    assert len(made) == 2


def test_a_damaged_stored_object_is_made_again(cache, directory):
    cache.get_object("site", ["data"], lambda: {"opgaven": 5})
    (stored,) = directory.iterdir()
    stored.write_bytes(stored.read_bytes()[:5])  # e.g. a disk that filled up

    assert next_build(directory).get_object("site", ["data"], lambda: {"opgaven": 5}) == {"opgaven": 5}
    assert next_build(directory).get_object("site", ["data"], lambda: {"opgaven": 0}) == {"opgaven": 5}


def test_prune_before_any_file_was_made_does_nothing(cache, directory):
    cache.prune()

    assert not directory.exists()


def test_a_failing_make_leaves_nothing_behind_and_is_tried_again(cache, directory):
    def fail() -> bytes:
        raise RuntimeError("drawing failed")

    with pytest.raises(RuntimeError):
        cache.get("pdf", ["data"], fail)
    assert files_in(directory) == []

    make = Maker(b"pdf")
    assert cache.get("pdf", ["data"], make) == b"pdf"
    assert make.calls == 1


def test_a_write_interrupted_before_the_file_is_complete_leaves_no_file(cache, directory, monkeypatch):
    def killed(source, target):
        raise KeyboardInterrupt  # the build is stopped between writing and renaming

    monkeypatch.setattr(artefacts.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        cache.get("pdf", ["data"], Maker(b"the whole pdf"))
    monkeypatch.undo()

    assert files_in(directory) == []
    make = Maker(b"the whole pdf")
    assert next_build(directory).get("pdf", ["data"], make) == b"the whole pdf"
    assert make.calls == 1


def test_each_project_has_one_cache_in_its_cache_folder(tmp_path):
    first = cache_for(tmp_path / "project")

    assert cache_for(tmp_path / "project" / "data" / "..") is first
    assert first.directory == (tmp_path / "project" / ".cache" / "artefacts").resolve()
    assert cache_for(tmp_path / "other") is not first


def test_peek_makes_nothing_and_put_keeps_what_was_made_elsewhere(cache, directory):
    assert cache.peek("pdf", ["data"]) is None
    assert files_in(directory) == []
    cache.put("pdf", ["data"], b"made by another process")
    assert next_build(directory).peek("pdf", ["data"]) == b"made by another process"
    assert cache.key("pdf", ["data"]) in files_in(directory)


# ------------------------------------------------------------ the build


def cache_files(project: Path) -> dict[str, int]:
    """The cached files, each with its modification time."""
    directory = project / ".cache" / "artefacts"
    return {path.name: path.stat().st_mtime_ns for path in directory.iterdir()}


def of_kind(files, kind: str) -> set[str]:
    return {name for name in files if name.startswith(f"{kind}-")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Two builds of one copy of the project (adopted data); in between, one letter of opgave 1's title changes."""
    root = tmp_path_factory.mktemp("artefacts")
    project = copy_project(root / "project", data=ADOPTED_DATA)
    first = build(project, root / "first")
    assert first.returncode == 0, first.stdout + first.stderr
    old_site = load_site(project / "data")
    old_cache = cache_files(project)
    old_pdf = (root / "first" / old_site.pdf_path).read_bytes()

    changed = old_site.opgaven[0]
    new_title = changed.title[:-1] + ("X" if changed.title[-1] != "X" else "Y")  # a typo fixed
    path = project / "data" / "opgaven.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(f"titel: {changed.title}\n") == 1
    path.write_text(text.replace(f"titel: {changed.title}\n", f"titel: {new_title}\n"), encoding="utf-8")
    # And one of our templates and one of the theme's: compiled copies are kept in .cache/jinja.
    edit(project / "macros" / "render" / "templates" / "last_updated.html", "Laatst bijgewerkt:", "Laatst gewijzigd:")
    edit(project / "overrides" / "main.html", "'summary_large_image' if share_image", "'summary' if share_image")
    second = build(project, root / "second")
    assert second.returncode == 0, second.stdout + second.stderr
    new_cache = cache_files(project)
    # Then the same data on a machine with one more font.
    third = build(project, root / "third", env={**ENV, "FONTCONFIG_FILE": str(config_with_a_font_added(root))})
    assert third.returncode == 0, third.stdout + third.stderr

    return {
        "project": project, "site_name": old_site.name, "changed": changed.slug, "new_title": new_title,
        "old": {"site": old_site, "dir": root / "first", "cache": old_cache, "pdf": old_pdf},
        "new": {"site": load_site(project / "data"), "dir": root / "second", "cache": new_cache},
        "font": {"cache": cache_files(project)},
    }


def test_the_cache_holds_a_preview_per_opgave_the_site_preview_and_the_pdf(builds):
    opgaven = len(builds["old"]["site"].opgaven)

    for state in ("old", "new"):
        files = builds[state]["cache"]
        assert len(of_kind(files, "preview")) == opgaven + 1
        assert len(of_kind(files, "pdf")) == 1


def test_the_published_previews_are_exactly_the_drawn_images(builds):
    site_dir, site_name = builds["old"]["dir"], builds["site_name"]

    for entry in builds["old"]["site"].opgaven:
        published = (site_dir / "assets" / "previews" / f"{entry.slug}.png").read_bytes()
        assert published == preview_image(entry.title, site_name, entry.label), entry.slug
    assert (site_dir / "assets" / "previews" / "site.png").read_bytes() == preview_image(builds["old"]["site"].programme.title, site_name)


def test_a_changed_title_is_published_in_a_new_preview_not_the_cached_one(builds):
    slug, site_name = builds["changed"], builds["site_name"]
    entry = next(entry for entry in builds["new"]["site"].opgaven if entry.slug == slug)
    assert entry.title == builds["new_title"]

    old = (builds["old"]["dir"] / "assets" / "previews" / f"{slug}.png").read_bytes()
    new = (builds["new"]["dir"] / "assets" / "previews" / f"{slug}.png").read_bytes()

    assert new == preview_image(entry.title, site_name, entry.label)
    assert new != old


def test_a_changed_data_file_is_published_in_a_new_pdf(builds):
    new_pdf = (builds["new"]["dir"] / builds["new"]["site"].pdf_path).read_bytes()

    assert new_pdf != builds["old"]["pdf"]
    assert new_pdf == programme_pdf(builds["new"]["site"], edition=edition(builds["project"] / "data"))
    text = " ".join(" ".join(page.extract_text() for page in PdfReader(builds["new"]["dir"] / builds["new"]["site"].pdf_path).pages).split())
    assert builds["new_title"] in text


def test_the_files_whose_inputs_did_not_change_are_reused_not_drawn_again(builds):
    old, new = builds["old"]["cache"], builds["new"]["cache"]
    kept = of_kind(old, "preview") & of_kind(new, "preview")

    assert len(kept) == len(builds["old"]["site"].opgaven)  # the other opgaven and the site preview
    assert all(new[name] == old[name] for name in kept), "a reused file was written again"
    for entry in builds["new"]["site"].opgaven:
        if entry.slug != builds["changed"]:
            published = (builds["new"]["dir"] / "assets" / "previews" / f"{entry.slug}.png").read_bytes()
            assert published == (builds["old"]["dir"] / "assets" / "previews" / f"{entry.slug}.png").read_bytes()


def test_the_entries_of_the_old_title_and_old_data_are_pruned(builds):
    old, new = builds["old"]["cache"], builds["new"]["cache"]
    gone = set(old) - set(new)

    assert len(of_kind(gone, "preview")) == 1
    assert len(of_kind(gone, "pdf")) == 1
    assert not any(name.startswith(".tmp-") for name in new)


def test_a_font_added_to_the_machine_draws_the_pdf_and_previews_again(builds):
    new, font = builds["new"]["cache"], builds["font"]["cache"]

    assert len(of_kind(font, "pdf")) == 1 and of_kind(font, "pdf") != of_kind(new, "pdf")
    assert not of_kind(font, "preview") & of_kind(new, "preview")
    assert set(font) == set(cache_files(builds["project"]))  # the rest was pruned


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(builds):
    assert any((builds["project"] / ".cache" / "jinja").rglob("*.cache"))
    old = (builds["old"]["dir"] / "over" / "index.html").read_text(encoding="utf-8")
    new = (builds["new"]["dir"] / "over" / "index.html").read_text(encoding="utf-8")

    assert "Laatst bijgewerkt:" in old and "Laatst bijgewerkt:" not in new
    assert "Laatst gewijzigd:" in new
    assert 'name="twitter:card" content="summary_large_image"' in old
    assert 'name="twitter:card" content="summary"' in new


def test_compiled_templates_are_kept_per_machine_and_another_machine_s_are_removed(tmp_path, monkeypatch):
    monkeypatch.setattr(artefacts, "environment_fingerprint", lambda: "a" * 64)
    first = compiled_templates_folder(tmp_path)
    first.mkdir(parents=True)
    (first / "template.cache").write_bytes(b"compiled by Jinja 3.1.6")

    monkeypatch.setattr(artefacts, "environment_fingerprint", lambda: "b" * 64)  # e.g. Jinja upgraded
    second = compiled_templates_folder(tmp_path)

    assert second != first and second.parent == first.parent
    assert not first.exists()
