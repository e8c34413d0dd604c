"""The Content-Security-Policy and referrer policy of a finished HTML page, as <meta> tags.

GitHub Pages sends no headers we choose, so each page carries its policies itself. The
policy lets scripts run only from the site's own files and the inline scripts the page
holds when it is built: each of those is allowed by the SHA-256 hash of its text, so a
script added later (by an injected `<script>`, a changed template or a browser add-on
writing into the page) does not run. Material's inline scripts differ per page (the
first one names the way back to the site root, "." or "../.."), so the hashes are
computed for every page from its final HTML (on_post_page in macros/engine/site_build.py).

Nothing here imports MkDocs: a plain function from HTML to HTML.
"""

from __future__ import annotations

import base64
import hashlib
import re

# What a page may load. Everything comes from the site itself; nothing is loaded from
# another host. Sources not named fall back to default-src.
# - img-src data: Material's icons in its CSS are SVG data: URLs (the charts are inline SVG).
# - style-src 'self' without 'unsafe-inline': the pages have no <style> elements and no
#   style attributes; Material sets styles from script through the CSSOM (element.style),
#   which CSP does not restrict. tests/browser/test_security_headers.py shows no violation.
# - script-src 'wasm-unsafe-eval': the search (Pagefind, pagefind/) runs its index reader as
#   WebAssembly, which CSP counts as evaluating code; it allows compiling WebAssembly only,
#   not eval() or inline scripts.
# - worker-src/connect-src: the search worker (assets/javascripts/search/worker.js, and
#   Pagefind's pagefind/pagefind-worker.js) and the index files it fetches, all from the site.
# - object-src 'none', base-uri 'self', form-action 'self': no plugins, no <base> pointing
#   elsewhere, no form sending anything to another host.
# frame-ancestors, report-uri and sandbox are ignored in a <meta> policy: not used.
WEBASSEMBLY = "'wasm-unsafe-eval'"  # compiling WebAssembly only: no eval(), no inline scripts
POLICY = (
    ("default-src", "'self'"),
    ("script-src", f"'self' {WEBASSEMBLY}"),  # plus the hashes of the page's inline scripts
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

# no-referrer: internet.nl (the Dutch government's standards test) rates only `no-referrer`
# and `same-origin` as good (checks/tasks/http_headers.py, HeaderCheckerReferrerPolicy;
# strict-origin(-when-cross-origin) gets a recommendation). The site needs no Referer for
# anything, not even between its own pages (no analytics, no server code), so it sends none:
# a reader who follows a link to another site does not tell it which page they came from.
REFERRER_POLICY = "no-referrer"

# An inline script: the HTML tokenizer reads a <script>'s text as raw text up to the first
# `</script` followed by white space, `/` or `>`. Attribute values may hold `>` when quoted.
_SCRIPT = re.compile(
    r"<script\b(?P<attributes>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(?P<text>.*?)</script[\s/>]",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(
    r"""(?P<name>[^\s"'>/=]+)(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s"'=<>`]+)))?""",
)
# Script types a browser runs (HTML: a JavaScript MIME type, "module", or the inline JSON
# the browser itself reads: import maps and speculation rules, which CSP governs too).
# Any other type (Material's `application/json` __config) is a data block: never run,
# so CSP does not check it and it needs no hash.
_JAVASCRIPT_TYPES = {
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript",
    "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0",
    "text/javascript1.1", "text/javascript1.2", "text/javascript1.3", "text/javascript1.4",
    "text/javascript1.5", "text/jscript", "text/livescript", "text/x-ecmascript",
    "text/x-javascript",
}
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_EXISTING = re.compile(r"<meta[^>]+http-equiv=[\"']?content-security-policy", re.IGNORECASE)


def _attributes(text: str) -> dict[str, str]:
    found = {}
    for match in _ATTRIBUTE.finditer(text):
        value = next((v for v in match.group("double", "single", "bare") if v is not None), "")
        found.setdefault(match.group("name").lower(), value)
    return found


def _runs(attributes: dict[str, str]) -> bool:
    """Whether the browser runs a script with these attributes (HTML: "prepare the script element")."""
    kind = attributes.get("type")
    if kind is None:
        kind = "" if "language" not in attributes else "text/" + attributes["language"]
    return kind.strip().lower() in _JAVASCRIPT_TYPES


def inline_scripts(html: str) -> list[str]:
    """The text of every inline script on the page the browser would run, in order."""
    scripts = []
    for match in _SCRIPT.finditer(html):
        attributes = _attributes(match.group("attributes"))
        if "src" not in attributes and _runs(attributes):
            scripts.append(match.group("text"))
    return scripts


def script_hash(text: str) -> str:
    """The CSP source that allows an inline script with this text: 'sha256-<base64>'.

    Browsers hash the script's text as parsed, UTF-8 encoded; parsing turns every CR LF and
    lone CR into LF first."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(html: str) -> str:
    """The policy for this page: POLICY, with the hash of each inline script it runs."""
    hashes = list(dict.fromkeys(script_hash(text) for text in inline_scripts(html)))
    directives = []
    for name, sources in POLICY:
        if name == "script-src" and hashes:
            sources = " ".join([sources, *hashes])
        directives.append(f"{name} {sources}")
    return "; ".join(directives)


def with_security_meta(html: str) -> str:
    """The page with its Content-Security-Policy and referrer policy as the first tags of
    <head> after <meta charset> (which must stay in the first 1024 bytes): a policy in a
    <meta> only governs what comes after it, so it comes before any script or stylesheet."""
    if _EXISTING.search(html):
        raise ValueError("the page already has a Content-Security-Policy")
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise ValueError("the page has no <head> to put its Content-Security-Policy in")
    # The policy holds only quotes, letters, digits and + / = - ; : no HTML escaping needed
    # beyond the double quote, which it never contains.
    tags = (f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
            f'<meta name="referrer" content="{REFERRER_POLICY}">')
    return html[:anchor.end()] + tags + html[anchor.end():]
