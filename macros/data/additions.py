"""What today's data must have that older data may lack: the sections added after adoption.

The models read every version of the data since adoption (bron/vastgesteld/ and each commit
in the change history), so a section added later is optional in them (see
macros/data/sections.py, `added`). That today's data has it is a content rule, checked here
for `make check` and the build only (`load_site(..., current=True)`), with a Dutch message.
"""

from macros.data import messages
from macros.data.loader import Document
from macros.data.problems import Problem
from macros.data.sections import SECTIONS


def missing_additions(opgaven_file, programme, documents: dict[str, Document]) -> list[Problem]:
    """Every section added after adoption, in every opgave and in the programme's explanations."""
    problems = []
    for section in (section for section in SECTIONS if section.added):
        for index, opgave in enumerate(opgaven_file.opgaven):
            if not getattr(opgave, section.field):
                document = documents["opgaven.yaml"]
                problems.append(Problem(
                    file=document.name, line=document.line_of(("opgaven", index)),
                    record=messages.RECORD.format(name=messages.RECORD_NAMES["opgaven"], key=opgave.id),
                    field=section.key, message=messages.SECTION_MISSING.format(heading=section.heading)))
        if programme.aspects.of(section) is None:
            document = documents["programma.yaml"]
            problems.append(Problem(
                file=document.name, line=document.line_of(("aspecten", "beschrijvingen")),
                field=f"aspecten › beschrijvingen › {section.key}",
                message=messages.SECTION_EXPLANATION_MISSING.format(heading=section.heading)))
    return problems
