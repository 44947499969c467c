"""Adapting a transformers model to kvarch's cache: the start-up step ``PagedCache.from_model``
and the ``Engine`` share.

``adapt(model, arch)`` reads the schema's layout (groups, layer kinds, per-sequence state) and
matches it once against the cache transformers would build by default
(``hf_layers.default_layers``, built once here): which layers are paged (window groups that
transformers keeps whole are paged whole), which keep their recurrent state in kvarch's
``StateStore``, which are indexed (indexer keys paged beside K/V), which keep transformers'
own layer objects, and why attention cannot read the pages when it cannot. The answer is
an ``Adapted``; neither caller repeats any of it.

A new layout hooks in here: a field on ``Adapted`` computed in ``adapt`` from the schema and
the default layers, read by ``PagedCache`` (``from_model``) and the ``Engine``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kvarch.errors import ConfigError
from kvarch.kv_cache import KVCacheGroup, KVCacheParams, MultiKVCacheParams
from kvarch.layers import Compressed, State
from kvarch.runtime import attention as attn
from kvarch.runtime.compressed import CompressedStore
from kvarch.runtime.compressed_budget import StoreBudget, compressed_caches, window_groups
from kvarch.runtime.errors import UnsupportedCacheError
from kvarch.runtime.hf_layers import (
    OWN_STEPS,
    SHARED_ATTENTION,
    cacheless,
    default_layers,
    delegated_layers,
    gathered_reason,
    indexed_layers,
    packs_dense,
    reads_layer_tensors,
    stateful_layers,
    text_config,
    widen_unkept_windows,
)
from kvarch.runtime.module_state import hold_module_state
from kvarch.runtime.planner import as_groups, named_groups
from kvarch.runtime.state import StateStore

__all__ = ["Adapted", "adapt", "decoder_layer_count", "paged_layout"]


def paged_layout(
    arch: Any,
) -> tuple[MultiKVCacheParams, dict[int, str], dict[int, tuple[State, ...]]]:
    """``arch``'s cache groups (``planner.named_groups``: a uniform cache as one group naming
    its layers), each layer's kind, and the per-sequence state of the layers that keep some."""
    layers = arch.layers()
    kinds = {spec.index: spec.kind for spec in layers}
    states = {spec.index: spec.state for spec in layers if spec.state}
    return named_groups(arch), kinds, states


def decoder_layer_count(model: Any, groups: list[KVCacheGroup]) -> int:
    """Cache layer slots: the text config's decoder layers, or more when the schema pages more
    (WhisperForCausalLM's config maps ``num_hidden_layers`` to ``encoder_layers``; a looped
    model's per-loop copies of its recurrent layers are slots past the decoder layers)."""
    paged = 1 + max((i for g in groups for i in g.layer_indices), default=-1)
    return max(int(text_config(model).num_hidden_layers), paged)


@dataclass(frozen=True)
class Stores:
    """What kvarch keeps per sequence outside the pages, each ``None`` when the model has none."""

    state: StateStore | None
    """Recurrent state of the stateful layers."""
    compressed: CompressedStore | None
    """Compressed layers' entries and open windows."""

    @property
    def state_bytes_per_sequence(self) -> int:
        """The recurrent state of one sequence (the planner's ``state_bytes_per_sequence``,
        split over TP ranks)."""
        return 0 if self.state is None else self.state.bytes_per_sequence

    @property
    def compressed_budget(self) -> StoreBudget | None:
        """The compressed caches' budget (the planner's ``compressed``, whole on every TP
        rank, as ``kvarch plan`` passes it)."""
        return None if self.compressed is None else self.compressed.budget


