"""The MkDocs adapter: the only folder that imports MkDocs or mkdocs-macros.

MkDocs loads `hooks.py` by file path (`hooks:` in mkdocs.yml) and mkdocs-macros loads
`page_macros.py` by path (`module_name`). Both are thin: what they do lives in
`site_build.py`, imported the normal way by each, so there is one copy of it and of
the build's state. `serve.py` is what `mkdocs serve` adds for staff, `run.py` the
in-process build of `make build`. Moving to another engine means replacing this folder.
"""
