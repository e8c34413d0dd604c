"""datapackage.json: a Frictionless (Tabular) Data Package that describes the open data CSVs.

Made from the same column definitions as the CSVs themselves (macros/outputs/opendata.py),
so the description cannot drift from the files: one resource per CSV with its Table Schema
(types, Dutch descriptions, keys), its size and its SHA-256, which `frictionless validate`
checks against the file. Written next to the CSVs, so the paths are plain file names.
"""

import hashlib
import json

PACKAGE_FILE = "datapackage.json"
# The Data Package v1 profiles: frictionless checks the descriptor against them.
PACKAGE_PROFILE = "tabular-data-package"
RESOURCE_PROFILE = "tabular-data-resource"


def data_package(*, name: str, title: str, description: str, source: str,
                 licence: tuple[str, str, str], files) -> str:
    """The descriptor as JSON text. `licence` is (id, title, url); `files` the CSV downloads,
    each with its `table`."""
    licence_id, licence_title, licence_url = licence
    descriptor = {
        "profile": PACKAGE_PROFILE,
        "name": name,
        "title": title,
        "description": description,
        "licenses": [{"name": licence_id, "title": licence_title, "path": licence_url}],
        "sources": [{"title": source}],
        "resources": [_resource(download) for download in files],
    }
    return json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n"


def excel_name(table_name: str) -> str:
    """The name of a table's file for Excel, and of its resource: begroting -> begroting-excel."""
    return f"{table_name}-excel"


def _resource_name(table_name: str, excel: bool) -> str:
    return excel_name(table_name) if excel else table_name


def _resource(download) -> dict:
    table, data = download.table, download.content.encode("utf-8")
    resource = {
        "profile": RESOURCE_PROFILE,
        "name": _resource_name(table.name, download.excel),
        "path": download.file_name,
        "title": download.title + (" (voor Excel)" if download.excel else ""),
        "description": download.description,
        "format": "csv",
        "mediatype": "text/csv",
        # UTF-8 for both: the Excel file starts with a byte order mark, which readers of
        # UTF-8 skip; there is no other registered name for it.
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "schema": _schema(table, download.excel),
    }
    if download.excel:
        resource["dialect"] = {"delimiter": download.delimiter, "header": True}
    return resource


def _schema(table, excel: bool) -> dict:
    schema = {
        "fields": [_field(column) for column in table.columns],
        "missingValues": [""],  # an empty amount: no budget
        "primaryKey": list(table.primary_key),
    }
    # Each file refers to the table of its own kind, so either set stands on its own.
    foreign_keys = [
        {"fields": [column.name],
         "reference": {"resource": _resource_name(column.references[0], excel), "fields": [column.references[1]]}}
        for column in table.columns if column.references
    ]
    if foreign_keys:
        schema["foreignKeys"] = foreign_keys
    return schema


def _field(column) -> dict:
    field = {"name": column.name, "type": column.type, "description": column.description}
    constraints = {}
    if column.required:
        constraints["required"] = True
    if column.minimum is not None:
        constraints["minimum"] = column.minimum
    if constraints:
        field["constraints"] = constraints
    return field
