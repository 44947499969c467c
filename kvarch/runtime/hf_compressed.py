"""DeepSeek-V4's compressed layers (CSA, HCA) in ``PagedCache``.

transformers keeps such a layer in ``DeepseekV4HCACache`` / ``DeepseekV4CSACache``: a sliding
window of shared K=V (``update`` returns the last ``window - 1`` tokens plus the new ones, K
and V one tensor) and, through ``store_compression_weights``, ``update_compressor_states`` and
``update_overlap_state``, the compressor's and indexer's entries and open windows, which the
attention module concatenates onto the window's K/V (with a bias over them as mask).

kvarch holds both: the window in the pages, as a sliding group of one tensor per token
(``compressed_budget.window_groups``: K = V, the layout of an MLA latent), and the compressed
caches per sequence in ``CompressedStore`` (``kvarch.runtime.compressed``), budgeted by the
planner beside the blocks. ``PagedCompressedLayer`` serves both to the module. The module reads the
K/V ``update`` returns, so ``PagedCache`` returns them gathered (``hf_layers.GATHERED``).
The compressor pools windows over a row's tokens, so packed sequences would share windows:
the Engine serves these models one sequence per forward (``solo``), binding the store to the
sequence's block-manager row, and a packed step is refused here.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

from kvarch.runtime import attention as attn
from kvarch.runtime import ops
from kvarch.runtime.compressed import CompressedStore
from kvarch.runtime.errors import ShapeError, UnsupportedCacheError
from kvarch.runtime.hf import PagedCache, PagedLayer

__all__ = [
    "PagedCompressedLayer",
    "attach",
]

PACKED_REASON = (
    "the compressor pools windows of a row's tokens, so sequences packed along one row would "
    "share windows; the engine serves them one sequence per forward"
)


def attach(cache: PagedCache, store: CompressedStore) -> None:
    """Give ``cache`` its compressed layers: each a ``PagedCompressedLayer`` over its pages
    and ``store``."""
    cache.compressed = store
    for i in store.caches:
        old = cache.layers[i]
        if type(old) is not PagedLayer:
            raise ShapeError(f"layer {i}", type(old).__name__, "a paged window (PagedLayer)")
        cache.layers[i] = PagedCompressedLayer(cache, i, old.window, old.attention, store)


class PagedCompressedLayer(PagedLayer):
    """A compressed layer: its window of K (= V) in the pages, its compressed caches in
    ``CompressedStore``, served as ``DeepseekV4HCACache`` / ``DeepseekV4CSACache`` would."""

    def __init__(
        self, cache: PagedCache, index: int, window: int | None, attention: str,
        store: CompressedStore,
    ) -> None:  # fmt: skip
        super().__init__(cache, index, window, attention)
        self.store = store

    def update(
        self, key_states: Tensor, value_states: Tensor, *args: Any, **kwargs: Any
    ) -> tuple[Tensor, Tensor]:
        """Write the new ``[batch, 1, n, dim]`` K (= V) into the window's pages; return the
        window's K (the last ``window - 1`` tokens and the new ones) as both K and V."""
        if not self.is_initialized:
            self.lazy_initialization(key_states, value_states)
        batch, heads, n, dim = key_states.shape
        if value_states is not key_states and not torch.equal(value_states, key_states):
            raise ShapeError(f"layer {self.index} value states", "not the keys", "K = V")
        cache = self.cache
        ctx = cache.context(self.index, batch, n)
        if ctx.packed:
            raise UnsupportedCacheError("?", "compressed", [self.index], PACKED_REASON)
        view = cache.storage.layer(self.index)
        if view.v is not None or heads != 1 or view.k.shape[-1] != dim:
            raise ShapeError(
                f"layer {self.index} K", tuple(key_states.shape),
                f"one head of {view.k.shape[-1]} over a K = V page (no V tensor)",
            )  # fmt: skip
        k = key_states.transpose(1, 2).reshape(batch * n, 1, dim)
        attn.check_consumed(self.index)
        ops.write_kv(view.k, None, k, None, ctx.slots[view.group])
        old = self.length
        self.length += n
        keys = self._gather_rows(view.k, view, batch, old)
        keys, _ = self._dense(keys, keys, key_states, key_states)
        return keys, keys

    def store_compression_weights(
        self, name: str, kv: Tensor, gate: Tensor
    ) -> tuple[Tensor, Tensor, int]:
        """``CompressedStore.take`` for this layer."""
        return self.store.take(self.index, name, kv, gate)

    def update_compressor_states(self, name: str, compressed: Tensor) -> Tensor:
        """``CompressedStore.append`` for this layer."""
        return self.store.append(self.index, name, compressed)

    def update_overlap_state(
        self, name: str, chunk_kv: Tensor, chunk_gate: Tensor, head_dim: int
    ) -> tuple[Tensor | None, Tensor | None]:
        """``CompressedStore.carry`` of the last closed window's first series."""
        return self.store.carry(
            self.index, name, chunk_kv[:, -1, :, :head_dim], chunk_gate[:, -1, :, :head_dim]
        )

    def reset(self) -> None:
        """Forget the window's length and the compressed caches (the cache frees the pages)."""
        super().reset()
        self.store.reset(self.index)
