"""Join tagged PDFs made by WeasyPrint into one, keeping them accessible (PDF/UA-1).

The programme PDF is laid out a part at a time (macros/outputs/pdf.py): laying out a
thousand opgaven in one piece took 4.8 GiB. Appending pages is not enough for a tagged
PDF: each part has its own structure tree (what is a heading, a list, a table), the map
from the marked content on its pages to that tree (ParentTree, keyed by /StructParents
and /StructParent), named destinations for internal links and its own bookmarks. Here
the pages of every part are appended to the first, their structure elements go under
the first part's Document element with their ParentTree keys moved past the ones
already used, the named destinations are merged and the bookmarks rebuilt. The first
part's catalogue (language, XMP metadata with pdfuaid, viewer preferences) stays.

This relies on how WeasyPrint writes a tagged PDF (weasyprint/pdf/tags.py): one
Document element under the StructTreeRoot, a flat ParentTree /Nums array, named
destinations as one flat /Names array. `join` checks those assumptions and refuses
anything else rather than write a PDF whose structure is wrong.
"""

import io
import warnings
from collections.abc import Iterable

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem

# A part links to an anchor in another part through a stand-in anchor in itself (WeasyPrint
# drops links to anchors it cannot find). The join points such links at the real anchor
# and drops the stand-ins.
from macros.outputs.print_document import ELSEWHERE


