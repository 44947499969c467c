"""Compressed caches kept per sequence in kvarch's cache (DeepSeek-V4's CSA and HCA layers).

A ``compressed`` layer (``LayerSpec.compressed``) grows each of its caches by one entry per
``every`` tokens: a compressor's pooled K=V entries, and on CSA layers the lightning indexer's
keys of the same windows. ``CompressedStore`` allocates, per such cache, one tensor
``[max_seqs, max_seq_len // every, elements]`` of entries (row ``r``: the sequence in batch
row ``r``), sized from the schema, plus what a window still open between two forwards needs:

* the partial window: the projected ``kv`` and ``gate`` of up to ``every - 1`` tokens that
  arrived since the last closed window (``[max_seqs, every - 1, series x elements]``);
* on layers with an indexer (CSA), whose windows overlap: each token projects two series,
  and the last closed window's first series (``kv`` and gated logits, ``[max_seqs, every,
  elements]``) is carried into the next forward's first window.

Nothing is sized from transformers' objects: a module that hands the store another width gets
a ``ShapeError``. The rows of one ``generate`` advance together (left padding counts as
tokens, as in transformers' cache), so the entry and buffer counts are kept per cache.
"""

from __future__ import annotations

import dataclasses

import torch
from torch import Tensor

from kvarch.layers import Compressed
from kvarch.runtime.errors import ShapeError

__all__ = ["OVERLAPS_WITH", "CompressedStore"]

OVERLAPS_WITH = "indexer"
"""A layer whose compressed caches include one of this name (DeepSeek-V4's CSA layers) pools
overlapping windows: two series per token, the previous window's first series carried over."""


@dataclasses.dataclass
class _Cache:
    """One compressed cache of one layer: its entries and its open window."""

    spec: Compressed
    entries: Tensor
    """``[max_seqs, max entries, elements]``."""
    buffer_kv: Tensor
    buffer_gate: Tensor
    """``[max_seqs, every - 1, series x elements]``: the tokens of the open window."""
    overlap_kv: Tensor | None
    overlap_gate: Tensor | None
    """``[max_seqs, every, elements]``: the last closed window's first series (float32 gate
    logits, as the module hands them after adding its float32 position bias)."""
    count: int = 0
    """Entries emitted so far (every bound row)."""
    filled: int = 0
    """Tokens in the open window."""
    carried: bool = False
    """Whether ``overlap_*`` holds a window (not on a sequence's first forward)."""

    def tensors(self) -> list[Tensor]:
        found = [self.entries, self.buffer_kv, self.buffer_gate, self.overlap_kv, self.overlap_gate]
        return [t for t in found if t is not None]


