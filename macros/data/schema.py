"""JSON Schemas of the data files, for editors: `python -m macros.data.schema [--check]`.

VS Code (with the YAML extension) reads the `# yaml-language-server: $schema=...`
line at the top of each data file and then offers completion, hover help and
inline errors while staff type. The schemas are generated from the same pydantic
models that validate the build, so the two cannot drift apart; the help texts are
the models' Dutch field descriptions. `--check` fails when a committed schema is
out of date.
"""

import inspect
import json
import sys
from pathlib import Path

from pydantic.json_schema import GenerateJsonSchema

from macros.data import messages
from macros.data.files import DATA_FILES, ROOT

SCHEMA_DIR = ROOT / "schema"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_file_name(data_file: str) -> str:
    """'opgaven.yaml' -> 'opgaven.schema.json'."""
    return data_file.rsplit(".", 1)[0] + ".schema.json"


def modeline(data_file: str) -> str:
    """The first line of a data file that points editors at its schema."""
    return f"# yaml-language-server: $schema=../schema/{schema_file_name(data_file)}"


class _StaffSchema(GenerateJsonSchema):
    """Only help that is meant for staff: Dutch descriptions, no generated titles.

    Pydantic would also show class docstrings (English notes for developers) and
    titles made from Python names ("Activitygroup"); neither helps someone editing YAML.
    """

    def field_title_should_be_set(self, schema) -> bool:
        return False

    def model_schema(self, schema):
        json_schema = super().model_schema(schema)
        docstring = schema["cls"].__doc__
        if docstring and json_schema.get("description") == inspect.cleandoc(docstring):
            del json_schema["description"]
        json_schema.pop("title", None)
        return json_schema


def build_schema(data_file: str, model) -> dict:
    generated = model.model_json_schema(by_alias=True, mode="validation", schema_generator=_StaffSchema)
    return {"$schema": JSON_SCHEMA_DIALECT, "title": f"data/{data_file}", **generated}


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def expected_files() -> dict[str, str]:
    """Schema file name -> its text, for every registered data file."""
    return {schema_file_name(name): render(build_schema(name, model)) for name, model in DATA_FILES.items()}


def write(schema_dir: Path = SCHEMA_DIR) -> list[Path]:
    schema_dir.mkdir(exist_ok=True)
    written = []
    for name, text in expected_files().items():
        path = schema_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written


def stale(schema_dir: Path = SCHEMA_DIR) -> list[str]:
    """Schema files that are missing, out of date, or belong to no data file."""
    expected = expected_files()
    problems = [
        name for name, text in expected.items()
        if not (schema_dir / name).is_file() or (schema_dir / name).read_text(encoding="utf-8") != text
    ]
    problems += sorted(path.name for path in schema_dir.glob("*.schema.json") if path.name not in expected)
    return problems


def main(argv: list[str]) -> int:
    if argv == ["--check"]:
        outdated = stale()
        if outdated:
            print(messages.SCHEMAS_STALE.format(names=", ".join(outdated)), file=sys.stderr)
            return 1
        print(messages.SCHEMAS_UP_TO_DATE)
        return 0
    for path in write():
        print(messages.SCHEMA_UPDATED.format(path=path.relative_to(ROOT)))
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        if path.name not in expected_files():
            path.unlink()
            print(messages.SCHEMA_REMOVED.format(path=path.relative_to(ROOT)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
