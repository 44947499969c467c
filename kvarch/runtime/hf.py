"""``PagedCache``: a ``transformers.Cache`` whose K/V live in the paged cache.

Each forward appends the new tokens of every batch row once (at the first cached layer),
writes every layer's K/V through the slot mapping, and hands the model the K/V it would get
from ``DynamicCache`` (full layers: every token; sliding and chunked layers: the last
``window - 1`` cached tokens plus the new ones), gathered from the pages. Sliding groups
recycle pages. MLA layers store K (latent) and V (rotary key) side by side in one latent row.
Recurrent state (SSM, linear attention, conv) that the schema declares lives in kvarch's
``StateStore``, one row per sequence (``state_layers``). Indexed (DSA) layers page their
indexer's keys beside K/V (``hf_indexed.PagedIndexedLayer``). Encoder–decoder models (whisper,
bart, ...) keep their cross-attention K/V per sequence in ``cross`` (``kvarch.runtime.cross``);
``kwargs_for`` hands ``generate`` the ``EncoderDecoderCache`` around both. Compressed layers
(deepseek_v4) page their window and keep their compressor's and indexer's entries in kvarch's
``CompressedStore`` (``hf_compressed``). Layers kvarch does
not page or hold (shared-KV, mllama's cross-attention, undeclared state) keep transformers' own
layer objects; ``hf_layers.delegated_layers`` picks them and refuses caches it cannot hold.
"""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Collection, Mapping
from typing import Any

import numpy as np
import torch
from torch import Tensor
from transformers.cache_utils import Cache, CacheLayerMixin, DynamicLayer

from kvarch import registry
from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.kv_cache import (
    KVCacheConfig,
    KVCacheGroup,
    KVCacheParams,
    MultiKVCacheParams,
)
from kvarch.layers import PER_TOKEN_KINDS, State
from kvarch.runtime import attention as attn
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.compressed import CompressedStore
from kvarch.runtime.cross import CrossAttentionCache, PagedEncoderDecoderCache
from kvarch.runtime.errors import SequenceStateError, ShapeError
from kvarch.runtime.hf_layers import (
    SHARED_ATTENTION,
    delegated_layers,
    gathered_reason,
    indexed_layers,
    reads_layer_tensors,
    stateful_layers,
    text_config,
    widen_unkept_windows,
)
from kvarch.runtime.planner import (
    CachePlan,
    as_groups,
    device_free_bytes,
    plan,
    with_prefill_headroom,
)
from kvarch.runtime.state import StateStore
from kvarch.runtime.tensors import LayerCache, PagedKVCache

__all__ = [
    "PagedCache",
    "PagedLayer",
    "arch_for_model",
    "decoder_layer_count",
    "kv_params_for_model",
    "paged_layout",
]


def _device_ref(device: torch.device) -> DeviceRef:
    return DeviceRef.CPU() if device.type == "cpu" else DeviceRef.GPU(device.index or 0)


def arch_for_model(model: Any, *, page_size: int, devices: list[DeviceRef] | None = None) -> Any:
    """The model's generated config (raises ``UnknownArchitectureError`` without a schema);
    ``devices`` (default: the model's device) is a tensor-parallel group's devices."""
    return registry.from_hf_config(
        model.config,
        dtype=DType.from_torch(model.dtype),
        devices=devices or [_device_ref(model.device)],
        kv_cache=KVCacheConfig(kv_cache_page_size=page_size, enable_prefix_caching=False),
    )


def cache_keyword(model: Any) -> str:
    """The keyword ``model``'s forward (and so ``generate``) takes a cache under: ``cache``
    in transformers releases that renamed it (the old name warns there), else
    ``past_key_values``."""
    return "cache" if "cache" in inspect.signature(model.forward).parameters else "past_key_values"


