"""Cross-attention K/V of encoder–decoder models (whisper, bart, ...), kept per sequence.

The decoder's self-attention is paged (``PagedCache``); the K/V its cross-attention computes
from the encoder's states does not grow with decoding, so it lives outside the pages: one
tensor per sequence, ``[layers, 2, heads, encoder_len, head_dim]``, sized by that sequence's
encoder length, allocated when its encoder states are projected and freed with the sequence
(vLLM v1's ``CrossAttentionSpec``; transformers' ``EncoderDecoderCache.cross_attention_cache``).

Reads go through kvarch's attention function: a cross layer's ``keys`` arms a ``CrossRead``,
and the model's own attention implementation then runs once per sequence over that
sequence's stored K/V (one sequence per batch row in ``generate``, packed ones in the engine).
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor
from transformers.cache_utils import Cache, CacheLayerMixin, EncoderDecoderCache

from kvarch.runtime import attention as attn
from kvarch.runtime.errors import SequenceStateError, ShapeError

__all__ = ["CrossAttentionCache", "CrossLayer", "CrossStore", "PagedEncoderDecoderCache"]


class CrossStore:
    """Cross-attention K/V per sequence id: ``[layers, 2, heads, encoder_len, head_dim]``."""

    def __init__(self, num_layers: int) -> None:
        self.num_layers = num_layers
        self.seqs: dict[int, Tensor] = {}

    def write(self, seq: int, layer: int, k: Tensor, v: Tensor) -> None:
        """Store ``layer``'s ``[heads, encoder_len, dim]`` K/V of ``seq`` (allocated at its first
        layer, sized by its encoder length)."""
        data = self.seqs.get(seq)
        if data is None:
            data = k.new_empty(self.num_layers, 2, *k.shape)
            self.seqs[seq] = data
        if k.shape != data.shape[2:] or v.shape != data.shape[2:]:
            raise ShapeError(
                f"cross-attention K/V of layer {layer}", (tuple(k.shape), tuple(v.shape)),
                f"{tuple(data.shape[2:])} as sequence {seq}'s first layer",
            )  # fmt: skip
        data[layer, 0].copy_(k)
        data[layer, 1].copy_(v)

    def read(self, seq: int, layer: int) -> tuple[Tensor, Tensor]:
        """``seq``'s K/V of ``layer``, each ``[heads, encoder_len, dim]``."""
        data = self.seqs.get(seq)
        if data is None:
            raise SequenceStateError(seq, "it has no cross-attention K/V (encoder not run)")
        return data[layer, 0], data[layer, 1]

    def encoder_len(self, seq: int) -> int:
        data = self.seqs.get(seq)
        return 0 if data is None else int(data.shape[-2])

    def free(self, seq: int) -> None:
        """Release ``seq``'s K/V (no-op when it has none)."""
        self.seqs.pop(seq, None)

    def clear(self) -> None:
        self.seqs.clear()

    @property
    def nbytes(self) -> int:
        """Bytes held over every sequence."""
        return sum(t.numel() * t.element_size() for t in self.seqs.values())


