#!/usr/bin/env python3
"""The Dutch summary of a pull request's checks: for the job summary and the pull request.

Run by .github/workflows/site.yml, whatever the checks' outcomes:

    python tools/ci_summary.py --check OUTCOME [--build OUTCOME] [--test OUTCOME] \
        [--logs DIR] [--base REVISION] [--site URL] [--pdf URL] > summary.md

An outcome is what GitHub reports for a step (success, failure, cancelled, skipped) or
`pending` while the long job still runs. Per check one line in plain Dutch with what to do
when it failed (and the check's own Dutch messages where they say more); failing tests by
what they check (which part of the site, which page) and whether the content is the likely
cause; the preview to download (--site, --pdf: the run's artefacts); then what the change
does to the site (`make diff` against BASE).
"""

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
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
     "Een of meer tests falen. Hieronder staat per test wat hij controleert en op welke pagina."),
)
OUTCOMES = {
    "success": "✅ in orde",
    "failure": "❌ mislukt",
    "cancelled": "⏹️ afgebroken",
    "skipped": "⏭️ niet gedaan, omdat een eerdere stap mislukte",
    "pending": "⏳ bezig: deze samenvatting wordt bijgewerkt als het klaar is (een kwartier of langer)",
}
LOG_LINES = 40
TEST_REPORT = "tests.xml"  # pytest --junitxml, written by the workflow's test step
NOTES = "notes.md"  # lines other steps want in the summary (tools/security_txt_check.py)
MESSAGE_CHARACTERS = 300

# What the tests of each module check, in words staff know. A module missing here is named
# by its file; the test's own message follows either way.
TOPICS = {
    "test_address": "het webadres van de site in links, sitemap en feeds",
    "test_artefact_cache": "de opslag van PDF en deelplaatjes tussen builds",
    "test_atomic_build": "dat een mislukte bouw de site niet half achterlaat",
    "test_bad_input": "de Nederlandse meldingen bij fouten in de data",
    "test_budget": "de bedragen en sommen van de begroting",
    "test_budget_charts": "de grafieken van de begroting",
    "test_budget_comparison": "de vergelijking van de begrotingsjaren",
    "test_budget_pages": "de begroting op de begrotingspagina en de opgavepagina's",
    "test_changes_site": "de wijzigingen sinds de vaststelling op de site",
    "test_ci_summary": "deze samenvatting",
    "test_contact": "de contactgegevens en security.txt",
    "test_content_is_data": "dat tekst uit de data nooit als code wordt uitgevoerd",
    "test_contributing": "de voorbeelden in CONTRIBUTING.md",
    "test_diff": "het overzicht van wat er verandert (make diff)",
    "test_engine_adapter": "de koppeling met MkDocs",
    "test_faithful_to_source": "dat de vastgestelde tekst woord voor woord klopt",
    "test_feed": "de feeds met wijzigingen",
    "test_glossary": "dat elke afkorting in de lijst met begrippen staat",
    "test_history": "de geschiedenis van wijzigingen",
    "test_home": "de startpagina",
    "test_html_valid": "geldige HTML op elke pagina",
    "test_indexes": "de overzichten van partners, programma's en doelgroepen",
    "test_indexes_data": "de verwijzingen tussen opgaven en registers",
    "test_indexes_everywhere": "de overzichten van waar iets voorkomt",
    "test_last_updated": "de datum “Laatst bijgewerkt”",
    "test_links": "dat elke link ergens heen gaat",
    "test_local_setup": "het werken op je eigen computer zonder beheerrechten",
    "test_new_opgave": "het toevoegen van een opgave",
    "test_open_data": "de open data (CSV en JSON)",
    "test_opgave_pages": "de pagina van elke opgave met alle onderdelen",
    "test_overrides": "de aangepaste sjablonen van Material",
    "test_page_parts": "de onderdelen van de pagina's",
    "test_pdf": "de PDF van het programma",
    "test_progress": "de voortgang van activiteiten en resultaten",
    "test_properdocs": "de bouw met ProperDocs",
    "test_public_urls": "de vaste webadressen van pagina's en onderdelen",
    "test_redirects": "de doorverwijzing van oude adressen",
    "test_reproducible": "dat twee builds dezelfde site geven",
    "test_schema": "de hulp van de editor (schema's)",
    "test_search_index": "de zoekindex",
    "test_security_headers": "de beveiligingsinstellingen van de pagina's",
    "test_serve": "make serve op je eigen computer",
    "test_share": "de deelplaatjes en links naar onderdelen",
    "test_statement": "de toegankelijkheidsverklaring",
    "test_workflow": "de controles op GitHub",
    "test_every_page": "elke pagina in de browser: toegankelijkheid, opmaak en links",
    "test_header_buttons": "de knoppen bovenaan op een telefoon",
    "test_home_navigation": "de navigatie vanaf de startpagina",
    "test_keyboard": "werken met alleen het toetsenbord",
    "test_menu": "het menu op een telefoon",
    "test_opgave_lead": "het begin van een opgavepagina op een telefoon",
    "test_print": "het printen van een pagina",
    "test_search": "het zoeken op de site",
    "test_site_folder": "de site in een map van de webserver",
}
# What staff edit: a change only here makes content the likely cause of a failing test.
CONTENT = re.compile(r"^(data/|content/.*\.md$)")
CAUSES = {
    "content": "Je wijziging raakt alleen de inhoud ({files}). Dan komt een falende test waarschijnlijk "
               "door de inhoud: kijk op de genoemde pagina naar je tekst. Kom je er niet uit, vraag dan een "
               "ontwikkelaar en stuur de link naar deze pull request mee.",
    "code": "Je wijziging raakt de inhoud niet, alleen code of instellingen ({files}). De oorzaak ligt dan "
            "bij de code, niet bij een tekst. Vraag een ontwikkelaar om hulp.",
    "both": "Je wijziging raakt zowel inhoud als code ({files}). Kijk eerst op de genoemde pagina of de "
            "fout over je tekst gaat; zo niet, vraag een ontwikkelaar om hulp.",
    "unknown": "Of het aan de inhoud ligt, is niet na te gaan (de vergelijking met de vorige versie "
               "ontbreekt). Vraag een ontwikkelaar om hulp en stuur de link naar deze pull request mee.",
}


