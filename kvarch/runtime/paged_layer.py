"""``PagedLayer``: one decoder layer's view of a ``PagedCache`` (``hf.py``).

``update`` writes the new K/V through the step's slot mapping. With paged attention it arms
the layer (``attention``) and returns its input; otherwise it returns the K/V
``DynamicCache`` would: gathered per batch row (``generate``), or each packed sequence's
back to back (the engine; MLA latents and dense packed models).
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

import torch
from torch import Tensor
from transformers.cache_utils import CacheLayerMixin

from kvarch.runtime import attention as attn
from kvarch.runtime import ops
from kvarch.runtime.errors import SequenceStateError, ShapeError
from kvarch.runtime.tensors import LayerCache

if TYPE_CHECKING:
    from kvarch.runtime.hf import PagedCache

__all__ = ["PagedLayer", "dequantized"]


def _pad(x: Tensor, width: int) -> Tensor:
    """``x`` with its last dim zero-padded to ``width``."""
    extra = width - x.shape[-1]
    return torch.nn.functional.pad(x, (0, extra)) if extra > 0 else x


def dequantized(rows: Tensor, scale: Tensor | None, like: Tensor) -> Tensor:
    """Rows gathered from the pages in ``like``'s dtype, times an fp8 cache's scale."""
    out = rows.to(like.dtype)
    return out if scale is None else out * scale.to(like.dtype)


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
            keys = dequantized(keys, view.k_scale, key_states)
            values = dequantized(values, view.v_scale, value_states)
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
        latent = dequantized(latent, view.k_scale, key_states)  # one scale for the whole row
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
        keys = dequantized(self._gather_packed(view, ctx, n)[..., :k_dim], view.k_scale, k_like)
        values = self._gather_packed(view, ctx, n, v_pages)[..., :v_dim]
        values = dequantized(values, view.v_scale, v_like)
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
