"""Every HTML file of the built site is valid HTML according to the Nu Html Checker (vnu.jar,
tests/vnu.py). Only messages of type "error" (and checker failures) fail the test;
warnings are printed but allowed.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.vnu import vnu


def describe(message: dict, site: Path) -> str:
    url = message.get("url", "")
    path = unquote(urlsplit(url).path) if url.startswith("file:") else url
    try:
        path = Path(path).relative_to(site).as_posix()
    except ValueError:
        pass
    line = message.get("lastLine", "?")
    kind = message["type"] + (f"/{message['subType']}" if message.get("subType") else "")
    text = f"{path}:{line}: [{kind}] {message.get('message', '').strip()}"
    extract = " ".join(message.get("extract", "").split())
    if extract:
        text += f"\n      {extract[:200]}"
    return text


@pytest.mark.content
def test_html_is_valid(built_site: Path):
    result = vnu("--skip-non-html", "--format", "json", str(built_site))
    try:
        messages = json.loads(result.stderr)["messages"]  # vnu writes its report to stderr
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"vnu.jar exited {result.returncode} without a JSON report:\n"
            f"{result.stdout}\n{result.stderr}",
            pytrace=False,
        )

    # "non-document-error": the checker could not read or process a file.
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    # vnu reads the files by file: URL, which has no origin, so each page's policy ('self',
    # macros/outputs/security_headers.py) seems to block every stylesheet and script, and it
    # counts Material's JSON data block as an inline script. Chromium over HTTP is the judge of
    # the policy (tests/browser/test_every_page.py); vnu's notes on it are left out.
    others = [m for m in messages if m not in errors
              and "Content Security Policy (meta tag)" not in m.get("message", "")]
    if others:
        print(f"Nu Html Checker: {len(others)} warning(s)/info (not failed):")
        for m in others:
            print("  " + describe(m, built_site))

    if errors:
        pytest.fail(
            f"Nu Html Checker: {len(errors)} error(s):\n"
            + "\n".join("  " + describe(m, built_site) for m in errors),
            pytrace=False,
        )
    assert result.returncode == 0, f"vnu.jar exited {result.returncode}:\n{result.stderr[-2000:]}"
