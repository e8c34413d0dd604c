"""The baseline of the benchmark: the same pages as plain Markdown in a bare Material site.

A built project is turned into a site without our data layer: no hooks, no macros, no
overrides, no extra CSS or plugins; only Material with the same theme settings, the
same Markdown extensions (with the same glossary for abbreviations) and a navigation
of the same shape. Each opgave page is our built page written back as plain Markdown:
the same headings and anchors, paragraphs, lists with their links, and the budget
table, as someone would write it by hand. Every other page (home, index pages,
budget, ...) gets the HTML of its article from our build as one raw block, so it is as
long as ours. What is left between the two builds is the cost of the data layer.
"""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup, NavigableString

from bench.synthetic import opgaven_of

HERE = Path(__file__).resolve().parent
# Kept from our mkdocs.yml; all else (hooks, plugins, custom_dir, extra_css, ...) is ours.
KEPT_KEYS = ("site_name", "site_description", "site_author", "site_url", "use_directory_urls", "markdown_extensions")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !relative tags plain YAML does not know."""


def _env_tag(loader, node):
    """As MkDocs reads it: the first variable that is set, else the default (the last item)."""
    if isinstance(node, yaml.SequenceNode):
        *names, default = loader.construct_sequence(node)
    else:
        names, default = [loader.construct_scalar(node)], None
    return next((os.environ[name] for name in names if name in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _inline(element) -> str:
    """The text of an element as Markdown: links stay links, emphasis stays emphasis."""
    parts = []
    for child in element.children:
        if isinstance(child, NavigableString):
            parts.append(_MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(child).split("\n"))))
        elif child.name == "a" and "headerlink" in (child.get("class") or []):
            continue  # Markdown's toc extension adds its own
        elif child.name == "a":
            parts.append(f"[{_inline(child)}]({child['href']})")
        elif child.name in ("strong", "b"):
            parts.append(f"**{_inline(child)}**")
        elif child.name in ("em", "i"):
            parts.append(f"*{_inline(child)}*")
        elif child.name == "br":
            parts.append("  \n")
        else:  # abbr (the glossary adds it back), span, time, ...
            parts.append(_inline(child))
    return "".join(parts)


def _blocks(element) -> list[str]:
    """The block elements inside `element` as Markdown blocks."""
    blocks = []
    for child in element.children:
        if isinstance(child, NavigableString) or child.name is None:
            if str(child).strip():
                blocks.append(_inline_text(child))
            continue
        if re.fullmatch(r"h[1-6]", child.name):
            anchor = f" {{: #{child['id']} }}" if child.get("id") else ""
            blocks.append(f"{'#' * int(child.name[1])} {_inline(child).strip()}{anchor}")
        elif child.name == "p":
            blocks.append(_inline(child).strip())
        elif child.name in ("ul", "ol"):
            marker = "1." if child.name == "ol" else "-"
            blocks.append("\n".join(f"{marker} {_inline(item).strip()}" for item in child.find_all("li", recursive=False)))
        elif child.name == "table":
            blocks.append(_table(child))
        else:  # nav, div, section: their blocks
            blocks += _blocks(child)
    return blocks


def _inline_text(text) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _table(table) -> str:
    rows = [[_inline(cell).strip() for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")]
    header, body = rows[0], rows[1:]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in body]
    return "\n".join(lines)


def opgave_markdown(built_html: Path, title: str, description: str) -> str:
    """An opgave page of our build written as plain Markdown: the same headings, text,
    links and tables, as someone would write the page by hand."""
    soup = BeautifulSoup(built_html.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    front_matter = ["---", f"title: {json.dumps(title, ensure_ascii=False)}",
                    f"description: {json.dumps(description, ensure_ascii=False)}", "---", ""]
    return "\n".join(front_matter) + "\n\n".join(_blocks(article)) + "\n"


def raw_page(built_html: Path, title: str) -> str:
    """A page of ours as one raw HTML block: as long as ours, without the data layer."""
    soup = BeautifulSoup(built_html.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup.body
    for link in article.select("a.headerlink"):
        link.decompose()
    body = "".join(str(child) for child in article.children)
    return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n<div class=\"baseline\">\n{body}\n</div>\n"


def built_html_of(site_dir: Path, src: str) -> Path:
    stem = src[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem[: -len("index")] / "index.html"
    return site_dir / stem / "index.html"


def project_nav(project: Path, python: str = sys.executable) -> list:
    """Our navigation after the engine filled it in (see bench/nav_of.py)."""
    result = subprocess.run(
        [python, str(HERE / "nav_of.py"), str(project / "mkdocs.yml")],
        capture_output=True, text=True, cwd=project, check=True,
        env={"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PATH": "/usr/bin:/bin"},
    )
    return json.loads(result.stdout)


def glossary_of(project: Path) -> dict[str, str]:
    sys.path.insert(0, str(project))
    try:
        from macros.view.site import load_site
        return dict(load_site(project / "data").glossary.titles)
    finally:
        sys.path.remove(str(project))


def make_baseline(project: Path, our_site: Path, destination: Path, nav: list) -> Path:
    """A bare Material project at `destination` with the pages of our build of `project`."""
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    docs = destination / "docs"
    docs.mkdir(parents=True)
    opgaven = opgaven_of(project)
    (docs / "opgaven").mkdir(exist_ok=True)
    for opgave in opgaven:
        built = our_site / "opgaven" / opgave["slug"] / "index.html"
        head = BeautifulSoup(built.read_text(encoding="utf-8")[:4000], "html.parser")
        description = head.find("meta", attrs={"name": "description"})["content"]
        (docs / "opgaven" / f"{opgave['slug']}.md").write_text(
            opgave_markdown(built, head.title.get_text().split(" - ")[0], description), encoding="utf-8")
    content = project / ours.get("docs_dir", "docs")
    for source in sorted(content.rglob("*.md")):
        src = source.relative_to(content).as_posix()
        built = built_html_of(our_site, src)
        if not built.exists():
            continue  # not built (excluded in our config)
        title = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser").title.get_text()
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(raw_page(built, title.split(" - ")[0]), encoding="utf-8")

    theme = {key: value for key, value in ours["theme"].items() if key != "custom_dir"}
    config = {key: ours[key] for key in KEPT_KEYS if key in ours}
    # The glossary's tooltips for hand-written Markdown, as our on_config sets them.
    config["markdown_extensions"] = [
        {"abbr": {"glossary": glossary_of(project)}} if extension == "abbr" else extension
        for extension in config.get("markdown_extensions", [])
    ]
    config.update({
        "docs_dir": "docs",
        "theme": theme,
        "plugins": [{"search": {"lang": theme.get("language", "en")}}],
        "nav": nav,
        # Pages left out of the sidebar are reached from an index page, as in ours.
        "validation": {"nav": {"omitted_files": "info"}, "links": {"not_found": "info", "anchors": "info"}},
    })
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    return destination
