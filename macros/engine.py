"""The only module that talks to MkDocs and mkdocs-macros.

It is registered twice in mkdocs.yml: as a `hooks:` module (validate the data before
anything is written, add one generated page per opgave, put them in the navigation)
and as the macros `module_name` (the macros that page Markdown calls). Moving to
another engine means rewriting this file alone.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from markupsafe import escape  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from macros.problems import DataError  # noqa: E402
from macros.render import Renderer  # noqa: E402
from macros.view import load_site_cached  # noqa: E402

OPGAVEN_INDEX = "opgaven/index.md"


def _data_dir(config) -> Path:
    return Path(config["config_file_path"]).resolve().parent / "data"


def _site(config):
    try:
        return load_site_cached(_data_dir(config))
    except DataError as error:
        raise Abort(error.report()) from None


def _first_sentence(text: str) -> str:
    end = text.find(". ")
    return text if end == -1 else text[: end + 1]


# ---------------------------------------------------------------- MkDocs hooks


def on_config(config):
    """Validate all data first: a mistake stops the build before site/ is touched."""
    site = _site(config)
    for item in config["nav"] or []:
        children = next(iter(item.values())) if isinstance(item, dict) else None
        if isinstance(children, list) and OPGAVEN_INDEX in children:
            children[children.index(OPGAVEN_INDEX) + 1:] = [
                {str(escape(f"{entry.number}. {entry.title}")): f"opgaven/{entry.slug}.md"} for entry in site.opgaven
            ]
    return config


def on_files(files, config):
    site = _site(config)
    for entry in site.opgaven:
        front_matter = {
            # MkDocs puts titles and descriptions into HTML unescaped.
            "title": str(escape(f"{entry.label}: {entry.title}")),
            "description": str(escape(_first_sentence(entry.record.need[0]))),
        }
        content = "---\n" + "".join(f"{key}: {json.dumps(value, ensure_ascii=False)}\n"
                                     for key, value in front_matter.items())
        content += f"---\n\n{{{{ opgave_pagina({json.dumps(entry.id)}) }}}}\n"
        files.append(File.generated(config, f"opgaven/{entry.slug}.md", content=content))
    return files


def on_serve(server, config, builder):
    for folder in ("data", "macros", "overrides"):
        server.watch(str(ROOT / folder))
    return server


# ---------------------------------------------------------------- macros


def define_env(env):
    def renderer() -> Renderer:
        return Renderer(_site(env.conf))

    def page() -> str:
        return env.page.url

    @env.macro
    def opgave_pagina(opgave_id: str) -> str:
        return renderer().opgave_page(opgave_id, page())

    @env.macro
    def opgave_kaarten() -> str:
        return renderer().opgave_cards(page())

    @env.macro
    def opgaven_overzicht() -> str:
        return renderer().opgaven_overview(page())

    @env.macro
    def over_programma() -> str:
        return renderer().about(page())

    @env.macro
    def inleiding() -> str:
        return renderer().introduction(page())
