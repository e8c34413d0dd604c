"""The data layer of the Economische Koers Drenthe site, one folder per step of the flow:

    data/     read and check the YAML in data/ (loader, models, validation, Dutch messages)
    view/     the resolved view: numbers, URLs, cross-references, sums (`Site`)
    render/   the view into page parts: the registry of page parts, Jinja templates
    outputs/  everything else the build publishes or checks: PDF, previews, open data, links
    changes/  what a data edit changes for readers (`make diff`)
    engine/   the MkDocs adapter: the only folder that imports MkDocs or mkdocs-macros

Everything outside engine/ is plain Python and Jinja and runs without MkDocs installed.
"""
