"""No table is wider than a phone: at 375 px every table on every page shows all its columns.

A table that only scrolls sideways inside its box hides its last columns from a reader who does
not know to swipe (the page itself not scrolling, which test_accessibility checks, is not
enough). So for every table in the content: the table is not wider than its box, the box does
not scroll, and every cell lies within the screen. The pages come from the build (every page
the site has), so a new page with a wide table fails here too."""

from __future__ import annotations



# Per table in the content: what sticks out, in pixels (empty when it fits).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const name = t => (t.caption ? t.caption.textContent.trim() : t.className || "tabel").slice(0, 60);
  return [...document.querySelectorAll("article table")].map(table => {
    const problems = [];
    if (table.scrollWidth > table.clientWidth + 1)
      problems.push(`de tabel is ${table.scrollWidth} px breed maar toont ${table.clientWidth} px`);
    for (let box = table.parentElement; box && box.tagName !== "ARTICLE"; box = box.parentElement) {
      // A box that clips or scrolls hides what sticks out; a visible overflow is the page's (test_accessibility).
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


def test_every_table_fits_a_phone(page_path: str, phone_tab):
    assert phone_tab.viewport["width"] == 375
    phone_tab.visit(page_path)
    tables = phone_tab.page.evaluate(OVERFLOW)
    wide = {table["table"]: table["problems"] for table in tables if table["problems"]}
    assert not wide, f"/{page_path}: tabellen breder dan een telefoon van 375 px: {wide}"
