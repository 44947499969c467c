"""``PagedCache``: a ``transformers.Cache`` whose K/V live in the paged cache.

Each forward appends the new tokens of every batch row once (at the first cached layer),
writes every layer's K/V through the slot mapping, and hands the model the K/V it would get
from ``DynamicCache`` (full layers: every token; sliding and chunked layers: the last
``window - 1`` cached tokens plus the new ones), gathered from the pages. Sliding groups
recycle pages. MLA layers store K (latent) and V (rotary key) side by side in one latent row.
Layers kvarch does not page (shared-KV, cross-attention) keep transformers' own layer objects;
``hf_layers.delegated_layers`` picks them and refuses caches it cannot hold.
"""

from __future__ import annotations

from typing import Any

import msgspec
import numpy as np
import torch
from torch import Tensor
from transformers.cache_utils import Cache, CacheLayerMixin, DynamicLayer

from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.kv_cache import (
    KVCacheConfig,
    KVCacheGroup,
    KVCacheParams,
    MultiKVCacheParams,
    pages_for_tokens,
)
from kvarch.layers import PER_TOKEN_KINDS
from kvarch.runtime import ops
from kvarch.runtime.blocks import BlockManager
from kvarch.runtime.errors import SequenceStateError, ShapeError
from kvarch.runtime.hf_layers import delegated_layers, text_config
from kvarch.runtime.planner import CachePlan, as_groups, device_free_bytes, plan
from kvarch.runtime.tensors import PagedKVCache

__all__ = ["PagedCache", "PagedLayer", "kv_params_for_model"]


def _device_ref(device: torch.device) -> DeviceRef:
    return DeviceRef.CPU() if device.type == "cpu" else DeviceRef.GPU(device.index or 0)


def _arch_for_model(model: Any, *, page_size: int) -> Any:
    """The model's generated config (raises ``UnknownArchitectureError`` without a schema)."""
    import generated

    return generated.from_hf_config(
        model.config,
        dtype=DType.from_torch(model.dtype),
        devices=[_device_ref(model.device)],
        kv_cache=KVCacheConfig(kv_cache_page_size=page_size, enable_prefix_caching=False),
    )


def kv_params_for_model(model: Any, *, page_size: int) -> KVCacheParams | MultiKVCacheParams:
    """The model's cache geometry, resolved through the generated configs."""
    params: KVCacheParams | MultiKVCacheParams = _arch_for_model(
        model, page_size=page_size
    ).get_kv_params()
    return params


def _pad(x: Tensor, width: int) -> Tensor:
    """``x`` with its last dim zero-padded to ``width``."""
    extra = width - x.shape[-1]
    return torch.nn.functional.pad(x, (0, extra)) if extra > 0 else x


