"""The whole programme as one accessible PDF (PDF/UA-1), linked from the home page.

Rendered by WeasyPrint from the print document (macros/outputs/print_document.py: the
site's own templates and CSS), so paper and web say the same. WeasyPrint tags the
structure (headings, lists, tables with their headers), embeds the fonts (DejaVu, found
through fontconfig), writes the XMP metadata with the PDF/UA identifier and makes a
bookmark of every h2 and h3: each opgave and each of its sections. No file is fetched:
the document refers to nothing outside itself.
"""

import sys
from pathlib import Path

from macros.data.files import ROOT
from macros.outputs.edition import Edition
from macros.outputs.edition import edition as edition_of
from macros.outputs.pdf_finish import finish
from macros.outputs.print_document import link_labels, print_document, stylesheets
from macros.view.site import Site

VARIANT = "pdf/ua-1"
# The site's CSS, beside macros/ (the build passes the docs_dir it builds from).
CSS_DIR = ROOT / "content" / "assets" / "css"


LIBRARIES_MISSING = (
    "De PDF van het programma kan op deze computer niet worden gemaakt: de bibliotheken die "
    "WeasyPrint nodig heeft (Pango en HarfBuzz) ontbreken ({detail}). De rest van de site werkt wel. "
    "Op Debian of Ubuntu (ook in WSL): sudo tools/install-system-deps --pdf. Op macOS: brew install pango. "
    "Of gebruik de dev container (CONTRIBUTING.md). Op GitHub wordt de PDF altijd gemaakt."
)


class LibrariesMissing(Exception):
    """WeasyPrint is installed but cannot load its system libraries; the message is Dutch."""


def _weasyprint():
    try:
        import weasyprint  # a second to import: only when a PDF is drawn
    except OSError as error:  # cffi could not open libpango, libharfbuzz, ...
        raise LibrariesMissing(LIBRARIES_MISSING.format(detail=error)) from None
    return weasyprint


def _no_fetching(url: str, *args, **kwargs):
    raise ValueError(f"De PDF haalt niets op ({url}).")


def programme_pdf(site: Site, css_dir: Path = CSS_DIR, edition: Edition | None = None) -> bytes:
    """The PDF of the whole programme; `edition` (date and version) goes on the title page."""
    weasyprint = _weasyprint()
    styles = [weasyprint.CSS(filename=str(path), url_fetcher=_no_fetching) for path in stylesheets(css_dir)]
    html = print_document(site, edition)
    document = weasyprint.HTML(string=html, url_fetcher=_no_fetching)
    pdf = document.write_pdf(stylesheets=styles, pdf_variant=VARIANT, uncompressed_pdf=False)
    return finish(pdf, link_labels(html))  # bookmarks shown, links in words, /IDTree


def main(arguments: list[str]) -> int:
    """`python -m macros.outputs.pdf DATA_DIR CSS_DIR OUT`: the PDF of that data, in a process
    of its own (`mkdocs serve` draws it so, macros/outputs/pdf_build.py)."""
    from macros.view.site import load_site

    data_dir, css_dir, out = (Path(argument) for argument in arguments)
    try:
        out.write_bytes(programme_pdf(load_site(data_dir), css_dir, edition_of(data_dir)))
    except LibrariesMissing as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
