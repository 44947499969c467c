"""A schema file's structure: keys checked, ``extends`` merged, expressions type-checked.

The result, ``Schema``, holds only validated identifiers, compiled Python expression source
and plain values; templates never see raw author text except through ``repr``/docstring escaping.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import keyword
import re
from dataclasses import dataclass, field
from typing import Any

from generator.errors import Loc, SchemaError
from generator.expr import (
    BOOL,
    FUNCTIONS,
    INT,
    PER_LAYER_BASES,
    STR,
    Compiled,
    Name,
    Ty,
    compile_expr,
)
from generator.yamlload import YList, YMap, loc_of
from kvarch.schema_runtime import LAYER_KINDS, STANDARD_KIND_NAMES, SchemaArchConfig

__all__ = ["RESERVED", "Check", "Derived", "Input", "Layers", "Let", "Schema", "build_schema"]

IDENT = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
CLASS = re.compile(r"^[A-Z][A-Za-z0-9]{0,63}$")
#: A config path: dotted names; a later all-digit part indexes a list (``attention_types.0.1``).
PATH = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}(\.([A-Za-z_][A-Za-z0-9_]{0,63}|[0-9]{1,4})){0,7}$")
#: A per-layer input's path: ``container.*.field`` (``*`` = every layer index key).
LAYER_PATH = re.compile(
    r"^[A-Za-z_][A-Za-z0-9_]{0,63}(\.[A-Za-z_][A-Za-z0-9_]{0,63}){0,5}\.\*"
    r"(\.[A-Za-z_][A-Za-z0-9_]{0,63}){1,3}$"
)
MODEL_TYPE = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,63}$")
ARCH = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,127}$")
MAX_TEXT = 2000
MAX_LIST_DEFAULT = 256

INPUT_TYPES = (
    "int",
    "float",
    "bool",
    "str",
    "list[int]",
    "list[float]",
    "list[str]",
    *PER_LAYER_BASES,
)
LAYER_LOCALS = ("i", "kind", "kinds")
#: Names inputs and derived values may not take: the base class's API, locals, functions.
RESERVED = frozenset(
    {n for n in dir(SchemaArchConfig) if not n.startswith("__")}
    | set(LAYER_LOCALS)
    | set(FUNCTIONS)
    | {"self", "rt", "cls", "src", "none", "true", "false"}
    # names the generated annotations use: a class attribute of that name would shadow them
    | {"int", "float", "bool", "str", "list", "tuple", "dict", "msgspec"}
)

#: Class names the generated module (or Python) already uses.
RESERVED_CLASSES = frozenset(
    {"LayerSpec", "ClassVar", "Annotated", "Any", "SchemaArchConfig", "Input", "Source"}
    | {n for n in dir(builtins) if n[:1].isupper()}
)

TOP_KEYS = {
    "kvarch": "schema language version (1)",
    "class": "generated class name",
    "description": "class docstring",
    "extends": "schema this one extends (its class is the base class)",
    "based_on": "schema whose keys this one starts from (its class stands alone)",
    "abstract": "true: a schema only to extend (serves no model type)",
    "model_types": "HF model_type values served",
    "architectures": "HF architectures served",
    "root": "sub-config path(s) holding the language model",
    "inputs": "fields read from the HF config",
    "derived": "named expressions",
    "checks": "validation rules",
    "extra_checks": "validation rules appended to the parent's",
    "layers": "per-layer geometry",
    "mla": "latent (MLA) cache",
    "max_length": "model max sequence length expression",
    "encoder_len": "most encoder positions a sequence's cross-attention reads",
}
NOT_INHERITED = (
    "abstract",
    "class",
    "description",
    "model_types",
    "architectures",
    "extends",
    "based_on",
    "extra_checks",
)
INPUT_KEYS = ("type", "from", "default", "keep_null", "unless_present", "min", "description")
LAYER_KEYS = (
    "let",
    "count",
    "kind",
    "window",
    "num_kv_heads",
    "head_dim",
    "k_head_dim",
    "v_head_dim",
    "kv_source",
    "extra_keys",
    "state",
    "cross",
    "compressed",
)
CROSS_KEYS = ("num_kv_heads", "head_dim", "k_head_dim", "v_head_dim")
EXTRA_KEYS_KEYS = ("num_heads", "head_dim")
COMPRESSED_KEYS = ("every", "num_heads", "head_dim")
STATE_KEYS = ("shape", "dtype")
#: Element types a state tensor may name (``DType`` values a model keeps state in).
STATE_DTYPES = ("float32", "bfloat16", "float16", "int64")
KIND_KEYS = ("list", "map", "expr")


@dataclass
class Input:
    """A value read from the HF config."""

    name: str
    type: str
    paths: tuple[str, ...]
    nullable: bool
    has_default: bool
    default: Any
    keep_null: bool
    minimum: float | None
    description: str
    unless_present: tuple[str, ...] = ()

    @property
    def ty(self) -> Ty:
        """Its expression type."""
        return Ty(self.type, self.nullable)


@dataclass
class Derived:
    """A named expression, generated as a property."""

    name: str
    expr: Compiled
    description: str


@dataclass
class Check:
    """A validation rule."""

    expr: Compiled
    message: str
    field: str
    """Input whose value the error reports."""


@dataclass
class Layers:
    """Per-layer geometry rules (expressions over ``i``, ``kind``, ``kinds``)."""

    count: Compiled
    kind_list: str | None
    kind_map: dict[str, str]
    kind_expr: Compiled
    window: Compiled
    num_kv_heads: Compiled
    k_head_dim: Compiled
    v_head_dim: Compiled
    kv_source: Compiled
    extra_keys: dict[str, tuple[Compiled, ...]]
    """Name -> (heads, head dim) of further per-token keys (e.g. an indexer's)."""
    state: dict[str, list[Compiled]] = field(default_factory=dict)
    """Name -> shape (one expression per dim) of a tensor kept per sequence (recurrent state)."""
    state_dtypes: dict[str, str] = field(default_factory=dict)
    """State name -> the element type the model keeps it in, where the schema names one."""
    compressed: dict[str, tuple[Compiled, ...]] = field(default_factory=dict)
    """Name -> (tokens per entry, heads, head dim) of a cache grown by one entry per N tokens."""
    lets: list[Let] = field(default_factory=list)
    cross: tuple[Compiled, Compiled, Compiled] | None = None
    """(heads, K width, V width) of the K/V a layer's cross-attention keeps of the encoder's
    states (0 heads: this layer has none); None: the schema declares no cross-attention."""


@dataclass
class Let:
    """A per-layer ``let`` name: a method ``_let_<name>`` the rules call."""

    name: str
    expr: Compiled
    params: tuple[str, ...]
    """The layer locals it reads, in order: of ``i``, ``kind``, ``kinds``."""

    @property
    def method(self) -> str:
        return f"_let_{self.name}"


@dataclass
class Schema:
    """One validated schema, ready to render."""

    stem: str
    file: str
    class_name: str
    description: str
    model_types: list[str]
    architectures: list[str]
    roots: list[str]
    inputs: list[Input]
    derived: list[Derived]
    checks: list[Check]
    layers: Layers
    mla_latent: Compiled | None
    max_length: Compiled
    labels: dict[str, str] = field(default_factory=dict)
    """Input name -> the HF field path errors name."""
    parent: str | None = None
    """Stem of the schema this one extends (its class becomes the base class)."""
    extends_loc: Loc | None = None
    """Where ``extends`` is written."""
    source: str | None = None
    """Stem of the schema this one is ``based_on`` (its class lends the identical methods)."""
    encoder_len: Compiled | None = None
    """Most encoder positions one sequence's cross-attention reads (with ``layers.cross``)."""
    abstract: bool = False
    """Only to extend: its class serves no model type and is not in the registry."""

    def label(self, inputs: list[str], fallback: str) -> str:
        """The HF fields behind a value, for error messages."""
        return " / ".join(self.labels[n] for n in inputs) or fallback


def _err(m: YMap | YList, key: str | int, message: str) -> SchemaError:
    return SchemaError(loc_of(m, key), message)


def check_keys(m: YMap, allowed: Any, what: str) -> None:
    """Every key of ``m`` is allowed; else a did-you-mean error at the key."""
    for key in m:
        if key not in allowed:
            close = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise SchemaError(
                m.key_locs[key],
                f"unknown key {key!r} in {what}{hint} (allowed: {', '.join(allowed)})",
            )


def _text(m: YMap, key: str, default: str = "") -> str:
    value = m.get(key, default)
    if not isinstance(value, str):
        raise _err(m, key, f"{key!r} must be a string, got {value!r}")
    if len(value) > MAX_TEXT:
        raise _err(m, key, f"{key!r} longer than {MAX_TEXT} characters")
    bad = [ch for ch in value if (ord(ch) < 0x20 and ch not in "\n\t") or ord(ch) == 0x7F]
    if bad:
        raise _err(m, key, f"{key!r} contains the control character {bad[0]!r}")
    return value


def _map(m: YMap, key: str) -> YMap:
    value = m.get(key)
    if value is None:
        empty = YMap()
        empty.loc, empty.key_locs, empty.value_locs, empty.quoted = loc_of(m, key), {}, {}, {}
        return empty
    if not isinstance(value, YMap):
        raise _err(m, key, f"{key!r} must be a mapping")
    return value


def _names(m: YMap, key: str, pattern: re.Pattern[str], what: str, *, single: bool) -> list[str]:
    value = m.get(key, [])
    items = [value] if single and isinstance(value, str) else value
    if not isinstance(items, list):
        raise _err(m, key, f"{key!r} must be a list of {what}")
    for n, item in enumerate(items):
        if not isinstance(item, str) or not pattern.match(item):
            where = loc_of(items, n) if isinstance(items, YList) else loc_of(m, key)
            raise SchemaError(where, f"{key!r}: {item!r} is not a valid {what}")
    return list(items)


def check_identifier(name: object, loc: Loc, what: str) -> str:
    """A lower-case snake_case name that is no Python keyword and no reserved name."""
    if not isinstance(name, str) or not IDENT.match(name):
        raise SchemaError(loc, f"{what} {name!r} must match [a-z][a-z0-9_]* (at most 64 chars)")
    if keyword.iskeyword(name) or keyword.issoftkeyword(name) or name in RESERVED:
        raise SchemaError(loc, f"{what} {name!r} is reserved; choose another name")
    return name


def build_schema(
    stem: str, file: str, m: YMap, inherited_lets: dict[str, tuple[str, ...]] | None = None
) -> Schema:
    """Validate a merged schema mapping and type-check its expressions. ``inherited_lets``: the
    parent's ``let`` names and the layer locals each method takes (a child's ``let`` of the same
    name takes at least those, so the parent's rules can call it)."""
    check_keys(m, TOP_KEYS, "the schema")
    version = m.get("kvarch", 1)
    if version != 1:
        raise _err(m, "kvarch", f"unsupported schema language version {version!r} (expected 1)")
    default_class = "".join(p.capitalize() for p in stem.split("_")) + "Config"
    class_name = m.get("class", default_class)
    if not isinstance(class_name, str) or not CLASS.match(class_name):
        raise _err(m, "class", f"class {class_name!r} must match [A-Z][A-Za-z0-9]*")
    if keyword.iskeyword(class_name) or class_name in RESERVED_CLASSES:
        raise _err(m, "class", f"class {class_name!r} is reserved; choose another name")
    abstract = m.get("abstract", False)
    if type(abstract) is not bool:
        raise _err(m, "abstract", "'abstract' must be true or false")
    model_types = _names(m, "model_types", MODEL_TYPE, "model_type", single=True)
    architectures = _names(m, "architectures", ARCH, "architecture name", single=True)
    if abstract and (model_types or architectures):
        key = "model_types" if model_types else "architectures"
        raise _err(m, key, f"an abstract schema serves no model type: remove {key!r}")
    if not model_types and not abstract:
        raise SchemaError(m.loc, "'model_types' must list at least one HF model_type")
    roots = _names(m, "root", PATH, "config path", single=True)

    inputs = [_input(name, spec, m["inputs"]) for name, spec in _map(m, "inputs").items()]
    scope: dict[str, Name] = {i.name: Name(i.ty, inputs=(i.name,)) for i in inputs}
    derived = []
    for name, spec in _map(m, "derived").items():
        d = _derived(name, spec, m["derived"], scope)
        scope[name] = Name(d.expr.ty, inputs=tuple(d.expr.inputs), division=d.expr.division)
        derived.append(d)
    by_name = {i.name: i for i in inputs}
    schema = Schema(
        stem=stem,
        file=file,
        class_name=class_name,
        description=_text(m, "description"),
        model_types=model_types,
        architectures=architectures,
        roots=roots,
        inputs=inputs,
        derived=derived,
        checks=[],
        layers=_layers(m, scope, by_name, inherited_lets or {}),
        mla_latent=None,
        max_length=_expr(m, "max_length", scope, (INT, Ty("int", True))),
        labels={i.name: (roots[0] + "." if roots else "") + i.paths[0] for i in inputs},
        abstract=abstract,
    )
    schema.checks = _checks(m, scope, schema)
    if "encoder_len" in m:
        schema.encoder_len = _expr(m, "encoder_len", scope, (INT, Ty("int", True)))
    if (schema.encoder_len is None) != (schema.layers.cross is None):
        key = "encoder_len" if "encoder_len" in m else "layers"
        raise _err(m, key, "'layers.cross' and 'encoder_len' go together: give both or neither")
    if "mla" in m:
        mla = _map(m, "mla")
        check_keys(mla, ("latent_dim",), "'mla'")
        schema.mla_latent = _expr(mla, "latent_dim", scope, (INT,))
    return schema


def _expr(m: YMap, key: str, scope: dict[str, Name], want: tuple[Ty, ...]) -> Compiled:
    if key not in m:
        raise SchemaError(m.loc, f"missing required key {key!r}")
    out = compile_expr(m[key], loc_of(m, key), scope, quoted=m.quoted.get(key, False))
    if out.ty not in want:
        hint = "; use coalesce(x, default)" if out.ty.nullable else ""
        wanted = " or ".join(str(w) for w in want)
        if out.division is not None and out.ty.base == "float" and INT in want:
            raise SchemaError(out.division.loc, f"{key!r} must be int: {out.division.detail}")
        raise _err(m, key, f"{key!r} must be {wanted}, got {out.ty}{hint}")
    return out


def _default_ok(type_name: str, value: Any) -> bool:
    """Whether a YAML ``default`` fits the input type (a list of items for list types)."""
    if type_name.startswith("list["):
        item = type_name[5:-1]
        return (
            isinstance(value, list)
            and len(value) <= MAX_LIST_DEFAULT
            and all(_default_ok(item, v) for v in value)
        )
    return (
        (type_name == "int" and type(value) is int)
        or (type_name == "float" and type(value) in (int, float))
        or (type_name == "bool" and type(value) is bool)
        or (type_name == "str" and isinstance(value, str) and len(value) <= 200)
    )


def _input(name: str, spec: Any, parent: YMap) -> Input:
    check_identifier(name, parent.key_locs[name], "input name")
    if isinstance(spec, str):
        holder = YMap({"type": spec})
        holder.loc, holder.key_locs = loc_of(parent, name), {}
        holder.value_locs, holder.quoted = {"type": loc_of(parent, name)}, {}
        spec = holder
    if not isinstance(spec, YMap):
        raise _err(parent, name, f"input {name!r} must be a type name or a mapping")
    check_keys(spec, INPUT_KEYS, f"input {name!r}")
    type_name = spec.get("type")
    if type_name not in INPUT_TYPES:
        raise _err(spec, "type", f"input {name!r}: type must be one of {', '.join(INPUT_TYPES)}")
    per_layer = type_name in PER_LAYER_BASES
    paths = _names(
        spec,
        "from",
        LAYER_PATH if per_layer else PATH,
        "per-layer path (MAPPING.*.FIELD)" if per_layer else "config path",
        single=True,
    )
    if not paths and per_layer:
        raise _err(spec, "type", f"input {name!r}: a per-layer input needs 'from: MAPPING.*.FIELD'")
    paths = paths or [name]
    has_default = "default" in spec
    default = spec.get("default")
    if has_default and default is not None:
        if not _default_ok(type_name, default):
            raise _err(spec, "default", f"input {name!r}: default {default!r} is not a {type_name}")
        if type_name == "list[float]":
            default = [float(v) for v in default]
        elif type_name == "float":
            default = float(default)
        if isinstance(default, list):  # a plain list (not the YAML node)
            default = list(default)
    keep_null = spec.get("keep_null", False)
    if type(keep_null) is not bool:
        raise _err(spec, "keep_null", f"input {name!r}: 'keep_null' must be true or false")
    unless_present = _names(spec, "unless_present", PATH, "config path", single=True)
    if unless_present and not has_default:
        raise _err(spec, "unless_present", f"input {name!r}: 'unless_present' needs a default")
    minimum = spec.get("min")
    if minimum is not None and (
        type_name.removeprefix("per_layer[").removesuffix("]") not in ("int", "float")
        or type(minimum) not in (int, float)
    ):
        raise _err(spec, "min", f"input {name!r}: 'min' needs a numeric type and a number")
    if has_default and default is not None and minimum is not None and default < minimum:
        raise _err(spec, "default", f"input {name!r}: default {default!r} is below min {minimum}")
    return Input(
        name=name,
        type=type_name,
        paths=tuple(paths),
        nullable=(has_default and default is None) or keep_null,
        has_default=has_default,
        default=default,
        keep_null=keep_null,
        minimum=minimum,
        description=_text(spec, "description"),
        unless_present=tuple(unless_present),
    )


def _derived(name: str, spec: Any, parent: YMap, scope: dict[str, Name]) -> Derived:
    check_identifier(name, parent.key_locs[name], "derived name")
    if name in scope:
        raise SchemaError(parent.key_locs[name], f"{name!r} is already an input")
    if isinstance(spec, YMap):
        check_keys(spec, ("expr", "description"), f"derived {name!r}")
        expr = compile_expr(
            spec.get("expr"), loc_of(spec, "expr"), scope, quoted=spec.quoted.get("expr", False)
        )
        return Derived(name, expr, _text(spec, "description"))
    expr = compile_expr(spec, loc_of(parent, name), scope, quoted=parent.quoted.get(name, False))
    if expr.ty.base.startswith("tuple"):
        raise _err(parent, name, "a derived value cannot be a tuple")
    return Derived(name, expr, "")


def _checks(m: YMap, scope: dict[str, Name], schema: Schema) -> list[Check]:
    raw = m.get("checks", YList())
    if not isinstance(raw, YList):
        raise _err(m, "checks", "'checks' must be a list of {expr, message, field}")
    out = []
    for n, item in enumerate(raw):
        if not isinstance(item, YMap):
            raise SchemaError(loc_of(raw, n), "a check must be a mapping {expr, message, field}")
        check_keys(item, ("expr", "message", "field"), "a check")
        expr = _expr(item, "expr", scope, (BOOL,))
        message = _text(item, "message")
        if not message:
            raise SchemaError(item.loc, "a check needs a 'message' (what was expected)")
        target = item.get("field", expr.inputs[0] if expr.inputs else None)
        if target not in schema.labels:
            raise _err(item, "field", f"check field {target!r} must name an input of this schema")
        out.append(Check(expr, message, target))
    return out


def _layers(
    m: YMap, scope: dict[str, Name], inputs: dict[str, Input], inherited: dict[str, tuple[str, ...]]
) -> Layers:
    if "layers" not in m:
        raise SchemaError(m.loc, "missing required key 'layers'")
    spec = _map(m, "layers")
    check_keys(spec, LAYER_KEYS, "'layers'")
    count = _expr(spec, "count", scope, (INT,))
    index_scope = {**scope, "i": Name(INT, attr=False)}
    layer_scope = {
        **index_scope,
        "kind": Name(STR, attr=False),
        "kinds": Name(Ty("list[str]"), attr=False),
    }
    lets = _lets(spec, index_scope, layer_scope, inherited)
    kind_list, kind_map, kind_expr = _kind(spec, index_scope, inputs)
    dims = {}
    for key in ("k_head_dim", "v_head_dim"):  # each falls back to head_dim
        source = key if key in spec else "head_dim"
        if source not in spec:
            raise SchemaError(spec.loc, "'layers' needs 'head_dim' (or k_head_dim and v_head_dim)")
        dims[key] = _expr(spec, source, layer_scope, (INT,))
    nullable_int = (INT, Ty("int", True), Ty("none", True))
    window = _optional_expr(spec, "window", layer_scope, nullable_int)
    kv_source = _optional_expr(spec, "kv_source", layer_scope, nullable_int)
    return Layers(
        count=count,
        kind_list=kind_list,
        kind_map=kind_map,
        kind_expr=kind_expr,
        window=window,
        num_kv_heads=_expr(spec, "num_kv_heads", layer_scope, (INT,)),
        k_head_dim=dims["k_head_dim"],
        v_head_dim=dims["v_head_dim"],
        kv_source=kv_source,
        extra_keys=_named_rows(spec, "extra_keys", EXTRA_KEYS_KEYS, layer_scope),
        state=_state(spec, layer_scope),
        state_dtypes=_state_dtypes(spec),
        compressed=_named_rows(spec, "compressed", COMPRESSED_KEYS, layer_scope),
        lets=lets,
        cross=_cross(spec, layer_scope),
    )


def _named_rows(
    spec: YMap, key: str, fields: tuple[str, ...], scope: dict[str, Name]
) -> dict[str, tuple[Compiled, ...]]:
    """``key`` (``extra_keys``, ``compressed``): per name, one int expression per field, in
    ``fields`` order (a row with 0 heads means the layer keeps none of that name)."""
    raw = _map(spec, key)
    out = {}
    for name in raw:
        check_identifier(name, raw.key_locs[name], f"{key} name")
        item = _map(raw, name)
        check_keys(item, fields, f"{key} {name!r}")
        out[name] = tuple(_expr(item, f, scope, (INT,)) for f in fields)
    return out


def _cross(spec: YMap, scope: dict[str, Name]) -> tuple[Compiled, Compiled, Compiled] | None:
    """``cross``: the heads (0: this layer has no cross-attention) and K/V widths of the K/V a
    layer's cross-attention keeps of the encoder's states (``head_dim``, or both of
    ``k_head_dim`` and ``v_head_dim``)."""
    if "cross" not in spec:
        return None
    raw = _map(spec, "cross")
    check_keys(raw, CROSS_KEYS, "'layers.cross'")
    dims = []
    for key in ("k_head_dim", "v_head_dim"):
        source = key if key in raw else "head_dim"
        if source not in raw:
            raise SchemaError(raw.loc, "'cross' needs 'head_dim' (or k_head_dim and v_head_dim)")
        dims.append(_expr(raw, source, scope, (INT,)))
    return _expr(raw, "num_kv_heads", scope, (INT,)), dims[0], dims[1]


def _state_dtypes(spec: YMap) -> dict[str, str]:
    """``state``'s ``dtype`` keys: the element type a model keeps a tensor in whatever the cache
    dtype (Inkling's float32 convolutions)."""
    raw = _map(spec, "state")
    out = {}
    for name in raw:
        item = _map(raw, name)
        if "dtype" in item:
            if item["dtype"] not in STATE_DTYPES:
                allowed = ", ".join(STATE_DTYPES)
                raise _err(item, "dtype", f"state {name!r}: dtype must be one of {allowed}")
            out[name] = item["dtype"]
    return out


def _state(spec: YMap, scope: dict[str, Name]) -> dict[str, list[Compiled]]:
    """``state``: per name, the shape of a tensor a layer keeps per sequence (a dim of 0: this
    layer keeps none of it)."""
    raw = _map(spec, "state")
    out = {}
    for name in raw:
        check_identifier(name, raw.key_locs[name], "state name")
        item = _map(raw, name)
        check_keys(item, STATE_KEYS, f"state {name!r}")
        shape = item.get("shape")
        if not isinstance(shape, YList) or not shape:
            raise _err(item, "shape", f"state {name!r}: 'shape' must be a non-empty list of dims")
        dims = []
        for n, raw_dim in enumerate(shape):
            dim = compile_expr(raw_dim, loc_of(shape, n), scope, quoted=shape.quoted[n])
            if dim.ty != INT:
                where, what = loc_of(shape, n), f"state {name!r} dim {n}"
                raise SchemaError(where, f"{what} must be int, got {dim.ty}")
            dims.append(dim)
        out[name] = dims
    return out


def _lets(
    spec: YMap,
    index_scope: dict[str, Name],
    layer_scope: dict[str, Name],
    inherited: dict[str, tuple[str, ...]],
) -> list[Let]:
    """``let``: per-layer names, each an expression over ``i`` (and ``kind``, ``kinds``) and the
    names before it, compiled to a method the rules call (``self._let_NAME(i)``, passing the
    layer locals it reads, and those the parent's method of that name takes); one that takes no
    ``kind`` serves the kind rule too."""
    lets = _map(spec, "let")
    out: list[Let] = []
    for name in lets:
        check_identifier(name, lets.key_locs[name], "let name")
        if name in layer_scope:
            raise SchemaError(lets.key_locs[name], f"let {name!r} shadows a name already in scope")
        compiled = compile_expr(
            lets[name], loc_of(lets, name), layer_scope, quoted=lets.quoted[name]
        )
        body = ast.parse(compiled.source, mode="eval").body
        read = {n.id for n in ast.walk(body) if isinstance(n, ast.Name)}
        read |= set(inherited.get(name, ()))
        let = Let(name, compiled, tuple(p for p in LAYER_LOCALS if p in read))
        call = ast.Call(
            ast.Attribute(ast.Name("self", ast.Load()), let.method, ast.Load()),
            [ast.Name(p, ast.Load()) for p in let.params],
            [],
        )
        bound = Name(compiled.ty, attr=False, inputs=tuple(compiled.inputs), expr=call)
        layer_scope[name] = bound
        if not {"kind", "kinds"} & read:
            index_scope[name] = bound
        out.append(let)
    return out


def _optional_expr(m: YMap, key: str, scope: dict[str, Name], want: tuple[Ty, ...]) -> Compiled:
    """``m[key]`` checked against ``want``; the expression ``None`` when the key is absent."""
    return _expr(m, key, scope, want) if key in m else compile_expr(None, m.loc, scope)


def _kind(
    spec: YMap, scope: dict[str, Name], inputs: dict[str, Input]
) -> tuple[str | None, dict[str, str], Compiled]:
    raw = spec.get("kind", "full")
    if isinstance(raw, str):
        if raw not in LAYER_KINDS:
            raise _err(spec, "kind", f"kind {raw!r} must be one of {', '.join(LAYER_KINDS)}")
        return None, {}, compile_expr(repr(raw), loc_of(spec, "kind"), scope)
    if not isinstance(raw, YMap):
        raise _err(spec, "kind", "'kind' must be a kind name or a mapping {list, map, expr}")
    check_keys(raw, KIND_KEYS, "'kind'")
    kind_list = raw.get("list")
    if kind_list is not None:
        source = inputs.get(kind_list) if isinstance(kind_list, str) else None
        if source is None or source.type != "list[str]":
            raise _err(
                raw, "list", f"'list' must name an input of type list[str], got {kind_list!r}"
            )
    mapping = dict(STANDARD_KIND_NAMES)
    extra = raw.get("map", {})
    if not isinstance(extra, dict):
        raise _err(raw, "map", "'map' must map config strings to kinds")
    for key, value in extra.items():
        if value not in LAYER_KINDS or len(key) > 200:
            raise _err(raw, "map", f"map {key!r}: kind must be one of {', '.join(LAYER_KINDS)}")
        mapping[key] = value
    expr = (
        _expr(raw, "expr", scope, (STR,))
        if "expr" in raw
        else compile_expr("'full'", raw.loc, scope)
    )
    return kind_list, mapping, expr
