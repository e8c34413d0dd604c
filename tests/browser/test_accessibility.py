"""Every page of the built site, at 1280x800 and 375x812, in headless Chromium:

- axe-core (WCAG 2.0/2.1/2.2 A and AA rules, 2.2 target size included) finds no violations;
- nothing is requested from any host but the local server (no fonts, analytics, CDNs);
- no uncaught JavaScript errors;
- at 375 px the page does not scroll sideways.
"""

from __future__ import annotations

import json

import pytest

from tests.browser.conftest import add_axe

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
  });
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target, html: n.html, summary: n.failureSummary})),
  }));
}"""

# Which elements stick out past the right edge (to name them when the page scrolls sideways).
WIDE_ELEMENTS = """() => {
  const limit = document.scrollingElement.clientWidth;
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].map(c => "." + c).join("");
  const fixed = el => {  // fixed-position boxes (the drawer) do not widen the page
    for (let a = el; a; a = a.parentElement) if (getComputedStyle(a).position === "fixed") return true;
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > limit + 1 && fixed(el)) continue;
    if (r.width && r.right > limit + 1) {
      const parent = el.parentElement;
      const pr = parent && parent.getBoundingClientRect();
      // report the outermost offender only
      if (!pr || pr.right <= limit + 1) out.push(`${name(el)} (right edge ${Math.round(r.right)}px)`);
    }
  }
  return out.slice(0, 10);
}"""


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"  [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"][:8]:
            target = " ".join(" >> ".join(t) if isinstance(t, list) else t for t in node["target"])
            lines.append(f"      at {target}")
            summary = " ".join(node["summary"].split()) if node["summary"] else ""
            if summary:
                lines.append(f"         {summary[:300]}")
        if len(v["nodes"]) > 8:
            lines.append(f"      ... and {len(v['nodes']) - 8} more elements")
    return "\n".join(lines)


def test_every_built_page_is_tested(page_lists):
    """The pages listed at collection time (from mkdocs.yml) are exactly the pages built."""
    built, listed = map(set, page_lists)
    assert built == listed, (
        "pages tested and pages built differ:\n"
        f"  built but not tested: {sorted(built - listed)}\n"
        f"  tested but not built: {sorted(listed - built)}\n"
        "(tests/browser/conftest.py source_pages() lists pages from mkdocs.yml)"
    )


def test_page(page_path: str, viewport_tab, axe_source: str):
    path, tab, viewport = page_path, viewport_tab, viewport_tab.viewport_name
    response = tab.visit(path)
    problems: list[str] = []

    assert response is not None and response.ok, (
        f"/{path} answered {response.status if response else 'nothing'}"
    )

    add_axe(tab.page)  # axe_source: fails first when axe-core is not installed
    violations = tab.page.evaluate(RUN_AXE, AXE_TAGS)
    if violations:
        problems.append(
            f"axe-core: {len(violations)} WCAG 2.x A/AA rule(s) violated:\n"
            + format_violations(violations)
        )

    foreign = tab.foreign_requests()
    if foreign:
        problems.append(
            "requests to hosts other than the local server:\n"
            + "\n".join(f"  {u}" for u in sorted(set(foreign)))
        )

    if tab.errors:
        problems.append("JavaScript errors:\n" + "\n".join(f"  {e}" for e in tab.errors))

    if tab.viewport["width"] < 600:
        width, client = tab.page.evaluate(
            "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"
        )
        if width > client:
            wide = tab.page.evaluate(WIDE_ELEMENTS)
            problems.append(
                f"scrolls sideways at {tab.viewport['width']} px: content is {width} px "
                f"wide for a {client} px viewport; widest elements:\n"
                + "\n".join(f"  {w}" for w in wide)
            )

    if problems:
        pytest.fail(
            f"/{path} at {viewport} {json.dumps(tab.viewport)}:\n" + "\n".join(problems),
            pytrace=False,
        )
