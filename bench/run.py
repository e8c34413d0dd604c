"""`make bench`: the real site and 100 opgaven against bare Material with the same pages,
the PDF at 100 opgaven, and how soon `make serve` shows a data edit.

    python bench/run.py [--runs 7] [--opgaven 100] [--serve-edits 5] [--at-1000] [--no-write]

Writes its tables, with the date, the machine and its load, into bench/RESULTS.md (between
the markers there). Everything but the real site's `make build` happens in temporary
folders. Not part of `make test`: timings say nothing about correctness, and they depend
on what else the machine is doing. So builds take turns (ours, bare Material, ours, ...):
a change in the load hits both alike, and the ratio is what counts.
"""

import argparse
import datetime
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.baseline import make_baseline, project_nav  # noqa: E402
from bench.synthetic import make_project  # noqa: E402
from tests.project import PROJECT_PARTS, read_yaml, write_yaml  # noqa: E402

RESULTS = ROOT / "bench" / "RESULTS.md"
START_MARKER = "<!-- bench:results:start -->"
END_MARKER = "<!-- bench:results:end -->"
# Measured as published (CI sets SITE_URL): with an address, as the sitemap that counts the pages needs.
# bench/baseline.py reads it from this process's environment.
os.environ.setdefault("SITE_URL", "https://www.example.nl/koers/")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
# The targets of issue #22 (measured here, never asserted in tests).
MAX_REAL_RATIO = 1.3
MAX_RATIO_AT_100 = 1.5
MAX_SERVE_SECONDS = 1.5


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass
class Timing:
    """Wall seconds, CPU seconds (user + system of the child) and peak memory (bytes) per run."""
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: list[int] = field(default_factory=list)

    def run(self, command: list[str], cwd: Path) -> None:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{output.decode()[-3000:]}")
        self.wall.append(time.perf_counter() - started)
        self.cpu.append(usage.ru_utime + usage.ru_stime)
        self.peak.append(usage.ru_maxrss * 1024)

    def median(self, values: str = "wall") -> float:
        return statistics.median(getattr(self, values))


def strict_build(project: Path, site_dir: Path) -> list[str]:
    # --strict without -q: with -q MkDocs exits 0 even when there are warnings.
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)]


