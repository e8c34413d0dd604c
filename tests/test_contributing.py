"""CONTRIBUTING.md is executable: every example edit in it works on the real site.

Each example in the guide is marked `<!-- voorbeeld: name -->` before its code block.
The tests below take the guide's own YAML and do what the guide tells an editor to do
with it, as text edits in a copy of the repository (the way a person edits the file),
wherever the live data has room for it. Each edit must pass the data check on its own;
all of them together must pass `make check`, `make build`, the content tests
(`pytest -m content` on the copy) and the page checks of every page (axe-core, widths,
tables on a phone: tests/browser/test_every_page.py on the copy's site). When the guide
and the code disagree, a test fails.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from macros.view.check import main as check_main
from macros.data.loader import load_document
from tests.project import ADOPTED_DATA, ENV, ROOT, copy_project

GUIDE = ROOT / "CONTRIBUTING.md"
_EXAMPLE = re.compile(r"<!-- voorbeeld: ([\w-]+) -->\s*\n\s*```(\w+)\n(.*?)\n\s*```", re.DOTALL)


def examples() -> dict[str, str]:
    """Every marked code block of the guide by name, with its common indentation removed."""
    found = {}
    for name, _language, body in _EXAMPLE.findall(GUIDE.read_text(encoding="utf-8")):
        lines = body.split("\n")
        margin = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
        found[name] = "\n".join(line[margin:] for line in lines)
    return found


def example(name: str) -> str:
    found = examples()
    assert name in found, f"CONTRIBUTING.md heeft geen voorbeeld '{name}' meer; de test volgt de gids"
    return found[name]


# ---------------------------------------------------------------- editing like a person


class YamlFile:
    """A data file edited as text, with the loader's line numbers to find things."""

    def __init__(self, path: Path):
        self.path = path
        self.document = load_document(path)
        self.lines = path.read_text(encoding="utf-8").split("\n")

    @property
    def data(self):
        return self.document.data

    def line(self, *path) -> int:
        """0-based index of the line where the value at `path` starts."""
        return self.document.lines[tuple(path)] - 1

    def indent(self, index: int) -> str:
        return self.lines[index][: len(self.lines[index]) - len(self.lines[index].lstrip())]

    def insert(self, index: int, block: str, indent: str) -> None:
        """Put `block` (lines without indentation of their own) before line `index`."""
        self.lines[index:index] = [indent + line if line else line for line in block.split("\n")]

    def item_end(self, index: int) -> int:
        """The line after the list item or record starting at `index` (its `>-` lines included)."""
        own = len(self.indent(index))
        end = index + 1
        while end < len(self.lines) and (not self.lines[end].strip() or len(self.indent(end)) > own):
            end += 1
        while end > index + 1 and not self.lines[end - 1].strip():
            end -= 1
        return end

    def save(self) -> None:
        self.path.write_text("\n".join(self.lines), encoding="utf-8")


def value_of(block: str, key: str):
    """The value of `key` anywhere in a YAML example."""
    def search(node):
        if isinstance(node, dict):
            if key in node:
                return node[key]
            node = list(node.values())
        if isinstance(node, list):
            for child in node:
                found = search(child)
                if found is not None:
                    return found
        return None
    return search(yaml.safe_load(block))


def was(block: str, key: str) -> tuple[int, int]:
    """(old, new) from a guide line like `bedrag: 1055000   # was 1050000`."""
    match = re.search(rf"{key}: (\d+)\s+# was (\d+)", block)
    assert match, f"het voorbeeld toont bij '{key}' niet het oude en het nieuwe getal"
    return int(match.group(2)), int(match.group(1))


# ---------------------------------------------------------------- the guide's edits


def add_activity(data: Path) -> None:
    """A new line in the first activity group of the first opgave, its dash under the others."""
    new_item = example("activiteit-toevoegen").split("\n")[-1]
    assert new_item.lstrip().startswith("- "), "het voorbeeld eindigt niet met de nieuwe activiteit"
    file = YamlFile(data / "opgaven.yaml")
    items = ("opgaven", 0, "activiteiten", 0, "items")
    last = len(file.data["opgaven"][0]["activiteiten"][0]["items"]) - 1
    start = file.line(*items, last)
    dash = file.lines[start].index("-")
    file.insert(file.item_end(start), new_item.lstrip(), " " * dash)
    file.save()


