"""Reading and checking a generated config's inputs (hand-written; see ``schema_runtime``).

A generated class declares each input once, as a field: its type, default, bound and HF paths
(``Annotated[int, hf("num_hidden_layers", "n_layer", ge=1)]``). ``inputs_of`` turns those
declarations into ``Input`` rows; ``Source`` reads them out of a HF config.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from typing import Annotated, Any, NamedTuple

import msgspec

from kvarch.errors import ConfigError

__all__ = [
    "REQUIRED",
    "STANDARD_FIELDS",
    "HeadDim",
    "Heads",
    "Input",
    "KvHeads",
    "KvHeadsOrNull",
    "Layers",
    "NonNegative",
    "Positive",
    "Source",
    "Width",
    "check_value",
    "config_mapping",
    "hf",
    "inputs_of",
]

_EXPECTED = {
    "int": "an integer",
    "float": "a number",
    "bool": "true or false",
    "str": "a string",
    "list[int]": "a list of integers",
    "list[str]": "a list of strings",
    "list[float]": "a list of numbers",
    "per_layer[int]": "a mapping of layer index to integer",
    "per_layer[float]": "a mapping of layer index to number",
    "per_layer[str]": "a mapping of layer index to string",
}


def _type_ok(value: object, type_name: str) -> bool:
    if type_name.startswith("per_layer["):
        item = type_name[10:-1]
        return isinstance(value, dict) and all(
            type(k) is int and k >= 0 and _type_ok(v, item) for k, v in value.items()
        )
    if type_name.startswith("list["):
        item = type_name[5:-1]
        return isinstance(value, list) and all(_type_ok(v, item) for v in value)
    if isinstance(value, bool):
        return type_name == "bool"
    if type_name == "int":
        return isinstance(value, int)
    if type_name == "float":
        return isinstance(value, int | float)
    if type_name == "str":
        return isinstance(value, str)
    return type_name == "bool" and isinstance(value, bool)


def check_value(
    owner: str,
    field: str,
    value: object,
    type_name: str,
    *,
    nullable: bool = False,
    minimum: float | None = None,
) -> None:
    """``value`` has schema type ``type_name`` (None allowed if ``nullable``) and is >= minimum."""
    if type(value) is int and type_name == "int" and (minimum is None or value >= minimum):
        return  # the common case, kept fast
    if value is None and nullable:
        return
    expected = _EXPECTED[type_name]
    if minimum is not None:
        expected += f" >= {minimum:g}"
    if not _type_ok(value, type_name):
        raise ConfigError(field, value, expected + (" or null" if nullable else ""), owner=owner)
    if minimum is not None and isinstance(value, int | float) and value < minimum:
        raise ConfigError(field, value, expected, owner=owner)
    if minimum is not None and isinstance(value, dict):
        for k, v in value.items():
            if v < minimum:
                raise ConfigError(
                    f"{field}[{k}]",
                    v,
                    _EXPECTED[type_name[10:-1]] + f" >= {minimum:g}",
                    owner=owner,
                )


def config_mapping(config: object, owner: str) -> Mapping[str, Any]:
    """A config.json mapping, or a ``PretrainedConfig`` turned into one via ``to_dict()``."""
    if isinstance(config, Mapping):
        return config
    to_dict = getattr(config, "to_dict", None)
    if callable(to_dict):
        data = to_dict()
        if isinstance(data, Mapping):
            return data
    raise ConfigError(
        "config", type(config).__name__, "a config.json mapping or a PretrainedConfig", owner=owner
    )


REQUIRED: Any = type("Required", (), {"__repr__": lambda self: "REQUIRED"})()
"""Default of an input the HF config must provide."""


class Input(NamedTuple):
    """One schema input: where it is read from, its type, default and bound."""

    name: str
    """Field name."""
    paths: tuple[str, ...]
    """HF field paths (first non-null wins)."""
    type: str
    """Schema type name."""
    default: Any = REQUIRED
    """Value when absent; None makes the input optional."""
    minimum: float | None = None
    """Lower bound."""
    keep_null: bool = False
    """An explicit null in the config reads as None instead of ``default``."""
    unless_present: tuple[str, ...] = ()
    """HF paths: when one holds a non-null value, the input is not read (``default`` applies)."""


def hf(
    *paths: str,
    ge: float | None = None,
    keep_null: bool = False,
    unless_present: tuple[str, ...] = (),
) -> msgspec.Meta:
    """A field's HF paths (default: the field's own name) and lower bound, as msgspec metadata:
    msgspec enforces ``ge`` on every construction path, ``inputs_of`` reads the rest."""
    extra: dict[str, Any] = {}
    if paths:
        extra["from"] = paths
    if keep_null:
        extra["keep_null"] = True
    if unless_present:
        extra["unless_present"] = unless_present
    return msgspec.Meta(ge=ge, extra=extra) if ge is not None else msgspec.Meta(extra=extra)


# The field declarations most schemas share, by name, so that a generated field reads
# ``num_hidden_layers: rt.Layers = 32`` (the paths name transformers' aliases, as in llama.yaml).
Positive = Annotated[int, hf(ge=1)]
"""An integer >= 1 read from the field's own name."""
NonNegative = Annotated[int, hf(ge=0)]
"""An integer >= 0 read from the field's own name."""
Layers = Annotated[int, hf("num_hidden_layers", "n_layer", "num_layers", ge=1)]
"""Decoder layers."""
Heads = Annotated[int, hf("num_attention_heads", "n_head", ge=1)]
"""Query heads."""
KvHeads = Annotated[int, hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)]
"""KV heads."""
KvHeadsOrNull = Annotated[
    int, hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
]
"""KV heads; an explicit null in the config reads as None."""
Width = Annotated[int, hf("hidden_size", "n_embd", ge=1)]
"""Model width."""
HeadDim = Annotated[int, hf("head_dim", ge=1)]
"""Per-head width."""
STANDARD_FIELDS = {
    "Positive": Positive,
    "NonNegative": NonNegative,
    "Layers": Layers,
    "Heads": Heads,
    "KvHeads": KvHeads,
    "KvHeadsOrNull": KvHeadsOrNull,
    "Width": Width,
    "HeadDim": HeadDim,
}
"""Name -> declaration of each shared field type (the generator uses the name where the
declaration matches)."""