class CompressedStore:
    """Per-sequence compressed caches of every compressed layer, one row per batch row."""

    def __init__(
        self,
        layers: dict[int, tuple[Compressed, ...]],
        *,
        max_seqs: int,
        max_seq_len: int,
        dtype: torch.dtype,
        device: torch.device | str,
    ) -> None:
        self.max_seqs = max_seqs
        self.max_seq_len = max_seq_len
        self.caches: dict[int, dict[str, _Cache]] = {}

        def zeros(n: int, width: int, kind: torch.dtype = dtype) -> Tensor:
            return torch.zeros(max_seqs, n, width, dtype=kind, device=device)

        for i, specs in layers.items():
            overlaps = any(c.name == OVERLAPS_WITH and c.elements for c in specs)
            series = 2 if overlaps else 1
            kept: dict[str, _Cache] = {}
            for c in specs:
                if not c.elements:
                    continue  # num_heads 0: the layer keeps none of it (HCA's indexer)
                kept[c.name] = _Cache(
                    c,
                    entries=zeros(max_seq_len // c.every, c.elements),
                    buffer_kv=zeros(c.every - 1, series * c.elements),
                    buffer_gate=zeros(c.every - 1, series * c.elements),
                    overlap_kv=zeros(c.every, c.elements) if overlaps else None,
                    overlap_gate=zeros(c.every, c.elements, torch.float32) if overlaps else None,
                )
            self.caches[i] = kept

    @property
    def bytes_per_sequence(self) -> int:
        """Bytes one sequence's compressed caches take over all layers (what the planner sets
        aside per sequence)."""
        return sum(
            t[0].numel() * t.element_size()
            for kept in self.caches.values()
            for cache in kept.values()
            for t in cache.tensors()
        )

    @property
    def nbytes(self) -> int:
        """Bytes held for all ``max_seqs`` rows."""
        return self.bytes_per_sequence * self.max_seqs

    def _cache(self, layer: int, name: str, batch: int) -> _Cache:
        kept = self.caches.get(layer, {})
        if name not in kept:
            raise ShapeError(f"layer {layer} compressed cache", name, f"one of {sorted(kept)}")
        if not 1 <= batch <= self.max_seqs:
            raise ShapeError("batch", batch, f"1 to the {self.max_seqs} rows the store holds")
        return kept[name]

    def take(self, layer: int, name: str, kv: Tensor, gate: Tensor) -> tuple[Tensor, Tensor, int]:
        """The new tokens' ``[batch, n, width]`` projections after the open window's: the
        closed windows' part (a multiple of ``every`` tokens), its gates and the position of
        its first token; the rest stays open (``DeepseekV4HCACache.store_compression_weights``)."""
        batch, _, width = kv.shape
        cache = self._cache(layer, name, batch)
        if width != cache.buffer_kv.shape[-1] or gate.shape != kv.shape:
            raise ShapeError(
                f"layer {layer} {name} kv/gate", (tuple(kv.shape), tuple(gate.shape)),
                f"two [batch, tokens, {cache.buffer_kv.shape[-1]}] tensors",
            )  # fmt: skip
        every, held = cache.spec.every, cache.filled
        if held:
            kv = torch.cat([cache.buffer_kv[:batch, :held].to(kv.dtype), kv], dim=1)
            gate = torch.cat([cache.buffer_gate[:batch, :held].to(gate.dtype), gate], dim=1)
        usable = kv.shape[1] // every * every
        cache.filled = kv.shape[1] - usable
        cache.buffer_kv[:batch, : cache.filled] = kv[:, usable:]
        cache.buffer_gate[:batch, : cache.filled] = gate[:, usable:]
        return kv[:, :usable], gate[:, :usable], cache.count * every

    def append(self, layer: int, name: str, entries: Tensor) -> Tensor:
        """Store ``[batch, n, elements]`` new entries; every entry so far, ``[batch, count,
        elements]`` (``DeepseekV4HCACache.update_compressor_states``)."""
        batch, n, width = entries.shape
        cache = self._cache(layer, name, batch)
        room = cache.entries.shape[1]
        if width != cache.spec.elements or cache.count + n > room:
            raise ShapeError(
                f"layer {layer} {name} entries", (cache.count, n, width),
                f"at most {room} entries (max_seq_len {self.max_seq_len} / {cache.spec.every}) "
                f"of {cache.spec.elements} elements",
            )  # fmt: skip
        cache.entries[:batch, cache.count : cache.count + n] = entries
        cache.count += n
        return cache.entries[:batch, : cache.count].to(entries.dtype)

    def carry(
        self, layer: int, name: str, last_kv: Tensor, last_gate: Tensor
    ) -> tuple[Tensor | None, Tensor | None]:
        """Keep the last closed window's first series ``[batch, every, elements]`` (kv and
        gate logits) for the next forward; the one kept before (None on a sequence's first
        forward) (``DeepseekV4CSACache.update_overlap_state``)."""
        batch = last_kv.shape[0]
        cache = self._cache(layer, name, batch)
        if cache.overlap_kv is None or cache.overlap_gate is None:
            raise ShapeError(f"layer {layer} {name} overlap", "a window", "no overlap (HCA)")
        want = tuple(cache.overlap_kv.shape[1:])
        if tuple(last_kv.shape[1:]) != want or last_gate.shape != last_kv.shape:
            raise ShapeError(
                f"layer {layer} {name} overlap kv/gate", tuple(last_kv.shape), f"[batch, *{want}]"
            )
        prior = (
            (
                cache.overlap_kv[:batch].to(last_kv.dtype, copy=True),
                cache.overlap_gate[:batch].clone(),
            )
            if cache.carried
            else (None, None)
        )
        cache.overlap_kv[:batch] = last_kv
        cache.overlap_gate[:batch] = last_gate
        cache.carried = True
        return prior

    def count(self, layer: int, name: str) -> int:
        """Entries ``layer``'s cache ``name`` holds per row."""
        return self.caches[layer][name].count

    def reset(self, layer: int) -> None:
        """Forget ``layer``'s entries and open windows (a new batch)."""
        for cache in self.caches.get(layer, {}).values():
            cache.count = cache.filled = 0
            cache.carried = False
