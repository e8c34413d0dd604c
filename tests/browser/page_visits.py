"""One visit per page and viewport, shared by the tests that only look at a page as it loads.

Loading a page under its policy and waiting until the network is idle (the search index and
worker too) takes about a second, and test_every_page.py checks each page in several ways.
`PageVisits` loads a page once per viewport and notes everything those tests check, in that
order: nothing that runs later (axe-core) can change what was measured before it. The 320 px
visit (NARROW) is no load of its own: after the phone's checks its tab is made 320 px wide and
the layout and axe-core are checked again, then it is made 375 px again. The tests
that click, type or tab keep tabs of their own. (Its tests share a module so that they also
share a process when pytest-xdist spreads the run over processes a module at a time.)
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass

from tests.browser.conftest import NARROW, NARROW_VIEWPORT, VIEWPORTS, Tab, add_axe, opened_tab

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

# Runs before any script of the page: notes every violation the page's policy reports.
RECORD_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener("securitypolicyviolation", event => window.__policyViolations.push(
  `${event.effectiveDirective} blocked ${event.blockedURI || "?"} at ${event.sourceFile}:` +
  `${event.lineNumber} ${event.sample}`));
"""

# The page's policy, and whether its own scripts ran: Material's first inline script defines
# __md_get, and its bundle (an external script) swaps the class "no-js" for "js".
PAGE_STATE = """() => ({
  policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? null,
  inline: typeof __md_get === "function",
  bundle: document.documentElement.classList.contains("js"),
  violations: window.__policyViolations,
})"""

PAGE_WIDTH = "() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]"