@dataclass(frozen=True)
class Adapted:
    """How kvarch holds one model's cache (see the module docstring)."""

    model_type: str
    params: KVCacheParams | MultiKVCacheParams
    """The paged groups (window groups transformers keeps whole widened to full)."""
    kinds: Mapping[int, str]
    """kvarch's kind of every layer (empty when the geometry was given by hand)."""
    states: Mapping[int, tuple[State, ...]]
    """The schema's per-sequence state of the layers that declare some."""
    num_layers: int
    """Cache layer slots (decoder layers, plus a looped model's per-loop copies)."""
    windows: Mapping[int, int | None]
    """Paged layer -> its window (None: full)."""
    widened: tuple[int, ...]
    """Window layers paged whole: transformers keeps every token and the module masks."""
    stateful: frozenset[int]
    """Layers whose recurrent state kvarch's ``StateStore`` holds."""
    delegated: Mapping[int, Any]
    """Layers keeping transformers' own layer objects (cache-less ones included)."""
    cacheless: frozenset[int]
    """Delegated layers that keep nothing (nemotron_h's MLP blocks), not shared-KV ones."""
    indexed: frozenset[int]
    """Layers that page a sparse-attention indexer's keys beside K/V."""
    gathered: str | None
    """Why attention cannot read the pages (None when it can): ``update`` returns K/V."""
    keeps_dense: bool
    """Layers must keep the K/V their ``update`` returns (the model reads them back)."""
    cross_bytes: int
    """Encoder–decoder models: cross-attention K/V of one sequence at the longest input."""
    compressed: Mapping[int, tuple[Compressed, ...]]
    """Compressed layers' caches (deepseek_v4), held beside their paged windows."""

    @property
    def groups(self) -> list[KVCacheGroup]:
        return as_groups(self.params)

    def stores(self, model: Any, max_seqs: int, max_seq_len: int) -> Stores:
        """The per-sequence stores beside the pages: recurrent state and compressed caches."""
        return Stores(
            self.state_store(model, max_seqs), self.compressed_store(model, max_seqs, max_seq_len)
        )

    def state_store(self, model: Any, max_seqs: int) -> StateStore | None:
        """kvarch's store for the stateful layers' declared state (None when there are none),
        each state in the dtype its schema fixes (float32 SSM state), else the model's.
        Modules that keep their state themselves are hooked to keep it there
        (``module_state``)."""
        if not self.stateful:
            return None
        hold_module_state(model, self.model_type)
        return StateStore(
            {i: self.states[i] for i in sorted(self.stateful)},
            max_seqs=max_seqs,
            dtype=model.dtype,
            device=model.device,
        )

    def compressed_store(
        self, model: Any, max_seqs: int, max_seq_len: int
    ) -> CompressedStore | None:
        """kvarch's store for the compressed layers' caches (None without any)."""
        if not self.compressed:
            return None
        return CompressedStore(
            dict(self.compressed), max_seqs=max_seqs, max_seq_len=max_seq_len,
            dtype=model.dtype, device=next(model.parameters()).device,
        )  # fmt: skip

    def engine_serving(self, model: Any) -> tuple[bool, bool]:
        """How the Engine serves ``model`` (switching its attention to kvarch's): ``(dense,
        solo)``. Dense: packed steps return every sequence's K/V gathered back to back
        (``hf_layers.packs_dense``). Solo: attention cannot read the pages, or compressed layers
        pool windows over a row's tokens, so each sequence is one forward over K/V gathered
        from the pages (``solo.py``). Neither: packed steps read the pages. Raises
        ``UnsupportedCacheError`` for what the Engine cannot serve."""
        delegated = {i: x for i, x in self.delegated.items() if i not in self.cacheless}
        dense = self.gathered is not None and not self.compressed and packs_dense(model, delegated)
        if delegated and not dense:
            raise UnsupportedCacheError(
                self.model_type, self.kinds.get(min(delegated), "full"), sorted(delegated),
                "the engine serves many sequences through one cache, and these layers keep "
                "per-row state outside the pages; use PagedCache with generate",
            )  # fmt: skip
        if self.model_type in OWN_STEPS:
            raise UnsupportedCacheError(
                self.model_type, "full", sorted(self.windows),
                f"{OWN_STEPS[self.model_type]}; use PagedCache with generate",
            )  # fmt: skip
        attn.share_attention(model, SHARED_ATTENTION.get(self.model_type, frozenset()))
        own = not attn.use_paged_attention(model, text_config(model))
        gathered = self.gathered is not None or bool(self.compressed)
        return dense, not dense and (own or gathered)