def kv_params_for_model(model: Any, *, page_size: int) -> KVCacheParams | MultiKVCacheParams:
    """The model's cache geometry, resolved through the generated configs."""
    params: KVCacheParams | MultiKVCacheParams = arch_for_model(
        model, page_size=page_size
    ).get_kv_params()
    return params


def paged_layout(
    arch: Any,
) -> tuple[MultiKVCacheParams, dict[int, str], dict[int, tuple[State, ...]]]:
    """``arch``'s cache groups (a uniform cache as one group naming its layers), each layer's
    kind, and the per-sequence state of the layers that keep some."""
    params = arch.get_kv_params()
    layers = arch.layers()
    kinds = {spec.index: spec.kind for spec in layers}
    states = {spec.index: spec.state for spec in layers if spec.state}
    if isinstance(params, KVCacheParams):  # one uniform group: name its layers
        cached = [i for i, kind in sorted(kinds.items()) if kind in PER_TOKEN_KINDS]
        params = MultiKVCacheParams(groups=[KVCacheGroup(params=params, layer_indices=cached)])
    return params, kinds, states


def decoder_layer_count(model: Any, groups: list[KVCacheGroup]) -> int:
    """Cache layer slots: the text config's decoder layers, or more when the schema pages more
    (WhisperForCausalLM's config maps ``num_hidden_layers`` to ``encoder_layers``; a looped
    model's per-loop copies of its recurrent layers are slots past the decoder layers)."""
    paged = 1 + max((i for g in groups for i in g.layer_indices), default=-1)
    return max(int(text_config(model).num_hidden_layers), paged)


def state_store(
    model: Any, states: dict[int, Any], stateful: set[int], max_seqs: int
) -> StateStore | None:
    """kvarch's store for the ``stateful`` layers' declared state (None when there are none),
    each state in the dtype its schema fixes (float32 SSM state), else the model's."""
    if not stateful:
        return None
    return StateStore(
        {i: states[i] for i in sorted(stateful)},
        max_seqs=max_seqs,
        dtype=model.dtype,
        device=model.device,
    )


def _pad(x: Tensor, width: int) -> Tensor:
    """``x`` with its last dim zero-padded to ``width``."""
    extra = width - x.shape[-1]
    return torch.nn.functional.pad(x, (0, extra)) if extra > 0 else x


def _scales(view: LayerCache) -> dict[str, Tensor]:
    """fp8 caches' per-tensor scales as ``write_kv`` options."""
    if view.k_scale is None:
        return {}
    out = {"k_scale": view.k_scale}
    if view.v_scale is not None:
        out["v_scale"] = view.v_scale
    return out


