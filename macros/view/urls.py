"""Site-relative URLs, independent of any site generator.

Every page lives at a directory URL (`opgaven/arbeidsmarkt/`, '' for home); links are
written relative to the page they appear on, so the site works under any base path
and when opened from disk.
"""


BUDGET_PATH = "begroting/"
OPEN_DATA_DIR = "open-data/"
PDF_PATH = "downloads/economische-koers-drenthe-2024-2025.pdf"  # the whole programme


def opgave_path(slug: str) -> str:
    return f"opgaven/{slug}/"


def relative(target: str, page: str) -> str:
    """The link from the page at directory URL `page` to site-relative `target`."""
    target_path, hash_, fragment = target.partition("#")
    page = page.strip("/")
    depth = page.count("/") + 1 if page else 0
    link = "../" * depth + target_path
    return (link or "./") + hash_ + fragment
