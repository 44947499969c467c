"""Safe YAML loading that keeps the position of every key and value."""

from __future__ import annotations

import math
from typing import Any

import yaml

from generator.errors import Loc, SchemaError

__all__ = ["MAX_SCHEMA_BYTES", "YList", "YMap", "load_yaml", "loc_of"]

MAX_SCHEMA_BYTES = 256 * 1024
_SCALARS = (str, int, float, bool, type(None))


class YMap(dict[str, Any]):
    """A YAML mapping that remembers where it, its keys and its values are."""

    loc: Loc
    key_locs: dict[str, Loc]
    value_locs: dict[str, Loc]
    quoted: dict[str, bool]


class YList(list[Any]):
    """A YAML sequence that remembers where it and its items are."""

    loc: Loc = Loc("<schema>")
    item_locs: list[Loc]
    quoted: list[bool]


def loc_of(container: YMap | YList, key: str | int) -> Loc:
    """Where ``container[key]`` is written (the container itself if unknown)."""
    if isinstance(container, YMap) and isinstance(key, str):
        return container.value_locs.get(key, container.loc)
    if isinstance(container, YList) and isinstance(key, int) and key < len(container.item_locs):
        return container.item_locs[key]
    return container.loc


def _loc(file: str, node: yaml.Node) -> Loc:
    return Loc(file, node.start_mark.line + 1, node.start_mark.column + 1)


def load_yaml(text: str, file: str) -> Any:
    """Parse ``text`` with the safe loader; no anchors, aliases, merge keys or custom tags."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_SCHEMA_BYTES:
        raise SchemaError(Loc(file), f"schema larger than {MAX_SCHEMA_BYTES} bytes")
    try:
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:  # a non-printable character, found up front
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - before.rfind("\n")
        raise SchemaError(
            Loc(file, line, col),
            f"invalid YAML: character U+{ord(text[exc.position]):04X} is not allowed",
        ) from None
    try:
        node = loader.get_single_node()
        if node is None:
            raise SchemaError(Loc(file, 1, 1), "empty schema")
        return _convert(loader, node, file, set())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Loc(file, mark.line + 1, mark.column + 1) if mark else Loc(file)
        raise SchemaError(where, f"invalid YAML: {_plain(str(exc.problem or exc))}") from None
    except yaml.YAMLError as exc:
        raise SchemaError(Loc(file), f"invalid YAML: {exc}") from None
    except RecursionError:
        raise SchemaError(Loc(file), "YAML nested too deeply") from None
    finally:
        loader.dispose()


_PLAIN = (
    ("mapping values are not allowed", "a ':' where a plain value was expected: check this "
     "line's indentation, or quote a value that contains ': '"),
    ("expected <block end>", "this line's indentation does not line up with the lines above"),
    ("could not find expected ':'", "a key without ':' (or a line indented too far)"),
    ("cannot start any token", "tabs or a stray character: indent with spaces"),
    ("found unexpected end of stream", "a quote or bracket is never closed"),
    ("did not find expected key", "this line's indentation does not line up with its block"),
    ("did not find expected ',' or", "a list or mapping in brackets is not closed"),
    ("expected ',' or ']'", "a list in brackets is not closed, or holds a ':'"),
    ("expected ',' or '}'", "a mapping in braces is not closed, or lacks a ','"),
)  # fmt: skip


def _plain(problem: str) -> str:
    """PyYAML's problem in plain words (its own words kept after them)."""
    for raw, plain in _PLAIN:
        if raw in problem:
            return f"{plain} (YAML: {problem})"
    return problem


def _convert(loader: yaml.SafeLoader, node: yaml.Node, file: str, seen: set[int]) -> Any:
    if id(node) in seen:
        raise SchemaError(_loc(file, node), "YAML anchors and aliases are not allowed")
    seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        out = YMap()
        out.loc, out.key_locs, out.value_locs, out.quoted = _loc(file, node), {}, {}, {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise SchemaError(_loc(file, key_node), "YAML merge keys (<<) are not allowed")
            key = _convert(loader, key_node, file, seen)
            if not isinstance(key, str):
                raise SchemaError(_loc(file, key_node), f"keys must be strings, got {key!r}")
            if key in out:
                raise SchemaError(_loc(file, key_node), f"duplicate key {key!r}")
            out[key] = _convert(loader, value_node, file, seen)
            out.key_locs[key] = _loc(file, key_node)
            out.value_locs[key] = _value_loc(file, value_node)
            out.quoted[key] = _quoted(value_node)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = YList()
        seq.loc, seq.item_locs, seq.quoted = _loc(file, node), [], []
        for item in node.value:
            seq.append(_convert(loader, item, file, seen))
            seq.item_locs.append(_value_loc(file, item))
            seq.quoted.append(_quoted(item))
        return seq
    value = loader.construct_object(node, deep=True)
    if not isinstance(value, _SCALARS):
        raise SchemaError(
            _loc(file, node), f"unsupported YAML value of type {type(value).__name__}"
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise SchemaError(_loc(file, node), f"numbers must be finite, got {value!r}")
    return value


def _value_loc(file: str, node: yaml.Node) -> Loc:
    """Where a value's text starts: for a block scalar (| or >), its first content line."""
    if not (isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")):
        return _loc(file, node)
    buffer = node.start_mark.buffer or ""
    lines = buffer.split("\n")
    line = node.start_mark.line + 1  # 0-based index of the first content line
    text = lines[line] if line < len(lines) else ""
    return Loc(file, line + 1, len(text) - len(text.lstrip(" ")) + 1)


def _quoted(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.style in ("'", '"')