def page_count(site_dir: Path) -> int:
    return (site_dir / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")


@dataclass
class Comparison:
    label: str
    pages: int
    ours: Timing
    baseline: Timing
    first: Timing  # ours, first build: an empty .cache/, so every preview and the PDF are drawn

    @property
    def ratio(self) -> float:
        return self.ours.median() / self.baseline.median()


def compare(label: str, project: Path, ours: list[str], temp: Path, runs: int) -> Comparison:
    """`ours` (a build of `project` into temp/label-site) against bare Material with the same
    pages, taking turns; the first build of ours starts without a cache and is kept apart."""
    site_dir = temp / f"{label}-site"
    shutil.rmtree(project / ".cache", ignore_errors=True)
    first, timings = Timing(), {"ours": Timing(), "baseline": Timing()}
    log(f"{label}: first build (empty cache)")
    first.run(strict_build(project, site_dir), project)
    baseline = make_baseline(project, site_dir, temp / f"{label}-baseline", project_nav(project))
    commands = {"ours": (ours, project), "baseline": (strict_build(baseline, temp / f"{label}-baseline-site"), baseline)}
    for number in range(runs):
        for name, (command, cwd) in commands.items():
            log(f"{label}: {name} {number + 1}/{runs}")
            timings[name].run(command, cwd)
    pages = page_count(site_dir)
    if page_count(temp / f"{label}-baseline-site") != pages:
        raise SystemExit(f"{label}: bare Material built another number of pages than ours ({pages})")
    return Comparison(label, pages, timings["ours"], timings["baseline"], first)


def measure_pdf(project: Path) -> Timing:
    """The PDF of `project`'s data, drawn in a child process of its own (its peak memory is the drawing's)."""
    timing = Timing()
    timing.run([sys.executable, "-m", "macros.outputs.pdf", str(project / "data"),
                str(project / "content" / "assets" / "css"), str(project / "programma.pdf")], ROOT)
    return timing


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _page(url: str) -> str:
    """The page, or "" while the server does not answer (it holds requests during a rebuild)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def measure_serve(temp: Path, edits: int) -> list[float]:
    """Seconds from saving a data edit until `mkdocs serve` serves the edited page, on a clone of
    the project (its git history: the change history is part of every rebuild) with the code
    of the working tree."""
    project = temp / "serve-project"
    subprocess.run(["git", "clone", "-q", "--no-hardlinks", str(ROOT), str(project)], check=True)
    for part in PROJECT_PARTS:
        source, target = ROOT / part, project / part
        shutil.rmtree(target, ignore_errors=True) if target.is_dir() else target.unlink(missing_ok=True)
        shutil.copytree(source, target) if source.is_dir() else shutil.copy2(source, target)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env={**ENV, "SITE_URL": ""}, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    data_file = project / "data" / "opgaven.yaml"
    data = read_yaml(data_file)
    title = data["opgaven"][0]["titel"]
    seconds = []
    try:
        deadline = time.monotonic() + 300
        while True:  # the first build, with the PDF drawn in the background
            if title in _page(url):
                break
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("mkdocs serve did not start")
            time.sleep(0.2)
        time.sleep(5)  # let the background PDF finish: what follows measures the edits alone
        for number in range(1, edits + 1):
            new_title = f"{title} (bewerking {number})"
            data["opgaven"][0]["titel"] = new_title
            log(f"serve: edit {number}/{edits}")
            write_yaml(data_file, data)
            saved = time.perf_counter()
            while new_title not in _page(url):
                if time.perf_counter() - saved > 60:
                    raise SystemExit("mkdocs serve did not show the edit within a minute")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - saved)
            time.sleep(3)  # the PDF of the edited data is drawn in the background meanwhile
    finally:
        server.terminate()
        server.wait(30)
    return seconds


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "unknown CPU") if Path("/proc/cpuinfo").exists() else "unknown CPU"
    versions = ", ".join(f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "weasyprint"))
    return (f"{platform.system()} {platform.machine()}, {model}, {os.cpu_count()} cores; "
            f"Python {platform.python_version()}, {versions}")


def seconds_text(value: float) -> str:
    return f"{value:.2f} s" if value < 10 else f"{value:.1f} s"


def mib(value: float) -> str:
    return f"{value / 1024 ** 2:.0f} MiB"


def report(comparisons: list[Comparison], pdf: Timing, opgaven: int, serve: list[float],
           at_1000: tuple[Timing, Timing] | None, loads: tuple[str, str], started: datetime.datetime) -> str:
    lines = [
        f"Run of {started:%Y-%m-%d %H:%M} UTC on {machine()}.",
        f"Load average (1, 5, 15 min) at the start: {loads[0]}; at the end: {loads[1]}.",
        "",
        "| build | pages | runs | median wall | median CPU | peak memory | ratio to bare Material (wall) | (CPU) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for comparison in comparisons:
        ours, baseline = comparison.ours, comparison.baseline
        lines += [
            f"| **{comparison.label}**: ours, rebuild | {comparison.pages} | {len(ours.wall)} | "
            f"{seconds_text(ours.median())} | {seconds_text(ours.median('cpu'))} | {mib(max(ours.peak))} | "
            f"**{comparison.ratio:.2f}×** | {ours.median('cpu') / baseline.median('cpu'):.2f}× |",
            f"| {comparison.label}: bare Material, same pages | {comparison.pages} | {len(baseline.wall)} | "
            f"{seconds_text(baseline.median())} | {seconds_text(baseline.median('cpu'))} | {mib(max(baseline.peak))} | | |",
            f"| {comparison.label}: ours, first build (empty cache) | {comparison.pages} | 1 | "
            f"{seconds_text(comparison.first.median())} | {seconds_text(comparison.first.median('cpu'))} | "
            f"{mib(max(comparison.first.peak))} | | |",
        ]
    lines += ["", f"The PDF of {opgaven} opgaven (a child process of its own): "
                  f"{seconds_text(pdf.median())}, peak memory {mib(pdf.peak[0])}."]
    if serve:
        lines += ["", f"`make serve` on the real site, from saving a data edit until the page shows it "
                      f"({len(serve)} edits): median {seconds_text(statistics.median(serve))}, "
                      f"slowest {seconds_text(max(serve))}."]
    if at_1000:
        build, pdf_1000 = at_1000
        lines += ["", f"1000 opgaven, one run each: first build {seconds_text(build.median())} "
                      f"(peak {mib(build.peak[0])}), of which the PDF alone {seconds_text(pdf_1000.median())} "
                      f"(peak {mib(pdf_1000.peak[0])})."]
    real = next(c for c in comparisons if c.label == "real site")
    sized = next(c for c in comparisons if c.label != "real site")
    targets = [
        (f"`make build` of the real site at most {MAX_REAL_RATIO}× bare Material", real.ratio <= MAX_REAL_RATIO,
         f"{real.ratio:.2f}×"),
        (f"{sized.label}: at most {MAX_RATIO_AT_100}× bare Material", sized.ratio <= MAX_RATIO_AT_100,
         f"{sized.ratio:.2f}×"),
        (f"`make serve` shows a data edit within {MAX_SERVE_SECONDS} s",
         bool(serve) and max(serve) <= MAX_SERVE_SECONDS, seconds_text(max(serve)) if serve else "not measured"),
    ]
    lines += ["", "| target | met | measured |", "| --- | --- | --- |"]
    lines += [f"| {name} | {'yes' if met else '**no**'} | {measured} |" for name, met, measured in targets]
    return "\n".join(lines)


def write_results(table: str) -> None:
    block = f"{START_MARKER}\n{table}\n{END_MARKER}"
    text = RESULTS.read_text(encoding="utf-8")
    RESULTS.write_text(re.sub(re.escape(START_MARKER) + ".*?" + re.escape(END_MARKER), lambda _m: block, text,
                              flags=re.S), encoding="utf-8")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="builds of ours and of bare Material each (median)")
    parser.add_argument("--opgaven", type=int, default=100, help="the size of the synthetic project")
    parser.add_argument("--serve-edits", type=int, default=5, help="data edits timed in `make serve` (0: none)")
    parser.add_argument("--at-1000", action="store_true", help="also one first build at 1000 opgaven (minutes)")
    parser.add_argument("--no-write", action="store_true", help=f"do not update {RESULTS.relative_to(ROOT)}")
    args = parser.parse_args(argv)

    started = datetime.datetime.now(datetime.timezone.utc)
    load_start = " ".join(f"{value:.1f}" for value in os.getloadavg())
    with tempfile.TemporaryDirectory(prefix="ekd-bench-") as temp_name:
        temp = Path(temp_name)
        # The real project in place (with its git history), as `make build` runs it.
        comparisons = [compare("real site", ROOT, [sys.executable, "tools/build"], temp, args.runs)]
        project = make_project(temp / f"project-{args.opgaven}", args.opgaven)
        label = f"{args.opgaven} opgaven"
        comparisons.append(compare(label, project, strict_build(project, temp / f"{label}-site"), temp, args.runs))
        log(f"{label}: the PDF")
        pdf = measure_pdf(project)
        serve = measure_serve(temp, args.serve_edits) if args.serve_edits else []
        at_1000 = None
        if args.at_1000:
            large = make_project(temp / "project-1000", 1000)
            log("1000 opgaven: first build, then the PDF alone")
            build = Timing()
            build.run(strict_build(large, temp / "site-1000"), large)
            at_1000 = (build, measure_pdf(large))
    load_end = " ".join(f"{value:.1f}" for value in os.getloadavg())
    table = report(comparisons, pdf, args.opgaven, serve, at_1000, (load_start, load_end), started)
    print(table)
    if not args.no_write:
        write_results(table)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
