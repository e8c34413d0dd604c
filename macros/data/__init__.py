"""Reading and checking the data: YAML in, validated models or Dutch problems out.

`python -m macros.data.check` validates everything without building the site,
`python -m macros.data.schema` writes the editor schemas.
"""
