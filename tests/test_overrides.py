"""The copied Material templates in overrides/ still match the Material version installed.

overrides/base.html, partials/header.html, partials/search.html and partials/nav-item.html are
full copies of Material's templates with a few accessibility fixes (marked "EKD:"). Each names
the sha256 of the original it was copied from. If Material is upgraded and changes one of them,
this test fails: copy the new original again and re-apply the marked changes, or the site would
silently keep old markup.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import material
import pytest

from tests.project import ROOT

OVERRIDES = ROOT / "overrides"
MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"
HEADER = re.compile(r"Copy of Material for MkDocs \S+ templates/(\S+)\s+\(original sha256 ([0-9a-f]{64})")

COPIES = sorted(
    p for p in OVERRIDES.rglob("*.html") if HEADER.search(p.read_text(encoding="utf-8"))
)


def test_copies_are_found():
    assert COPIES, f"no copied Material templates found under {OVERRIDES}"


@pytest.mark.parametrize("copy", COPIES, ids=lambda p: p.relative_to(OVERRIDES).as_posix())
def test_copy_matches_installed_material(copy: Path):
    name, recorded = HEADER.search(copy.read_text(encoding="utf-8")).groups()
    original = MATERIAL_TEMPLATES / name
    assert original.is_file(), f"Material no longer has templates/{name} (copied in {copy})"
    actual = hashlib.sha256(original.read_bytes()).hexdigest()
    assert actual == recorded, (
        f"Material's templates/{name} changed since it was copied to "
        f"{copy.relative_to(ROOT)}: copy it again, re-apply the changes marked 'EKD:', "
        f"and record the new sha256 {actual}"
    )
    assert "EKD:" in copy.read_text(encoding="utf-8"), f"{copy} marks no change: delete it"
