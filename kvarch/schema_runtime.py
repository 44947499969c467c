"""Hand-written runtime of the generated configs (``generated/`` imports it; never the reverse).

``SchemaArchConfig`` turns a generated class's few hooks (read inputs, check them, per-layer
geometry, max length) into the full ``ArchConfigWithAttentionKVCache`` contract: validation on
every construction path, ``from_hf_config``, ``initialize``, ``layers()`` and ``get_kv_params``.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, NamedTuple, NoReturn, Self, TypeVar

from kvarch.arch import ArchConfigWithAttentionKVCache
from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.errors import ConfigError, KvarchError
from kvarch.kv_cache import KVCacheConfig, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.layers import PER_TOKEN_KINDS, LayerSpec
from kvarch.pipeline import ModelConfig, PipelineConfig

__all__ = [
    "LAYER_KINDS",
    "REQUIRED",
    "STANDARD_KIND_NAMES",
    "Input",
    "SchemaArchConfig",
    "Source",
    "UnknownArchitectureError",
    "ceil_div",
    "check_value",
    "closest",
    "coalesce",
    "config_mapping",
    "fail",
    "last_index",
    "layer_count",
    "layer_kind",
    "layer_kinds_from_list",
    "layer_spec",
    "layer_value",
    "min_present",
    "override_inputs",
    "required",
]

T = TypeVar("T")

#: Kinds a schema's kind rule may produce (``shared`` comes from ``kv_source``).
LAYER_KINDS = ("full", "sliding", "chunked", "cross", "none")

#: How ``layer_types``-style strings read when a schema's ``map`` does not say otherwise.
STANDARD_KIND_NAMES: dict[str, str] = {
    "full_attention": "full",
    "attention": "full",
    "global": "full",
    "sliding_attention": "sliding",
    "local": "sliding",
    "chunked_attention": "chunked",
    "cross_attention": "cross",
    "mamba": "none",
    "mamba2": "none",
    "linear_attention": "none",
    "conv": "none",
}

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


class UnknownArchitectureError(KvarchError, ValueError):
    """No generated config serves this HF config's ``model_type`` or ``architectures``."""


def coalesce(first: T | None, second: T) -> T:
    """``first`` unless it is None, else ``second``."""
    return second if first is None else first


N = TypeVar("N", int, float)


def min_present(*values: N | None) -> N | None:
    """The smallest value that is not None; None if all are."""
    present = [v for v in values if v is not None]
    return min(present) if present else None


