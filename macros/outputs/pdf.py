"""The whole programme as one PDF: every opgave, the budget tables and the indexes.

Built with ReportLab from the resolved view, so the PDF says exactly what the pages say.
Text stays text (selectable, searchable) and tables are real tables. The standard
Helvetica font covers Dutch (é, ë, ’, €) in its WinAnsi encoding and needs no font file.
`invariant` leaves out the creation date and random file id: two builds give identical bytes.
"""

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether, ListFlowable, ListItem, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from macros.render.formatting import euro
from macros.view.site import Site
from macros.view.urls import PDF_PATH

PATH = PDF_PATH
AUTHOR = "Provincie Drenthe"
INDIGO = colors.HexColor("#3f51b5")

_base = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("title", _base["Title"], fontSize=26, leading=32, textColor=INDIGO, alignment=0),
    "h1": ParagraphStyle("h1", _base["Heading1"], fontSize=18, leading=22, textColor=INDIGO, spaceAfter=8),
    "h2": ParagraphStyle("h2", _base["Heading2"], fontSize=13, leading=16, spaceBefore=10),
    "h3": ParagraphStyle("h3", _base["Heading3"], fontSize=11, leading=14, spaceBefore=6),
    "body": ParagraphStyle("body", _base["BodyText"], fontSize=10, leading=14),
    "cell": ParagraphStyle("cell", _base["BodyText"], fontSize=9, leading=11),
    "cell_bold": ParagraphStyle("cell_bold", _base["BodyText"], fontName="Helvetica-Bold", fontSize=9, leading=11),
    "amount": ParagraphStyle("amount", _base["BodyText"], fontSize=9, leading=11, alignment=2),
    "amount_bold": ParagraphStyle("amount_bold", _base["BodyText"], fontName="Helvetica-Bold", fontSize=9,
                                  leading=11, alignment=2),
}


class _Heading(Paragraph):
    """A heading that gets a PDF bookmark and (level 0 and 1) a line in the table of contents."""

    def __init__(self, text: str, level: int, key: str, style: str | None = None):
        super().__init__(escape(text), STYLES[style or f"h{level + 1}"])
        self.plain = text
        self.level = level
        self.key = key


class _Document(SimpleDocTemplate):
    def afterFlowable(self, flowable):
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.plain, flowable.key, level=flowable.level, closed=flowable.level > 0)
            # The table of contents reads its entries as paragraph markup: escape them.
            self.notify("TOCEntry", (flowable.level, escape(flowable.plain), self.page, flowable.key))


def _text(value) -> str:
    return escape(str(getattr(value, "text", value)))


def _bullets(items) -> ListFlowable:
    return ListFlowable(
        [ListItem(Paragraph(_text(item), STYLES["body"]), leftIndent=14) for item in items],
        # "•" goes out as byte 0x7F, which some readers cannot copy as text; "–" is plain WinAnsi.
        bulletType="bullet", start="–", leftIndent=14,
    )


def _opgave(site: Site, entry) -> list:
    story = [PageBreak(), _Heading(f"{entry.label}: {entry.title}", 0, f"opgave-{entry.id}")]
    for section in site.sections:
        story.append(_Heading(section.heading, 1, f"opgave-{entry.id}-{section.anchor}"))
        values = entry.section(section)
        if section.field == "need":
            story += [Paragraph(_text(paragraph), STYLES["body"]) for paragraph in values]
        elif section.field == "activities":
            for group in values:
                if group.heading:
                    story.append(Paragraph(_text(group.heading), STYLES["h3"]))
                story.append(_bullets(group.items))
        else:
            story.append(_bullets(values))
    return story