_BASES = {int: "int", float: "float", bool: "bool", str: "str"}


def _parse(tp: Any, metas: list[msgspec.Meta]) -> tuple[str, bool]:
    """The schema type name of annotation ``tp`` and whether it admits None; collects every
    ``msgspec.Meta`` found on the way into ``metas``."""
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        metas += [m for m in tp.__metadata__ if isinstance(m, msgspec.Meta)]
        return _parse(tp.__origin__, metas)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        (only,) = args
        return _parse(only, metas)[0], True
    if origin is list:
        return f"list[{_parse(typing.get_args(tp)[0], metas)[0]}]", False
    if origin is dict:
        return f"per_layer[{_parse(typing.get_args(tp)[1], metas)[0]}]", False
    return _BASES[tp], False


def inputs_of(cls: type[msgspec.Struct], skip: frozenset[str]) -> tuple[Input, ...]:
    """``cls``'s input rows, in field order, from its field declarations (fields in ``skip``
    belong to the hand-written base class)."""
    hints = typing.get_type_hints(cls, include_extras=True)
    defaults = dict(zip(cls.__struct_fields__[::-1], cls.__struct_defaults__[::-1], strict=False))
    rows = []
    for name in cls.__struct_fields__:
        if name in skip:
            continue
        metas: list[msgspec.Meta] = []
        type_name, _ = _parse(hints[name], metas)
        extra: dict[str, Any] = {k: v for m in metas for k, v in (m.extra or {}).items()}
        minimum = next((m.ge for m in metas if m.ge is not None), None)
        default = defaults.get(name, msgspec.NODEFAULT)
        if type(default).__name__ == "Factory":  # msgspec.field(default_factory=...): a list
            default = default.factory()
        rows.append(
            Input(
                name,
                tuple(extra.get("from", (name,))),
                type_name,
                REQUIRED if default is msgspec.NODEFAULT else default,
                minimum,
                bool(extra.get("keep_null", False)),
                tuple(extra.get("unless_present", ())),
            )
        )
    return tuple(rows)