def ceil_div(a: int, b: int) -> int:
    """``a / b`` rounded up."""
    return -(-a // b)


def last_index(items: Sequence[T], value: T, before: int) -> int | None:
    """The largest index ``j < before`` with ``items[j] == value``; None if there is none."""
    for j in range(min(before, len(items)) - 1, -1, -1):
        if items[j] == value:
            return j
    return None


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


def override_inputs(base: tuple[Input, ...], *rows: Input) -> tuple[Input, ...]:
    """``base`` with each row of the same name replaced in place; new rows appended."""
    by_name = {row.name: row for row in rows}
    kept = tuple(by_name.pop(row.name, row) for row in base)
    return kept + tuple(by_name.values())


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


def layer_value(values: Mapping[int, T] | None, i: int) -> T | None:
    """Layer ``i``'s entry of a per-layer input; None if it has none (or the input is absent)."""
    return None if values is None else values.get(i)


def _lookup(data: Mapping[str, Any], path: str) -> Any:
    node: Any = data
    for part in path.split("."):
        if isinstance(node, list | tuple) and part.isdigit():  # list item: attention_types.0
            node = node[int(part)] if int(part) < len(node) else None
        elif isinstance(node, Mapping):
            node = node.get(part)
        else:
            return None
    return node


class SchemaArchConfig(ArchConfigWithAttentionKVCache, kw_only=True, dict=True):
    """Base of every generated config: the contract, built from a few generated hooks."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ()
    """HF ``model_type`` values this class serves."""
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    """HF ``architectures`` entries this class serves."""
    SCHEMA: ClassVar[str] = ""
    """The schema file this class was generated from."""
    ROOTS: ClassVar[tuple[str, ...]] = ()
    """Sub-config paths holding the language model (first present wins); empty: the top."""
    INPUTS: ClassVar[tuple[Input, ...]] = ()
    """The schema's inputs, in field order."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self._check_inputs()
        try:
            self._check_rules()
            layers = self.layers()
            max_len = self.model_max_seq_len
        except (ZeroDivisionError, OverflowError, IndexError) as exc:
            raise ConfigError(
                "(schema expression)", str(exc), "inputs the schema can derive from", owner=self._n
            ) from None
        if not any(s.kind in PER_TOKEN_KINDS for s in layers):
            raise ConfigError("layers", len(layers), "at least one layer keeping KV", owner=self._n)
        check_value(self._n, "model_max_seq_len", max_len, "int", minimum=1)

    @property
    def _n(self) -> str:
        return type(self).__name__

    # Hooks the generated classes fill in.
    @classmethod
    def _read_inputs(cls, src: Source) -> dict[str, Any]:
        """Schema inputs read from the HF config."""
        return {
            i.name: src.read(
                i.paths, i.type, default=i.default, minimum=i.minimum, keep_null=i.keep_null
            )
            for i in cls.INPUTS
        }

    def _check_inputs(self) -> None:
        """Types and bounds of the input fields (every construction path)."""
        root = self.ROOTS[0] + "." if self.ROOTS else ""
        for i in self.INPUTS:
            path = root + i.paths[0]
            label = i.name if path == i.name else f"{i.name} (from {path})"
            value = getattr(self, i.name)
            nullable = i.default is None or i.keep_null
            check_value(self._n, label, value, i.type, nullable=nullable, minimum=i.minimum)

    def _check_rules(self) -> None:
        """The schema's validation rules."""
        raise NotImplementedError

    def _layer_kinds(self) -> list[str]:
        """Each decoder layer's own kind (before KV sharing)."""
        raise NotImplementedError

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        """Layer ``i``'s geometry."""
        raise NotImplementedError

    def _mla_latent_dim(self) -> int | None:
        """Latent cache width for MLA models; None otherwise."""
        return None

    @classmethod
    def from_hf_config(
        cls,
        config: object,
        *,
        dtype: DType | None = None,
        devices: list[DeviceRef] | None = None,
        cache_dtype: DType | None = None,
        kv_cache: KVCacheConfig | None = None,
        data_parallel_degree: int = 1,
        user_provided_max_length: int | None = None,
    ) -> Self:
        """Build from a config.json mapping or a ``PretrainedConfig``."""
        data = config_mapping(config, cls.__name__)
        fields = cls._read_inputs(Source(data, cls.__name__, cls.ROOTS))
        if dtype is None:
            dtype = DType.from_hf_config(data, default=DType.float32)
        if devices is not None:
            fields["devices"] = devices
        return cls(
            **fields,
            dtype=dtype,
            cache_dtype=cache_dtype,
            kv_cache=kv_cache if kv_cache is not None else KVCacheConfig(),
            data_parallel_degree=data_parallel_degree,
            user_provided_max_length=user_provided_max_length,
            huggingface_config=config,
        )

    @classmethod
    def initialize(
        cls, pipeline_config: PipelineConfig, model_config: ModelConfig | None = None
    ) -> Self:
        """Build from a pipeline config, reading ``model_config.huggingface_config``."""
        seed = cls.seed_fields(pipeline_config, model_config)
        hf = seed.pop("huggingface_config")
        if hf is None:
            raise ConfigError(
                "huggingface_config", None, "a HF config to read the model from", owner=cls.__name__
            )
        return cls.from_hf_config(hf, **seed)

    def layers(self) -> list[LayerSpec]:
        """One entry per decoder layer: what it caches."""
        kinds = self._layer_kinds()
        specs = [self._layer(i, kind, kinds) for i, kind in enumerate(kinds)]
        for s in specs:
            if s.kv_source is not None and specs[s.kv_source].kind not in PER_TOKEN_KINDS:
                raise ConfigError(
                    f"layers[{s.index}].kv_source",
                    s.kv_source,
                    "a layer that keeps its own KV (not itself shared)",
                    owner=self._n,
                )
        return specs

    def _cached(self) -> list[LayerSpec]:
        return [s for s in self.layers() if s.kind in PER_TOKEN_KINDS]

    @property
    def num_key_value_heads(self) -> int:
        """KV heads of the first cached layer (1 for a latent MLA cache)."""
        return 1 if self._mla_latent_dim() is not None else self._cached()[0].num_kv_heads

    @property
    def head_dim(self) -> int:
        """Head width of the first cached layer (the latent width for MLA)."""
        latent = self._mla_latent_dim()
        if latent is not None:
            return latent
        first = self._cached()[0]
        return max(first.k_head_dim, first.v_head_dim)

    @property
    def num_layers(self) -> int:
        """Decoder layers that keep a KV cache of their own."""
        return len(self._cached())

    def build_kv_params(self) -> KVCacheParams | MultiKVCacheParams:
        """One ``KVCacheParams`` for plain uniform full attention, else one group per geometry."""
        latent = self._mla_latent_dim()
        groups: dict[tuple[str, int | None, int, int], list[int]] = {}
        for s in self._cached():
            if latent is not None:
                key = (s.kind, s.window, 1, latent)
            else:
                key = (s.kind, s.window, s.num_kv_heads, max(s.k_head_dim, s.v_head_dim))
            groups.setdefault(key, []).append(s.index)
        is_mla = latent is not None
        if len(groups) == 1:
            (kind, _, heads, dim), indices = next(iter(groups.items()))
            if kind == "full":
                return self.kv_params_for(
                    n_kv_heads=heads, head_dim=dim, num_layers=len(indices), is_mla=is_mla
                )
        return MultiKVCacheParams(
            groups=[
                KVCacheGroup(
                    params=self.kv_params_for(
                        n_kv_heads=heads, head_dim=dim, num_layers=len(idx), is_mla=is_mla
                    ),
                    layer_indices=idx,
                    attention=kind,  # type: ignore[arg-type]
                    window=window,
                )
                for (kind, window, heads, dim), idx in groups.items()
            ]
        )


#: Most decoder layers a config may declare (guards against absurd or hostile configs).
MAX_LAYERS = 65536


def layer_count(owner: str, field: str, count: int) -> int:
    """``count`` if it is a sane number of decoder layers."""
    if not 1 <= count <= MAX_LAYERS:
        raise ConfigError(field, count, f"between 1 and {MAX_LAYERS} decoder layers", owner=owner)
    return count


def layer_kinds_from_list(
    owner: str, field: str, names: list[str], count: int, mapping: Mapping[str, str]
) -> list[str]:
    """Kinds read from a ``layer_types``-style list of ``count`` strings."""
    if len(names) != count:
        raise ConfigError(field, names, f"a list of {count} entries (one per layer)", owner=owner)
    kinds = []
    for i, name in enumerate(names):
        kind = mapping.get(name)
        if kind is None:
            allowed = ", ".join(repr(k) for k in mapping)
            raise ConfigError(f"{field}[{i}]", name, f"one of {allowed}", owner=owner)
        kinds.append(kind)
    return kinds


def layer_kind(owner: str, field: str, i: int, kind: str) -> str:
    """``kind`` if it names a layer kind."""
    if kind not in LAYER_KINDS:
        raise ConfigError(field, kind, f"one of {', '.join(LAYER_KINDS)} (layer {i})", owner=owner)
    return kind


def layer_spec(
    owner: str,
    i: int,
    kind: str,
    *,
    window: int | None,
    num_kv_heads: int,
    k_head_dim: int,
    v_head_dim: int,
    kv_source: int | None,
    kinds: list[str],
    fields: tuple[str, str, str, str, str],
) -> LayerSpec:
    """A validated ``LayerSpec``; ``fields`` name the HF fields behind each value, for errors."""
    f_window, f_heads, f_k, f_v, f_source = fields
    if kv_source is not None:
        check_value(owner, f_source, kv_source, "int", minimum=0)
        if kv_source >= i or kinds[kv_source] not in PER_TOKEN_KINDS:
            raise ConfigError(
                f_source,
                kv_source,
                f"an earlier layer keeping KV (layer {i} shares it)",
                owner=owner,
            )
        return LayerSpec(index=i, kind="shared", kv_source=kv_source)
    if kind not in PER_TOKEN_KINDS and kind != "cross":
        return LayerSpec(index=i, kind=kind)  # type: ignore[arg-type]
    if kind in ("sliding", "chunked"):
        check_value(owner, f_window, window, "int", minimum=1)
    else:  # full, or cross: K/V of the encoder/vision states, no per-token growth
        window = None
    check_value(owner, f_heads, num_kv_heads, "int", minimum=1)
    check_value(owner, f_k, k_head_dim, "int", minimum=1)
    check_value(owner, f_v, v_head_dim, "int", minimum=1)
    return LayerSpec(
        index=i,
        kind=kind,  # type: ignore[arg-type]
        window=window,
        num_kv_heads=num_kv_heads,
        k_head_dim=k_head_dim,
        v_head_dim=v_head_dim,
    )


def closest(name: str, known: Sequence[str]) -> list[str]:
    """Known names closest to ``name`` (a few, best first)."""
    return difflib.get_close_matches(name, known, n=5, cutoff=0.5)


def required(owner: str, field: str, value: int | None) -> int:
    """``value``, which must not be None."""
    if value is None:
        raise ConfigError(field, None, "a value (none of these fields is set)", owner=owner)
    return value


def fail(owner: str, field: str, value: object, expected: str) -> NoReturn:
    """Raise the ``ConfigError`` of a failed schema check."""
    raise ConfigError(field, value, expected, owner=owner)
