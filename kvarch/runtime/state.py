"""Recurrent state kept per sequence in kvarch's cache (Mamba/SSM, linear attention, conv).

A ``StateStore`` allocates, for every layer whose schema declares ``layers.state``, one tensor
``[max_seqs, *shape]`` per declared state (``LayerSpec.state``; vLLM v1's ``MambaSpec``):
row ``r`` is the state of the sequence in block-manager row ``r``, so a sequence's state
slot is taken and released with its row. Nothing is sized from transformers' objects: a
mixer that hands the cache a tensor of another shape gets a ``ShapeError``.

The cache layers that serve it to transformers' mixers are in ``state_layers``.

The rows a forward serves are bound before it (``bind``): a contiguous range is served as
views of the store (what ``generate`` does: rows ``0..batch-1``), any other set is gathered
once per forward and scattered back by ``flush`` after it (the Engine).
"""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor

from kvarch.layers import State
from kvarch.runtime.errors import SequenceStateError, ShapeError

__all__ = ["StateStore"]


class StateStore:
    """Per-sequence state tensors of every stateful layer, one row per block-manager row."""

    def __init__(
        self,
        layers: dict[int, tuple[State, ...]],
        *,
        max_seqs: int,
        dtype: torch.dtype,
        device: torch.device | str,
    ) -> None:
        self.specs = {i: states for i, states in layers.items() if states}
        self.pools: dict[int, list[Tensor]] = {
            i: [
                torch.zeros(max_seqs, *s.shape, dtype=_dtype(s, dtype), device=device)
                for s in states
            ]
            for i, states in self.specs.items()
        }
        self.max_seqs = max_seqs
        self.rows: slice | Tensor | None = None
        """Rows of the forward in flight: a slice (views) or an index tensor (gathered)."""
        self.batch = 0
        self._live: dict[tuple[int, int], Tensor] = {}
        """Gathered rows of the forward in flight, per (layer, state), flushed after it."""

    @property
    def bytes_per_sequence(self) -> int:
        """Bytes one sequence's state takes over all layers (what the planner sets aside)."""
        return sum(p[0].numel() * p[0].element_size() for ps in self.pools.values() for p in ps)

    def bind(self, rows: Sequence[int] | Tensor, *, fresh: bool) -> None:
        """Serve ``rows`` in the next forward (in batch order); ``fresh`` rows start a
        sequence (admission, re-prefill after preemption): their state is zeroed."""
        self.flush()
        index = torch.as_tensor(rows, dtype=torch.int64).reshape(-1)
        n = int(index.numel())
        if n == 0 or int(index.min()) < 0 or int(index.max()) >= self.max_seqs:
            raise ShapeError("state rows", index.tolist(), f"1+ rows in [0, {self.max_seqs})")
        first = int(index[0])
        if torch.equal(index, torch.arange(first, first + n)):
            self.rows = slice(first, first + n)
        else:
            self.rows = index.to(self._device)
        self.batch = n
        if fresh:
            for pool in self._all():
                pool[self.rows] = 0

    def bind_batch(self, batch: int) -> None:
        """``generate``: rows ``0..batch-1`` (fixed from the first forward until ``unbind``)."""
        if self.rows is None:
            self.bind(range(batch), fresh=True)
        elif self.batch != batch:
            raise ShapeError("batch", batch, f"the {self.batch} rows this cache started with")

    def unbind(self) -> None:
        """Forget the bound rows (after ``flush``)."""
        self.flush()
        self.rows = None
        self.batch = 0

    def tensor(self, layer: int, j: int) -> Tensor:
        """``[batch, *shape]``: state ``j`` of ``layer`` for the bound rows (a view or the
        gathered copy that ``flush`` writes back)."""
        rows = self.rows
        if rows is None:
            raise SequenceStateError(None, f"layer {layer}: no rows bound for its state")
        pool = self.pools[layer][j]
        if isinstance(rows, slice):
            return pool[rows]
        key = (layer, j)
        live = self._live.get(key)
        if live is None:
            live = self._live[key] = pool.index_select(0, rows)
        return live

    def flush(self) -> None:
        """Scatter gathered rows back to their slots (nothing to do for views)."""
        if self._live and isinstance(self.rows, Tensor):
            for (layer, j), live in self._live.items():
                self.pools[layer][j].index_copy_(0, self.rows, live)
        self._live.clear()

    def _all(self) -> list[Tensor]:
        return [p for ps in self.pools.values() for p in ps]

    @property
    def _device(self) -> torch.device:
        pools = self._all()
        return pools[0].device if pools else torch.device("cpu")


def _dtype(state: State, default: torch.dtype) -> torch.dtype:
    """A state's element type: the one its schema fixes (float32 SSM state), else ``default``."""
    return default if state.dtype is None else state.dtype.to_torch()