class PagedLayer(CacheLayerMixin):  # type: ignore[misc]
    """One decoder layer's view of the shared paged cache."""

    is_compileable = False
    is_croppable = False

    def __init__(self, cache: PagedCache, index: int, window: int | None, attention: str) -> None:
        super().__init__()
        self.cache = cache
        self.index = index
        self.window = window
        self.attention = attention
        self.is_sliding = window is not None
        self.length = 0
        """Tokens of every batch row so far, left padding included (generate's view)."""

    def lazy_initialization(self, key_states: Tensor, value_states: Tensor) -> None:
        """Nothing to allocate: the pages exist already."""
        self.device = key_states.device
        self.is_initialized = True

    def update(
        self, key_states: Tensor, value_states: Tensor, *args: Any, **kwargs: Any
    ) -> tuple[Tensor, Tensor]:
        """Write the new ``[batch, heads, n, dim]`` K/V into the pages.

        Per-head K/V layers return their input unchanged and arm the paged attention, which
        reads the pages. Latent (MLA) layers return the visible cached K/V: the module expands
        them per head before attending.
        """
        if not self.is_initialized:
            self.lazy_initialization(key_states, value_states)
        batch, heads, n, k_dim = key_states.shape
        v_dim = value_states.shape[-1]
        cache = self.cache
        ctx = cache.context(self.index, batch, n)
        view = cache.storage.layer(self.index)
        width = view.k.shape[-1]
        k = key_states.transpose(1, 2).reshape(batch * n, heads, k_dim)
        v = value_states.transpose(1, 2).reshape(batch * n, heads, v_dim)
        slots = ctx.slots[view.group]
        old = self.length
        self.length += n
        attn.check_consumed(self.index)
        if view.v is not None:  # K and V narrower than the group's head_dim: pad
            ops.write_kv(view.k, view.v, _pad(k, width), _pad(v, width), slots, **_scales(view))
            if ctx.packed and cache.dense_packed:
                return self._packed_dense(view, view.v, ctx, n, key_states, value_states)
            if cache.paged_attention:
                attn.arm(attn.Armed(self.index, view, ctx, k_dim, v_dim, self.attention))
                self._stand_ins(key_states, value_states, batch, self.length)
                return key_states, value_states
            keys = self._gather_rows(view.k, view, batch, old)[..., :k_dim]
            values = self._gather_rows(view.v, view, batch, old)[..., :v_dim]
            return self._dense(keys, values, key_states, value_states)
        # MLA: K (latent) and V (rotary key) side by side in one latent row
        if k_dim + v_dim != width:
            raise ShapeError("key/value states", (k_dim, v_dim), f"dims summing to {width}")
        ops.write_kv(view.k, None, torch.cat([k, v], dim=-1), None, slots, **_scales(view))
        if ctx.packed:
            latent = self._gather_packed(view, ctx, n)
            attn.arm(attn.Armed(self.index, view, ctx, k_dim, v_dim, self.attention, True))
        else:
            latent = self._gather_rows(view.k, view, batch, old)
        return self._dense(latent[..., :k_dim], latent[..., k_dim:], key_states, value_states)

    def _packed_dense(
        self,
        view: LayerCache,
        v_pages: Tensor,
        ctx: attn.StepContext,
        n: int,
        k_like: Tensor,
        v_like: Tensor,
    ) -> tuple[Tensor, Tensor]:
        """Each packed sequence's visible K/V, gathered back to back, registered so that
        every attention call over them attends per sequence (``attn.register_dense``)."""
        k_dim, v_dim = k_like.shape[-1], v_like.shape[-1]
        keys = self._gather_packed(view, ctx, n)[..., :k_dim]
        values = self._gather_packed(view, ctx, n, v_pages)[..., :v_dim]
        keys, values = self._dense(keys, values, k_like, v_like)
        own = dataclasses.replace(ctx, gathered_lens=list(ctx.gathered_lens or []))
        armed = attn.Armed(self.index, view, own, k_dim, v_dim, self.attention, gathered=True)
        attn.register_dense(keys, armed)
        return keys, values

    def _stand_ins(self, k_like: Tensor, v_like: Tensor, batch: int, length: int) -> None:
        """Shape-only ``keys``/``values`` (no memory) for models that inspect them (mllama)."""
        shape = (batch, k_like.shape[1], length)
        keys: Tensor | None = getattr(self, "keys", None)
        if keys is None or tuple(keys.shape[:3]) != shape:
            self.keys = torch.empty(*shape, k_like.shape[-1], dtype=k_like.dtype, device="meta")
            self.values = torch.empty(*shape, v_like.shape[-1], dtype=v_like.dtype, device="meta")

    def _dense(
        self, keys: Tensor, values: Tensor, k_like: Tensor, v_like: Tensor
    ) -> tuple[Tensor, Tensor]:
        """Gathered K/V as DynamicCache returns them (dtype, contiguous: some models .view())."""
        keys = keys.to(k_like.dtype).contiguous()
        values = values.to(v_like.dtype).contiguous()
        if self.cache.keeps_dense:
            self.keys, self.values = keys, values
        else:
            self._stand_ins(keys, values, keys.shape[0], keys.shape[2])
        return keys, values

    def _first_visible(self, length: int, queries: int) -> int:
        """First position the earliest of ``queries`` new queries sees, at ``length`` tokens."""
        if self.window is None:
            return 0
        return max(0, length - queries - self.window + 1)

    def _gather_rows(
        self, pages: Tensor, view: LayerCache, batch: int, old: int, length: int | None = None
    ) -> Tensor:
        """``[batch, heads, L, width]``: DynamicCache's K/V per row, left padding zeroed
        (``length``: tokens per row, default this layer's)."""
        cache = self.cache
        page = cache.manager.page
        start = self._first_visible(old, 0)
        device = view.k.device
        phys = torch.arange(start, self.length if length is None else length, device=device)
        real = phys[None, :] - cache.pads[:batch, None]
        valid = real >= 0
        real = real.clamp_min(0)
        table = cache.ctx_tables[view.group].long()
        blocks = table.gather(1, real // page).clamp_min(0)
        rows = pages[blocks, real % page] * valid[:, :, None, None]
        return rows.transpose(1, 2)

    def _gather_packed(
        self, view: LayerCache, ctx: attn.StepContext, n: int, pages: Tensor | None = None
    ) -> Tensor:
        """``[1, heads, Σ kept, width]``: each packed sequence's visible K/V back to back
        (``pages``: another per-token tensor of the layer's blocks, default its K)."""
        pages = view.k if pages is None else pages
        page = self.cache.manager.page
        lens = ctx.seq_lens.tolist()
        starts = ctx.query_start_loc.tolist() if ctx.query_start_loc is not None else None
        pieces, kept = [], []
        table = ctx.tables[view.group].long()
        for s, total in enumerate(lens):
            queries = 1 if starts is None else starts[s + 1] - starts[s]
            pos = torch.arange(self._first_visible(total, queries), total, device=view.k.device)
            pieces.append(pages[table[s, pos // page], pos % page])
            kept.append(int(pos.numel()))
        ctx.gathered_lens = kept
        return torch.cat(pieces).transpose(0, 1).unsqueeze(0)

    def __deepcopy__(self, memo: dict[int, Any]) -> PagedLayer:
        """Refused: a copy would share (or duplicate) the whole paged cache."""
        raise SequenceStateError(None, f"layer {self.index} of a PagedCache cannot be copied")

    def get_mask_sizes(self, query_length: int) -> tuple[int, int]:
        """(kv_length, kv_offset) of the K/V ``update`` returns, as DynamicCache's layers."""
        if self.window is None or self.length < self.window:
            offset = 0 if self.window is None else max(self.length - self.window + 1, 0)
            return self.length + query_length, offset
        return self.window - 1 + query_length, self.length - self.window + 1

    def get_seq_length(self) -> int:
        """Tokens cached so far."""
        return self.length

    def get_max_length(self) -> int:
        """-1 (unbounded) for full layers; the window for sliding ones."""
        return -1 if self.window is None else self.window

    def reset(self) -> None:
        """Forget this layer's length (the cache frees the pages)."""
        self.length = 0

    def crop(self, tokens_to_remove: int) -> None:
        """Not supported: pages of accepted tokens are not rolled back."""
        raise SequenceStateError(None, "PagedCache cannot crop (no speculative rollback)")


class PagedCache(Cache):  # type: ignore[misc]
    """A ``transformers.Cache`` backed by kvarch's paged KV cache (one sequence per batch row)."""

    def __init__(
        self,
        params: KVCacheParams | MultiKVCacheParams,
        *,
        num_layers: int,
        max_batch_size: int,
        max_seq_len: int,
        num_blocks: list[int],
        device: torch.device | str = "cpu",
        plan: CachePlan | None = None,
        delegated: dict[int, Any] | None = None,
        paged_attention: bool = False,
        enable_prefix_caching: bool = False,
        encoder_decoder: bool = False,
        state: StateStore | None = None,
        indexed: Collection[int] = (),
    ) -> None:
        """Pages the layers of ``params``; ``state`` holds the recurrent state of its layers
        (one row per sequence, ``max_batch_size`` rows); ``delegated`` layer objects serve the
        others.

        ``paged_attention``: the model attends through ``kvarch.runtime.attention`` (set by
        ``from_model``), so ``update`` only writes; otherwise it returns the K/V gathered
        from the pages (any model, slower). ``enable_prefix_caching``: the manager indexes
        full blocks for prefix hits (the engine's; ``generate`` starts one sequence per row).
        ``encoder_decoder``: the decoder of an encoder–decoder model (whisper, bart): its
        cross-attention K/V are kept per sequence in ``cross`` (``kvarch.runtime.cross``).
        ``indexed``: layers whose indexer also caches keys (``hf_indexed.PagedIndexedLayer``).
        """
        groups = as_groups(params) if plan is None else plan.cache_groups(params)
        self.plan = plan
        """The memory plan the cache was sized from (None when sized by hand)."""
        layout = None if plan is None else plan.layout  # groups sharing pools, maybe split
        source_of = None if layout is None else layout.source_of_group
        if source_of is not None:
            num_blocks = [num_blocks[i] for i in source_of]
        pool_of = None if plan is None else plan.pool_of_group()
        self.storage = PagedKVCache(
            groups, num_blocks, device=device, pool_of=pool_of, source_of=source_of
        )
        self.manager = BlockManager.for_cache(
            self.storage,
            max_seqs=max_batch_size,
            max_seq_len=max_seq_len,
            enable_prefix_caching=enable_prefix_caching,
            swap=False,
        )
        window_of = {i: g.window for g in groups for i in g.layer_indices}
        kind_of = {i: g.attention for g in groups for i in g.layer_indices}
        self.first_layer = min(window_of)
        self.paged_layers = len(window_of)
        self.step_shape: tuple[int, int] = (0, 0)
        """(batch, new tokens) of the forward in flight (generate)."""
        self.later_layers = False
        """A layer after the first was updated in the forward in flight."""
        self.batch = 0
        self.ctx: attn.StepContext | None = None
        """The step context of the forward in flight (set per forward, or by the engine)."""
        self.ctx_tables: list[Tensor] = []
        """Per group: the rows' block tables on the device, for gathered layers."""
        self.pads = torch.zeros(max_batch_size, dtype=torch.int64, device=device)
        """Left padding of each batch row (generate): positions before the sequence."""
        self.engine_owned = False
        self.paged_attention = paged_attention
        """Attention reads the pages (else ``update`` returns gathered K/V)."""
        """True when an engine sets ``ctx`` for each step (packed sequences)."""
        self.dense_packed = False
        """Packed (engine) steps return gathered K/V from ``update`` for modules that use them
        beyond one attention call (diffllama, shared-KV layers): ``_packed_dense``."""
        self.keeps_dense = False
        """Layers keep the K/V ``update`` last returned as ``keys``/``values`` (models that
        read them from the cache: dory's ``last_loop`` loops attend over the past so)."""
        self.indexed = frozenset(indexed)
        """Layers that page an indexer's keys too (their model reads the attention mask)."""
        self.opener: str | None = None
        """Which call opens a forward at the first paged layer (``kv`` for ``update``,
        ``indexer`` for ``update_indexer``): the one the model makes first."""
        self.state = state
        """kvarch's per-sequence recurrent state (None for models without any)."""
        self.compressed: CompressedStore | None = None
        """kvarch's per-sequence compressed caches (``hf_compressed``; None without any)."""
        Cache.__init__(self, layers=[self._layer(i, window_of, kind_of, delegated or {})
                                     for i in range(num_layers)])  # fmt: skip
        self.cross: CrossAttentionCache | None = None
        """Encoder–decoder models: the cross-attention K/V of each sequence."""
        self.encoder_decoder: PagedEncoderDecoderCache | None = None
        """Encoder–decoder models: the ``EncoderDecoderCache`` the model is given (this cache
        for self-attention, ``cross`` for cross-attention)."""
        if encoder_decoder:
            self.cross = CrossAttentionCache(num_layers, self)
            self.encoder_decoder = PagedEncoderDecoderCache(self, self.cross)

    def _layer(
        self, i: int, window_of: Mapping[int, int | None], kind_of: Mapping[int, str],
        delegated: Mapping[int, Any],
    ) -> Any:  # fmt: skip
        """Layer ``i``'s object: paged K/V, kvarch state, both, or transformers' own."""
        state = self.state
        if state is not None and i in state.specs:
            from kvarch.runtime.state_layers import PagedStateLayer, StateLayer

            if i in window_of:
                return PagedStateLayer(self, i, window_of[i], kind_of[i])
            return StateLayer(state, i)
        if i in window_of:
            if i in self.indexed:
                from kvarch.runtime.hf_indexed import PagedIndexedLayer  # a PagedLayer subclass

                return PagedIndexedLayer(self, i, window_of[i], kind_of[i])
            return PagedLayer(self, i, window_of[i], kind_of[i])
        return delegated.get(i) or DynamicLayer()

    def kwargs_for(self, model: Any) -> dict[str, Cache]:
        """``{keyword: cache}`` for ``model.generate`` / ``model(...)``, under the keyword this
        transformers release takes (``cache`` or ``past_key_values``; see ``cache_keyword``):
        this cache, or for an encoder–decoder model the ``EncoderDecoderCache`` around it."""
        return {cache_keyword(model): self.encoder_decoder or self}

    @classmethod
    def from_model(
        cls,
        model: Any,
        *,
        max_batch_size: int,
        max_seq_len: int,
        page_size: int = 16,
        max_prompt_len: int | None = None,
        params: KVCacheParams | MultiKVCacheParams | None = None,
        free_bytes: int | None = None,
        device_memory_utilization: float = 0.9,
    ) -> PagedCache:
        """A cache for ``model`` (geometry from ``generated`` unless ``params`` is given).

        Sized by the planner for ``max_batch_size`` sequences of ``max_seq_len`` tokens;
        sliding groups also hold a prompt of ``max_prompt_len`` (default ``max_seq_len``)
        during prefill. Recurrent state the schema declares (SSM, linear attention, conv) gets
        ``max_batch_size`` rows of kvarch's ``StateStore``, budgeted by the planner; indexer
        keys are paged beside K/V; window layers that transformers caches whole are paged whole.
        Compressed layers (deepseek_v4) page their window as one K = V tensor per token; their
        compressed entries and open windows get ``max_batch_size`` rows of kvarch's
        ``CompressedStore`` (``hf_compressed``), budgeted by the planner like state.
        Encoder–decoder models (whisper, bart) keep their cross-attention K/V per sequence in
        ``cross``, and the budget leaves ``max_batch_size`` sequences of it at the longest
        encoder input free. Shared-KV and (mllama) cross-attention layers keep transformers' own
        layer objects; a model whose cache holds what kvarch cannot (undeclared state beside
        attention) or whose layers transformers caches differently from the schema is refused
        with ``UnsupportedCacheError``.
        """
        from kvarch.runtime import hf_compressed  # its layer is a PagedLayer

        kinds: dict[int, str] = {}
        states: dict[int, tuple[State, ...]] = {}
        cross_bytes = 0
        store = None
        if params is None:
            arch = arch_for_model(model, page_size=page_size)
            cross_bytes = int(getattr(arch, "cross_bytes_per_sequence", 0))
            params, kinds, states = paged_layout(arch)
            params, store = hf_compressed.adapt(arch, params, model, max_batch_size, max_seq_len)
        num_layers = max(decoder_layer_count(model, as_groups(params)), len(kinds))  # + loops
        widened: list[int] = []
        if isinstance(params, MultiKVCacheParams):
            params, widened = widen_unkept_windows(model, params, num_layers)
        groups = as_groups(params)
        stateful = stateful_layers(model, num_layers, states)
        delegated = delegated_layers(
            model,
            num_layers=num_layers,
            windows={i: g.window for g in groups for i in g.layer_indices},
            kinds=kinds,
            stateful=stateful,
        )
        state = state_store(model, states, stateful, max_batch_size)
        free = device_free_bytes(groups[0].params.devices) if free_bytes is None else free_bytes
        sized = plan(
            params,
            free_bytes=free,
            model_max_seq_len=max_seq_len,
            max_seq_len=max_seq_len,
            max_batch_size=max_batch_size,
            device_memory_utilization=device_memory_utilization,
            cross_bytes_per_sequence=cross_bytes,
            state_bytes_per_sequence=(0 if state is None else state.bytes_per_sequence)
            + (0 if store is None else store.bytes_per_sequence),
        )
        sized = with_prefill_headroom(sized, params, max_prompt_len or max_seq_len)
        blocks = sized.blocks_per_group
        attn.share_attention(
            model, SHARED_ATTENTION.get(str(text_config(model).model_type), frozenset())
        )
        paged = (
            not widened
            and gathered_reason(model, delegated, kinds) is None
            and attn.use_paged_attention(model, text_config(model))
        )
        if cls is PagedCache:  # a model that insists on its own cache class gets a subclass
            from kvarch.runtime.own_caches import paged_cache_class

            cls = paged_cache_class(str(text_config(model).model_type))
        cache = cls(
            params,
            num_layers=num_layers,
            max_batch_size=max_batch_size,
            max_seq_len=max_seq_len,
            num_blocks=blocks,
            device=model.device,
            plan=sized,
            delegated=delegated,
            paged_attention=paged,
            encoder_decoder=bool(getattr(model.config, "is_encoder_decoder", False)),
            state=state,
            indexed=indexed_layers(model, num_layers),
        )
        cache.keeps_dense = reads_layer_tensors(model)
        if store is not None:
            hf_compressed.attach(cache, store)
        return cache

    def bind_state(self, rows: Any, *, fresh: bool) -> None:
        """The Engine: the next forward serves the state of block-manager ``rows`` (in batch
        order); ``fresh`` ones start a sequence (zeroed, no previous state)."""
        if self.state is None:
            raise SequenceStateError(None, "this cache holds no recurrent state")
        self.state.bind(rows, fresh=fresh)
        for layer in self.layers:
            begin = getattr(layer, "begin", None)
            if begin is not None:
                begin(not fresh)

    def context(self, layer: int, batch: int, n: int, *, call: str = "kv") -> attn.StepContext:
        """The step context of this forward (built at its first paged layer in generate, by
        the first of that layer's calls: ``kv`` (``update``) or ``indexer``)."""
        opens = not self.engine_owned and layer == self.first_layer
        if opens:
            if self.opener is None:
                self.opener = call
            opens = call == self.opener
        if not opens:
            if self.ctx is None:
                raise SequenceStateError(None, "no step in flight: the first layer sets it up")
            if not self.engine_owned and call == "kv" and (batch, n) != self.step_shape:
                self._foreign_update(layer, (batch, n))
            self.later_layers = True
            return self.ctx
        if self.ctx is not None and not self.later_layers and self.paged_layers > 1:
            self._foreign_update(layer, (batch, n))
        attn.disarm()  # a forward that raised may have left a layer armed
        self.ctx = self.advance(batch, n)
        self.step_shape, self.later_layers = (batch, n), False
        return self.ctx

    def _foreign_update(self, layer: int, got: tuple[int, int]) -> None:
        """Raise for K/V that are not this step's tokens (written twice, or another length)."""
        hint = ""
        if self.encoder_decoder is not None:
            hint = (
                "; an encoder-decoder model given this cache itself writes its cross-attention "
                "here: pass **cache.kwargs_for(model)"
            )
        raise ShapeError(
            f"layer {layer}'s (batch, new tokens)", got,
            f"one update per layer per forward of the step's {self.step_shape}{hint}",
        )  # fmt: skip

    def advance(self, batch: int, n: int) -> attn.StepContext:
        """Grow every batch row by ``n`` tokens (once per forward); the forward's context.

        The first forward starts one sequence per row holding its real tokens: left padding
        (read from the mask transformers builds) is neither written nor attended.
        """
        manager = self.manager
        device = self.storage.device
        padding = attn.take_padding()
        token_index: Tensor | None = None
        if not manager.seqs:
            counts = self._real_counts(padding, batch, n)
            self.batch = batch
            for r in range(batch):
                manager.add(r, [0] * counts[r])
            self.pads[:batch] = torch.tensor([n - c for c in counts])
            if self.cross is not None:  # sequence r is batch row r
                self.cross.seq_ids = list(range(batch))
            per_row = [manager.slots(r, 0, counts[r]) for r in range(batch)]
            slots = [
                np.concatenate(
                    [
                        np.concatenate([np.full(n - c, -1), row[g]])
                        for c, row in zip(counts, per_row, strict=True)
                    ]
                )
                for g in range(len(manager.pools))
            ]
            if any(c != n for c in counts):
                real = np.concatenate(
                    [np.arange(r * n + n - c, (r + 1) * n) for r, c in enumerate(counts)]
                )
                token_index = torch.from_numpy(real).to(device)
            starts = np.concatenate([[0], np.cumsum(counts)])
        elif batch != self.batch:
            raise ShapeError("batch", batch, f"the {self.batch} rows this cache started with")
        elif n == 1:
            slots = manager.decode_step(np.arange(batch))
            starts = None
        else:
            per_row = [manager.append(r, n) for r in range(batch)]
            slots = [np.concatenate([row[g] for row in per_row]) for g in range(len(manager.pools))]
            starts = np.arange(0, batch * n + 1, n)
        rows = slice(0, batch)
        self.ctx_tables = [
            torch.from_numpy(manager.block_tables(g, rows)).to(device)
            for g in range(len(manager.pools))
        ]
        return attn.StepContext(
            slots=[torch.from_numpy(np.asarray(s, dtype=np.int64)).to(device) for s in slots],
            tables=self.ctx_tables,
            seq_lens=torch.from_numpy(manager.seq_lens[rows].copy()).to(device),
            query_start_loc=None
            if starts is None
            else torch.from_numpy(np.asarray(starts, dtype=np.int32)).to(device),
            token_index=token_index,
        )

    @staticmethod
    def _real_counts(padding: Tensor | None, batch: int, n: int) -> list[int]:
        """Real (unpadded) tokens of each row; padding must be on the left."""
        if padding is None or tuple(padding.shape) != (batch, n):
            return [n] * batch
        mask = padding.to("cpu", torch.bool)
        counts = mask.sum(dim=1).tolist()
        for r, c in enumerate(counts):
            if c < 1 or not bool(mask[r, n - c :].all()):
                raise ShapeError(
                    "attention_mask", mask[r].int().tolist(), "left padding followed by tokens"
                )
        return [int(c) for c in counts]

    def reset(self) -> None:
        """Free every sequence so the cache can serve a new batch."""
        for seq_id in list(self.manager.seqs):
            self.manager.free(seq_id)
        self.batch = 0
        self.ctx = None
        self.opener = None
        self.pads.zero_()
        if self.state is not None:
            self.state.unbind()
        if "position_ids" in self.__dict__:  # positions transformers 5.17's qwen4_exp keeps here
            del self.position_ids
        super().reset()
        if self.cross is not None and self.encoder_decoder is not None:
            self.cross.reset()
            self.encoder_decoder.mark_updated(False)