def report_progress(data: Path) -> None:
    """The first activity of the last opgave becomes a block with the guide's status fields."""
    block = yaml.safe_load(example("voortgang"))["items"][0]
    assert set(block) >= {"tekst", "status", "datum"}, "het voorbeeld van de voortgang mist velden"
    file = YamlFile(data / "opgaven.yaml")
    opgave = len(file.data["opgaven"]) - 1
    path = ("opgaven", opgave, "activiteiten", 0, "items", 0)
    current = file.data["opgaven"][opgave]["activiteiten"][0]["items"][0]
    text = current["tekst"] if isinstance(current, dict) else current
    start = file.line(*path)
    dash = file.lines[start].index("-")
    end = file.item_end(start)
    fields = [f"tekst: {json.dumps(text, ensure_ascii=False)}"]  # a double-quoted YAML string
    fields += [f"{key}: {value}" for key, value in block.items() if key != "tekst"]
    del file.lines[start:end]
    file.insert(start, "- " + "\n  ".join(fields), " " * dash)
    file.save()


def add_partner(data: Path) -> None:
    """Register the guide's organisation and its abbreviation, then name it in opgave 1's partners."""
    register = example("partner-register")
    name = value_of(register, "naam")
    _insert_alphabetically(data / "organisaties.yaml", "organisaties", "naam", register)
    _insert_alphabetically(data / "begrippen.yaml", "begrippen", "afkorting", example("partner-begrip"))
    partner_line = example("partner-bij-opgave").split("\n")[-1].strip()
    assert partner_line == f"- {name}", "het voorbeeld zet niet dezelfde naam bij de opgave als in het register"
    file = YamlFile(data / "opgaven.yaml")
    start = file.line("opgaven", 0, "partners", 0)
    file.insert(start, partner_line, " " * file.lines[start].index("-"))
    file.save()


def _insert_alphabetically(path: Path, list_key: str, sort_key: str, block: str) -> None:
    record = yaml.safe_load(block)
    record = record[0] if isinstance(record, list) else record
    file = YamlFile(path)
    entries = file.data[list_key]
    position = next((i for i, entry in enumerate(entries) if entry[sort_key].lower() > record[sort_key].lower()), None)
    if position is None:  # after the last entry
        start = file.line(list_key, len(entries) - 1)
        at, indent = file.item_end(start), file.indent(start)
    else:
        at = file.line(list_key, position)
        indent = file.indent(at)
    file.insert(at, block.strip() + "\n", indent)
    file.save()


def change_amount(data: Path) -> None:
    """The first amount of the last year goes up as in the guide, and the year's total with it."""
    block = example("bedrag-wijzigen")
    old_total, new_total = was(block, "vastgesteld_totaal")
    old_amount, new_amount = was(block, "bedrag")
    assert new_total - old_total == new_amount - old_amount, "in het voorbeeld verandert het totaal niet evenveel als het bedrag"
    delta = new_amount - old_amount
    file = YamlFile(data / "budgetten.yaml")
    year = len(file.data["jaren"]) - 1
    groups = file.data["jaren"][year]["groepen"]
    group, line = next((g, l) for g, group in enumerate(groups)
                       for l, entry in enumerate(group["regels"]) if isinstance(entry["bedrag"], int))
    _add_to(file, ("jaren", year, "groepen", group, "regels", line, "bedrag"), delta)
    _add_to(file, ("jaren", year, "vastgesteld_totaal"), delta)
    file.save()


def _add_to(file: YamlFile, path: tuple, delta: int) -> None:
    index = file.line(*path)
    key = path[-1]
    file.lines[index] = re.sub(rf"({key}: )(\d+)", lambda m: f"{m.group(1)}{int(m.group(2)) + delta}", file.lines[index])


