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
a ``ShapeError``. Entries closed, open-window fill and whether a window is carried are kept
per row. A forward serves rows ``0..batch-1`` (``generate``, whose rows advance together:
left padding counts as tokens, as in transformers' cache) or the rows bound before it
(``bind``: the Engine, one sequence per forward, its block-manager row); the rows of one
forward must hold the same counts.

``compressed_caches`` and ``window_groups`` read the layout from the schema: which caches each
compressed layer keeps here, and its window, paged beside the other groups; they and the rows'
shapes live in the torch-free ``compressed_budget``, which the planner sizes the store from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

import torch
from torch import Tensor

from kvarch.dtype import DType
from kvarch.layers import Compressed
from kvarch.runtime.compressed_budget import StoreBudget, cache_shapes, store_budget
from kvarch.runtime.errors import SequenceStateError, ShapeError

__all__ = ["CompressedStore"]


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
    count: list[int]
    """Per row: entries emitted so far."""
    filled: list[int]
    """Per row: tokens in the open window."""
    carried: list[bool]
    """Per row: whether ``overlap_*`` holds a window (not on a sequence's first forward)."""

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
        self.budget: StoreBudget = store_budget(layers, DType.from_torch(dtype))
        """What one sequence's rows take by length: the planner sets aside ``max_seqs`` of them
        at ``max_seq_len`` (as ``kvarch plan`` does), whole on every TP rank."""
        self.caches: dict[int, dict[str, _Cache]] = {}

        def zeros(shape: tuple[int, int], kind: torch.dtype = dtype) -> Tensor:
            return torch.zeros(max_seqs, *shape, dtype=kind, device=device)

        for i, specs in layers.items():
            kept: dict[str, _Cache] = {}
            spec = {c.name: c for c in specs}
            # a cache of num_heads 0 (HCA's indexer) has no shape: the layer keeps none of it
            for name, shape in cache_shapes(specs, max_seq_len).items():
                carried = shape.carried
                kept[name] = _Cache(
                    spec[name],
                    entries=zeros(shape.entries),
                    buffer_kv=zeros(shape.open_window),
                    buffer_gate=zeros(shape.open_window),
                    overlap_kv=None if carried is None else zeros(carried),
                    overlap_gate=None if carried is None else zeros(carried, torch.float32),
                    count=[0] * max_seqs,
                    filled=[0] * max_seqs,
                    carried=[False] * max_seqs,
                )
            self.caches[i] = kept
        self.rows: list[int] | None = None
        """Rows the next forwards serve, in batch order (None: ``0..batch-1``)."""

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

    def bind(self, rows: Sequence[int], *, fresh: bool) -> None:
        """Serve ``rows`` (block-manager rows, in batch order) in the next forwards; ``fresh``
        rows start a sequence (admission, recompute after preemption): nothing kept."""
        rows = [int(r) for r in rows]
        if not rows or min(rows) < 0 or max(rows) >= self.max_seqs:
            raise ShapeError("compressed rows", rows, f"1+ rows in [0, {self.max_seqs})")
        self.rows = rows
        if fresh:
            for kept in self.caches.values():
                for cache in kept.values():
                    for r in rows:
                        cache.count[r] = cache.filled[r] = 0
                        cache.carried[r] = False

    def unbind(self) -> None:
        """Serve rows ``0..batch-1`` again (``generate``)."""
        self.rows = None

    def _cache(self, layer: int, name: str, batch: int) -> tuple[_Cache, list[int], slice | Tensor]:
        """``layer``'s cache ``name``, the forward's rows and their index into its tensors.
        Every row of one forward holds the same counts (the first row's are read)."""
        kept = self.caches.get(layer, {})
        if name not in kept:
            raise ShapeError(f"layer {layer} compressed cache", name, f"one of {sorted(kept)}")
        rows = list(range(batch)) if self.rows is None else self.rows
        if len(rows) != batch or not 1 <= batch <= self.max_seqs:
            raise ShapeError(
                "batch", batch, f"the {len(rows)} bound rows, at most the {self.max_seqs} held"
            )
        cache, first = kept[name], rows[0]
        at = (cache.count[first], cache.filled[first], cache.carried[first])
        if any((cache.count[r], cache.filled[r], cache.carried[r]) != at for r in rows[1:]):
            raise SequenceStateError(
                None, f"layer {layer} {name}: rows {rows} of one forward hold different "
                "entries or open windows; serve them one forward each",
            )  # fmt: skip
        if rows == list(range(first, first + batch)):
            return cache, rows, slice(first, first + batch)
        return cache, rows, torch.tensor(rows, device=cache.entries.device)

    def take(self, layer: int, name: str, kv: Tensor, gate: Tensor) -> tuple[Tensor, Tensor, int]:
        """The new tokens' ``[batch, n, width]`` projections after the open window's: the
        closed windows' part (a multiple of ``every`` tokens), its gates and the position of
        its first token; the rest stays open (``DeepseekV4HCACache.store_compression_weights``)."""
        batch, _, width = kv.shape
        cache, rows, at = self._cache(layer, name, batch)
        if width != cache.buffer_kv.shape[-1] or gate.shape != kv.shape:
            raise ShapeError(
                f"layer {layer} {name} kv/gate", (tuple(kv.shape), tuple(gate.shape)),
                f"two [batch, tokens, {cache.buffer_kv.shape[-1]}] tensors",
            )  # fmt: skip
        every, held, count = cache.spec.every, cache.filled[rows[0]], cache.count[rows[0]]
        if held:
            kv = torch.cat([cache.buffer_kv[at, :held].to(kv.dtype), kv], dim=1)
            gate = torch.cat([cache.buffer_gate[at, :held].to(gate.dtype), gate], dim=1)
        usable = kv.shape[1] // every * every
        filled = kv.shape[1] - usable
        cache.buffer_kv[at, :filled] = kv[:, usable:]
        cache.buffer_gate[at, :filled] = gate[:, usable:]
        for r in rows:
            cache.filled[r] = filled
        return kv[:, :usable], gate[:, :usable], count * every

    def append(self, layer: int, name: str, entries: Tensor) -> Tensor:
        """Store ``[batch, n, elements]`` new entries; every entry so far, ``[batch, count,
        elements]`` (``DeepseekV4HCACache.update_compressor_states``)."""
        batch, n, width = entries.shape
        cache, rows, at = self._cache(layer, name, batch)
        room, count = cache.entries.shape[1], cache.count[rows[0]]
        if width != cache.spec.elements or count + n > room:
            raise ShapeError(
                f"layer {layer} {name} entries", (count, n, width),
                f"at most {room} entries (max_seq_len {self.max_seq_len} / {cache.spec.every}) "
                f"of {cache.spec.elements} elements",
            )  # fmt: skip
        cache.entries[at, count : count + n] = entries
        for r in rows:
            cache.count[r] = count + n
        return cache.entries[at, : count + n].to(entries.dtype)

    def carry(
        self, layer: int, name: str, last_kv: Tensor, last_gate: Tensor
    ) -> tuple[Tensor | None, Tensor | None]:
        """Keep the last closed window's first series ``[batch, every, elements]`` (kv and
        gate logits) for the next forward; the one kept before (None on a sequence's first
        forward) (``DeepseekV4CSACache.update_overlap_state``)."""
        batch = last_kv.shape[0]
        cache, rows, at = self._cache(layer, name, batch)
        if cache.overlap_kv is None or cache.overlap_gate is None:
            raise ShapeError(f"layer {layer} {name} overlap", "a window", "no overlap (HCA)")
        want = tuple(cache.overlap_kv.shape[1:])
        if tuple(last_kv.shape[1:]) != want or last_gate.shape != last_kv.shape:
            raise ShapeError(
                f"layer {layer} {name} overlap kv/gate", tuple(last_kv.shape), f"[batch, *{want}]"
            )
        prior = (
            (cache.overlap_kv[at].to(last_kv.dtype, copy=True), cache.overlap_gate[at].clone())
            if cache.carried[rows[0]]
            else (None, None)
        )
        cache.overlap_kv[at] = last_kv
        cache.overlap_gate[at] = last_gate
        for r in rows:
            cache.carried[r] = True
        return prior

    def count(self, layer: int, name: str, row: int = 0) -> int:
        """Entries ``layer``'s cache ``name`` holds for ``row``."""
        return self.caches[layer][name].count[row]

    def reset(self, layer: int) -> None:
        """Forget ``layer``'s entries and open windows in every row (a new batch)."""
        for cache in self.caches.get(layer, {}).values():
            n = len(cache.count)
            cache.count, cache.filled, cache.carried = [0] * n, [0] * n, [False] * n
