"""The baseline of the benchmark: the same pages as plain Markdown in a bare Material site.

A built project is turned into a site without our data layer: no hooks, no macros, no
overrides, no extra CSS or plugins; only Material with the same theme settings, the
same Markdown extensions and a navigation of the same shape. Each opgave page is
written as Markdown straight from the YAML; every other page (home, index pages,
budget, ...) gets the HTML of its article from our build as a raw block, so it is as
long as ours. What is left between the two builds is the cost of the data layer.
"""

import json
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from bench.synthetic import opgaven_of

HERE = Path(__file__).resolve().parent
# Kept from our mkdocs.yml; all else (hooks, plugins, custom_dir, extra_css, ...) is ours.
KEPT_KEYS = ("site_name", "site_description", "site_author", "site_url", "use_directory_urls", "markdown_extensions")
SECTIONS = (  # YAML key, heading, anchor: as in macros/sections.py
    ("nut_en_noodzaak", "Nut & noodzaak", "nut-en-noodzaak"),
    ("context", "Context", "context"),
    ("gerelateerde_projecten_en_programmas", "Gerelateerde projecten en programma’s",
     "gerelateerde-projecten-en-programmas"),
    ("activiteiten", "Activiteiten", "activiteiten"),
    ("resultaten", "Resultaten", "resultaten"),
    ("partners", "Partners", "partners"),
    ("doelgroep", "Doelgroep", "doelgroep"),
)


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !relative tags plain YAML does not know."""


def _env_tag(loader, node):
    if isinstance(node, yaml.SequenceNode):
        names = loader.construct_sequence(node)
        return names[-1]  # the default value
    return None


_ConfigLoader.add_constructor("!ENV", _env_tag)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def _text(item) -> str:
    return item if isinstance(item, str) else item.get("tekst", "")


def opgave_markdown(opgave: dict, number: int, previous: dict | None, following: dict | None) -> str:
    """An opgave page written by hand: the same text and headings, no templates."""
    title = opgave["titel"]
    lines = [
        "---",
        f"title: {json.dumps(f'Opgave {number}: {title}', ensure_ascii=False)}",
        f"description: {json.dumps(opgave['nut_en_noodzaak'][0].split('. ')[0] + '.', ensure_ascii=False)}",
        "---",
        "",
        f"# Opgave {number} {title}",
        "",
        "Op deze pagina:",
        "",
    ]
    lines += [f"- [{heading}](#{anchor})" for _key, heading, anchor in SECTIONS]
    for key, heading, anchor in SECTIONS:
        lines += ["", f"## {heading} {{: #{anchor} }}", ""]
        value = opgave[key]
        if key == "nut_en_noodzaak":
            lines += [paragraph for text in value for paragraph in (text, "")]
        elif key == "activiteiten":
            for group in value:
                if group.get("kop"):
                    lines += [f"### {group['kop']}", ""]
                lines += [f"- {_text(item)}" for item in group["items"]] + [""]
        else:
            lines += [f"- {_text(item)}" for item in value]
    lines.append("")
    if previous:
        lines.append(f"[Vorige: {previous['titel']}]({previous['slug']}.md)")
    if following:
        lines.append(f"[Volgende: {following['titel']}]({following['slug']}.md)")
    return "\n".join(lines) + "\n"


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


def with_all_opgaven(nav: list, opgaven: list[dict]) -> list:
    """Every opgave in the sidebar after the opgaven index, as the engine once did at any size."""
    entries = [{f"{number}. {opgave['titel']}": f"opgaven/{opgave['slug']}.md"}
               for number, opgave in enumerate(opgaven, 1)]
    result = []
    for item in nav:
        if isinstance(item, dict):
            (title, value), = item.items()
            if isinstance(value, list):
                value = with_all_opgaven(value, opgaven)
                if "opgaven/index.md" in value:
                    value = value[: value.index("opgaven/index.md") + 1] + entries
            result.append({title: value})
        else:
            result.append(item)
    return result


def make_baseline(project: Path, our_site: Path, destination: Path, nav: list, full_nav: bool = False) -> Path:
    """A bare Material project at `destination` with the pages of our build of `project`."""
    ours = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_ConfigLoader)
    docs = destination / "docs"
    docs.mkdir(parents=True)
    opgaven = opgaven_of(project)
    opgave_sources = {f"opgaven/{opgave['slug']}.md" for opgave in opgaven}
    for index, opgave in enumerate(opgaven):
        previous = opgaven[index - 1] if index > 0 else None
        following = opgaven[index + 1] if index + 1 < len(opgaven) else None
        (docs / "opgaven").mkdir(exist_ok=True)
        (docs / "opgaven" / f"{opgave['slug']}.md").write_text(
            opgave_markdown(opgave, index + 1, previous, following), encoding="utf-8")
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
    config.update({
        "docs_dir": "docs",
        "theme": theme,
        "plugins": [{"search": {"lang": theme.get("language", "en")}}],
        "nav": with_all_opgaven(nav, opgaven) if full_nav else nav,
        # Pages left out of the sidebar are reached from an index page, as in ours.
        "validation": {"nav": {"omitted_files": "info"}, "links": {"not_found": "info", "anchors": "info"}},
    })
    (destination / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                            encoding="utf-8")
    return destination