class Source:
    """Reads typed values out of a HF config, relative to a sub-config root."""

    def __init__(self, data: Mapping[str, Any], owner: str, roots: tuple[str, ...] = ()) -> None:
        self.owner = owner
        self.prefix = ""
        self.data = data
        if roots:
            for root in roots:
                found = _lookup(data, root)
                if isinstance(found, Mapping):
                    self.data, self.prefix = found, root + "."
                    break
            else:
                raise ConfigError(
                    " or ".join(roots),
                    None,
                    "a sub-config (mapping) holding the model",
                    owner=owner,
                )

    def read(
        self,
        paths: tuple[str, ...],
        type_name: str,
        *,
        default: Any = REQUIRED,
        minimum: float | None = None,
        keep_null: bool = False,
    ) -> Any:
        """The first non-null value among ``paths``; else None if ``keep_null`` and a path is
        present with null; else ``default``; else raise."""
        for path in paths:
            value = (
                self._per_layer(path, type_name[10:-1], minimum)
                if "*" in path
                else _lookup(self.data, path)
            )
            if value is not None:
                if type_name == "float" and isinstance(value, int) and not isinstance(value, bool):
                    value = float(value)
                check_value(self.owner, self.prefix + path, value, type_name, minimum=minimum)
                return value
        if keep_null and any(_present(self.data, path) for path in paths):
            return None
        if default is REQUIRED:
            names = " or ".join(self.prefix + p for p in paths)
            raise ConfigError(names, None, f"{_EXPECTED[type_name]} (required)", owner=self.owner)
        return list(default) if isinstance(default, list) else default

    def read_input(self, row: Input) -> Any:
        """``row``'s value (``read`` with the row's paths, type, default, bound); ``default``
        without reading when one of ``row.unless_present`` holds a value."""
        if row.unless_present and any(
            _lookup(self.data, path) is not None for path in row.unless_present
        ):
            return list(row.default) if isinstance(row.default, list) else row.default
        plain = _PLAIN.get(row.paths)
        if plain is None:
            plain = _PLAIN[row.paths] = not any("." in p or "*" in p for p in row.paths)
        if plain:  # the common cases, kept fast: top-level keys, a well-typed value or none
            get = self.data.get
            for path in row.paths:
                value = get(path)
                if value is not None:
                    if type(value) is _FAST_TYPES.get(row.type) and (
                        row.minimum is None or value >= row.minimum
                    ):
                        return value
                    break
            else:
                if not row.keep_null and row.default is not REQUIRED:
                    return list(row.default) if isinstance(row.default, list) else row.default
        return self.read(
            row.paths, row.type, default=row.default, minimum=row.minimum, keep_null=row.keep_null
        )

    def _per_layer(self, path: str, item: str, minimum: float | None) -> dict[int, Any] | None:
        """``head.*.tail``: ``tail`` of every entry of the mapping at ``head``, keyed by layer
        index (transformers' ``per_layer_config``); None when ``head`` is absent."""
        head, _, tail = path.partition(".*.")
        container = _lookup(self.data, head)
        if container is None:
            return None
        where = self.prefix + head
        if not isinstance(container, Mapping):
            raise ConfigError(
                where, container, "a mapping of layer index to fields", owner=self.owner
            )
        out: dict[int, Any] = {}
        for key, entry in container.items():
            index = _layer_index(key)
            if index is None or not isinstance(entry, Mapping):
                raise ConfigError(
                    f"{where}.{key}", entry, "a layer index mapped to fields", owner=self.owner
                )
            value = _lookup(entry, tail)
            if value is not None:
                if item == "float" and type(value) is int:
                    value = float(value)
                check_value(self.owner, f"{where}.{key}.{tail}", value, item, minimum=minimum)
                out[index] = value
        return out


#: Paths -> whether each is a top-level key (no sub-config, no per-layer mapping).
_PLAIN: dict[tuple[str, ...], bool] = {}
#: Schema type -> the Python type a value of it can be returned as read (float takes ints).
_FAST_TYPES: dict[str, type[Any]] = {"int": int, "bool": bool, "str": str, "float": float}


def _present(data: Mapping[str, Any], path: str) -> bool:
    """Whether ``path`` names a key of ``data`` (its value may be null)."""
    parent, _, last = path.rpartition(".")
    node = _lookup(data, parent) if parent else data
    return isinstance(node, Mapping) and last in node


def _layer_index(key: object) -> int | None:
    """A mapping key as a layer index (JSON keys are strings), or None."""
    if type(key) is int and key >= 0:
        return key
    if isinstance(key, str) and key.isdigit():
        return int(key)
    return None


def _lookup(data: Mapping[str, Any], path: str) -> Any:
    if "." not in path:  # the common case, kept fast
        return data.get(path) if isinstance(data, Mapping) else None
    node: Any = data
    for part in path.split("."):
        if isinstance(node, list | tuple) and part.isdigit():  # list item: attention_types.0
            node = node[int(part)] if int(part) < len(node) else None
        elif isinstance(node, Mapping):
            node = node.get(part)
        else:
            return None
    return node