def join(parts: Iterable[bytes]) -> bytes:
    """One PDF of `parts` in order (each a tagged PDF from WeasyPrint)."""
    parts = iter(parts)
    main = pikepdf.open(io.BytesIO(next(parts)))
    document, nums, names = _document_element(main), _parent_tree_nums(main), _dest_names(main)
    next_key = _next_key(nums)
    bookmarks = _bookmarks(main, page_offset=0)
    for number, data in enumerate(parts, 1):
        part = pikepdf.open(io.BytesIO(data))
        offset = len(main.pages)
        part_bookmarks = _bookmarks(part, page_offset=offset)
        part_nums, part_names = _parent_tree_nums(part), _dest_names(part)
        part_next_key = _next_key(part_nums)
        with warnings.catch_warnings():
            # pikepdf warns that named destinations are not carried over: they are, below.
            warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
            main.pages.extend(part.pages)
        # The copied pages and their annotations point into the ParentTree with keys of
        # their own part: move them past the keys in use.
        for page in main.pages[offset:]:
            if "/StructParents" in page.obj:
                page.obj.StructParents = int(page.obj.StructParents) + next_key
            for annotation in page.obj.get("/Annots", Array()):
                if "/StructParent" in annotation:
                    annotation.StructParent = int(annotation.StructParent) + next_key
        # copy_foreign maps what was copied with the pages to those copies, so the
        # structure elements' /Pg point at the pages of the joined PDF.
        part_document = main.copy_foreign(_document_element(part))
        _prefix_ids(part_document, f"d{number}-")
        for kid in part_document.K:
            kid.P = document
            document.K.append(kid)
        for index in range(0, len(part_nums), 2):
            nums.append(int(part_nums[index]) + next_key)
            nums.append(_copy(main, part_nums[index + 1]))
        for index in range(0, len(part_names), 2):
            names.append(part_names[index])
            names.append(_copy(main, part_names[index + 1]))
        next_key += part_next_key
        bookmarks += part_bookmarks
    main.Root.StructTreeRoot.ParentTreeNextKey = next_key
    _link_across_parts(main, names)
    _sort_names(names)
    with main.open_outline() as outline:
        outline.root[:] = bookmarks
    out = io.BytesIO()
    # A fixed file id from the content: the same parts give the same bytes.
    main.save(out, deterministic_id=True, object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def _copy(pdf: pikepdf.Pdf, value):
    """`value` of another PDF as an object of `pdf`; pikepdf copies only indirect objects."""
    if isinstance(value, (Array, Dictionary)) and value.is_indirect:
        return pdf.copy_foreign(value)
    if isinstance(value, Array):
        return Array([_copy(pdf, item) for item in value])
    if isinstance(value, Dictionary):
        return Dictionary({key: _copy(pdf, item) for key, item in value.items()})
    return value


def _prefix_ids(element: Dictionary, prefix: str) -> None:
    """Make the ids of table headers (and the cells' references to them) unique in the joined
    PDF: WeasyPrint numbers them per part, so two parts can use the same id."""
    stack = [element]
    while stack:
        element = stack.pop()
        if "/ID" in element:
            element.ID = pikepdf.String(prefix + str(element.ID))
        attributes = element.get("/A")
        if isinstance(attributes, Dictionary) and "/Headers" in attributes:
            attributes.Headers = Array([pikepdf.String(prefix + str(header)) for header in attributes.Headers])
        kids = element.get("/K")
        for kid in (kids if isinstance(kids, Array) else [kids]):
            if isinstance(kid, Dictionary) and "/S" in kid:
                stack.append(kid)


def _document_element(pdf: pikepdf.Pdf) -> Dictionary:
    kids = pdf.Root.StructTreeRoot.K
    kids = [kids] if isinstance(kids, Dictionary) else list(kids)
    if len(kids) != 1 or kids[0].S != Name.Document:
        raise ValueError("Onverwachte PDF: de structuur begint niet met één Document-element.")
    return kids[0]


def _parent_tree_nums(pdf: pikepdf.Pdf) -> Array:
    tree = pdf.Root.StructTreeRoot.ParentTree
    if "/Kids" in tree:
        raise ValueError("Onverwachte PDF: de ParentTree is niet plat.")
    return tree.Nums


def _next_key(nums: Array) -> int:
    return max((int(nums[index]) for index in range(0, len(nums), 2)), default=-1) + 1


def _dest_names(pdf: pikepdf.Pdf) -> Array:
    if "/Names" not in pdf.Root:
        pdf.Root.Names = Dictionary()
    if "/Dests" not in pdf.Root.Names:
        pdf.Root.Names.Dests = pdf.make_indirect(Dictionary(Names=Array()))
    dests = pdf.Root.Names.Dests
    if "/Kids" in dests:
        raise ValueError("Onverwachte PDF: de namen van de bestemmingen staan niet in één lijst.")
    return dests.Names


def _link_across_parts(pdf: pikepdf.Pdf, names: Array) -> None:
    kept = [(names[index], names[index + 1]) for index in range(0, len(names), 2)
            if not str(names[index]).startswith(ELSEWHERE)]
    names[:] = [item for pair in kept for item in pair]
    known = {str(name) for name, _ in kept}
    for page in pdf.pages:
        for annotation in page.obj.get("/Annots", Array()):
            destination = annotation.get("/Dest")
            if not isinstance(destination, pikepdf.String):
                continue
            name = str(destination).removeprefix(ELSEWHERE)
            if name not in known:
                raise ValueError(f"Een link in de PDF wijst naar #{name}, dat nergens in de PDF staat.")
            annotation.Dest = pikepdf.String(name)
            annotation.Contents = pikepdf.String(name)


def _sort_names(names: Array) -> None:
    # A name tree's keys must be in order; each part's were, together they are not.
    pairs = sorted(((bytes(names[index]), names[index], names[index + 1]) for index in range(0, len(names), 2)),
                   key=lambda pair: pair[0])
    names[:] = [item for _, key, value in pairs for item in (key, value)]


def _bookmarks(pdf: pikepdf.Pdf, page_offset: int) -> list[OutlineItem]:
    """The part's bookmarks, pointing at its pages' places in the joined PDF."""
    pages = {page.objgen: number for number, page in enumerate(pdf.pages)}

    def convert(item: OutlineItem) -> OutlineItem:
        page, kind, left, top, *_ = list(item.destination)  # WeasyPrint: [page /XYZ left top zoom]
        if kind != Name.XYZ:
            raise ValueError("Onverwachte PDF: een bladwijzer wijst niet naar een plek op een pagina.")
        copy = OutlineItem(item.title, pages[page.objgen] + page_offset, "XYZ", left=float(left), top=float(top))
        copy.is_closed = item.is_closed
        copy.children[:] = [convert(child) for child in item.children]
        return copy

    with pdf.open_outline() as outline:
        return [convert(item) for item in outline.root]
