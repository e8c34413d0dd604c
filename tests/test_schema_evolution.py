"""The data model grows, and the adopted programme stays readable.

bron/vastgesteld/ is never edited and the change history reads every commit since adoption
with today's models. So a field added to the models is optional (absent means "not given"),
and a section added after adoption is marked `added` in macros/data/sections.py: older data
reads without it, and only today's data must have it (`make check`, the build). README,
"When the data model changes", says how.

Each test adds to the models in a fixture, as a developer would, in a repository made from the
adopted data (tests/test_history.py's `make_repo`).
"""

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from pydantic import Field

from macros.changes.history import load_history
from macros.data import files, messages
from macros.data.models.common import Text
from macros.data.models.opgaven import Opgave, OpgavenFile
from macros.view.site import load_site
from tests.project import ADOPTED_DATA, ROOT, read_yaml, write_yaml
from tests.test_history import edit_activity, make_repo, opgave_record


def test_todays_models_read_the_adopted_data():
    """Fails when a change of the models makes bron/vastgesteld/ unreadable: make the new
    field optional, or mark the new section `added` (README, "When the data model changes")."""
    site = load_site(ADOPTED_DATA)
    assert site.opgaven and site.budget.years


class OpgaveWithCore(Opgave):
    core: list[Text] = Field(default_factory=list, alias="kernboodschap", description="Een nieuw veld.")


class OpgavenWithCore(OpgavenFile):
    opgaven: list[OpgaveWithCore] = Field(min_length=1)


def test_a_new_optional_field_leaves_the_change_history_working(tmp_path, monkeypatch):
    repo = make_repo(tmp_path / "repo")
    repo.edit("opgaven.yaml", edit_activity)
    repo.commit("Activiteit bedrijventerreinen: starten in plaats van uitvoeren", "2027-02-01T10:00:00+01:00")
    monkeypatch.setitem(files.DATA_FILES, "opgaven.yaml", OpgavenWithCore)
    repo.edit("opgaven.yaml", lambda content: opgave_record(content, "vestigingsklimaat").update(
        kernboodschap=["Drenthe is een goede plek om te ondernemen."]))
    repo.commit("Een kernboodschap bij de eerste opgave", "2027-03-01T10:00:00+01:00")

    site = load_site(repo.data, current=True)
    history = load_history(repo.path, site)

    assert site.opgaven[0].record.core == ["Drenthe is een goede plek om te ondernemen."]
    assert history.available, history.unavailable
    assert not history.problems
    assert [entry.note for entry in history.published] == ["Activiteit bedrijventerreinen: starten in plaats van uitvoeren"]


# A new section, as a developer adds one: in the registry (marked `added`), in the model with
# a default, with its explanation in data/programma.yaml and its text in every opgave.
NEW_SECTION = 'Section("kernboodschap", "core", "Kernboodschap", "kernboodschap", added=True),\n'
NEW_FIELD = ('    core: list[Text] = Field(default_factory=list, alias="kernboodschap", '
             'description="Kernboodschap: de opgave in één zin.")\n')
CHECK = textwrap.dedent("""
    import json, sys
    from pathlib import Path
    from macros.changes.history import load_history
    from macros.data.problems import DataError
    from macros.view.site import load_site
    repo = Path(sys.argv[1])
    site = load_site(repo / "data", current=True)
    history = load_history(repo, site)
    adopted = load_site(repo / "bron" / "vastgesteld")
    try:
        load_site(Path(sys.argv[2]), current=True)
        refused = None
    except DataError as error:
        refused = error.report()
    print(json.dumps({"available": history.available, "unavailable": history.unavailable,
                      "problems": list(history.problems), "entries": [entry.note for entry in history.published],
                      "adopted_sections": len(adopted.sections), "refused": refused}))
""")


def with_new_section(code: Path) -> None:
    """A copy of macros/ whose models have the new section."""
    shutil.copytree(ROOT / "macros", code / "macros", ignore=shutil.ignore_patterns("__pycache__"))
    sections = code / "macros" / "data" / "sections.py"
    text = sections.read_text(encoding="utf-8")
    anchor = '    Section("doelgroep", "target_groups", "Doelgroep", "doelgroep"),\n'
    assert anchor in text
    sections.write_text(text.replace(anchor, anchor + "    " + NEW_SECTION), encoding="utf-8")
    model = code / "macros" / "data" / "models" / "opgaven.py"
    text = model.read_text(encoding="utf-8")
    anchor = "    @field_validator(\"activities\")\n"
    assert text.count(anchor) == 1
    model.write_text(text.replace(anchor, NEW_FIELD + "\n" + anchor), encoding="utf-8")


def add_section(data: Path) -> None:
    opgaven = read_yaml(data / "opgaven.yaml")
    for record in opgaven["opgaven"]:
        record["kernboodschap"] = [f"De kern van {record['titel']}."]
    write_yaml(data / "opgaven.yaml", opgaven)
    programme = read_yaml(data / "programma.yaml")
    programme["aspecten"]["beschrijvingen"]["kernboodschap"] = "Per opgave in één zin waar het om gaat."
    write_yaml(data / "programma.yaml", programme)


def test_a_new_section_leaves_the_adopted_data_readable_and_is_required_today(tmp_path):
    repo = make_repo(tmp_path / "repo")
    repo.edit("opgaven.yaml", edit_activity)
    repo.commit("Activiteit bedrijventerreinen: starten in plaats van uitvoeren", "2027-02-01T10:00:00+01:00")
    add_section(repo.data)
    repo.commit("Elke opgave krijgt een kernboodschap", "2027-03-01T10:00:00+01:00")
    without = tmp_path / "zonder-kernboodschap"
    shutil.copytree(repo.data, without)
    opgaven = read_yaml(without / "opgaven.yaml")
    del opgaven["opgaven"][1]["kernboodschap"]
    write_yaml(without / "opgaven.yaml", opgaven)
    code = tmp_path / "code"
    with_new_section(code)

    result = subprocess.run([sys.executable, "-c", CHECK, str(repo.path), str(without)], cwd=code,
                            capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout)
    assert outcome["available"], outcome["unavailable"]
    assert not outcome["problems"]
    assert outcome["adopted_sections"] == 8
    assert "Activiteit bedrijventerreinen: starten in plaats van uitvoeren" in outcome["entries"]
    second = read_yaml(ADOPTED_DATA / "opgaven.yaml")["opgaven"][1]["id"]
    assert f"opgave '{second}' · veld 'kernboodschap': " in outcome["refused"]
    assert messages.SECTION_MISSING.format(heading="Kernboodschap") in outcome["refused"]
