"""Sparse-attention indexer keys in the paged cache (DeepSeek-V3.2-style DSA layers).

transformers keeps an indexed layer's cache in ``DynamicIndexedLayer``: K/V (the MLA latent)
plus ``indexer_keys`` ``[batch, tokens, index_head_dim]``, grown by ``update_indexer`` and
returned whole to the model's indexer, which scores every cached token and keeps the top k.
MiniMax-M3's sparse layers (``MiniMaxM3VLSparseCacheLayer``) keep per-head K/V and their
lightning indexer's keys as ``idx_keys`` ``[batch, 1, tokens, index_head_dim]``, grown by
``update_index``; the indexer keeps the top key blocks (``attention.py`` applies them).
``PagedIndexedLayer`` is that layer over kvarch's pages: the indexer keys live in the pool's
extra tensor (``PagedKVCache.extras``) under the same block ids as the layer's K/V, so one
block table finds both. ``update_indexer`` (``update_index``) writes the new keys through the
step's slot mapping and returns the sequence's keys gathered from its pages (first cut: one
gather per layer and step, as the model's indexer wants them dense), left padding zeroed in
``generate`` (the indexer masks those positions) or each packed sequence's back to back in the
engine.
"""

from __future__ import annotations

from typing import Any

from torch import Tensor

from kvarch.runtime import ops
from kvarch.runtime.errors import ShapeError, UnsupportedCacheError
from kvarch.runtime.hf import PagedCache, PagedLayer

__all__ = ["PagedIndexedLayer"]


class PagedIndexedLayer(PagedLayer):
    """A paged layer that also pages its indexer's keys (see the module docstring)."""

    def __init__(self, cache: PagedCache, index: int, window: int | None, attention: str) -> None:
        super().__init__(cache, index, window, attention)
        self.indexer_length = 0
        """Indexer keys cached per batch row so far (left padding included)."""
        self.indexer_position_ids: Tensor | None = None
        """Positions qwen4_exp's model keeps here for its indexer (as on DynamicIndexedLayer)."""

    def update(
        self, key_states: Tensor, value_states: Tensor, *args: Any, **kwargs: Any
    ) -> tuple[Tensor, Tensor]:
        """``PagedLayer.update``; refuses per-head K/V where the pages hold the MLA latent."""
        view = self.cache.storage.layer(self.index)
        if view.v is None and key_states.shape[1] != 1:
            raise UnsupportedCacheError(
                "?",
                self.attention,
                [self.index],
                f"this transformers release caches the sparse-attention layers' expanded "
                f"per-head K/V ({key_states.shape[1]} heads), not the MLA latent the schema "
                f"pages (transformers 5.24 caches the latent); upgrade transformers",
            )
        return super().update(key_states, value_states, *args, **kwargs)

    def update_indexer(self, indexer_key_states: Tensor) -> Tensor:
        """Write ``[batch, n, dim]`` new indexer keys; return the cached ones, as
        ``DynamicIndexedLayer``: ``[batch, tokens, dim]`` (engine: ``[1, Σ tokens, dim]``)."""
        return self._write_and_gather(indexer_key_states)

    def update_index(self, idx_k: Tensor) -> Tensor:
        """MiniMax-M3's spelling (``MiniMaxM3VLSparseCacheLayer.update_index``): write the new
        keys, laid out as K/V, ``[batch, 1, n, dim]`` (one head); return the cached ones in
        that layout, ``[batch, 1, tokens, dim]``."""
        if idx_k.dim() != 4 or idx_k.shape[1] != 1:
            raise ShapeError(
                f"layer {self.index} indexer keys", tuple(idx_k.shape), "[batch, 1, n, dim]"
            )
        return self._write_and_gather(idx_k[:, 0]).unsqueeze(1)

    def _write_and_gather(self, indexer_key_states: Tensor) -> Tensor:
        """``update_indexer``'s work: ``[batch, n, dim]`` in, ``[batch, tokens, dim]`` out."""
        batch, n, dim = indexer_key_states.shape
        cache = self.cache
        ctx = cache.context(self.index, batch, n, call="indexer")
        view = cache.storage.layer(self.index)
        if view.extra is None or view.extra.shape[-1] != dim:
            want = "no indexer keys" if view.extra is None else f"{view.extra.shape[-1]} per token"
            raise ShapeError(
                f"layer {self.index} indexer keys", dim, f"the schema's extra_keys ({want})"
            )
        pages = view.extra.unsqueeze(2)  # [blocks, page, 1, dim]: a one-head K cache
        keys = indexer_key_states.reshape(batch * n, 1, dim).to(pages.dtype)
        ops.write_kv(pages, None, keys, None, ctx.slots[view.group])
        old = self.indexer_length
        self.indexer_length += n
        if ctx.packed:
            rows = self._gather_packed(view, ctx, n, pages)[:, 0]
        else:
            rows = self._gather_rows(pages, view, batch, old, self.indexer_length)[:, 0]
        return rows.to(indexer_key_states.dtype).contiguous()

    def reset(self) -> None:
        """Forget this layer's lengths and positions (the cache frees the pages)."""
        super().reset()
        self.indexer_length = 0
        self.indexer_position_ids = None