def _budget_table(year) -> Table:
    cell, bold = STYLES["cell"], STYLES["cell_bold"]
    rows = [[Paragraph("Onderdeel", bold), Paragraph(f"Bedrag {year.year}", STYLES["amount_bold"])]]
    style = [
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaf6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    for group in year.groups:
        style += [("SPAN", (0, len(rows)), (1, len(rows))), ("BACKGROUND", (0, len(rows)), (-1, len(rows)), colors.whitesmoke)]
        rows.append([Paragraph(escape(f"{group.number}. {group.title}"), bold), ""])
        rows += [[Paragraph(escape(line.name), cell), Paragraph(escape(euro(line.amount)), STYLES["amount"])]
                 for line in group.lines]
        rows.append([Paragraph("Subtotaal", bold), Paragraph(escape(euro(group.subtotal)), STYLES["amount_bold"])])
    rows.append([Paragraph("Totaal Economische Koers", bold), Paragraph(escape(euro(year.total)), STYLES["amount_bold"])])
    style.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black))
    return Table(rows, colWidths=[12.5 * cm, 4 * cm], style=TableStyle(style), repeatRows=1)


def _budget(site: Site) -> list:
    budget = site.budget
    story = [PageBreak(), _Heading(budget.heading, 0, "begroting")]
    story += [Paragraph(_text(paragraph), STYLES["body"]) for paragraph in budget.introduction]
    for year in budget.years:
        story.append(_Heading(f"{year.caption}, {year.year}", 1, f"begroting-{year.year}"))
        story.append(_budget_table(year))
        if any(line.amount is None for line in year.lines):
            story.append(Paragraph("Een streepje (–) betekent: geen budget. Zo staat het ook in het programma.",
                                   STYLES["body"]))
    return story


def _index(title: str, key: str, entries) -> list:
    if not entries:  # e.g. no projects yet: no empty heading
        return []
    story = [_Heading(title, 1, key)]
    for entry in entries:
        opgaven = sorted({mention.label for mention in entry.opgave_mentions})
        lines = [Paragraph(f"<b>{escape(entry.label)}</b>", STYLES["body"])]
        if opgaven:
            lines.append(_bullets(opgaven))
        story.append(KeepTogether(lines))
    return story


def _indexes(site: Site) -> list:
    indexes = site.indexes
    story = [PageBreak(), _Heading("Overzichten", 0, "overzichten")]
    story += _index("Partners", "partners", indexes.organisations)
    story += _index("Programma’s", "programmas", indexes.provincial_programmes + indexes.external_programmes)
    story += _index("Projecten en samenwerkingsverbanden", "projecten", indexes.projects)
    story += _index("Fondsen en regelingen", "fondsen", indexes.funds)
    story.append(_Heading("Doelgroepen", 1, "doelgroepen"))
    for groups in indexes.target_groups:
        story.append(Paragraph(f"<b>{escape(groups.opgave.label)}: {escape(groups.opgave.title)}</b>", STYLES["body"]))
        story.append(_bullets(groups.groups))
    return story


def _footer(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.setFillColor(colors.grey)
    canvas.drawString(2 * cm, 1.2 * cm, doc.title)
    canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Pagina {doc.page}")
    canvas.restoreState()


def programme_pdf(site: Site) -> bytes:
    """The PDF of the whole programme."""
    out = io.BytesIO()
    doc = _Document(
        out, pagesize=A4, invariant=1, lang="nl-NL",
        title=site.programme.title, author=AUTHOR, subject="Het hele uitvoeringsprogramma: opgaven, begroting en overzichten",
        creator="Economische Koers Drenthe online", leftMargin=2 * cm, rightMargin=2 * cm,
        topMargin=2 * cm, bottomMargin=2 * cm,
    )
    toc = TableOfContents()
    toc.levelStyles = [
        ParagraphStyle("toc0", STYLES["body"], fontName="Helvetica-Bold", leftIndent=0, firstLineIndent=0),
        ParagraphStyle("toc1", STYLES["body"], leftIndent=18, firstLineIndent=0),
    ]
    story = [
        Spacer(1, 5 * cm),
        Paragraph(escape(site.programme.title), STYLES["title"]),
        Paragraph(escape(AUTHOR), STYLES["h2"]),
        PageBreak(),
        Paragraph("Inhoud", STYLES["h1"]),
        toc,
    ]
    for entry in site.opgaven:
        story += _opgave(site, entry)
    story += _budget(site)
    story += _indexes(site)
    doc.multiBuild(story, onFirstPage=_footer, onLaterPages=_footer)
    return out.getvalue()
