"""A strict build in this process, for `make build` (tools/build).

The same build as `mkdocs build --strict -d SITE_DIR`, without a second Python process
and with the data checked once (in on_config, before anything is written). MkDocs'
own log lines go to stderr as with the `mkdocs` command.
"""

import logging
from pathlib import Path

# The engine: MkDocs 1.x. ProperDocs, its maintained fork, has the same modules under
# this name (README.md, "Moving off MkDocs 1.x").
ENGINE = "mkdocs"


class BuildFailed(Exception):
    """The build stopped; the message says why (MkDocs' own words, or our Dutch ones)."""

    def __init__(self, message: str, data_problems: bool = False):
        super().__init__(message)
        self.data_problems = data_problems  # stopped by the data check, before anything was built


def build_site(config_file: Path, site_dir: Path) -> None:
    """Build the project of `config_file` strictly into `site_dir`; raise BuildFailed on failure."""
    from importlib import import_module

    config_module = import_module(f"{ENGINE}.config")
    build_module = import_module(f"{ENGINE}.commands.build")
    exceptions = import_module(f"{ENGINE}.exceptions")
    _log_like_the_command(import_module(f"{ENGINE}.__main__").ColorFormatter())
    try:
        config = config_module.load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build_module.build(config)
        finally:
            config.plugins.on_shutdown()
    except exceptions.MkDocsException as error:
        from macros.engine.site_build import DataProblems
        raise BuildFailed(error.format_message(), isinstance(error, DataProblems)) from None


def _log_like_the_command(formatter: logging.Formatter) -> None:
    """MkDocs' INFO and WARNING lines on stderr, as the `mkdocs` command shows them."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.INFO)
    logger.propagate = False
    if not any(handler.name == "MkDocsStreamHandler" for handler in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(formatter)
        handler.name = "MkDocsStreamHandler"
        logger.addHandler(handler)