def adapt(
    model: Any, arch: Any = None, *, params: KVCacheParams | MultiKVCacheParams | None = None
) -> Adapted:
    """Match ``model`` against its schema (``arch``) or a hand-given geometry (``params``,
    no kinds or state). Raises ``UnsupportedCacheError`` for a cache kvarch cannot hold."""
    kinds: dict[int, str] = {}
    states: dict[int, tuple[State, ...]] = {}
    cross_bytes = 0
    compressed: dict[int, tuple[Compressed, ...]] = {}
    if params is None:
        params, kinds, states = paged_layout(arch)
        cross_bytes = int(getattr(arch, "cross_bytes_per_sequence", 0))
        compressed = compressed_caches(arch)  # windows paged, the rest in a CompressedStore
        params = window_groups(arch, params)
    num_layers = max(decoder_layer_count(model, as_groups(params)), len(kinds))  # + loops
    defaults = default_layers(model, num_layers)  # the only DynamicCache built
    widened: list[int] = []
    if isinstance(params, MultiKVCacheParams):
        params, widened = widen_unkept_windows(defaults[0], params)
    windows = {i: g.window for g in as_groups(params) for i in g.layer_indices}
    stateful = stateful_layers(model, defaults[0], states)
    delegated = delegated_layers(
        model, defaults, num_layers=num_layers, windows=windows, kinds=kinds, stateful=stateful
    )
    why = gathered_reason(model, delegated, kinds)
    if why is None and widened:
        why = "transformers keeps its window layers whole and the module masks the window"
    if why is None and _selects_per_head(params):
        why = "its indexer's top-k selection reaches attention on layers that are not latent"
    model_type = str(getattr(text_config(model), "model_type", type(model).__name__))
    _check_fp8(model_type, params, compressed)
    return Adapted(
        model_type=model_type,
        params=params,
        kinds=kinds,
        states=states,
        num_layers=num_layers,
        windows=windows,
        widened=tuple(widened),
        stateful=frozenset(stateful),
        delegated=delegated,
        cacheless=frozenset(cacheless(delegated, kinds)),
        indexed=frozenset(indexed_layers(defaults[0])),
        gathered=why,
        keeps_dense=reads_layer_tensors(model),
        cross_bytes=cross_bytes,
        compressed=compressed,
    )


def _check_fp8(
    model_type: str,
    params: KVCacheParams | MultiKVCacheParams,
    compressed: Mapping[int, tuple[Compressed, ...]],
) -> None:
    """fp8 pages keep per-tensor scales for K/V only: refuse indexer keys and compressed
    entries, which would be cast without one."""
    groups = as_groups(params)
    if not groups[0].params.dtype.is_float8:
        return
    what = [
        name
        for name, has in (
            ("indexer keys", any(g.params.extra_key_dim for g in groups)),
            ("compressed entries", bool(compressed)),
        )
        if has
    ]
    if what:
        raise ConfigError(
            "kv_cache_dtype", groups[0].params.dtype.value,
            f"the model's dtype for {model_type!r}: its {' and '.join(what)} keep no fp8 scales",
        )  # fmt: skip


def _selects_per_head(params: KVCacheParams | MultiKVCacheParams) -> bool:
    """Whether a layer pages indexer keys (``extra_keys``) beside per-head K/V rather than an
    MLA latent: its indexer's top-k then reaches attention through the mask or ``indices``,
    which the paged kernels do not take (latent layers are gathered and take them)."""
    return any(g.params.extra_key_dim and not g.params.is_mla for g in as_groups(params))
