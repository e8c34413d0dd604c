"""Pydantic models: the single description of what the data files may contain.

Field names are English; the aliases are the Dutch keys staff type in YAML.
Validation, the JSON Schema for editors and the error messages all come from here.
"""
