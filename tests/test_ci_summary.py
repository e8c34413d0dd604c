"""A pull request's summary says in Dutch how each check went, which test failed on which page
and whether the content is the likely cause, where the preview is, and what the change does;
on the pull request as one comment, kept up to date."""

import os
import subprocess
import sys

import pytest

from tests.fake_github import REPOSITORY, FakeGitHub, event_file
from tests.project import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import ci_summary  # noqa: E402
import pr_comment  # noqa: E402


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


def test_without_a_test_report_failing_tests_are_listed_from_the_log(tmp_path):
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


JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="3" failures="2">
<testcase classname="tests.browser.test_every_page" name="test_page_checks[/begroting/-320]">
  <failure message="AssertionError: axe: color-contrast on .md-typeset a">trace</failure></testcase>
<testcase classname="tests.test_links" name="test_no_broken_links"/>
<testcase classname="tests.test_nieuw_onderdeel" name="test_iets">
  <error message="{long}">trace</error></testcase>
</testsuite></testsuites>
"""


def failing_report(tmp_path):
    (tmp_path / "tests.xml").write_text(JUNIT.format(long="x " * 400), encoding="utf-8")
    return ci_summary.summary({"check": "success", "build": "success", "test": "failure"}, tmp_path, None)


def test_a_failing_test_is_named_by_what_it_checks_and_on_which_page(tmp_path):
    text = failing_report(tmp_path)
    assert "**elke pagina in de browser: toegankelijkheid, opmaak en links** · pagina `/begroting/`" in text
    assert "color-contrast on .md-typeset a" in text  # the rule, in the test's own words
    assert "test_no_broken_links" not in text  # it passed
    # A module without Dutch words yet is named by its file, its message cut short.
    assert "**tests/test_nieuw_onderdeel.py** (test `test_iets`)" in text and " …" in text
    assert "FAILED" not in text


def commit_in(work, message, **files):
    for name, text in files.items():
        (work / name).parent.mkdir(parents=True, exist_ok=True)
        (work / name).write_text(text, encoding="utf-8")
    subprocess.run(["git", "-C", str(work), "add", "-A"], check=True)
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.nl", "-C", str(work), "commit", "-q",
                    "-m", message], check=True)
    return subprocess.run(["git", "-C", str(work), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()


@pytest.mark.parametrize("changed, cause", [
    ({"data/opgaven.yaml": "x"}, "waarschijnlijk door de inhoud"),
    ({"content/index.md": "x"}, "waarschijnlijk door de inhoud"),
    ({"macros/view/site.py": "x"}, "ligt dan bij de code"),
    ({"data/opgaven.yaml": "x", "Makefile": "x"}, "zowel inhoud als code"),
])
def test_the_summary_says_whether_the_content_is_the_likely_cause(tmp_path, monkeypatch, changed, cause):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    base = commit_in(tmp_path, "basis", **{"README.md": "x"})
    commit_in(tmp_path, "wijziging", **changed)
    monkeypatch.setattr(ci_summary, "ROOT", tmp_path)
    text = ci_summary.likely_cause(base)
    assert cause in text
    for name in changed:
        assert name in text


def test_without_a_base_the_cause_is_not_guessed():
    assert "niet na te gaan" in ci_summary.likely_cause(None)
    assert "niet na te gaan" in ci_summary.likely_cause("geen-bestaande-revisie")


def test_while_the_tests_run_the_summary_says_it_will_be_updated():
    text = ci_summary.summary({"check": "success", "build": "pending", "test": "pending"}, None, None)
    assert text.count("⏳ bezig") == 2 and "bijgewerkt" in text


def test_the_preview_says_in_dutch_how_to_open_it():
    text = ci_summary.summary({"check": "success", "build": "success", "test": "success"}, None, None,
                              {"site": "https://github.com/a/b/actions/runs/1/artifacts/2",
                               "pdf": "https://github.com/a/b/actions/runs/1/artifacts/3"})
    assert "[De PDF van het programma](https://github.com/a/b/actions/runs/1/artifacts/3)" in text
    assert "dubbelklik op de PDF" in text
    assert "[De hele site](https://github.com/a/b/actions/runs/1/artifacts/2)" in text and "Pak het uit" in text
    assert "## Voorbeeld bekijken" not in ci_summary.summary({"check": "success"}, None, None)


# The pull request comment (tools/pr_comment.py), against a fake GitHub.

@pytest.fixture
def github():
    fake = FakeGitHub()
    yield fake
    fake.close()


def comment(github, tmp_path, text):
    summary = tmp_path / "summary.md"
    summary.write_text(text, encoding="utf-8")
    step_summary = tmp_path / "step_summary.md"
    step_summary.touch()
    env = {**os.environ, "GITHUB_API_URL": github.url, "GITHUB_REPOSITORY": REPOSITORY, "GITHUB_TOKEN": "t",
           "GITHUB_EVENT_PATH": event_file(tmp_path), "GITHUB_STEP_SUMMARY": str(step_summary)}
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "pr_comment.py"), str(summary)],
                            env=env, capture_output=True, text=True)
    return result, step_summary.read_text(encoding="utf-8")


def test_the_comment_is_one_and_updated_in_place(github, tmp_path):
    github.comments[5] = "Een reactie van een collega"
    first, _ = comment(github, tmp_path, "eerste versie")
    second, _ = comment(github, tmp_path, "tweede versie")
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "geplaatst" in first.stdout and "bijgewerkt" in second.stdout
    ours = [body for body in github.comments.values() if pr_comment.MARKER in body]
    assert len(ours) == 1 and ours[0].endswith("tweede versie")
    assert github.comments[5] == "Een reactie van een collega"


def test_the_comment_is_found_on_a_later_page(github, tmp_path):
    for key in range(1, 131):
        github.comments[key] = f"reactie {key}"
    github.comments[131] = pr_comment.comment_body("oud")
    result, _ = comment(github, tmp_path, "nieuw")
    assert result.returncode == 0 and "bijgewerkt" in result.stdout
    assert len(github.comments) == 131 and github.comments[131].endswith("nieuw")


def test_a_long_summary_is_cut_with_a_pointer_to_the_whole(github, tmp_path):
    comment(github, tmp_path, "regel\n" * 20_000)
    [body] = github.comments.values()
    assert len(body) < 65_536 and "ingekort" in body


def test_a_fork_without_the_right_to_comment_falls_back_to_the_job_summary(github, tmp_path):
    github.read_only = True
    result, step_summary = comment(github, tmp_path, "samenvatting")
    assert result.returncode == 0, "the author has nothing to fix"
    assert "::notice" in result.stdout and "HTTP 403" in result.stdout
    assert "kon niet bij de pull request worden gezet" in step_summary and "Summary" in step_summary
    assert not github.comments