def rename_slug(data: Path) -> None:
    """The second opgave gets a new slug; its old one goes under oude_slugs, as in the guide."""
    guide = yaml.safe_load(example("slug-wijzigen"))[0]
    assert guide["slug"] != guide["oude_slugs"][0] and "id" in guide
    file = YamlFile(data / "opgaven.yaml")
    position = 1 if len(file.data["opgaven"]) > 1 else 0
    old = file.data["opgaven"][position]["slug"]
    index = file.line("opgaven", position, "slug")
    indent = file.indent(index)
    file.lines[index] = f"{indent}slug: {old}-nieuw"
    if "oude_slugs" in file.data["opgaven"][position]:
        at = file.line("opgaven", position, "oude_slugs", 0)
        file.insert(at, f"- {old}", file.indent(at))
    else:
        file.insert(index + 1, f"oude_slugs:\n  - {old}", indent)
    file.save()


# The guide's new opgave says "a programme from data/programmas.yaml" where an editor picks one.
PLACEHOLDERS = {
    "Een programma uit data/programmas.yaml": ("programmas.yaml", "programmas"),
    "Een organisatie uit data/organisaties.yaml": ("organisaties.yaml", "organisaties"),
}


def add_opgave(data: Path) -> None:
    """The guide's new opgave at the end of data/opgaven.yaml, and its budget group with the total."""
    record = example("opgave-toevoegen")
    for placeholder, (file_name, key) in PLACEHOLDERS.items():
        assert placeholder in record, f"het voorbeeld van een nieuwe opgave noemt '{placeholder}' niet meer"
        first = load_document(data / file_name).data[key][0]["naam"]
        record = record.replace(placeholder, first)
    opgaven = data / "opgaven.yaml"
    text = opgaven.read_text(encoding="utf-8").rstrip("\n")
    indent = YamlFile(opgaven).indent(YamlFile(opgaven).line("opgaven", 0))
    opgaven.write_text(text + "\n\n" + "\n".join(indent + line if line else line for line in record.split("\n")) + "\n",
                       encoding="utf-8")
    group = example("opgave-budget")
    assert value_of(group, "opgave") == value_of(record, "id"), "de begrotingsgroep noemt een andere opgave"
    amounts = [line["bedrag"] for line in yaml.safe_load(group)[0]["regels"] if isinstance(line["bedrag"], int)]
    file = YamlFile(data / "budgetten.yaml")
    year = next(y for y, entry in reversed(list(enumerate(file.data["jaren"])))
                if any("opgave" in g for g in entry["groepen"]))
    last_group = len(file.data["jaren"][year]["groepen"]) - 1
    start = file.line("jaren", year, "groepen", last_group)
    file.insert(file.item_end(start), "\n" + group.strip(), file.indent(start))
    file.save()
    file = YamlFile(data / "budgetten.yaml")
    _add_to(file, ("jaren", year, "vastgesteld_totaal"), sum(amounts))
    file.save()


def fill_in_contact(data: Path) -> None:
    """Replace each INVULLEN of the contact block by the guide's value, line by line."""
    values = yaml.safe_load(example("contactgegevens"))["contact"]
    file = YamlFile(data / "programma.yaml")
    assert "contact" in file.data, "data/programma.yaml heeft geen blok 'contact' meer; de gids noemt het"
    for key, value in values.items():
        index = file.line("contact", key)
        assert file.lines[index].strip() == f"{key}: INVULLEN", f"'{key}' staat niet meer op INVULLEN"
        file.lines[index] = f"{file.indent(index)}{key}: {value}"
    file.save()


EDITS = {
    "activiteit-toevoegen": add_activity,
    "voortgang": report_progress,
    "partner": add_partner,
    "bedrag-wijzigen": change_amount,
    "slug-wijzigen": rename_slug,
    "opgave-toevoegen": add_opgave,
    "contactgegevens": fill_in_contact,
}


def run_check(data: Path, capsys) -> str:
    code = check_main([str(data)])
    output = capsys.readouterr()
    assert code == 0, f"make check faalt na het voorbeeld uit CONTRIBUTING.md:\n{output.err}"
    return output.out


