"""The last touches to the programme PDF that WeasyPrint does not make (pikepdf).

- It opens with its bookmarks shown (PageMode /UseOutlines): the reader sees the opgaven and
  their sections at once.
- A link's description (/Contents, which screen readers announce) is in words: WeasyPrint writes
  the anchor id ("pdf-opzet"); here it becomes "Ga naar: Opzet van het uitvoeringsprogramma".
- The table cells name their header cells by /ID and /Headers; PDF readers find an /ID through
  the structure tree's /IDTree, which WeasyPrint leaves out. It is added here.

Plain Python: bytes in, bytes out.
"""

from __future__ import annotations

import io

import pikepdf

LINK_WORDS = "Ga naar: {label}"


def _elements(root: pikepdf.Dictionary):
    """Every structure element under the structure tree root, depth first."""
    stack = [root]
    while stack:
        element = stack.pop()
        kids = element.get("/K")
        children = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
        for child in reversed(children):
            if isinstance(child, pikepdf.Dictionary) and "/S" in child:
                yield child
                stack.append(child)


def _id_tree(pdf: pikepdf.Pdf) -> None:
    tree = pdf.Root.get("/StructTreeRoot")
    if tree is None:
        return
    named = {bytes(element.ID): element for element in _elements(tree) if "/ID" in element}
    if not named:
        return
    names = pikepdf.Array()
    for key in sorted(named):  # a name tree's keys are in byte order
        names.append(pikepdf.String(key))
        names.append(named[key])
    tree.IDTree = pdf.make_indirect(pikepdf.Dictionary(Names=names))


def _link_words(pdf: pikepdf.Pdf, labels: dict[str, str]) -> None:
    for page in pdf.pages:
        for annotation in page.get("/Annots", []):
            if annotation.get("/Subtype") != "/Link":
                continue
            anchor = str(annotation.get("/Contents", ""))
            label = labels.get(anchor.split("--")[-1])  # a link to another part: "elders--<anchor>"
            if label:
                annotation.Contents = pikepdf.String(LINK_WORDS.format(label=label))


def finish(pdf_bytes: bytes, labels: dict[str, str]) -> bytes:
    """The PDF with bookmarks shown, link descriptions in words (`labels`: anchor id -> the
    words of what it points at) and an /IDTree."""
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        pdf.Root.PageMode = pikepdf.Name.UseOutlines
        _link_words(pdf, labels)
        _id_tree(pdf)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True)
    return out.getvalue()
