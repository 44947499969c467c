"""Hand-written runtime of the generated configs (``generated/`` imports it; never the reverse).

A generated module holds only what its schema says: fields (type, default, bound and HF paths;
see ``kvarch.schema_inputs``), the checks, derived values and per-layer expressions, each hook
marked with the inputs it reads (``@reads``). ``SchemaArchConfig`` turns those into the full
``ArchConfigWithAttentionKVCache`` contract: validation on every construction path,
``from_hf_config``, ``initialize``, ``layers()`` and ``get_kv_params``. Error labels such as
``text_config.num_hidden_layers`` are built here from the class's ``ROOTS``, so a schema that
only moves its parent under a sub-config compiles to a few lines.
"""

from __future__ import annotations

import difflib
import dis
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextvars import ContextVar
from typing import Any, ClassVar, NamedTuple, NoReturn, Self, TypeVar

import msgspec

from kvarch.arch import ArchConfigWithAttentionKVCache
from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.errors import ConfigError, KvarchError
from kvarch.kv_cache import KVCacheConfig, KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.layers import PER_TOKEN_KINDS, Compressed, CrossKV, ExtraKeys, LayerSpec, State
from kvarch.pipeline import ModelConfig, PipelineConfig
from kvarch.schema_inputs import (
    REQUIRED,
    STANDARD_FIELDS,
    HeadDim,
    Heads,
    Input,
    KvHeads,
    KvHeadsOrNull,
    Layers,
    NonNegative,
    Positive,
    Source,
    Width,
    check_value,
    config_mapping,
    hf,
    inputs_of,
)

__all__ = [
    "LAYER_KINDS",
    "MAX_LAYERS",
    "REQUIRED",
    "SERVED",
    "STANDARD_FIELDS",
    "STANDARD_KIND_NAMES",
    "Checks",
    "Compressed",
    "CrossKV",
    "ExtraKeys",
    "HeadDim",
    "Heads",
    "Input",
    "KvHeads",
    "KvHeadsOrNull",
    "Layers",
    "NonNegative",
    "Positive",
    "SchemaArchConfig",
    "Source",
    "State",
    "UnknownArchitectureError",
    "Width",
    "ceil_div",
    "check_value",
    "closest",
    "coalesce",
    "compressed",
    "config_mapping",
    "cross",
    "extra_keys",
    "fail",
    "first_checks",
    "from_derived",
    "from_input",
    "hf",
    "kind_names",
    "last_index",
    "layer_count",
    "layer_kind",
    "layer_kinds_from_list",
    "layer_spec",
    "layer_value",
    "min_present",
    "reads",
    "required",
    "state",
]

T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])

#: Kinds a schema's kind rule may produce (``shared`` comes from ``kv_source``).
LAYER_KINDS = ("full", "sliding", "chunked", "compressed", "cross", "none")

_KIND_SET = frozenset(LAYER_KINDS)

#: Kinds that keep a window of tokens (``window`` is required).
WINDOWED = ("sliding", "chunked", "compressed")

#: The paged group a layer kind is budgeted in, where it differs from the kind.
GROUP_KIND: Mapping[str, str] = {"compressed": "full"}

