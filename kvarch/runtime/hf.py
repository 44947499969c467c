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

import inspect
from collections.abc import Collection, Mapping
from typing import Any, TypeAlias

import numpy as np
import torch
from torch import Tensor
from transformers.cache_utils import Cache, DynamicLayer

from kvarch import registry
from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.kv_cache import KV_CACHE_FORMATS, KVCacheConfig, KVCacheParams, MultiKVCacheParams
from kvarch.runtime import attention as attn
from kvarch.runtime.adapt import adapt, decoder_layer_count, paged_layout
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.compressed import CompressedStore
from kvarch.runtime.cross import CrossAttentionCache, PagedEncoderDecoderCache
from kvarch.runtime.errors import SequenceStateError, ShapeError
from kvarch.runtime.hf_layers import SHARED_ATTENTION, text_config
from kvarch.runtime.paged_layer import PagedLayer
from kvarch.runtime.planner import (
    CachePlan,
    as_groups,
    device_free_bytes,
    plan,
    with_prefill_headroom,
)
from kvarch.runtime.state import StateStore
from kvarch.runtime.tensors import PagedKVCache

__all__ = [
    "KVCacheDtype",
    "PagedCache",
    "PagedLayer",
    "arch_for_model",
    "cache_dtype_of",
    "decoder_layer_count",
    "kv_params_for_model",
    "paged_layout",
]


def _device_ref(device: torch.device) -> DeviceRef:
    return DeviceRef.CPU() if device.type == "cpu" else DeviceRef.GPU(device.index or 0)


KVCacheDtype: TypeAlias = str | torch.dtype | DType | None
"""A cache element type as users write it: None or ``"auto"`` (the model's dtype), a name
(``"fp8"``, ``"fp8_e5m2"``, ``"bfloat16"``), a ``torch.dtype`` or a ``DType``."""


def cache_dtype_of(value: KVCacheDtype) -> DType | None:
    """``value`` as a ``DType`` (None: the model's own dtype). ``"fp8"`` is e4m3."""
    if value is None or value == "auto":
        return None
    if isinstance(value, str):
        value = DType.parse(value)
    elif isinstance(value, torch.dtype):
        value = DType.from_torch(value)
    if not isinstance(value, DType) or value not in KV_CACHE_FORMATS:
        allowed = ", ".join(d.value for d in KV_CACHE_FORMATS)
        raise ConfigError("kv_cache_dtype", value, f"None, 'auto' or one of {allowed}")
    return value


def arch_for_model(
    model: Any,
    *,
    page_size: int,
    devices: list[DeviceRef] | None = None,
    kv_cache_dtype: KVCacheDtype = None,
) -> Any:
    """The model's generated config (raises ``UnknownArchitectureError`` without a schema);
    ``devices`` (default: the model's device) is a tensor-parallel group's devices;
    ``kv_cache_dtype`` (default: the model's dtype) is what the pages store."""
    fmt = cache_dtype_of(kv_cache_dtype)
    return registry.from_hf_config(
        model.config,
        dtype=DType.from_torch(model.dtype),
        devices=devices or [_device_ref(model.device)],
        cache_dtype=fmt,
        kv_cache=KVCacheConfig(
            kv_cache_page_size=page_size, enable_prefix_caching=False, kv_cache_format=fmt
        ),
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
        kv_cache_dtype: KVCacheDtype = None,
    ) -> PagedCache:
        """A cache for ``model`` (geometry from ``generated`` unless ``params`` is given).

        Sized by the planner for ``max_batch_size`` sequences of ``max_seq_len`` tokens;
        sliding groups also hold a prompt of ``max_prompt_len`` (default ``max_seq_len``)
        during prefill. Recurrent state the schema declares (SSM, linear attention, conv) gets
        ``max_batch_size`` rows of kvarch's ``StateStore``, budgeted by the planner; indexer
        keys are paged beside K/V; window layers that transformers caches whole are paged whole.
        Compressed layers (deepseek_v4) page their window as one K = V tensor per token; their
        compressed entries and open windows get ``max_batch_size`` rows of kvarch's
        ``CompressedStore`` (``hf_compressed``), budgeted by the planner as ``kvarch plan`` does
        (``compressed``: whole on every TP rank).
        Encoder–decoder models (whisper, bart) keep their cross-attention K/V per sequence in
        ``cross``, and the budget leaves ``max_batch_size`` sequences of it at the longest
        encoder input free. Shared-KV and (mllama) cross-attention layers keep transformers' own
        layer objects; a model whose cache holds what kvarch cannot (undeclared state beside
        attention) or whose layers transformers caches differently from the schema is refused
        with ``UnsupportedCacheError``. ``kv_cache_dtype`` (``"fp8"``: e4m3) stores the pages
        in another element type than the model's (per-tensor scales, 1.0 as written).
        """
        if params is None:
            arch = arch_for_model(model, page_size=page_size, kv_cache_dtype=kv_cache_dtype)
            adapted = adapt(model, arch)
        else:
            adapted = adapt(model, params=params)
        params = adapted.params
        groups = adapted.groups
        stores = adapted.stores(model, max_batch_size, max_seq_len)
        free = device_free_bytes(groups[0].params.devices) if free_bytes is None else free_bytes
        sized = plan(
            params,
            free_bytes=free,
            model_max_seq_len=max_seq_len,
            max_seq_len=max_seq_len,
            max_batch_size=max_batch_size,
            device_memory_utilization=device_memory_utilization,
            cross_bytes_per_sequence=adapted.cross_bytes,
            state_bytes_per_sequence=stores.state_bytes_per_sequence,
            compressed=stores.compressed_budget,
        )
        sized = with_prefill_headroom(sized, params, max_prompt_len or max_seq_len)
        attn.share_attention(model, SHARED_ATTENTION.get(adapted.model_type, frozenset()))
        paged = adapted.gathered is None and attn.use_paged_attention(model, text_config(model))
        if cls is PagedCache:  # a model that insists on its own cache class gets a subclass
            from kvarch.runtime.own_caches import paged_cache_class

            cls = paged_cache_class(adapted.model_type)
        cache = cls(
            params,
            num_layers=adapted.num_layers,
            max_batch_size=max_batch_size,
            max_seq_len=max_seq_len,
            num_blocks=sized.blocks_per_group,
            device=model.device,
            plan=sized,
            delegated=dict(adapted.delegated),
            paged_attention=paged,
            encoder_decoder=bool(getattr(model.config, "is_encoder_decoder", False)),
            state=stores.state,
            indexed=adapted.indexed,
        )
        cache.keeps_dense = adapted.keeps_dense
        if stores.compressed is not None:
            from kvarch.runtime import hf_compressed  # its layer is a PagedLayer

            hf_compressed.attach(cache, stores.compressed)
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
        if self.compressed is not None:
            self.compressed.unbind()
        if "position_ids" in self.__dict__:  # positions transformers 5.17's qwen4_exp keeps here
            del self.position_ids
        super().reset()
        if self.cross is not None and self.encoder_decoder is not None:
            self.cross.reset()
            self.encoder_decoder.mark_updated(False)
