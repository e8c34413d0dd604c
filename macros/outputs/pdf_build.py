"""The programme PDF for a build: from the artefact cache, drawn now, or drawn in the background.

Drawing it takes about two seconds even for the real site (bench/RESULTS.md), so it is
kept in the artefact cache under everything it is made from: the data, the templates, the
stylesheets, the code and the machine. `mkdocs serve` never waits for it, or a data edit
would take seconds to show: on a cache miss it starts a separate process that draws it,
puts it in the cache and writes it into the served site when done. Until then the
served site has a one-page PDF that says it is on its way, so the home page's link
leads somewhere (and the build's own link check passes); the home page shows the size
from the next rebuild on.
"""

import io
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from macros.data.files import ROOT
from macros.outputs.artefacts import ArtefactCache, data_inputs, file_inputs
from macros.outputs.edition import edition
from macros.outputs.print_document import stylesheets, template_files

KIND = "pdf"
PROJECT_CODE = ROOT  # where `python -m macros.outputs.pdf` runs


def inputs(data_dir: Path, css_dir: Path) -> list[bytes]:
    """Everything the PDF is made from besides the Python code: data, templates, stylesheets."""
    return (data_inputs(data_dir) + file_inputs(template_files() + stylesheets(css_dir))
            + [edition(data_dir).text.encode()])  # the date on the title page comes from git


def programme_pdf(cache: ArtefactCache, site: Callable, data_dir: Path, css_dir: Path) -> bytes:
    """The PDF, drawn now unless the cache has it (`site()`: the resolved Site)."""
    def draw() -> bytes:
        from macros.outputs.pdf import programme_pdf as draw_pdf
        return draw_pdf(site(), css_dir, edition(data_dir))

    return cache.get(KIND, inputs(data_dir, css_dir), draw)


class BackgroundPdf:
    """`mkdocs serve`: the PDF from the cache, or drawn by a separate process meanwhile."""

    def __init__(self):
        self._lock = threading.Lock()
        self._running: set[str] = set()  # the cache keys being drawn
        # The last build's key, site folder and the PDF's addresses in it.
        self._wanted: tuple[str, Path, tuple[str, ...]] | None = None

    def get(self, cache: ArtefactCache, data_dir: Path, css_dir: Path, site_dir: Path,
            paths: tuple[str, ...]) -> bytes | None:
        """The PDF, or None while it is being drawn (then it is written into `site_dir` when done)."""
        parts = inputs(data_dir, css_dir)
        content = cache.peek(KIND, parts)
        if content is not None:
            return content
        key = cache.key(KIND, parts)
        with self._lock:
            self._wanted = (key, Path(site_dir), paths)
            if key in self._running:
                return None
            self._running.add(key)
        threading.Thread(target=self._draw, args=(cache, parts, key, data_dir, css_dir), daemon=True).start()
        return None

    def _draw(self, cache: ArtefactCache, parts: list[bytes], key: str, data_dir: Path, css_dir: Path) -> None:
        try:
            # A process of its own: laying out the PDF in a thread of the server would hold
            # Python's lock and slow down every rebuild and every page served meanwhile.
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder) / "programma.pdf"
                result = subprocess.run([sys.executable, "-m", "macros.outputs.pdf", str(data_dir), str(css_dir),
                                         str(out)], cwd=PROJECT_CODE, capture_output=True, text=True)
                if result.returncode != 0:
                    print(f"De PDF van het programma kon niet worden gemaakt:\n{result.stderr}", file=sys.stderr)
                    return
                content = cache.put(KIND, parts, out.read_bytes())
            with self._lock:
                wanted = self._wanted
            if wanted is not None and wanted[0] == key:  # the data did not change meanwhile
                for path in wanted[2]:
                    target = wanted[1] / path
                    target.parent.mkdir(parents=True, exist_ok=True)
                    temporary = target.with_name(target.name + ".tmp")
                    temporary.write_bytes(content)
                    temporary.replace(target)
        finally:
            with self._lock:
                self._running.discard(key)


def pending_pdf() -> bytes:
    """A one-page PDF for `mkdocs serve` that says the real one is on its way (not tagged:
    it never leaves the staff member's computer)."""
    import pikepdf
    from pikepdf import Dictionary, Name

    pdf = pikepdf.new()
    font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    text = b"BT /F1 14 Tf 72 770 Td (De PDF van het programma wordt nog gemaakt.) Tj " \
           b"0 -22 Td (Laad de pagina over een minuut opnieuw.) Tj ET"
    page = Dictionary(Type=Name.Page, MediaBox=[0, 0, 595, 842], Resources=Dictionary(Font=Dictionary(F1=font)),
                      Contents=pdf.make_stream(text))
    pdf.pages.append(pikepdf.Page(page))
    pdf.docinfo["/Title"] = "De PDF wordt nog gemaakt"
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True)
    return out.getvalue()
