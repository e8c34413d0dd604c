"""The address of every page and file the site links to: the one registry of addresses.

Every page lives at a directory URL (`opgaven/arbeidsmarkt/`, '' for home); links are
written relative to the page they appear on, so the site works under any base path
and when opened from disk. Python imports the constants below; templates (`paths.budget`),
overrides/main.html (`ekd_paths.changes_feed`) and content/*.md (`{{ adres("pdf") }}`) get
the same addresses by name from PATHS.
"""

import posixpath

HOME_PATH = ""
OPGAVEN_PATH = "opgaven/"  # the index of the opgaven; each opgave at opgave_path()
BUDGET_PATH = "begroting/"
PROGRESS_PATH = "voortgang/"
PARTNERS_PATH = "partners/"
PROGRAMMES_PATH = "programmas-en-fondsen/"
BUDGET_LINES_PATH = "begrotingsposten/"
TARGET_GROUPS_PATH = "doelgroepen/"
GLOSSARY_PATH = "begrippen/"
ABOUT_PATH = "over/"
COFINANCING_PATH = f"{ABOUT_PATH}#cofinanciering"
SECTIONS_EXPLAINED_PATH = f"{ABOUT_PATH}#uitvoeringsaspecten"  # what each section of an opgave holds
ACCESSIBILITY_PATH = "toegankelijkheid/"
CHANGES_PATH = "wijzigingen/"  # every change since adoption
CHANGES_FEED_PATH = f"{CHANGES_PATH}atom.xml"  # the feed of every change
FOLLOW_PATH = f"{CHANGES_PATH}volgen/"  # what feeds are, and every feed address to copy
OPEN_DATA_SECTION_PATH = f"{BUDGET_PATH}#open-data"  # where the budget page lists the open data
OPEN_DATA_DIR = "open-data/"  # a folder of files (macros/outputs/opendata.py), not a page
# The whole programme as PDF, at two addresses with the same file: PDF_PATH never changes and
# always holds the current programme; Site.pdf_path (pdf_path() below) is named after the site,
# e.g. downloads/economische-koers-drenthe-2024-2025.pdf: the address the home page links to,
# which stays with this programme when the next one comes (docs/next-programme.md).
PDF_DIR = "downloads/"
PDF_PATH = f"{PDF_DIR}uitvoeringsprogramma.pdf"
# RFC 9116 fixes it; written only once the province has given its security contact, so not in PATHS.
SECURITY_TXT_PATH = ".well-known/security.txt"
PREVIEWS_DIR = "assets/previews/"  # link preview images: one per opgave (preview_path) ...
SITE_PREVIEW_PATH = f"{PREVIEWS_DIR}site.png"  # ... and the site's own, for every other page


def opgave_path(slug: str) -> str:
    return f"{OPGAVEN_PATH}{slug}/"


def opgave_feed_path(opgave_id: str) -> str:
    """The feed of one opgave: by id, which never changes, so a subscription survives a new slug."""
    return f"{CHANGES_PATH}opgaven/{opgave_id}.xml"


def pdf_path(name_slug: str) -> str:
    """Where the PDF of the programme named `name_slug` ("economische-koers-drenthe-2024-2025") is."""
    return f"{PDF_DIR}{name_slug}.pdf"


def follow_anchor(opgave_id: str) -> str:
    """Where FOLLOW_PATH lists the feed of one opgave."""
    return f"feed-{opgave_id}"


def preview_path(slug: str) -> str:
    return f"{PREVIEWS_DIR}{slug}.png"


def source_file(path: str) -> str:
    """The Markdown file of the page at `path`, as MkDocs names it: "voortgang/" is
    "voortgang.md"; a page with pages under it is its folder's "index.md"."""
    return f"{path}index.md" if path in (HOME_PATH, OPGAVEN_PATH) else f"{path.rstrip('/')}.md"


# By name, for templates, overrides/main.html and content/*.md.
PATHS = {
    "home": HOME_PATH, "opgaven": OPGAVEN_PATH, "budget": BUDGET_PATH, "progress": PROGRESS_PATH,
    "partners": PARTNERS_PATH, "programmes": PROGRAMMES_PATH, "budget_lines": BUDGET_LINES_PATH,
    "target_groups": TARGET_GROUPS_PATH, "glossary": GLOSSARY_PATH, "about": ABOUT_PATH,
    "cofinancing": COFINANCING_PATH, "sections_explained": SECTIONS_EXPLAINED_PATH,
    "accessibility": ACCESSIBILITY_PATH, "changes": CHANGES_PATH, "changes_feed": CHANGES_FEED_PATH,
    "follow": FOLLOW_PATH,
    "open_data": OPEN_DATA_SECTION_PATH, "pdf": PDF_PATH, "site_preview": SITE_PREVIEW_PATH,
}


def content_link(name: str, source: str) -> str:
    """The Markdown link to address `name` of PATHS from the content file `source`
    ("opgaven/index.md"). MkDocs reads a link in Markdown from the file's folder, and checks
    and rewrites a link to a page only when it names the page's .md file."""
    path, hash_, fragment = PATHS[name].partition("#")
    if path == HOME_PATH or path.endswith("/"):
        path = source_file(path)
    folder = posixpath.dirname(source)
    return relative(path + hash_ + fragment, f"{folder}/" if folder else "")


def relative(target: str, page: str) -> str:
    """The link from the page at directory URL `page` to site-relative `target`."""
    target_path, hash_, fragment = target.partition("#")
    page = page.strip("/")
    depth = page.count("/") + 1 if page else 0
    link = "../" * depth + target_path
    return (link or "./") + hash_ + fragment
