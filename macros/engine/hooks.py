"""MkDocs hooks (`hooks:` in mkdocs.yml): the events of a build, implemented in site_build.py.

MkDocs loads this file by path, not as part of the package; it only puts the project
on the import path and hands each event on.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.engine.site_build import (  # noqa: E402,F401 - MkDocs finds the events by name
    on_config, on_env, on_files, on_page_content, on_page_context, on_page_markdown, on_post_build, on_post_page,
    on_post_template, on_pre_build, on_serve, on_startup,
)