#: How ``layer_types``-style strings read when a schema's ``map`` does not say otherwise.
STANDARD_KIND_NAMES: Mapping[str, str] = {
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

#: A schema's checks, in order: (input the error reports, what was expected, whether it holds).
Checks = Iterator[tuple[str, str, bool]]


class UnknownArchitectureError(KvarchError, ValueError):
    """No generated config serves this HF config's ``model_type`` or ``architectures``."""


def kind_names(extra: Mapping[str, str]) -> Mapping[str, str]:
    """``STANDARD_KIND_NAMES`` with a schema's ``map`` entries (replaced in place, new last)."""
    return {**STANDARD_KIND_NAMES, **extra}


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


def layer_value(values: Mapping[int, T] | None, i: int) -> T | None:
    """Layer ``i``'s entry of a per-layer input; None if it has none (or the input is absent)."""
    return None if values is None else values.get(i)


_READS: dict[Callable[..., Any], tuple[str, ...]] = {}
_SAME_AS_K = ("(same as k_head_dim)",)


def from_input(name: str) -> Callable[..., Any]:
    """A hook whose value is the input ``name`` as it stands (``_max_length =
    rt.from_input("max_position_embeddings")``), marked as reading it."""

    def hook(self: SchemaArchConfig, *layer: object) -> Any:
        return getattr(self, name)

    hook.__qualname__ = f"from_input({name!r})"
    _READS[hook] = (name,)
    return hook


def from_derived(name: str, *reads: str) -> Callable[..., Any]:
    """A hook whose value is the derived value ``name`` as it stands (``_k_head_dim =
    rt.from_derived("attn_head_dim", "hidden_size", "num_attention_heads")``), marked as
    reading the inputs behind it (``reads``, in the order errors name them)."""

    def hook(self: SchemaArchConfig, *layer: object) -> Any:
        return getattr(self, name)

    hook.__qualname__ = f"from_derived({name!r})"
    _READS[hook] = reads
    return hook


def first_checks(checks: Checks, n: int) -> Checks:
    """The first ``n`` of a parent's checks (``yield from rt.first_checks(super()._checks(),
    1)``): a child that keeps those and then adds its own calls them instead of restating them;
    the parent's later checks are never evaluated."""
    return itertools.islice(checks, n)


def reads(*names: str) -> Callable[[F], F]:
    """Mark a hook with the inputs its expression reads: errors about its value name them."""

    def mark(hook: F) -> F:
        _READS[hook] = names
        return hook

    return mark


#: Each hook's label when its expression reads no input.
_FALLBACK = {
    "_count": "layers.count",
    "_kind": "layers.kind",
    "_window": "layers.window",
    "_num_kv_heads": "layers.num_kv_heads",
    "_k_head_dim": "layers.k_head_dim",
    "_v_head_dim": "layers.v_head_dim",
    "_kv_source": "layers.kv_source",
    "_max_length": "max_length",
    "_encoder_len": "encoder_len",
}


class _Info(NamedTuple):
    """What a generated class's declarations imply, worked out once per class."""

    inputs: tuple[tuple[Input, bool], ...]
    """Input rows, each with whether None is allowed."""
    field_labels: dict[str, str]
    """Input name -> ``name (from root.path)``: how errors about the field name it."""
    labels: dict[str, str]
    """Hook name -> the HF fields behind its value."""
    layer_labels: tuple[str, str, str, str, str]
    """The labels of window, KV heads, K and V widths and KV source (``layer_spec``'s order)."""
    kind_list: str
    """The HF field of the kind list input ('' without one)."""
    same_kind: bool
    """``_kind`` reads no layer index: every layer gets the same kind."""
    pure_kind: bool
    """``_kind`` reads nothing of the config: the kinds depend on the layer count alone
    (memoized per count)."""
    per_kind: bool
    """No per-layer hook reads the layer index or the kind list and no layer shares KV: a
    layer's geometry depends on its kind alone (validated once per kind)."""


_INFO: dict[type, _Info] = {}

#: (class, layer count) -> the layer kinds, for a ``_kind`` that reads only the layer index.
_PURE_KINDS: dict[tuple[type, int], tuple[str, ...]] = {}
_PURE_KINDS_MAX = 1024

#: Set while ``from_hf_config`` builds a config from values ``Source`` has already checked.
_READ_CHECKED: ContextVar[bool] = ContextVar("kvarch_read_checked", default=False)


def _loads(hook: Callable[..., Any], names: set[str]) -> bool:
    """Whether ``hook``'s code reads any of the local ``names`` (its parameters), directly or
    from a nested scope."""
    if names & set(hook.__code__.co_cellvars):
        return True
    for ins in dis.get_instructions(hook):
        if ins.opname.startswith("LOAD_FAST"):
            read = ins.argval if isinstance(ins.argval, tuple) else (ins.argval,)
            if names & set(read):
                return True
    return False


def _info(cls: type[SchemaArchConfig]) -> _Info:
    found = _INFO.get(cls)
    if found is not None:
        return found
    rows = inputs_of(cls, _BASE_FIELDS)
    root = cls.ROOTS[0] + "." if cls.ROOTS else ""
    paths = {i.name: root + i.paths[0] for i in rows}
    field_labels = {n: n if p == n else f"{n} (from {p})" for n, p in paths.items()}

    def label(hook: str) -> str:
        names = _READS.get(getattr(cls, hook), ())
        if names == _SAME_AS_K:
            names = _READS.get(cls._k_head_dim, ())
        return " / ".join(paths[n] for n in names) or _FALLBACK[hook]

    geometry = [
        cls._window,
        cls._num_kv_heads,
        cls._k_head_dim,
        cls._extra_keys,
        cls._state,
        cls._cross,
        cls._compressed,
    ]
    if cls._v_head_dim is not SchemaArchConfig._v_head_dim:
        geometry.append(cls._v_head_dim)
    labels = {hook: label(hook) for hook in _FALLBACK}
    found = _Info(
        inputs=tuple((i, i.default is None or i.keep_null) for i in rows),
        field_labels=field_labels,
        labels=labels,
        layer_labels=(
            labels["_window"],
            labels["_num_kv_heads"],
            labels["_k_head_dim"],
            labels["_v_head_dim"],
            labels["_kv_source"],
        ),
        kind_list=paths[cls.KIND_LIST] if cls.KIND_LIST else "",
        same_kind=not _loads(cls._kind, {"i"}),
        pure_kind=not _loads(cls._kind, {"self"}),
        per_kind=cls._kv_source is SchemaArchConfig._kv_source
        and not any(_loads(hook, {"i", "kinds"}) for hook in geometry),
    )
    _INFO[cls] = found
    return found


#: ``"module:Class"`` -> (model types, architectures): the rows of each generated registry
#: table (``kvarch.registry.Registry`` enters its own when its package is imported).
SERVED: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}


