"""Read a YAML data file safely, keeping the line of every value.

Staff edit these files by hand, so the reader refuses what PyYAML would silently
accept, execute or crash on: duplicate keys (PyYAML keeps the last), tags such as
`!!python/object`, alias bombs, nesting so deep that the parser overflows its stack,
huge files, tabs and bytes that are not UTF-8. Every refusal says, in Dutch, on
which line the problem is and what was expected (the words are in messages.py).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from macros.data import messages
from macros.data.problems import DataError, Problem, locate
from macros.data.revisions import committed_text

try:  # libyaml parses about ten times faster; fall back to pure Python when absent
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader

# 1000 opgaven (the size the benchmark in bench/ builds) take about 3 MB.
MAX_BYTES = 10_000_000
MAX_NODES = 200_000  # generous for real content, small enough to stop "billion laughs"
# Real data nests about eight levels; libyaml's composer recurses in C and crashes the
# whole process (no message at all) somewhere above ten thousand.
MAX_DEPTH = 20

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

# A "key: value" line rather than a list item (for messages.UNDERINDENTED_FIELD).
_FIELD_ROW = re.compile(r"^\s*[^\s#'\"-][^:#]*:(\s|$)")

# Keys typed as a word that YAML would turn into another type.
_WORD_KEY_TAGS = {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"}

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """A loaded file: its plain data and the line (1-based) of every value in it."""

    name: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    path: Path | None = None  # the file it was read from, to compare with its committed version

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
        raise DataError([Problem(name, messages.FILE_MISSING)])
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise DataError([Problem(name, messages.FILE_TOO_LARGE.format(size=_number(len(raw)), limit=_number(MAX_BYTES)))])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError([Problem(name, messages.NOT_UTF8.format(byte=f"{raw[error.start]:#04x}"), line=line)]) from None
    if not text.lstrip("\ufeff").strip():
        raise DataError([Problem(name, messages.FILE_EMPTY)])
    return parse_document(text, name, path)


def committed_version(document: Document) -> tuple[Any, str]:
    """The raw data of `document` as last committed, and how to name that commit in Dutch;
    (None, "") when git cannot tell.

    Compared with HEAD while the file has uncommitted edits; once they are committed (as
    in a pull request's CI run), with the commit before, so the edit is still named."""
    if document.path is None:
        return None, ""
    text, since = committed_text(document.path, "HEAD"), messages.SINCE_LAST_COMMIT
    if text is not None and text == document.path.read_text(encoding="utf-8"):
        text, since = committed_text(document.path, "HEAD~1"), messages.SINCE_PREVIOUS_COMMIT
    if text is None:
        return None, ""
    try:
        return parse_document(text, document.name).data, since
    except DataError:
        return None, ""


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Dutch thousands separator


def parse_document(text: str, name: str, path: Path | None = None) -> Document:
    problems = _tab_problems(text, name)
    if problems:
        raise DataError(problems)
    try:
        _check_depth(text, name)
        node = _Loader(text).get_single_node()
    except yaml.MarkedYAMLError as error:
        raise DataError([_syntax_problem(error, text, name)]) from None
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        raise DataError([Problem(name, messages.CONTROL_CHARACTER.format(code=f"{error.character:#04x}"),
                                 line=line)]) from None
    except yaml.YAMLError as error:
        raise DataError([Problem(name, messages.NOT_YAML)]) from None
    if node is None:
        raise DataError([Problem(name, messages.FILE_EMPTY)])
    builder = _Builder(name, text.splitlines())
    data = builder.build(node, ())
    if builder.problems:
        raise DataError(builder.resolve(data))
    return Document(name, data, builder.lines, path)


# "-<tab>Tekst": PyYAML stops with "cannot start any token", which says nothing useful.
_TAB_AFTER_DASH = re.compile(r"^ *- *\t")


def _tab_problems(text: str, name: str) -> list[Problem]:
    problems = []
    for number, row in enumerate(text.splitlines(), 1):
        if "\t" in row[: len(row) - len(row.lstrip())]:
            message = messages.TAB_INDENT
        elif _TAB_AFTER_DASH.match(row):
            message = messages.TAB_AFTER_DASH
        else:
            continue
        problems.append(Problem(name, message, line=number))
    return problems


def _check_depth(text: str, name: str) -> None:
    """Refuse deep nesting from the event stream (which libyaml reads without recursion)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise DataError([_too_deep(name, event.start_mark.line + 1)])
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def _too_deep(name: str, line: int) -> Problem:
    return Problem(name, messages.TOO_DEEP.format(depth=MAX_DEPTH), line=line)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str, name: str) -> Problem:
    mark = error.problem_mark or error.context_mark
    description = f"{error.context or ''} {error.problem or ''}"
    rows = text.splitlines()
    told = _told_by_the_line(rows, mark.line if mark else None, description)
    for fragment, what, expected, at_start in messages.SYNTAX_HINTS:
        if told:
            message = told
            break
        if fragment in description:
            mark = (error.context_mark if at_start else None) or mark
            if fragment == "did not find expected '-' indicator" and mark and _is_field_row(rows, mark.line):
                what, expected = messages.UNDERINDENTED_FIELD
            message = messages.SYNTAX_ERROR.format(what=what, expected=expected)
            break
    else:
        message = messages.SYNTAX_ERROR_UNKNOWN
    line = mark.line + 1 if mark else None
    runaway = _runaway_quote(text)
    if runaway is not None and line and runaway.start_mark.line + 1 < line:
        line = runaway.start_mark.line + 1
        message = messages.RUNAWAY_QUOTE.format(end=runaway.end_mark.line + 1)
    if line and line <= len(rows) and rows[line - 1].strip():
        message += messages.THE_LINE_IS.format(line=rows[line - 1].strip()[:80])
    return Problem(name, message, line=line)


_DASH_VALUE = re.compile(r"^\s*(?:-\s+)?([\w-]+):\s+-\s*(#.*)?$")
_QUOTED_START = re.compile(r"^\s*(?:-\s+|[\w-]+:\s+)(['\"])(.*?)\1\s*[^\s#,\]}].*$")


def _told_by_the_line(rows: list[str], index: int | None, description: str) -> str | None:
    """A message for a mistake the row itself shows, which PyYAML's description hides:
    `bedrag: -` (the programme's dash for "no budget"), a text starting with a quoted word,
    a list item typed less far in than its list."""
    if index is None or index >= len(rows):
        return None
    row = rows[index]
    dash = _DASH_VALUE.match(row)
    if dash and "block sequence entries are not allowed" in description:
        key = dash.group(1)
        return messages.NO_BUDGET_DASH + "." if key == "bedrag" else messages.DASH_AS_VALUE.format(key=key) + "."
    quoted = _QUOTED_START.match(row)
    if quoted:
        text = row.split(quoted.group(1), 1)[0]
        typed = row[len(text):].split(" #")[0].strip()
        example = '"' + typed.replace('"', "'")[:60] + '"'
        return messages.QUOTED_START.format(quote=quoted.group(1), quoted=f"{quoted.group(1)}{quoted.group(2)}{quoted.group(1)}",
                                            example=example) + "."
    if "did not find expected key" in description and row.lstrip().startswith("- "):
        own = len(row) - len(row.lstrip())
        for above in range(index - 1, -1, -1):
            other = rows[above]
            column = len(other) - len(other.lstrip())
            if other.lstrip().startswith("- ") and column > own:
                return messages.ITEM_UNDERINDENTED.format(line=above + 1, column=column) + "."
            if other.strip() and column <= own:
                break
    return None


def _is_field_row(rows: list[str], index: int) -> bool:
    """Whether row `index` (0-based) is a 'key: value' line rather than a list item."""
    return index < len(rows) and bool(_FIELD_ROW.match(rows[index]))


_LOOKS_LIKE_YAML = re.compile(r"^\s*(- |[\w-]+:(\s|$))", re.MULTILINE)


def _runaway_quote(text: str) -> yaml.ScalarToken | None:
    """A quoted text that swallowed lines that look like keys or list items: its quote is not closed."""
    found = None
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"'):
                source = text[token.start_mark.index: token.end_mark.index]
                if "\n" in source and _LOOKS_LIKE_YAML.search(source.split("\n", 1)[1]):
                    found = found or token
    except yaml.YAMLError:
        pass
    return found


class _Builder:
    """Turns composed YAML nodes into plain Python values, recording lines."""

    def __init__(self, name: str, rows: list[str]):
        self.name = name
        self.rows = rows
        self.lines: dict[Path_, int] = {}
        self.problems: list[tuple[Path_, int, str]] = []
        self.count = 0
        self._scalars = _Loader("")

    def problem(self, path: Path_, node: yaml.Node, message: str, line: int | None = None) -> None:
        self.problems.append((path, line or node.start_mark.line + 1, message))

    def resolve(self, data: Any) -> list[Problem]:
        """The problems found, each named by the record and field it is in."""
        result = []
        for path, line, message in self.problems:
            record, field_path = locate(data, path)
            result.append(Problem(self.name, message, line=line, record=record, field=field_path or None))
        return result

    def build(self, node: yaml.Node, path: Path_) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DataError([Problem(self.name, messages.TOO_MANY_NODES, line=node.start_mark.line + 1)])
        if len(path) > MAX_DEPTH:  # only reachable through an alias that refers to itself
            raise DataError([_too_deep(self.name, node.start_mark.line + 1)])
        self.lines.setdefault(path, node.start_mark.line + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problem(path, node, messages.TAG_NOT_ALLOWED.format(tag=_short_tag(node.tag)))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (index,)) for index, item in enumerate(node.value)]
        self._check_glued_item(node, path)
        try:
            return self._scalars.construct_object(node)
        except (ValueError, yaml.YAMLError):
            # e.g. 2024-02-30: read as a date by YAML, but no such day exists
            self.problem(path, node, messages.NO_SUCH_DATE.format(value=node.value))
            return None

    def _check_glued_item(self, node: yaml.ScalarNode, path: Path_) -> None:
        """Refuse a '- ' line indented under the text above it: YAML glues it onto that text.

        "- Eerste\n    - Tweede" reads as the one text "Eerste - Tweede", so an item would
        vanish without a word. Only a continuation line that starts with '- ' counts; a
        dash inside a line is ordinary text."""
        if node.style not in (None, "", ">"):  # quoted and literal (|) texts are typed on purpose
            return
        first, end = node.start_mark.line, node.end_mark.line
        last = end if node.end_mark.column > 0 else end - 1  # a block text ends at the next line
        rows = [(index, self.rows[index]) for index in range(first, min(last, len(self.rows) - 1) + 1)]
        if node.style == ">":  # the text starts on the line after '>-'
            rows = [(index, row) for index, row in rows[1:] if row.strip()]
        for index, row in rows[1:]:
            stripped = row.lstrip(" ")
            if stripped.startswith("- ") or stripped == "-":
                self.problem(path, node, messages.GLUED_ITEM.format(line=rows[0][0] + 1), line=index + 1)
                return

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(path, key_node, messages.MERGE_NOT_ALLOWED)
                continue
            if key_node.tag in _WORD_KEY_TAGS:
                key = key_node.value  # YAML would read 'on:' or 'ja:' as true, '~:' as nothing
            else:
                key = self.build(key_node, path)
            if key_node.tag not in _PLAIN_TAGS:
                continue  # the tag is already reported
            if not isinstance(key, (str, int)):
                self.problem(path, key_node, messages.NOT_A_KEY.format(key=key_node.value))
                continue
            if key in result:
                first = self.lines.get(path + (key,))
                self.problem(path + (key,), key_node, messages.DUPLICATE_KEY.format(key=key, first=first))
                continue
            self.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, path + (key,))
        return result


def _short_tag(tag: str) -> str:
    """Show a tag the way it was typed: '!!python/object' rather than the full URI."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag
