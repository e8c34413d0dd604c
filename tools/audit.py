"""`make audit`: Lighthouse 12 on the home page, an opgave page and the budget page.

Builds the site into a temp dir, serves it on 127.0.0.1 and prints one table of scores.
Not part of `make test`: scores move a few points between runs on 2 cores.
Targets: accessibility, best practices and SEO 1.00; performance 0.95 or more.
"""

import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "opgaven/vestigingsklimaat/", "begroting/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage"
)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        handler = functools.partial(QuietHandler, directory=str(site))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}/"
        rows, ok = [], True
        for page in PAGES:
            report = Path(tmp) / "report.json"
            subprocess.run(
                [str(LIGHTHOUSE), base + page, "--quiet", f"--chrome-flags={CHROME_FLAGS}",
                 f"--only-categories={','.join(CATEGORIES)}", "--output=json", f"--output-path={report}"],
                env={**env, "CHROME_PATH": "/usr/bin/chromium"}, check=True,
            )
            scores = {c: json.loads(report.read_text())["categories"][c]["score"] for c in CATEGORIES}
            ok &= all(scores[c] >= TARGETS[c] for c in CATEGORIES)
            rows.append(("/" + page, scores))
        server.shutdown()
    print(f"| page | {' | '.join(CATEGORIES)} |")
    print("|---|" + "---:|" * len(CATEGORIES))
    for page, scores in rows:
        print(f"| {page} | " + " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES) + " |")
    print("targets: " + ", ".join(f"{c} >= {t:.2f}" for c, t in TARGETS.items()) + (" — met" if ok else " — NOT met"))
    return 0 if ok else 1


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves compressed text as any real host does (GitHub Pages gzips); Lighthouse
    weighs transfer sizes, so an uncompressed local server would understate the site."""

    COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", "/")

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        if not (self.path.split("?")[0].endswith(self.COMPRESSED) and os.path.isfile(path)
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().do_GET()
        body = gzip.compress(Path(path).read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    sys.exit(main())