class _Served:
    """A generated class's ``MODEL_TYPES`` (column 0) or ``ARCHITECTURES`` (1): its rows in the
    registry table of the package it was generated into, the one place the compiler writes them;
    () for a class no registry serves (an abstract schema's, or a subclass written by hand)."""

    def __init__(self, column: int) -> None:
        self.column = column

    def __get__(self, obj: object, owner: type) -> tuple[str, ...]:
        return SERVED.get(f"{owner.__module__}:{owner.__name__}", ((), ()))[self.column]


class SchemaArchConfig(ArchConfigWithAttentionKVCache, frozen=True, kw_only=True, dict=True):
    """Base of every generated config: the contract, built from a few generated hooks (frozen,
    like its base: the memoized layers and KV params never go stale)."""

    MODEL_TYPES = _Served(0)
    """HF ``model_type`` values this class serves (its rows in the registry table)."""
    ARCHITECTURES = _Served(1)
    """HF ``architectures`` entries this class serves (its rows in the registry table)."""
    SCHEMA: ClassVar[str] = ""
    """The schema file this class was generated from."""
    ROOTS: ClassVar[tuple[str, ...]] = ()
    """Sub-config paths holding the language model (first present wins); empty: the top."""
    KIND_LIST: ClassVar[str | None] = None
    """The list input naming each layer's kind (``layer_types``); None: ``_kind`` decides."""
    KIND_NAMES: ClassVar[Mapping[str, str]] = STANDARD_KIND_NAMES
    """How the kind list's strings read."""

    def __post_init__(self) -> None:
        super().__post_init__()
        self._check_inputs()
        try:
            self._check_rules()
            layers, count = self._validated_layers()
            max_len = self.model_max_seq_len
        except (ZeroDivisionError, OverflowError, IndexError) as exc:
            raise ConfigError(
                "(schema expression)", str(exc), "inputs the schema can derive from", owner=self._n
            ) from None
        if not any(s.kind in PER_TOKEN_KINDS for s in layers):
            raise ConfigError("layers", count, "at least one layer keeping KV", owner=self._n)
        check_value(self._n, "model_max_seq_len", max_len, "int", minimum=1)
        if any(s.cross is not None for s in layers):
            self._checked_encoder_len()

    @property
    def _n(self) -> str:
        return type(self).__name__

    @classmethod
    def inputs(cls) -> tuple[Input, ...]:
        """The schema's inputs, in field order (read from the field declarations)."""
        return tuple(i for i, _ in _info(cls).inputs)

    # Hooks the generated classes fill in (each marked with the inputs it reads).
    def _checks(self) -> Checks:
        """The schema's validation rules, in order, each evaluated when reached."""
        yield from ()

    def _count(self) -> int:
        """Decoder layers."""
        raise NotImplementedError

    def _kind(self, i: int) -> str:
        """Layer ``i``'s kind when no kind list is given."""
        return "full"

    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        """Visible tokens of a sliding or chunked layer."""
        return None

    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        raise NotImplementedError

    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        raise NotImplementedError

    @reads(*_SAME_AS_K)
    def _v_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        """The K width unless the schema says otherwise."""
        return self._k_head_dim(i, kind, kinds)

    def _kv_source(self, i: int, kind: str, kinds: list[str]) -> int | None:
        """The earlier layer whose KV layer ``i`` reuses."""
        return None

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[ExtraKeys, ...]:
        """Further per-token keys layer ``i`` caches beside its K/V (indexer keys)."""
        return ()

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[State, ...]:
        """Tensors layer ``i`` keeps per sequence (recurrent state)."""
        return ()

    def _cross(self, i: int, kind: str, kinds: list[str]) -> CrossKV | None:
        """The K/V layer ``i``'s cross-attention keeps of the encoder's states (None: none)."""
        return None

    def _encoder_len(self) -> int | None:
        """Most encoder positions one sequence's cross-attention reads."""
        return None

    def _compressed(self, i: int, kind: str, kinds: list[str]) -> tuple[Compressed, ...]:
        """Caches a compressed layer ``i`` grows by one entry per N tokens."""
        return ()

    def _max_length(self) -> int | None:
        raise NotImplementedError

    def _mla_latent_dim(self) -> int | None:
        """Latent cache width for MLA models; None otherwise."""
        return None

    # The contract, built from the hooks.
    def _check_inputs(self) -> None:
        """Types and bounds of the input fields (every construction path; ``from_hf_config``
        checked each value as it read it, with the same checks)."""
        if _READ_CHECKED.get():
            return
        info = _info(type(self))
        for i, nullable in info.inputs:
            label = info.field_labels[i.name]
            value = getattr(self, i.name)
            check_value(self._n, label, value, i.type, nullable=nullable, minimum=i.minimum)

    def _check_rules(self) -> None:
        """The schema's validation rules: the first that fails raises."""
        for field, expected, ok in self._checks():
            if not ok:
                label = _info(type(self)).field_labels[field]
                fail(self._n, label, getattr(self, field), expected)

    def _layer_kinds(self) -> list[str]:
        """Each decoder layer's own kind (before KV sharing)."""
        info = _info(type(self))
        count = layer_count(self._n, info.labels["_count"], self._count())
        names = getattr(self, self.KIND_LIST) if self.KIND_LIST else None
        if names is not None:
            return layer_kinds_from_list(self._n, info.kind_list, names, count, self.KIND_NAMES)
        owner, label = self._n, info.labels["_kind"]
        if info.same_kind:
            return [layer_kind(owner, label, 0, self._kind(0))] * count
        if info.pure_kind:
            memo = _PURE_KINDS.get((type(self), count))
            if memo is not None:
                return list(memo)
        try:  # fast: every kind first, then one check
            kinds = list(map(self._kind, range(count)))
            if _KIND_SET.issuperset(kinds):
                if info.pure_kind:
                    if len(_PURE_KINDS) >= _PURE_KINDS_MAX:
                        _PURE_KINDS.clear()
                    _PURE_KINDS[type(self), count] = tuple(kinds)
                return kinds
        except (ZeroDivisionError, OverflowError, IndexError):
            pass
        # layer by layer, so that the first bad kind or failing layer is reported, in order
        return [layer_kind(owner, label, i, self._kind(i)) for i in range(count)]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        """Layer ``i``'s geometry."""
        return layer_spec(
            self._n,
            i,
            kind,
            window=self._window(i, kind, kinds) if kind in WINDOWED else None,
            num_kv_heads=self._num_kv_heads(i, kind, kinds),
            k_head_dim=self._k_head_dim(i, kind, kinds),
            v_head_dim=self._v_head_dim(i, kind, kinds),
            kv_source=self._kv_source(i, kind, kinds),
            kinds=kinds,
            fields=_info(type(self)).layer_labels,
            extra=self._extra_keys(i, kind, kinds) if kind in PER_TOKEN_KINDS else (),
            state=self._state(i, kind, kinds) if kind != "shared" else (),
            cross=self._cross(i, kind, kinds) if kind in PER_TOKEN_KINDS else None,
            compressed=self._compressed(i, kind, kinds) if kind == "compressed" else (),
        )

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return required(self._n, _info(type(self)).labels["_max_length"], self._max_length())

    @classmethod
    def _read_inputs(cls, src: Source) -> dict[str, Any]:
        """Schema inputs read from the HF config."""
        return {i.name: src.read_input(i) for i, _ in _info(cls).inputs}

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
        token = _READ_CHECKED.set(True)
        try:
            return cls(
                **fields,
                dtype=dtype,
                cache_dtype=cache_dtype,
                kv_cache=kv_cache if kv_cache is not None else KVCacheConfig(),
                data_parallel_degree=data_parallel_degree,
                user_provided_max_length=user_provided_max_length,
                huggingface_config=config,
            )
        finally:
            _READ_CHECKED.reset(token)

    @classmethod
    def initialize(
        cls,
        pipeline_config: PipelineConfig,
        model_config: ModelConfig | None = None,
        *,
        max_seq_len: int | None = None,
    ) -> Self:
        """Build from a pipeline config, reading ``model_config.huggingface_config``."""
        seed = cls.seed_fields(pipeline_config, model_config, max_seq_len=max_seq_len)
        hf_config = seed.pop("huggingface_config")
        if hf_config is None:
            raise ConfigError(
                "huggingface_config", None, "a HF config to read the model from", owner=cls.__name__
            )
        return cls.from_hf_config(hf_config, **seed)

    def _validated_layers(self) -> tuple[list[LayerSpec], int]:
        """The layers' geometry, validated, and the layer count: where the geometry depends on
        the kind alone, one layer of each kind stands for the rest (the first error is the
        same: layers fail by kind)."""
        kinds = self._layer_kinds()
        if not _info(type(self)).per_kind:
            return self._build_layers(kinds), len(kinds)
        return [self._layer(kinds.index(k), k, kinds) for k in dict.fromkeys(kinds)], len(kinds)

    def layers(self) -> list[LayerSpec]:
        """One entry per decoder layer: what it caches (computed once: the config is frozen)."""
        memo: list[LayerSpec] | None = self.__dict__.get("_layers")
        return list(memo) if memo is not None else self._build_layers(self._layer_kinds())

    def _build_layers(self, kinds: list[str]) -> list[LayerSpec]:
        if _info(type(self)).per_kind:
            protos: dict[str, LayerSpec] = {}
            specs = []
            for i, kind in enumerate(kinds):
                proto = protos.get(kind)
                if proto is None:
                    proto = protos[kind] = self._layer(i, kind, kinds)
                specs.append(proto if proto.index == i else msgspec.structs.replace(proto, index=i))
        else:
            specs = [self._layer(i, kind, kinds) for i, kind in enumerate(kinds)]
        for s in specs:
            if s.kv_source is not None and specs[s.kv_source].kind not in PER_TOKEN_KINDS:
                raise ConfigError(
                    f"layers[{s.index}].kv_source",
                    s.kv_source,
                    "a layer that keeps its own KV (not itself shared)",
                    owner=self._n,
                )
        self.__dict__["_layers"] = specs
        return list(specs)

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
    def state_elements_per_sequence(self) -> int:
        """Elements every sequence keeps in recurrent state over all layers (conv/SSM,
        linear-attention state), whatever its length; 0 for a model with none."""
        return sum(s.state_elements for s in self.layers())

    @property
    def state_bytes_per_sequence(self) -> int:
        """``state_elements_per_sequence`` in the cache dtype (transformers keeps Mamba conv and
        SSM state in the model dtype), on one replica before any TP split."""
        dtype = self.cache_dtype or self.dtype
        return sum(s.state_bytes(dtype) for s in self.layers())

    @property
    def model_max_encoder_len(self) -> int:
        """Most encoder positions one sequence's cross-attention reads (Whisper's 1,500 audio
        frames, a source text's position limit); 0 for a model without cross-attention."""
        if not any(s.cross is not None for s in self.layers()):
            return 0
        return self._checked_encoder_len()

    def _checked_encoder_len(self) -> int:
        label = _info(type(self)).labels["_encoder_len"]
        length = required(self._n, label, self._encoder_len())
        check_value(self._n, label, length, "int", minimum=1)
        return length

    @property
    def cross_elements_per_encoder_position(self) -> int:
        """Cross-attention K/V elements per encoder position over all layers."""
        return sum(s.cross_elements for s in self.layers())

    @property
    def cross_bytes_per_sequence(self) -> int:
        """Cross-attention K/V one sequence keeps at ``model_max_encoder_len`` encoder
        positions, in the cache dtype, on one replica before any TP split (not in
        ``bytes_per_token``: decoding does not grow it); 0 without cross-attention."""
        elements = self.cross_elements_per_encoder_position * self.model_max_encoder_len
        return (self.cache_dtype or self.dtype).nbytes(elements)

    @property
    def num_layers(self) -> int:
        """Decoder layers that keep a KV cache of their own."""
        return len(self._cached())

    def build_kv_params(self) -> KVCacheParams | MultiKVCacheParams:
        """One ``KVCacheParams`` for plain uniform full attention, else one group per geometry."""
        latent = self._mla_latent_dim()
        groups: dict[tuple[str, int | None, int, int, int], list[int]] = {}
        for s in self._cached():
            # a compressed layer is budgeted as full attention (MAX's view): its window's K/V
            # for every token (an upper bound) and its compressed caches' elements per token,
            # rounded up; the planner sizes it as the runtime holds it (planner.paged_params)
            extra = s.extra_key_elements + s.compressed_elements_per_token()
            kind: str = GROUP_KIND.get(s.kind, s.kind)
            window = s.window if kind == s.kind else None  # a full group has no window
            if latent is not None:
                key = (kind, window, 1, latent, extra)
            else:
                key = (kind, window, s.num_kv_heads, max(s.k_head_dim, s.v_head_dim), extra)
            groups.setdefault(key, []).append(s.index)
        is_mla = latent is not None
        if len(groups) == 1:
            (kind, _, heads, dim, extra), indices = next(iter(groups.items()))
            if kind == "full":
                return self.kv_params_for(
                    n_kv_heads=heads,
                    head_dim=dim,
                    num_layers=len(indices),
                    is_mla=is_mla,
                    extra_key_dim=extra,
                )
        return MultiKVCacheParams(
            groups=[
                KVCacheGroup(
                    params=self.kv_params_for(
                        n_kv_heads=heads,
                        head_dim=dim,
                        num_layers=len(idx),
                        is_mla=is_mla,
                        extra_key_dim=extra,
                    ),
                    layer_indices=idx,
                    attention=kind,  # type: ignore[arg-type]
                    window=window,
                )
                for (kind, window, heads, dim, extra), idx in groups.items()
            ]
        )


