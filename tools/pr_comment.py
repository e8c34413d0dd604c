#!/usr/bin/env python3
"""Puts the Dutch summary on the pull request as one comment, updated in place on each push.

    python3 tools/pr_comment.py SUMMARY.md

Run by .github/workflows/site.yml in a pull request's run, after tools/ci_summary.py.
The comment carries a hidden marker; a later run (also after a new push) replaces its
text instead of adding a comment, so the pull request shows one summary, the latest.
A pull request from a fork gets a read-only token: then the summary stays on the run's
Summary page (the job summary) and the run says so, in Dutch, without failing.
Needs only the standard library and the variables every GitHub job has: GITHUB_TOKEN
(given by the workflow), GITHUB_API_URL, GITHUB_REPOSITORY and GITHUB_EVENT_PATH.
"""

import json
import os
import sys
import urllib.error
import urllib.request
from pathlib import Path

MARKER = "<!-- ekd-samenvatting: deze reactie wordt bij elke push bijgewerkt -->"
LIMIT = 65_000  # GitHub refuses a comment over 65,536 characters
CUT = "\n\n… (ingekort: het hele overzicht staat bij de controle, onder *Details* en dan *Summary*)\n"
NO_COMMENT = (
    "De samenvatting kon niet bij de pull request worden gezet ({reason}). Dat gebeurt bij een pull "
    "request vanuit een fork: die mag geen reacties plaatsen. Je vindt de samenvatting bij de controle: "
    "klik op Details en dan op Summary."
)


class GitHub:
    def __init__(self, api: str, token: str):
        self.api, self.token = api.rstrip("/"), token

    def call(self, method: str, path: str, body: dict | None = None):
        request = urllib.request.Request(
            self.api + path, method=method,
            data=None if body is None else json.dumps(body).encode("utf-8"),
            headers={"Accept": "application/vnd.github+json", "Authorization": f"Bearer {self.token}",
                     "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)


def comment_body(summary: str) -> str:
    text = summary if len(summary) <= LIMIT else summary[:LIMIT] + CUT
    return f"{MARKER}\n{text}"


def publish(github: GitHub, repository: str, number: int, summary: str) -> str:
    """Update the pull request's summary comment, or add it; returns "bijgewerkt" or "geplaatst"."""
    body = comment_body(summary)
    page = 1
    while True:
        comments = github.call("GET", f"/repos/{repository}/issues/{number}/comments?per_page=100&page={page}")
        for comment in comments:
            if MARKER in (comment.get("body") or ""):
                github.call("PATCH", f"/repos/{repository}/issues/comments/{comment['id']}", {"body": body})
                return "bijgewerkt"
        if len(comments) < 100:
            break
        page += 1
    github.call("POST", f"/repos/{repository}/issues/{number}/comments", {"body": body})
    return "geplaatst"


def main(arguments: list[str]) -> int:
    summary = Path(arguments[0]).read_text(encoding="utf-8")
    event = json.loads(Path(os.environ["GITHUB_EVENT_PATH"]).read_text(encoding="utf-8"))
    number = event["pull_request"]["number"]
    github = GitHub(os.environ.get("GITHUB_API_URL", "https://api.github.com"), os.environ.get("GITHUB_TOKEN", ""))
    try:
        done = publish(github, os.environ["GITHUB_REPOSITORY"], number, summary)
    except (urllib.error.HTTPError, urllib.error.URLError, OSError) as error:
        reason = f"HTTP {error.code}" if isinstance(error, urllib.error.HTTPError) else str(error)
        message = NO_COMMENT.format(reason=reason)
        print(f"::notice title=Samenvatting niet bij de pull request::{message}")
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            with open(step_summary, "a", encoding="utf-8") as file:
                file.write(f"\n> {message}\n")
        return 0  # the summary itself is on the run's page: nothing the author must fix
    print(f"De samenvatting bij pull request #{number} is {done}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
