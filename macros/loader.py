"""Read a YAML data file safely, keeping the line of every value.

Staff edit these files by hand, so the reader refuses what PyYAML would silently
accept or even execute: duplicate keys (PyYAML keeps the last), tags such as
`!!python/object`, alias bombs, huge files and bytes that are not UTF-8.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Problem

try:  # libyaml parses about ten times faster; fall back to pure Python when absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

MAX_BYTES = 2_000_000
MAX_NODES = 200_000  # generous for real content, small enough to stop "billion laughs"

# Tags that plain YAML text resolves to; anything else was typed on purpose.
_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded file: its plain data and the line (1-based) of every value in it."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of `path`, or of its nearest parent that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get(())


def load_document(path: Path, name: str | None = None) -> Document:
    """Load one YAML file; raise DataError with a Dutch message when it cannot be read."""
    name = name or path.name
    if not path.is_file():
        raise DataError([Problem(name, "het bestand ontbreekt. Verwacht: een YAML-bestand op deze plek.")])
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(
            name,
            f"het bestand is te groot ({len(raw):,} bytes; de grens is {MAX_BYTES:,}). "
            "Verwacht: een gewoon tekstbestand met de inhoud van het programma.".replace(",", "."),
        )])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(
            name,
            "het bestand bevat tekens die geen UTF-8 zijn. "
            "Verwacht: sla het bestand op als UTF-8.",
            line=line,
        )]) from None
    if not text.strip() or text.lstrip("\ufeff").strip() == "":
        raise DataError([Problem(name, "het bestand is leeg. Verwacht: de gegevens in YAML.")])
    return parse_document(text, name)


def parse_document(text: str, name: str) -> Document:
    if "\t" in _indentation(text):
        line = next(i for i, row in enumerate(text.splitlines(), 1) if row[: len(row) - len(row.lstrip())].count("\t"))
        raise DataError([Problem(
            name,
            "de regel springt in met een tab. Verwacht: inspringen met spaties (YAML staat geen tabs toe).",
            line=line,
        )])
    try:
        node = _Loader(text).get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise DataError([Problem(
            name,
            f"dit is geen geldige YAML ({error.problem or error.context}). "
            "Verwacht: let op inspringen, dubbele punten en aanhalingstekens.",
            line=mark.line + 1 if mark else None,
        )]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, f"dit is geen geldige YAML ({error}).")]) from None
    if node is None:
        raise DataError([Problem(name, "het bestand is leeg. Verwacht: de gegevens in YAML.")])
    builder = _Builder(name)
    data = builder.build(node, ())
    if builder.problems:
        raise DataError(builder.problems)
    return Document(name, data, builder.lines)


def _indentation(text: str) -> str:
    return "".join(row[: len(row) - len(row.lstrip())] for row in text.splitlines())


class _Builder:
    """Turns composed YAML nodes into plain Python values, recording lines."""

    def __init__(self, name: str):
        self.name = name
        self.lines: dict[Path_, int] = {}
        self.problems: list[Problem] = []
        self.count = 0
        self._scalars = _Loader("")

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DataError([Problem(
                self.name,
                "het bestand is te groot of verwijst te vaak naar zichzelf (YAML-aliassen). "
                "Verwacht: schrijf elke tekst gewoon uit, zonder & en *.",
                line=node.start_mark.line + 1,
            )])
        self.lines.setdefault(path, node.start_mark.line + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(Problem(
                self.name,
                f"de YAML-tag '{node.tag}' is niet toegestaan. Verwacht: gewone tekst, getallen en lijsten.",
                line=node.start_mark.line + 1,
            ))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        return self._scalars.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem(
                    self.name,
                    "samenvoegen met '<<' is niet toegestaan. Verwacht: schrijf de velden uit.",
                    line=key_node.start_mark.line + 1,
                ))
                continue
            key = self.build(key_node, path)
            if not isinstance(key, (str, int)):
                self.problems.append(Problem(
                    self.name, "een sleutel moet een woord zijn.", line=key_node.start_mark.line + 1,
                ))
                continue
            if key in result:
                first = self.lines.get(path + (key,))
                self.problems.append(Problem(
                    self.name,
                    f"de sleutel '{key}' staat twee keer in hetzelfde blok (eerst op regel {first}). "
                    "Verwacht: elke sleutel één keer; YAML zou de eerste stil weggooien.",
                    line=key_node.start_mark.line + 1,
                    field=str(key),
                ))
                continue
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
        return result