def summary(outcomes: dict[str, str], logs: Path | None, base: str | None,
            preview: dict[str, str] | None = None) -> str:
    parts = ["# Controles van deze wijziging", ""]
    for key, name, _log, advice in CHECKS:
        outcome = outcomes.get(key, "skipped")
        parts.append(f"- **{name}**: {OUTCOMES.get(outcome, outcome)}")
        if outcome == "failure":
            parts.append(f"  {advice}")
    if logs and (logs / NOTES).is_file():
        parts += [f"- {line}" for line in (logs / NOTES).read_text(encoding="utf-8").splitlines() if line.strip()]
    if outcomes.get("test") == "failure":
        parts += ["", "## Welke tests falen", "", likely_cause(base), "", *failed_tests(logs)]
    for key, name, log, _advice in CHECKS:
        if key != "test" and outcomes.get(key) == "failure" and logs and (logs / log).is_file():
            parts += ["", f"## Meldingen van “{name}”", "", "```text", *relevant_lines(logs / log), "```"]
    if preview:
        parts += ["", *preview_section(preview)]
    parts.append("")
    if base:
        parts.append(change_summary(base))
    return "\n".join(parts) + "\n"


def relevant_lines(log: Path) -> list[str]:
    """What a reader of a check's log needs: its Dutch report, without make's own lines."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line for line in lines if not line.startswith(("INFO", "make:", ".venv/"))][-LOG_LINES:]


def failed_tests(logs: Path | None) -> list[str]:
    """One line per failing test: what it checks, on which page, and its own message."""
    report = logs / TEST_REPORT if logs else None
    if report is None or not report.is_file():
        log = logs / "test.log" if logs else None
        if log is None or not log.is_file():
            return ["De lijst met falende tests ontbreekt: zie het logboek van de stap “Alle tests”."]
        lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
        failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))] or lines
        return ["```text", *failed[-LOG_LINES:], "```"]
    found = []
    for case in ElementTree.parse(report).iter("testcase"):
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is not None:
            found.append(describe_test(case.get("classname", ""), case.get("name", ""), problem.get("message", "")))
    return found or ["Het testverslag noemt geen falende test: zie het logboek van de stap “Alle tests”."]


def describe_test(classname: str, name: str, message: str) -> str:
    module = classname.rsplit(".", 1)[-1]
    topic = TOPICS.get(module, f"tests/{module}.py")
    function, _, parameters = name.partition("[")
    pages = [part for part in re.split(r"[-\[\]]", parameters) if part.startswith("/")]
    where = f" · pagina {', '.join(f'`{page}`' for page in pages)}" if pages else ""
    said = " ".join(message.split())
    if len(said) > MESSAGE_CHARACTERS:
        said = said[:MESSAGE_CHARACTERS] + " …"
    said = said.replace("`", "'")
    return f"- **{topic}**{where} (test `{function}`){': ' + said if said else ''}"


def changed_files(base: str) -> list[str] | None:
    result = subprocess.run(["git", "diff", "--name-only", base, "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return result.stdout.split() if result.returncode == 0 else None


def likely_cause(base: str | None) -> str:
    """Whether the content is the likely cause: from which files the change touches."""
    files = changed_files(base) if base else None
    if not files:
        return CAUSES["unknown"]
    content = [name for name in files if CONTENT.match(name)]
    kind = "content" if len(content) == len(files) else "code" if not content else "both"
    shown = ", ".join(files[:5]) + (f" en nog {len(files) - 5}" if len(files) > 5 else "")
    return CAUSES[kind].format(files=shown)


def preview_section(preview: dict[str, str]) -> list[str]:
    lines = ["## Voorbeeld bekijken", ""]
    if preview.get("pdf"):
        lines.append(f"- [De PDF van het programma]({preview['pdf']}): je downloadt een zip-bestand. Open het "
                     "en dubbelklik op de PDF. Daarin staat het hele programma met je wijziging.")
    if preview.get("site"):
        lines.append(f"- [De hele site]({preview['site']}): je downloadt een zip-bestand. Pak het uit. Open in "
                     "die map een terminal en typ `python3 -m http.server 8000`. Ga dan in je browser naar "
                     "<http://127.0.0.1:8000>.")
    lines.append("")
    lines.append("Het voorbeeld is precies de site die hier getest wordt. Na het samenvoegen bouwt en test GitHub de "
                 "site nog één keer, en publiceert dan precies die versie.")
    return lines


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
    parser.add_argument("--site", help="where to download the built site (the run's artefact)")
    parser.add_argument("--pdf", help="where to download the programme PDF (the run's artefact)")
    args = parser.parse_args(argv)
    outcomes = {key: getattr(args, key) for key, *_ in CHECKS}
    preview = {key: value for key, value in (("site", args.site), ("pdf", args.pdf)) if value}
    sys.stdout.write(summary(outcomes, args.logs, args.base or None, preview))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