_BASE_FIELDS = frozenset(SchemaArchConfig.__struct_fields__)


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
    extra: tuple[ExtraKeys, ...] = (),
    state: tuple[State, ...] = (),
    cross: CrossKV | None = None,
    compressed: tuple[Compressed, ...] = (),
) -> LayerSpec:
    """A validated ``LayerSpec``; ``fields`` name the HF fields behind each value, for errors;
    ``extra`` are the layer's further per-token keys (kept only by per-token kinds)."""
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
        return LayerSpec(index=i, kind=kind, state=state)  # type: ignore[arg-type]
    if kind in WINDOWED:
        check_value(owner, f_window, window, "int", minimum=1)
    else:  # full, or cross: K/V of the encoder/vision states, no per-token growth
        window = None
    check_value(owner, f_heads, num_kv_heads, "int", minimum=1)
    check_value(owner, f_k, k_head_dim, "int", minimum=1)
    # a compressed layer may keep K and V in one tensor (K = V): no V of its own
    check_value(owner, f_v, v_head_dim, "int", minimum=0 if kind == "compressed" else 1)
    return LayerSpec(
        index=i,
        kind=kind,  # type: ignore[arg-type]
        window=window,
        num_kv_heads=num_kv_heads,
        k_head_dim=k_head_dim,
        v_head_dim=v_head_dim,
        extra_keys=extra if kind in PER_TOKEN_KINDS else (),
        state=state,
        cross=cross if kind in PER_TOKEN_KINDS else None,
        compressed=compressed if kind == "compressed" else (),
    )


