"""The data files: where they are, and the model that describes each.

load_site reads these, and macros/data/schema.py writes an editor schema for each: add a
new file here.
"""

from pathlib import Path

from macros.data.models.budget import BudgetFile
from macros.data.models.glossary import GlossaryFile
from macros.data.models.opgaven import OpgavenFile
from macros.data.models.organisations import OrganisationsFile
from macros.data.models.programme import ProgrammeFile
from macros.data.models.programmes import ProgrammesFile

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"

DATA_FILES: dict[str, type] = {
    "opgaven.yaml": OpgavenFile,
    "programma.yaml": ProgrammeFile,
    "budgetten.yaml": BudgetFile,
    "organisaties.yaml": OrganisationsFile,
    "programmas.yaml": ProgrammesFile,
    "begrippen.yaml": GlossaryFile,
}

