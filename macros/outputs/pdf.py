"""The whole programme as one accessible PDF (PDF/UA-1), linked from the home page.

Rendered by WeasyPrint from the print document (macros/outputs/print_document.py: the
site's own templates and CSS), so paper and web say the same. WeasyPrint tags the
structure (headings, lists, tables with their headers), embeds the fonts (DejaVu, found
through fontconfig), writes the XMP metadata with the PDF/UA identifier and makes a
bookmark of every h2 and h3: each opgave and each of its sections.

The parts of the document are laid out one at a time and joined (macros/outputs/pdf_join.py):
in one piece a thousand opgaven took 4.8 GiB and seven minutes (bench/RESULTS.md). No
file is fetched: the document refers to nothing outside itself.
"""

import gc
import sys
from pathlib import Path

from macros.data.files import ROOT
from macros.outputs.pdf_join import join
from macros.outputs.print_document import parts, stylesheets
from macros.view.site import Site

VARIANT = "pdf/ua-1"
# The site's CSS, beside macros/ (the build passes the docs_dir it builds from).
CSS_DIR = ROOT / "content" / "assets" / "css"
OPGAVEN_PER_PART = 25  # measured in bench/: memory grows with the part, time does not shrink


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


def programme_pdf(site: Site, css_dir: Path = CSS_DIR, opgaven_per_part: int = OPGAVEN_PER_PART) -> bytes:
    """The PDF of the whole programme."""
    weasyprint = _weasyprint()
    CSS, HTML = weasyprint.CSS, weasyprint.HTML
    styles = [CSS(filename=str(path), url_fetcher=_no_fetching) for path in stylesheets(css_dir)]
    rendered, pages = [], 0
    for part in parts(site, opgaven_per_part):
        # Page numbers go on from the part before.
        numbering = CSS(string=f"@page :first {{ counter-reset: page {pages + 1} }}")
        document = HTML(string=part, url_fetcher=_no_fetching).render(
            stylesheets=[*styles, numbering], pdf_variant=VARIANT)
        pages += len(document.pages)
        rendered.append(document.write_pdf(pdf_variant=VARIANT, uncompressed_pdf=False))
        del document
        gc.collect()  # a laid-out part is large and full of cycles: free it before the next
    return join(rendered)


def main(arguments: list[str]) -> int:
    """`python -m macros.outputs.pdf DATA_DIR CSS_DIR OUT`: the PDF of that data, in a process
    of its own (`mkdocs serve` draws it so, macros/outputs/pdf_build.py)."""
    from macros.view.site import load_site

    data_dir, css_dir, out = (Path(argument) for argument in arguments)
    try:
        out.write_bytes(programme_pdf(load_site(data_dir), css_dir))
    except LibrariesMissing as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