class PagedLayer(CacheLayerMixin):  # type: ignore[misc]
    """One decoder layer's view of the shared paged cache."""

    is_compileable = False
    is_croppable = False

    def __init__(self, cache: PagedCache, index: int, window: int | None) -> None:
        super().__init__()
        self.cache = cache
        self.index = index
        self.window = window
        self.is_sliding = window is not None
        self.length = 0

    def lazy_initialization(self, key_states: Tensor, value_states: Tensor) -> None:
        """Nothing to allocate: the pages exist already."""
        self.device = key_states.device
        self.is_initialized = True

    def update(
        self, key_states: Tensor, value_states: Tensor, *args: Any, **kwargs: Any
    ) -> tuple[Tensor, Tensor]:
        """Write the new ``[batch, heads, n, dim]`` K/V into pages; return the visible K/V."""
        if not self.is_initialized:
            self.lazy_initialization(key_states, value_states)
        batch, heads, n, k_dim = key_states.shape
        v_dim = value_states.shape[-1]
        cache = self.cache
        if self.index == cache.first_layer:
            cache.advance(batch, n)
        view = cache.storage.layer(self.index)
        width = view.k.shape[-1]
        k = key_states.transpose(1, 2).reshape(batch * n, heads, k_dim)
        v = value_states.transpose(1, 2).reshape(batch * n, heads, v_dim)
        if view.v is None:  # MLA: K (latent) and V (rotary key) side by side in one latent row
            if k_dim + v_dim != width:
                raise ShapeError("key/value states", (k_dim, v_dim), f"dims summing to {width}")
            ops.write_kv(view.k, None, torch.cat([k, v], dim=-1), None, cache.slots[view.group])
        else:  # K and V narrower than the group's head_dim (k_head_dim != v_head_dim): pad
            ops.write_kv(view.k, view.v, _pad(k, width), _pad(v, width), cache.slots[view.group])
        old = self.length
        self.length += n
        start = 0 if self.window is None else max(0, old - self.window + 1)
        pos = torch.arange(start, self.length, device=view.k.device)
        page = cache.manager.page
        table = torch.from_numpy(cache.manager.block_tables(view.group, slice(0, batch)))
        blocks = table.to(view.k.device)[:, pos // page].long()
        keys = view.k[blocks, pos % page].transpose(1, 2)
        if view.v is None:
            values = keys[..., k_dim:]
        else:
            values = view.v[blocks, pos % page, :, :v_dim].transpose(1, 2)
        # contiguous like DynamicCache's torch.cat results: some models .view() them
        keys = keys[..., :k_dim].to(key_states.dtype).contiguous()
        values = values.to(value_states.dtype).contiguous()
        # shape-only stand-ins (no memory) for models that inspect ``layer.keys`` (mllama)
        self.keys = torch.empty(keys.shape, dtype=keys.dtype, device="meta")
        self.values = torch.empty(values.shape, dtype=values.dtype, device="meta")
        return keys, values

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
    ) -> None:
        """Pages the layers of ``params``; ``delegated`` layer objects serve the others."""
        groups = as_groups(params)
        self.plan = plan
        """The memory plan the cache was sized from (None when sized by hand)."""
        self.storage = PagedKVCache(groups, num_blocks, device=device)
        self.manager = BlockManager(
            page_size=groups[0].params.page_size,
            num_blocks=num_blocks,
            max_seqs=max_batch_size,
            max_seq_len=max_seq_len,
            windows=[g.window for g in groups],
        )
        window_of = {i: g.window for g in groups for i in g.layer_indices}
        self.first_layer = min(window_of)
        self.slots: list[Tensor] = []
        self.batch = 0
        layers: list[Any] = [
            PagedLayer(self, i, window_of[i])
            if i in window_of
            else (delegated or {}).get(i) or DynamicLayer()
            for i in range(num_layers)
        ]
        super().__init__(layers=layers)

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
        during prefill. Shared-KV and cross-attention layers keep transformers' own layer
        objects; a model whose cache holds state other than per-token K/V (SSM, linear
        attention, indexers) or whose layers transformers caches differently from the schema
        is refused with ``UnsupportedCacheError``.
        """
        kinds: dict[int, str] = {}
        if params is None:
            arch = _arch_for_model(model, page_size=page_size)
            params = arch.get_kv_params()
            kinds = {spec.index: spec.kind for spec in arch.layers()}
            if isinstance(params, KVCacheParams):  # one uniform group: name its layers
                cached = [i for i, kind in sorted(kinds.items()) if kind in PER_TOKEN_KINDS]
                params = MultiKVCacheParams(
                    groups=[KVCacheGroup(params=params, layer_indices=cached)]
                )
        groups = as_groups(params)
        num_layers = int(text_config(model).num_hidden_layers)
        delegated = delegated_layers(
            model,
            num_layers=num_layers,
            windows={i: g.window for g in groups for i in g.layer_indices},
            kinds=kinds,
        )
        free = device_free_bytes(groups[0].params.devices) if free_bytes is None else free_bytes
        sized = plan(
            params,
            free_bytes=free,
            model_max_seq_len=max_seq_len,
            max_seq_len=max_seq_len,
            max_batch_size=max_batch_size,
            device_memory_utilization=device_memory_utilization,
        )
        prompt_pages = pages_for_tokens(max_prompt_len or max_seq_len, page_size)
        blocks = [
            n + max_batch_size * max(0, prompt_pages - g.max_pages_per_sequence(max_seq_len))
            for g, n in zip(groups, sized.blocks_per_group, strict=True)
        ]
        extra = sum(blocks) - sum(sized.blocks_per_group)
        if extra:
            note = f"+{extra} blocks so sliding groups can hold a prompt of {prompt_pages} pages"
            sized = msgspec.structs.replace(
                sized, blocks_per_group=blocks, notes=[*sized.notes, note]
            )
        return cls(
            params,
            num_layers=num_layers,
            max_batch_size=max_batch_size,
            max_seq_len=max_seq_len,
            num_blocks=blocks,
            device=model.device,
            plan=sized,
            delegated=delegated,
        )

    def advance(self, batch: int, n: int) -> None:
        """Grow every batch row by ``n`` tokens (called once per forward)."""
        manager = self.manager
        if not manager.seqs:
            self.batch = batch
            for r in range(batch):
                manager.add(r, [0] * n)
            per_row = [manager.slots(r, 0, n) for r in range(batch)]
        elif batch != self.batch:
            raise ShapeError("batch", batch, f"the {self.batch} rows this cache started with")
        elif n == 1:
            stepped = manager.decode_step(np.arange(batch))
            self.slots = [torch.from_numpy(s).to(self.storage.device) for s in stepped]
            return
        else:
            per_row = [manager.append(r, n) for r in range(batch)]
        self.slots = [
            torch.from_numpy(np.concatenate([row[g] for row in per_row])).to(self.storage.device)
            for g in range(len(manager.pools))
        ]

    def reset(self) -> None:
        """Free every sequence so the cache can serve a new batch."""
        for seq_id in list(self.manager.seqs):
            self.manager.free(seq_id)
        self.batch = 0
        super().reset()
