"""The slow files (link preview images, the PDF) come from a disk cache, never stale.

macros/outputs/artefacts.py keeps each file under a hash of everything it is made from: its
inputs, the source of macros/ and the versions of the drawing libraries. A cached
file is always the file a fresh build would make; a build only draws what changed.
"""

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.outputs import artefacts
from macros.outputs.artefacts import ArtefactCache, cache_for, code_fingerprint
from macros.outputs.pdf import programme_pdf
from macros.outputs.previews import preview_image
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, build, copy_project


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


def test_a_change_in_the_code_or_libraries_makes_the_file_again(cache, directory, monkeypatch):
    cache.get("preview", ["Vestigingsklimaat"], Maker(b"drawn by the old code"))
    monkeypatch.setattr(artefacts, "code_fingerprint", lambda modules=(): "macros/ or a library changed")
    make = Maker(b"drawn by the new code")

    assert next_build(directory).get("preview", ["Vestigingsklimaat"], make) == b"drawn by the new code"
    assert make.calls == 1


@pytest.fixture
def fingerprint_of(tmp_path, monkeypatch):
    """code_fingerprint() of a stand-in macros/ folder and stand-in library versions."""
    macros = tmp_path / "macros"
    (macros / "templates").mkdir(parents=True)
    (macros / "previews.py").write_text("DRAW = 1\n", encoding="utf-8")
    (macros / "templates" / "page.html").write_text("<p>{{ x }}</p>\n", encoding="utf-8")
    versions = {library: "1.0.0" for library in artefacts.LIBRARIES}
    monkeypatch.setattr(artefacts, "MACROS", macros)
    monkeypatch.setattr(artefacts.metadata, "version", versions.__getitem__)

    def fingerprint() -> str:
        code_fingerprint.cache_clear()  # it is computed once per process, and so are the versions
        artefacts._library_versions.cache_clear()
        return code_fingerprint()

    yield macros, versions, fingerprint
    code_fingerprint.cache_clear()  # the next caller computes it from the real macros/ again
    artefacts._library_versions.cache_clear()


def test_the_code_fingerprint_changes_with_the_python_source_of_macros(fingerprint_of):
    macros, _, fingerprint = fingerprint_of
    before = fingerprint()

    (macros / "previews.py").write_text("DRAW = 2\n", encoding="utf-8")

    assert fingerprint() != before


def test_templates_are_not_part_of_the_code_fingerprint(fingerprint_of):
    # No cached file is made with a template: changing one must not redraw 1000 previews.
    macros, _, fingerprint = fingerprint_of
    before = fingerprint()

    (macros / "templates" / "page.html").write_text("<p>{{ y }}</p>\n", encoding="utf-8")

    assert fingerprint() == before


def test_a_file_made_by_named_modules_changes_only_with_those_modules(fingerprint_of):
    macros, _, fingerprint = fingerprint_of
    (macros / "pdf.py").write_text("PAGES = 1\n", encoding="utf-8")
    code_fingerprint.cache_clear()
    previews_only, everything = code_fingerprint(("previews.py",)), fingerprint()

    (macros / "pdf.py").write_text("PAGES = 2\n", encoding="utf-8")
    code_fingerprint.cache_clear()

    assert code_fingerprint(("previews.py",)) == previews_only
    assert fingerprint() != everything


def test_the_code_fingerprint_changes_with_a_drawing_library_version(fingerprint_of):
    _, versions, fingerprint = fingerprint_of
    before = fingerprint()

    versions["pillow"] = "12.0.1"

    assert fingerprint() != before


def test_the_code_fingerprint_ignores_compiled_python(fingerprint_of):
    macros, _, fingerprint = fingerprint_of
    before = fingerprint()

    (macros / "__pycache__").mkdir()
    (macros / "__pycache__" / "previews.cpython-311.pyc").write_bytes(b"\x00compiled")

    assert fingerprint() == before


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


def test_a_shared_folder_gives_another_project_what_one_made_and_is_never_pruned(tmp_path):
    shared = tmp_path / "shared"
    first = ArtefactCache(tmp_path / "one" / ".cache" / "artefacts", shared)
    first.start_build()
    first.get("pdf", ["data"], Maker(b"the pdf"))
    other = ArtefactCache(tmp_path / "two" / ".cache" / "artefacts", shared)
    other.start_build()
    make = Maker(b"drawn again")
    assert other.get("pdf", ["data"], make) == b"the pdf"
    assert make.calls == 0
    assert files_in(tmp_path / "two" / ".cache" / "artefacts") == files_in(shared)  # its own cache is complete
    other.start_build()
    other.prune()  # a build that used nothing
    assert len(files_in(shared)) == 1


def test_builds_sharing_a_folder_draw_a_file_once_when_they_need_it_at_the_same_time(tmp_path):
    shared, started = tmp_path / "shared", threading.Event()

    class SlowMaker(Maker):
        def __call__(self) -> bytes:
            started.set()
            time.sleep(0.3)  # the other build asks meanwhile
            return super().__call__()

    make = SlowMaker(b"the pdf")
    caches = [ArtefactCache(tmp_path / name / ".cache" / "artefacts", shared) for name in ("one", "two")]
    with ThreadPoolExecutor(2) as pool:
        first = pool.submit(caches[0].get, "pdf", ["data"], make)
        started.wait(5)
        second = pool.submit(caches[1].get, "pdf", ["data"], make)
        assert first.result() == second.result() == b"the pdf"
    assert make.calls == 1


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

    return {
        "project": project, "site_name": old_site.name, "changed": changed.slug, "new_title": new_title,
        "old": {"site": old_site, "dir": root / "first", "cache": old_cache, "pdf": old_pdf},
        "new": {"site": load_site(project / "data"), "dir": root / "second", "cache": cache_files(project)},
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
    assert new_pdf == programme_pdf(builds["new"]["site"])
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
    assert set(new) == set(cache_files(builds["project"]))
    assert not any(name.startswith(".tmp-") for name in new)


def test_compiled_templates_are_kept_and_an_edited_template_is_compiled_again(builds):
    assert any((builds["project"] / ".cache" / "jinja").iterdir())
    old = (builds["old"]["dir"] / "over" / "index.html").read_text(encoding="utf-8")
    new = (builds["new"]["dir"] / "over" / "index.html").read_text(encoding="utf-8")

    assert "Laatst bijgewerkt:" in old and "Laatst bijgewerkt:" not in new
    assert "Laatst gewijzigd:" in new
    assert 'name="twitter:card" content="summary_large_image"' in old
    assert 'name="twitter:card" content="summary"' in new
