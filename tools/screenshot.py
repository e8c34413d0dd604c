"""Take desktop (1280 px) and phone (375 px) screenshots of built pages, to look at them.

Usage: python tools/screenshot.py SITE_DIR OUT_DIR URL_PATH [URL_PATH ...]
Serves SITE_DIR on 127.0.0.1 and writes OUT_DIR/<name>-<width>.png (full page).
"""

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


def main(site_dir: str, out_dir: str, *paths: str) -> None:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=site_dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}/"
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=FLAGS)
        for width, height in ((1280, 800), (375, 812)):
            page = browser.new_page(viewport={"width": width, "height": height})
            for path in paths:
                page.goto(base + path)
                name = path.strip("/").replace("/", "_") or "home"
                page.screenshot(path=f"{out_dir}/{name}-{width}.png", full_page=True)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main(*sys.argv[1:])
