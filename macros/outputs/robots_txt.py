"""/robots.txt: every page may be indexed, and where the sitemap is.

Only with the published address (SITE_URL): a Sitemap line must be an absolute address,
and a local build has none. Crawlers read robots.txt at the root of a host only; a site
published in a folder still gets the file (harmless), and search engines also find the
sitemap through the address given to them (README, "Zoekmachines").
"""

ROBOTS_TXT_PATH = "robots.txt"
SITEMAP_PATH = "sitemap.xml"  # written by MkDocs


def robots_txt(site_url: str | None) -> str | None:
    """The file's text, or None without a published address."""
    if not site_url:
        return None
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url.rstrip('/')}/{SITEMAP_PATH}\n"
