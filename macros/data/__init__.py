"""Reading and checking the data: YAML in, validated models or Dutch problems out.

`python -m macros.data.schema` writes the editor schemas. The whole check, cross-references
included, is `python -m macros.view.check` (`make check`): they are resolved in view/.
"""
