"""What DeepSeek-V4's compressed layers hold, torch-free (the planner and ``kvarch plan``).

A ``compressed`` layer (``LayerSpec.compressed``) keeps a window of K = V, paged as a sliding
group of one tensor per token (``window_groups``), and caches that grow by one entry per
``every`` tokens, which ``CompressedStore`` (``kvarch.runtime.compressed``) keeps per sequence
in rows of the shapes ``cache_shapes`` gives: ``max_seq_len // every`` entries, the open window
(up to ``every - 1`` tokens' projected kv and gate, two series on layers with an indexer) and,
on those layers, the last closed window carried into the next forward (gate logits in
float32). ``StoreBudget`` counts those rows' bytes for any length.
"""

from __future__ import annotations

from typing import Any, NamedTuple

import msgspec

from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheGroup, MultiKVCacheParams
from kvarch.layers import Compressed

__all__ = [
    "OVERLAPS_WITH",
    "CacheShape",
    "StoreBudget",
    "cache_shapes",
    "compressed_caches",
    "store_budget",
    "window_groups",
]

OVERLAPS_WITH = "indexer"
"""A layer whose compressed caches include one of this name (DeepSeek-V4's CSA layers) pools
overlapping windows: two series per token, the previous window's first series carried over."""

GATE_LOGITS = DType.float32
"""The carried window's gate logits (the module adds its float32 position bias to them)."""


class CacheShape(NamedTuple):
    """One compressed cache's row for one sequence: ``(tokens, elements)`` of each tensor."""

    entries: tuple[int, int]
    """Closed entries: ``max_seq_len // every`` of ``elements`` each."""
    open_window: tuple[int, int]
    """The open window's kv, and as much again of gate: ``every - 1`` tokens of ``series x
    elements``."""
    carried: tuple[int, int] | None
    """The last closed window's first series (kv, and as much again of float32 gate logits):
    ``every`` tokens of ``elements``; None on a layer without an indexer (no overlap)."""

    def open_bytes(self, dtype: DType) -> int:
        """Bytes of the open and carried windows, whatever the length."""
        n = 2 * dtype.nbytes(self.open_window[0] * self.open_window[1])
        if self.carried is not None:
            elements = self.carried[0] * self.carried[1]
            n += dtype.nbytes(elements) + GATE_LOGITS.nbytes(elements)
        return n


def cache_shapes(specs: tuple[Compressed, ...], max_seq_len: int) -> dict[str, CacheShape]:
    """The rows one layer's compressed caches keep per sequence, by name (a cache of no
    elements, HCA's indexer of 0 heads, keeps none)."""
    overlaps = any(c.name == OVERLAPS_WITH and c.elements for c in specs)
    series = 2 if overlaps else 1
    return {
        c.name: CacheShape(
            entries=(max_seq_len // c.every, c.elements),
            open_window=(c.every - 1, series * c.elements),
            carried=(c.every, c.elements) if overlaps else None,
        )
        for c in specs
        if c.elements
    }


class StoreBudget(msgspec.Struct, frozen=True, kw_only=True):
    """The bytes one sequence's compressed caches take (``CompressedStore`` rows), by length."""

    entries: tuple[tuple[int, int], ...]
    """``(every, bytes of one entry)`` of each compressed cache of each layer."""
    open_bytes: int
    """Open and carried windows of all of them, whatever the length."""

    @property
    def bytes_per_token(self) -> int:
        """Entry bytes per token: each cache's entry over its ``every`` tokens, rounded up per
        cache and layer (as ``LayerSpec.bytes_per_token``)."""
        return sum(-(-size // every) for every, size in self.entries)

    def entry_bytes(self, length: int) -> int:
        """Bytes of the entries a row of ``length`` tokens holds: ``length // every`` each."""
        return sum(length // every * size for every, size in self.entries)

    def bytes_per_sequence(self, length: int) -> int:
        """Bytes of one row sized for ``length`` tokens: its entries and open windows."""
        return self.entry_bytes(length) + self.open_bytes


def store_budget(layers: dict[int, tuple[Compressed, ...]], dtype: DType) -> StoreBudget:
    """``StoreBudget`` of the compressed layers ``layers`` in ``dtype`` (the cache's)."""
    entries: list[tuple[int, int]] = []
    open_bytes = 0
    for specs in layers.values():
        every = {c.name: c.every for c in specs}
        # the rows' widths (their count of entries is the length's, ``length // every``)
        for name, shape in cache_shapes(specs, 0).items():
            entries.append((every[name], dtype.nbytes(shape.entries[1])))
            open_bytes += shape.open_bytes(dtype)
    return StoreBudget(entries=tuple(entries), open_bytes=open_bytes)


def compressed_caches(arch: Any) -> dict[int, tuple[Compressed, ...]]:
    """Each compressed layer's caches (``LayerSpec.compressed``)."""
    return {s.index: s.compressed for s in arch.layers() if s.kind == "compressed"}


def window_groups(arch: Any, params: MultiKVCacheParams) -> MultiKVCacheParams:
    """``params`` (``planner.named_groups``) with the compressed layers' windows paged as sliding
    groups of one tensor per token (K = V), their compressed caches no longer budgeted as extra
    keys per token (``CompressedStore`` holds them). Unchanged without compressed layers."""
    specs = {s.index: s for s in arch.layers() if s.kind == "compressed"}
    if not specs:
        return params
    groups: list[KVCacheGroup] = []
    windows: dict[tuple[int | None, int, int], tuple[Any, list[int]]] = {}
    for g in params.groups:
        rest = [i for i in g.layer_indices if i not in specs]
        if rest:
            block = msgspec.structs.replace(g.params, num_layers=len(rest))
            groups.append(msgspec.structs.replace(g, params=block, layer_indices=rest))
        for i in (i for i in g.layer_indices if i in specs):
            s = specs[i]
            key = (s.window, s.k_head_dim, s.extra_key_elements)
            windows.setdefault(key, (g.params, []))[1].append(i)
    for (window, dim, extra), (base, indices) in windows.items():
        block = msgspec.structs.replace(
            base, n_kv_heads=1, head_dim=dim, num_layers=len(indices), is_mla=True,
            extra_key_dim=extra,
        )  # fmt: skip
        groups.append(
            KVCacheGroup(
                params=block, layer_indices=sorted(indices), attention="sliding", window=window
            )
        )
    return MultiKVCacheParams(groups=groups)
