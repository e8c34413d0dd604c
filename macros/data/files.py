"""Where the project is, and its data files: the one list of them, with the model of each.

load_site reads these, macros/view/site.py says which part of the site each is shown in
(SOURCES), and macros/data/schema.py writes an editor schema for each: add a new file here.
"""

from pathlib import Path

from macros.data.models.budget import BudgetFile
from macros.data.models.glossary import GlossaryFile
from macros.data.models.opgaven import OpgavenFile
from macros.data.models.organisations import OrganisationsFile
from macros.data.models.programme import ProgrammeFile
from macros.data.models.programmes import ProgrammesFile

# The project folder; only the two files MkDocs loads by path (macros/engine/) find it themselves.
ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"

OPGAVEN_FILE = "opgaven.yaml"
PROGRAMME_FILE = "programma.yaml"
BUDGET_FILE = "budgetten.yaml"
ORGANISATIONS_FILE = "organisaties.yaml"
PROGRAMMES_FILE = "programmas.yaml"
GLOSSARY_FILE = "begrippen.yaml"

DATA_FILES: dict[str, type] = {
    OPGAVEN_FILE: OpgavenFile,
    PROGRAMME_FILE: ProgrammeFile,
    BUDGET_FILE: BudgetFile,
    ORGANISATIONS_FILE: OrganisationsFile,
    PROGRAMMES_FILE: ProgrammesFile,
    GLOSSARY_FILE: GlossaryFile,
}


def shown_name(file_name: str) -> str:
    """How messages to staff name a data file: 'data/opgaven.yaml'."""
    return f"data/{file_name}"

