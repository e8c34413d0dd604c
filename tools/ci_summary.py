#!/usr/bin/env python3
"""The Dutch summary of a pull request's checks, for the GitHub job summary.

Run by .github/workflows/site.yml after every check, whatever their outcome:

    python tools/ci_summary.py --check OUTCOME --build OUTCOME --test OUTCOME \
        [--logs DIR] [--base REVISION] >> "$GITHUB_STEP_SUMMARY"

An outcome is what GitHub reports for a step: success, failure, cancelled or skipped.
Per check one line in plain Dutch with what to do when it failed (and the check's own
Dutch messages where they say more), then what the change does to the site (`make diff`).
"""

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Per check: its name in the workflow, the log it writes, and what a failure means for staff.
CHECKS = (
    ("check", "Data controleren (make check)", "check.log",
     "De data bevat fouten. De meldingen hieronder zeggen per fout het bestand, de regel en wat er "
     "verwacht werd. Herstel ze (CONTRIBUTING.md, “De meldingen op een rij”) en push opnieuw."),
    ("build", "Site bouwen, streng (make build)", "build.log",
     "De site kon niet worden gebouwd. Vaak is het een link die nergens heen gaat of een id met een "
     "tikfout; de meldingen hieronder noemen de pagina. Herstel het en push opnieuw."),
    ("test", "Alle tests (make test)", "test.log",
     "Een of meer tests falen. Dat ligt meestal niet aan je tekst. Vraag een ontwikkelaar om hulp "
     "en stuur de link naar deze pull request mee."),
)
OUTCOMES = {
    "success": "✅ in orde",
    "failure": "❌ mislukt",
    "cancelled": "⏹️ afgebroken",
    "skipped": "⏭️ niet gedaan, omdat een eerdere stap mislukte",
}
LOG_LINES = 40


def summary(outcomes: dict[str, str], logs: Path | None, base: str | None) -> str:
    parts = ["# Controles van deze wijziging", ""]
    for key, name, log, advice in CHECKS:
        outcome = outcomes.get(key, "skipped")
        parts.append(f"- **{name}**: {OUTCOMES.get(outcome, outcome)}")
        if outcome == "failure":
            parts.append(f"  {advice}")
    for key, name, log, _advice in CHECKS:
        if outcomes.get(key) == "failure" and logs and (logs / log).is_file():
            parts += ["", f"## Meldingen van “{name}”", "", "```text", *relevant_lines(key, logs / log), "```"]
    parts.append("")
    if base:
        parts.append(change_summary(base))
    return "\n".join(parts) + "\n"


def relevant_lines(check: str, log: Path) -> list[str]:
    """What a reader of the log needs: the Dutch report, the failing tests, or the last lines."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    if check == "test":
        failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
        return (failed or lines)[-LOG_LINES:]
    return [line for line in lines if not line.startswith(("INFO", "make:", ".venv/"))][-LOG_LINES:]


def change_summary(base: str) -> str:
    """`make diff` against the base of the pull request, or why it could not be made."""
    result = subprocess.run(
        [sys.executable, "-m", "macros.changes", base], cwd=ROOT, capture_output=True, text=True,
    )
    if result.returncode == 0:
        return result.stdout
    return (
        "## Wat verandert er op de site?\n\nHet overzicht van de wijzigingen kon niet worden gemaakt:\n\n"
        f"```text\n{(result.stderr or result.stdout).strip()}\n```\n"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    for key, *_ in CHECKS:
        parser.add_argument(f"--{key}", default="skipped")
    parser.add_argument("--logs", type=Path)
    parser.add_argument("--base")
    args = parser.parse_args(argv)
    outcomes = {key: getattr(args, key) for key, *_ in CHECKS}
    sys.stdout.write(summary(outcomes, args.logs, args.base))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