class CrossLayer(CacheLayerMixin):  # type: ignore[misc]
    """One decoder layer's cross-attention K/V, read from the ``CrossStore``."""

    is_compileable = False
    is_croppable = False

    def __init__(self, cache: CrossAttentionCache, index: int) -> None:
        super().__init__()
        self.cache = cache
        self.index = index

    def lazy_initialization(self, key_states: Tensor, value_states: Tensor) -> None:
        self.is_initialized = True

    def update(
        self, key_states: Tensor, value_states: Tensor, *args: Any, **kwargs: Any
    ) -> tuple[Tensor, Tensor]:
        """Store the ``[batch, heads, encoder_len, dim]`` K/V of every row's sequence; the
        module attends to them as given this once."""
        self.is_initialized = True
        seqs = self.cache.seq_ids
        if len(seqs) != key_states.shape[0]:
            raise ShapeError("cross-attention batch", key_states.shape[0], f"{len(seqs)} rows")
        for row, seq in enumerate(seqs):
            self.cache.store.write(seq, self.index, key_states[row], value_states[row])
        return key_states, value_states

    def _view(self, which: int) -> Tensor | None:
        """K (0) or V (1) of the sequences in flight: a shape-only stand-in (no memory), or
        the rows' K/V stacked for models that attend without kvarch's attention function."""
        seqs, store = self.cache.seq_ids, self.cache.store
        if not seqs or seqs[0] not in store.seqs:
            return None
        parts = [store.read(s, self.index)[which] for s in seqs]
        if not self.cache.paged.paged_attention:
            return torch.stack(parts)
        heads, _, dim = parts[0].shape
        length = max(p.shape[1] for p in parts)
        return torch.empty(len(parts), heads, length, dim, dtype=parts[0].dtype, device="meta")

    @property
    def keys(self) -> Tensor | None:
        """Also arms the read: kvarch's attention attends each sequence to its stored K/V."""
        view = self._view(0)
        if view is not None and view.is_meta:
            kv = [self.cache.store.read(s, self.index) for s in self.cache.seq_ids]
            attn.arm(attn.CrossRead(self.index, kv, self.cache.starts))
        return view

    @keys.setter
    def keys(self, value: Tensor | None) -> None:
        pass  # CacheLayerMixin.__init__ sets None; the K/V live in the store

    @property
    def values(self) -> Tensor | None:
        return self._view(1)

    @values.setter
    def values(self, value: Tensor | None) -> None:
        pass

    def get_seq_length(self) -> int:
        """Encoder positions of the first sequence in flight (0 before the encoder ran)."""
        seqs = self.cache.seq_ids
        return self.cache.store.encoder_len(seqs[0]) if seqs else 0

    def get_mask_sizes(self, query_length: int) -> tuple[int, int]:
        return self.get_seq_length(), 0

    def get_max_length(self) -> int:
        return -1

    def reset(self) -> None:
        self.is_initialized = False

    def __deepcopy__(self, memo: dict[int, Any]) -> CrossLayer:
        raise SequenceStateError(None, f"cross layer {self.index} of a cache cannot be copied")


class CrossAttentionCache(Cache):  # type: ignore[misc]
    """The cross-attention half of ``PagedEncoderDecoderCache``: a ``CrossLayer`` per decoder
    layer over one ``CrossStore``."""

    def __init__(self, num_layers: int, paged: Any) -> None:
        self.store = CrossStore(num_layers)
        self.paged = paged
        """The ``PagedCache`` of the self-attention."""
        self.seq_ids: list[int] = []
        """The sequence of each batch row (``generate``) or packed sequence (engine) in
        flight."""
        self.starts: list[int] | None = None
        """Engine steps: packed sequence ``s`` owns queries ``starts[s]:starts[s+1]`` (set
        from the host-side schedule, so no device read); None: one sequence per batch row."""
        super().__init__(layers=[CrossLayer(self, i) for i in range(num_layers)])

    def reset(self) -> None:
        """Free every sequence's K/V."""
        self.store.clear()
        self.seq_ids, self.starts = [], None
        super().reset()


class PagedEncoderDecoderCache(EncoderDecoderCache):  # type: ignore[misc]
    """transformers' ``EncoderDecoderCache`` (the modules check for it) over a ``PagedCache``
    for self-attention and a ``CrossAttentionCache``."""

    def __init__(self, self_attention: Any, cross_attention: CrossAttentionCache) -> None:
        super().__init__(self_attention, cross_attention)

    def mark_updated(self, updated: bool) -> None:
        """Every layer's cross K/V is (True) or is not yet (False) in the store."""
        for layer in range(len(self.cross_attention_cache.layers)):
            self.is_updated[layer] = updated
