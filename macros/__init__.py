"""The data layer of the Economische Koers Drenthe site, one folder per step of the flow.

Layers, top to bottom: each imports only those below it (.importlinter, tests/test_layers.py).

    engine/        the MkDocs adapter: the only folder that imports MkDocs or mkdocs-macros
    changes/       what a data edit changes for readers (`make diff`, the change history)
    outputs/       everything else the build publishes or checks: PDF, previews, open data, links
    render/        the view into page parts: the registry of page parts, Jinja templates
    view/          the resolved view: numbers, URLs, cross-references, sums (`Site`); the data check
    data/          read and check the YAML in data/ (loader, models, validation, Dutch messages)
    formatting.py  money, numbers and dates in Dutch

Everything outside engine/ is plain Python and Jinja and runs without MkDocs installed.
"""
