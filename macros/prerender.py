"""Render the opgave pages in a second process while the build does the other pages.

MkDocs builds one page after another on one core, and rendering an opgave page is
our largest cost per page (bench/RESULTS.md). With many opgaven a forked child
renders them, in the order the build will ask for them, while the parent does
everything else; each page is sent as soon as it is done, so the parent seldom
waits. The child gets the loaded site for free through fork, and sends exactly what
the parent would have rendered itself: each page's Markdown and its HTML parts
(macros/html_blocks.py).

Only on Linux (where CI and the published builds run) and never during `mkdocs
serve`, whose file watcher runs in threads. Anything else renders in-process,
page by page, with the same result.
"""

import multiprocessing
import sys
import traceback
from collections.abc import Callable

from .html_blocks import HtmlBlocks
from .render import Renderer

def can_fork() -> bool:
    # Linux only: macOS offers fork, but system libraries there may crash in a forked child.
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def start(site, pages: list[tuple[str, str]]) -> Callable[[str], tuple[str, list[str]]]:
    """Start rendering `pages` ((opgave id, page URL) pairs), in that order; returns a
    function that gives one page's (Markdown, HTML parts), waiting for it if needed.
    The child sends each page as soon as it is done, so the build rarely waits."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_render_all, args=(site, pages, sender), daemon=True)
    child.start()
    sender.close()  # the parent only reads: EOF if the child dies
    received: dict[str, tuple[str, list[str]]] = {}
    waiting = {url for _opgave_id, url in pages}  # not received yet

    def page(url: str) -> tuple[str, list[str]]:
        while url not in received:
            try:
                status, *payload = receiver.recv()
            except EOFError:
                raise RuntimeError("het voorwerk voor de opgavepagina's is onverwacht gestopt") from None
            if status == "error":
                raise RuntimeError(f"fout bij het maken van de opgavepagina's:\n{payload[0]}")
            received[payload[0]] = payload[1]
            waiting.discard(payload[0])
            if not waiting:
                receiver.close()
                child.join()
        return received.pop(url)

    return page


def render_page(site, opgave_id: str, page: str) -> tuple[str, list[str]]:
    blocks = HtmlBlocks()
    markdown = Renderer(site, blocks).opgave_page(opgave_id, page)
    return markdown, blocks.parts


def _render_all(site, pages: list[tuple[str, str]], sender) -> None:
    try:
        for opgave_id, page in pages:
            sender.send(("page", page, render_page(site, opgave_id, page)))
    except BaseException:  # noqa: BLE001 - reported to the parent, which stops the build
        sender.send(("error", traceback.format_exc()))
    finally:
        sender.close()
