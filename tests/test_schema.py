"""Editor help: every data file points VS Code at a JSON Schema made from the models.

The schemas are committed (VS Code reads them from the repository), so they must be
regenerated whenever a model changes; these tests say when that was forgotten.
"""

import datetime
import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from macros.data.files import DATA_FILES
from macros.data.schema import SCHEMA_DIR, build_schema, modeline, schema_file_name, stale
from tests.project import ADOPTED_DATA, PROJECT

# The real data files (content tests) and the adopted opgaven, a known valid file to break on purpose.
DATA_PATHS = sorted((PROJECT / "data").glob("*.yaml"))
ADOPTED_OPGAVEN = ADOPTED_DATA / "opgaven.yaml"
content = pytest.mark.content


def as_editor_reads_it(value):
    """YAML as the editor's JSON Schema check sees it: dates are text there."""
    if isinstance(value, dict):
        return {key: as_editor_reads_it(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_editor_reads_it(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def validator(file_name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / schema_file_name(file_name)).read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(file_name: str, data) -> list[str]:
    return [error.message for error in validator(file_name).iter_errors(as_editor_reads_it(data))]


def test_committed_schemas_match_the_models():
    assert stale() == [], "de schema's zijn verouderd: voer `make schema` uit"


@content
def test_every_data_file_is_registered():
    assert sorted(path.name for path in DATA_PATHS) == sorted(DATA_FILES)


@content
@pytest.mark.parametrize("path", DATA_PATHS, ids=lambda p: p.name)
def test_every_data_file_starts_with_the_schema_modeline(path):
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert first_line == modeline(path.name)


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_the_modeline_points_at_the_committed_schema(name):
    # The path is relative to the data file, in data/ next to schema/.
    target = SCHEMA_DIR.parent / "data" / modeline(name).split("$schema=", 1)[1]
    assert target.resolve() == (SCHEMA_DIR / schema_file_name(name)).resolve()
    assert target.is_file()


@content
@pytest.mark.parametrize("path", DATA_PATHS, ids=lambda p: p.name)
def test_the_real_data_passes_its_schema(path):
    assert errors(path.name, yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("name", sorted(DATA_FILES))
def test_every_field_has_help_text(name):
    """Each key staff can type shows a description when they hover over it."""
    schema = build_schema(name, DATA_FILES[name])
    missing = []

    def walk(node, where):
        if isinstance(node, dict):
            for key, child in node.get("properties", {}).items():
                if not child.get("description"):
                    missing.append(f"{where}.{key}")
                walk(child, f"{where}.{key}")
            for key in ("items", "anyOf", "oneOf", "allOf", "additionalProperties"):
                walk(node.get(key), where)
            for key, child in node.get("$defs", {}).items():
                walk(child, key)
        elif isinstance(node, list):
            for child in node:
                walk(child, where)

    walk(schema, name)
    assert missing == []


def test_the_schema_points_out_a_misspelt_key():
    data = yaml.safe_load(ADOPTED_OPGAVEN.read_text(encoding="utf-8"))
    data["opgaven"][0]["partnrs"] = data["opgaven"][0].pop("partners")
    found = errors("opgaven.yaml", data)
    assert any("'partnrs'" in message for message in found), found
    assert any("'partners' is a required property" in message for message in found), found


def test_the_schema_knows_activities_and_results_with_progress():
    data = yaml.safe_load(ADOPTED_OPGAVEN.read_text(encoding="utf-8"))
    assert errors("opgaven.yaml", data) == []
    items = data["opgaven"][0]["activiteiten"][0]["items"]
    items[0] = {"tekst": items[0], "status": "lopend", "datum": datetime.date(2025, 3, 1), "toelichting": "Kort."}
    assert errors("opgaven.yaml", data) == []
    items[0]["status"] = "bezig"
    assert any("'bezig'" in message for message in errors("opgaven.yaml", data))


def test_schemas_do_not_show_english_developer_notes():
    text = "".join(path.read_text(encoding="utf-8") for path in SCHEMA_DIR.glob("*.schema.json"))
    assert "unknown keys are mistakes" not in text  # the docstring of models.common.Record
    assert '"title": "Opgave"' not in text