def extra_keys(owner: str, i: int, *declared: tuple[str, int, int]) -> tuple[ExtraKeys, ...]:
    """Layer ``i``'s further per-token keys from the schema's ``(name, heads, dim)`` rows: a row
    with 0 heads means the layer keeps none of that name; negative or 0-wide ones are errors."""
    out = []
    for name, heads, dim in declared:
        field = f"layers[{i}].extra_keys.{name}"
        check_value(owner, field + ".num_heads", heads, "int", minimum=0)
        if heads:
            check_value(owner, field + ".head_dim", dim, "int", minimum=1)
            out.append(ExtraKeys(name=name, num_heads=heads, head_dim=dim))
    return tuple(out)


def compressed(owner: str, i: int, *declared: tuple[str, int, int, int]) -> tuple[Compressed, ...]:
    """Layer ``i``'s compressed caches from the schema's ``(name, every, heads, dim)`` rows: a
    row with 0 heads means the layer keeps none of that name."""
    out = []
    for name, every, heads, dim in declared:
        field = f"layers[{i}].compressed.{name}"
        check_value(owner, field + ".num_heads", heads, "int", minimum=0)
        if heads:
            check_value(owner, field + ".every", every, "int", minimum=1)
            check_value(owner, field + ".head_dim", dim, "int", minimum=1)
            out.append(Compressed(name=name, every=every, num_heads=heads, head_dim=dim))
    return tuple(out)


