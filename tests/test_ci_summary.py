"""A pull request's job summary says in Dutch how each check went and what the change does."""

import subprocess
import sys

from tests.project import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import ci_summary  # noqa: E402


def test_every_check_gets_a_dutch_line():
    text = ci_summary.summary({"check": "success", "build": "success", "test": "success"}, None, None)
    assert text.count("✅ in orde") == 3
    for _key, name, _log, _advice in ci_summary.CHECKS:
        assert f"**{name}**" in text


def test_a_failed_check_says_what_to_do_and_quotes_its_messages(tmp_path):
    (tmp_path / "check.log").write_text(
        ".venv/bin/python -m macros.view.check\nDe data bevat 1 probleem. De site is niet gebouwd.\n"
        "  - data/opgaven.yaml, regel 12 · opgave 'x' · veld 'titel': dit veld ontbreekt.\n"
        "make: *** [Makefile:36: check] Error 1\n",
        encoding="utf-8",
    )
    text = ci_summary.summary({"check": "failure", "build": "skipped", "test": "skipped"}, tmp_path, None)
    assert "❌ mislukt" in text and "De data bevat fouten" in text
    assert "regel 12 · opgave 'x' · veld 'titel'" in text
    assert "make: ***" not in text and ".venv/bin/python" not in text
    assert text.count("niet gedaan, omdat een eerdere stap mislukte") == 2


def test_failing_tests_are_listed_by_name(tmp_path):
    (tmp_path / "test.log").write_text(
        "....F.\nFAILED tests/test_links.py::test_no_broken_links - AssertionError\n1 failed, 5 passed\n",
        encoding="utf-8",
    )
    text = ci_summary.summary({"check": "success", "build": "success", "test": "failure"}, tmp_path, None)
    assert "FAILED tests/test_links.py::test_no_broken_links" in text
    assert "Vraag een ontwikkelaar" in text


def test_the_summary_ends_with_what_the_change_does_to_the_site():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "ci_summary.py"), "--check", "success", "--build", "success",
         "--test", "success", "--base", "HEAD"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "# Wat verandert er op de site?" in result.stdout
    assert "Vergeleken: HEAD" in result.stdout


def test_an_unknown_base_is_explained_not_fatal():
    text = ci_summary.change_summary("geen-bestaande-revisie")
    assert "kon niet worden gemaakt" in text and "geen-bestaande-revisie" in text
