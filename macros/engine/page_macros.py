"""The macros that content/*.md calls (`module_name` of mkdocs-macros): one per page part.

mkdocs-macros loads this file by path; the macros come from the registry of page parts
(macros/render/parts.py) through site_build.py.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from macros.engine.site_build import define_env  # noqa: E402,F401 - mkdocs-macros calls it by name