@pytest.mark.parametrize("name", EDITS)
def test_each_example_edit_passes_the_data_check(name, tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    before = {file.name: file.read_text(encoding="utf-8") for file in data.glob("*.yaml")}
    EDITS[name](data)
    after = {file.name: file.read_text(encoding="utf-8") for file in data.glob("*.yaml")}
    assert before != after, "de test veranderde niets"
    run_check(data, capsys)


def test_after_filling_in_the_contact_details_the_check_warns_no_more(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    fill_in_contact(data)
    assert check_main([str(data)]) == 0
    assert capsys.readouterr().err == "", "na het voorbeeld mag make check niet meer waarschuwen"


def test_every_example_in_the_guide_is_tried():
    used = {"activiteit-toevoegen", "voortgang", "partner-register", "partner-begrip", "partner-bij-opgave",
            "bedrag-wijzigen", "slug-wijzigen", "opgave-toevoegen", "opgave-budget", "melding", "contactgegevens"}
    assert set(examples()) == used, "een voorbeeld in CONTRIBUTING.md wordt niet getest (of is weg)"


def test_the_example_message_is_what_make_check_says(tmp_path, capsys):
    """The guide's sample report: `partnrs` in the first opgave and `112.449` as the first 2024 amount."""
    data = tmp_path / "data"
    shutil.copytree(ADOPTED_DATA, data)
    opgaven = YamlFile(data / "opgaven.yaml")
    index = opgaven.line("opgaven", 0, "partners")
    opgaven.lines[index] = opgaven.lines[index].replace("partners:", "partnrs:")
    opgaven.save()
    budget = YamlFile(data / "budgetten.yaml")
    index = budget.line("jaren", 0, "groepen", 0, "regels", 0, "bedrag")
    budget.lines[index] = re.sub(r"(\d+)(\d{3})$", r"\1.\2", budget.lines[index])
    budget.save()
    assert check_main([str(data)]) == 1
    report = capsys.readouterr().err.strip().split("\n")
    guide = example("melding").split("\n")
    assert [line.strip() for line in report[: len(guide)]] == [line.strip() for line in guide]


@pytest.mark.slow  # a whole run of the content tests
def test_all_examples_together_pass_check_build_the_content_tests_and_the_page_checks(tmp_path, built_site):
    """A realistic pull request: every example at once, then what CI runs on it (with the
    .cache/ of the real build, as CI restores it: only what the edits change is drawn)."""
    cache = ROOT / ".cache"
    project = copy_project(tmp_path / "repo", cache=cache if cache.is_dir() else None)
    for file in ("Makefile", "requirements.txt", "requirements-dev.txt", "constraints.txt", "pytest.ini"):
        shutil.copy2(ROOT / file, project / file)
    shutil.copytree(ROOT / "tools", project / "tools")
    for edit in EDITS.values():
        edit(project / "data")
    venv = Path(sys.executable).parent.parent
    make = subprocess.run(["make", "-s", "check", "build", f"VENV={venv}"], cwd=project, env=ENV,
                          capture_output=True, text=True)
    assert make.returncode == 0, f"make check build faalt:\n{make.stdout}\n{make.stderr}"
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / ".well-known" / "security.txt").is_file(), "na de contactgegevens hoort security.txt erbij"
    assert "Let op: data/programma.yaml" not in make.stderr, "na de contactgegevens mag de build niet meer waarschuwen"
    # On the site just built, at the same time: the content tests, and the page checks every page
    # of the real site passes (axe-core, no sideways scrolling, tables that fit a phone: the
    # guide's progress example once made /voortgang/ 473 px wide). One process each (-n 0).
    env = {**ENV, "EKD_PROJECT": str(project), "EKD_SITE": str(project / "site")}
    runs = {
        "de inhoudstests": ["-m", "content", str(ROOT / "tests")],
        # The policy test is about code, not content (and the real site's run has it).
        "de controles van elke pagina": [str(ROOT / "tests" / "browser" / "test_every_page.py"),
                                         "-k", "not runs_under_its_policy"],
    }
    started = {name: subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-n", "0", "-p", "no:cacheprovider", *args],
                                      cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
               for name, args in runs.items()}
    for name, run in started.items():
        output, _ = run.communicate()
        assert run.returncode == 0, f"{name} falen na de voorbeelden uit CONTRIBUTING.md:\n{output[-6000:]}"
        assert re.search(r"\d+ passed", output), f"bij {name} liep geen enkele test"