def state(
    owner: str, i: int, *declared: tuple[str, tuple[int, ...]] | tuple[str, tuple[int, ...], str]
) -> tuple[State, ...]:
    """Layer ``i``'s per-sequence tensors from the schema's ``(name, shape[, dtype])`` rows: a
    shape with a 0 dim means the layer keeps none of that name; a negative dim is an error."""
    out = []
    for name, shape, *dtype in declared:
        for n, dim in enumerate(shape):
            check_value(owner, f"layers[{i}].state.{name}.shape[{n}]", dim, "int", minimum=0)
        if all(shape):
            own = DType(dtype[0]) if dtype else None
            out.append(State(name=name, shape=tuple(shape), dtype=own))
    return tuple(out)


def cross(
    owner: str, i: int, num_kv_heads: int, k_head_dim: int, v_head_dim: int
) -> CrossKV | None:
    """Layer ``i``'s cross-attention K/V from the schema's heads and widths: 0 heads means the
    layer has no cross-attention; negative heads or widths below 1 are errors."""
    field = f"layers[{i}].cross"
    check_value(owner, field + ".num_kv_heads", num_kv_heads, "int", minimum=0)
    if not num_kv_heads:
        return None
    check_value(owner, field + ".k_head_dim", k_head_dim, "int", minimum=1)
    check_value(owner, field + ".v_head_dim", v_head_dim, "int", minimum=1)
    return CrossKV(num_kv_heads=num_kv_heads, k_head_dim=k_head_dim, v_head_dim=v_head_dim)


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
