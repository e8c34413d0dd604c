"""Time and peak memory of the programme PDF at 10, 100 and 1000 synthetic opgaven.

Each PDF is drawn by `python -m macros.outputs.pdf` in a child process of its own, so its
peak memory (ru_maxrss, from wait4) is that of the drawing alone. Writes its table into
bench/RESULTS.md between its own markers; `make bench` runs it after bench/run.py.

    python bench/pdf.py [--counts 10 100 1000] [--no-write]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import make_project  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
START_MARKER = "<!-- pdf:start -->"
END_MARKER = "<!-- pdf:end -->"
TARGET_BYTES = 2 * 1024 ** 3  # peak memory at 1000 opgaven


def measure(project: Path) -> tuple[float, int, int, int]:
    """Seconds, peak memory in bytes, file size and pages of one PDF drawn in a child process."""
    out = project / "programma.pdf"
    command = [sys.executable, "-m", "macros.outputs.pdf", str(project / "data"),
               str(project / "content" / "assets" / "css"), str(out)]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"the PDF of {project} failed")
    from pypdf import PdfReader
    return elapsed, usage.ru_maxrss * 1024, out.stat().st_size, len(PdfReader(out).pages)


def table(rows: list[tuple[int, float, int, int, int]]) -> str:
    lines = ["| opgaven | pages | time | per opgave | peak memory | size |", "| --- | --- | --- | --- | --- | --- |"]
    for count, elapsed, peak, size, pages in rows:
        lines.append(f"| {count} | {pages} | {elapsed:.1f} s | {elapsed / count * 1000:.0f} ms | "
                     f"{peak / 1024 ** 2:.0f} MiB | {size / 1000:.0f} kB |")
    largest = max(rows)
    met = largest[2] < TARGET_BYTES
    lines += ["", f"Target: peak memory below 2 GiB at {largest[0]} opgaven: {'yes' if met else '**no**'} "
                  f"({largest[2] / 1024 ** 3:.2f} GiB)."]
    return "\n".join(lines)


def write_results(text: str) -> None:
    block = f"{START_MARKER}\n{text}\n{END_MARKER}"
    current = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n\n"
    if START_MARKER in current:
        current = re.sub(re.escape(START_MARKER) + ".*?" + re.escape(END_MARKER), lambda _m: block, current,
                         flags=re.S)
    else:
        current = current.rstrip("\n") + (
            "\n\n## The programme PDF\n\nWeasyPrint (PDF/UA-1), laid out in parts of 25 opgaven and joined with "
            "pikepdf (macros/outputs/pdf.py), in a child process per size: `bench/pdf.py`.\n\n") + block + "\n"
    RESULTS.write_text(current, encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", type=int, nargs="+", default=[10, 100, 1000])
    parser.add_argument("--no-write", action="store_true")
    arguments = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory(prefix="ekd-bench-pdf-") as temp:
        for count in arguments.counts:
            project = make_project(Path(temp) / str(count), count)
            elapsed, peak, size, pages = measure(project)
            print(f"{count} opgaven: {elapsed:.1f} s, {peak / 1024 ** 2:.0f} MiB, {pages} pages", file=sys.stderr)
            rows.append((count, elapsed, peak, size, pages))
    text = table(rows)
    print(text)
    if not arguments.no_write:
        write_results(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
