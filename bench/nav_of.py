"""Print, as JSON, the navigation a project ends up with after its on_config hooks.

    python bench/nav_of.py path/to/mkdocs.yml

The engine adds the opgaven to the navigation at build time; the plain-Markdown
baseline of the benchmark gets exactly the same shape. Runs in its own process, so
the project's own `macros` package is the one that is imported.
"""

import json
import os
import sys
from pathlib import Path


def main(config_file: str) -> int:
    from mkdocs.config import load_config

    os.chdir(Path(config_file).resolve().parent)
    config = load_config(config_file)
    config = config.plugins.on_config(config)
    json.dump(config["nav"], sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