# How many screens long the page is, and where (in screens from the top) its first jump list starts.
PAGE_LENGTH = """() => {
  const screens = document.scrollingElement.scrollHeight / innerHeight;
  const list = document.querySelector("article nav.ekd-springlijst");
  return {screens, jump_list: list ? (list.getBoundingClientRect().top + scrollY) / innerHeight : null};
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

# Per table in the content: what sticks out, in pixels (empty when it fits).
TABLE_OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const name = t => (t.caption ? t.caption.textContent.trim() : t.className || "tabel").slice(0, 60);
  return [...document.querySelectorAll("article table")].map(table => {
    const problems = [];
    if (table.scrollWidth > table.clientWidth + 1)
      problems.push(`de tabel is ${table.scrollWidth} px breed maar toont ${table.clientWidth} px`);
    for (let box = table.parentElement; box && box.tagName !== "ARTICLE"; box = box.parentElement) {
      // A box that clips or scrolls hides what sticks out; a visible overflow is the page's (test_page).
      if (getComputedStyle(box).overflowX !== "visible" && box.scrollWidth > box.clientWidth + 1)
        problems.push(`${box.tagName.toLowerCase()}.${[...box.classList].join(".")} schuift opzij: ` +
                      `${box.scrollWidth} px in ${box.clientWidth} px`);
    }
    const cells = [...table.querySelectorAll("caption, th, td")];
    const outside = cells.filter(cell => {
      const r = cell.getBoundingClientRect();
      return r.width && (r.left < -1 || r.right > width + 1);
    });
    if (outside.length)
      problems.push(`${outside.length} cellen vallen buiten het scherm, bv. ` +
                    `'${outside[0].textContent.trim().slice(0, 40)}' tot ${Math.round(outside[0].getBoundingClientRect().right)} px`);
    return {table: name(table), problems};
  });
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


@dataclass(frozen=True)
class Visit:
    """What one load of a page at one viewport showed."""

    path: str
    viewport_name: str
    viewport: dict
    status: int | None  # None: no response at all
    policy: dict  # PAGE_STATE once the network was idle
    console_errors: list[str]
    page_errors: list[str]  # uncaught JavaScript errors
    foreign_requests: list[str]  # to anything but the site's folder on the local server
    failed_requests: list[str]  # answered with an error, or not at all
    links: list[str]  # the address of every a[href] and link[href], as the browser resolves it
    width: tuple[int, int]  # (content width, viewport width) of the page
    wide_elements: list[str]  # what sticks out, when the page is wider than the viewport
    tables: list[dict]  # TABLE_OVERFLOW
    axe_violations: list[dict]
    length: dict | None = None  # PAGE_LENGTH, at 320 px only

    @property
    def where(self) -> str:
        return f"/{self.path} at {self.viewport_name}"


class PageVisits:
    """Visit(path, viewport name), made on the first request and kept for the session."""

    def __init__(self, browser, server: str):
        self._browser, self._server = browser, server
        self._open = ExitStack()
        self._tabs: dict[str, tuple[Tab, list[str]]] = {}  # by viewport: a tab and its console errors
        self._visits: dict[tuple[str, str], Visit] = {}

    def __call__(self, path: str, viewport_name: str) -> Visit:
        key = (path, viewport_name)
        if viewport_name == NARROW:
            self(path, "mobile")  # made with the phone's visit
        elif key not in self._visits:
            self._visits[key] = self._visit(path, viewport_name)
        return self._visits[key]

    def _tab(self, viewport_name: str) -> tuple[Tab, list[str]]:
        if viewport_name not in self._tabs:
            tab = self._open.enter_context(opened_tab(self._browser, self._server, viewport_name))
            console: list[str] = []
            tab.page.context.add_init_script(RECORD_VIOLATIONS)
            tab.page.on("console", lambda message: message.type == "error" and console.append(
                f"{message.text} ({message.location.get('url')})"))
            self._tabs[viewport_name] = (tab, console)
        return self._tabs[viewport_name]

    def _visit(self, path: str, viewport_name: str) -> Visit:
        tab, console = self._tab(viewport_name)
        console.clear()
        response = tab.visit(path, wait_until="networkidle")  # the search index and worker too
        policy = tab.page.evaluate(PAGE_STATE)
        console_errors, page_errors, failed_requests = list(console), list(tab.errors), list(tab.failed)
        foreign = tab.foreign_requests()
        links = tab.page.eval_on_selector_all("a[href], link[href]", "elements => elements.map(e => e.href)")
        width = tuple(tab.page.evaluate(PAGE_WIDTH))
        wide = tab.page.evaluate(WIDE_ELEMENTS) if width[0] > width[1] else []
        tables = tab.page.evaluate(TABLE_OVERFLOW)
        add_axe(tab)
        axe_violations = tab.page.evaluate(RUN_AXE, AXE_TAGS)
        visit = Visit(path, viewport_name, VIEWPORTS[viewport_name], response.status if response else None, policy,
                      console_errors, page_errors, foreign, failed_requests, links, width, wide, tables, axe_violations)
        if viewport_name == "mobile":
            self._visits[(path, NARROW)] = self._narrow(tab, visit)
        return visit

    def _narrow(self, tab: Tab, phone: Visit) -> Visit:
        """The same page at 320 px: its layout, its tables and axe-core again."""
        page = tab.page
        page.set_viewport_size(NARROW_VIEWPORT)
        try:
            page.wait_for_function(f"() => innerWidth === {NARROW_VIEWPORT['width']}")
            width = tuple(page.evaluate(PAGE_WIDTH))
            wide = page.evaluate(WIDE_ELEMENTS) if width[0] > width[1] else []
            tables = page.evaluate(TABLE_OVERFLOW)
            length = page.evaluate(PAGE_LENGTH)
            axe_violations = page.evaluate(RUN_AXE, AXE_TAGS)
        finally:
            page.set_viewport_size(VIEWPORTS["mobile"])
        return Visit(phone.path, NARROW, NARROW_VIEWPORT, phone.status, phone.policy, phone.console_errors,
                     phone.page_errors, phone.foreign_requests, phone.failed_requests, phone.links, width, wide,
                     tables, axe_violations, length)

    def close(self) -> None:
        self._open.close()
        self._tabs.clear()
