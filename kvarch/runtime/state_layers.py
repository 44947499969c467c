"""Cache layers over a ``StateStore``: what transformers' mixers call on their cache layer.

``StateLayer`` (state only, in place of transformers' ``LinearAttentionLayer``) and
``PagedStateLayer`` (paged K/V plus state, in place of ``LinearAttentionAnd*AttentionLayer``)
serve ``Cache.get_conv_state`` / ``update_conv_state`` / ``get_recurrent_state`` /
``update_recurrent_state`` / ``has_previous_state`` from the store's rows, with transformers'
semantics (the first update of a sequence is its prefill; the conv window keeps the last
``kernel`` columns). Declared states map onto transformers' by name: names containing
``conv`` are conv states (``state_idx`` 0, 1, ... in declaration order), the others recurrent
states, likewise.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

from kvarch.runtime.errors import SequenceStateError, ShapeError
from kvarch.runtime.hf import PagedLayer
from kvarch.runtime.hf_layers import LINEAR_MIXIN
from kvarch.runtime.state import StateStore

__all__ = ["PagedStateLayer", "StateLayer"]

_MIXIN: type = LINEAR_MIXIN if LINEAR_MIXIN is not None else object
"""transformers' base (``Cache`` checks it); without it no layer is stateful
(``hf_layers.stateful_layers``) and these classes are never built."""


class _StateAccess:
    """The linear-attention half of a cache layer, over a ``StateStore``'s rows."""

    store: StateStore
    index: int
    record_past = False
    supports_early_init = False
    is_compileable = False
    is_croppable = False

    def _init_state(self, store: StateStore, index: int) -> None:
        self.store = store
        self.index = index
        states = store.specs[index]
        self._conv = [j for j, s in enumerate(states) if "conv" in s.name]
        self._rec = [j for j, s in enumerate(states) if "conv" not in s.name]
        self.number_of_states = max(len(self._conv), len(self._rec))
        self.has_previous_state = dict.fromkeys(range(self.number_of_states), False)
        self.conv_kernel_size = {
            i: states[j].shape[-1] for i, j in enumerate(self._conv)
        }  # fmt: skip

    def _slot(self, which: list[int], state_idx: int, kind: str) -> int:
        if not 0 <= state_idx < len(which):
            raise ShapeError(
                f"layer {self.index} {kind} state_idx", state_idx,
                f"one of the {len(which)} {kind} states its schema declares",
            )  # fmt: skip
        return which[state_idx]

    def _held(self, which: list[int]) -> dict[int, Tensor | None]:
        if self.store.rows is None:
            return dict.fromkeys(range(len(which)))
        return {i: self.store.tensor(self.index, j) for i, j in enumerate(which)}

    @property
    def conv_states(self) -> dict[int, Tensor | None]:
        """Conv states of the bound rows, by ``state_idx``."""
        return self._held(self._conv)

    @property
    def recurrent_states(self) -> dict[int, Tensor | None]:
        """Recurrent states of the bound rows, by ``state_idx``."""
        return self._held(self._rec)

    def _check(self, j: int, got: Tensor, dims: tuple[int, ...]) -> None:
        state = self.store.specs[self.index][j]
        if tuple(got.shape[1:]) != dims:
            raise ShapeError(
                f"layer {self.index} state {state.name!r}", tuple(got.shape),
                f"[batch, {', '.join(map(str, dims))}] as the schema's layers.state declares",
            )  # fmt: skip

    def update_conv_state(
        self, conv_states: Tensor, state_idx: int = 0, conv_kernel_size: int | None = None,
        **kwargs: Any,
    ) -> Tensor:  # fmt: skip
        """Keep the last ``kernel`` columns of ``conv_states`` (``[batch, channels, n]``);
        return what the causal conv reads: the previous window then the new columns."""
        j = self._slot(self._conv, state_idx, "conv")
        shape = self.store.specs[self.index][j].shape
        kernel = shape[-1]
        if conv_kernel_size is not None and conv_kernel_size != kernel:
            raise ShapeError(
                f"layer {self.index} conv_kernel_size", conv_kernel_size,
                f"{kernel} as the schema's layers.state declares",
            )  # fmt: skip
        self._check(j, conv_states[..., :1], (*shape[:-1], 1))
        self._bind(conv_states)
        held = self.store.tensor(self.index, j)
        if not self.has_previous_state[state_idx]:
            full = conv_states
            self.has_previous_state[state_idx] = True
            if full.shape[-1] < kernel:
                full = torch.nn.functional.pad(full, (kernel - full.shape[-1], 0))
        else:
            full = torch.cat([held.to(conv_states.dtype), conv_states], dim=-1)
        held.copy_(full[..., -kernel:])
        return full

    def update_recurrent_state(
        self, recurrent_states: Tensor, state_idx: int = 0, **kwargs: Any
    ) -> Tensor:
        """Store the new recurrent state of the bound rows; return the stored tensor."""
        j = self._slot(self._rec, state_idx, "recurrent")
        self._check(j, recurrent_states, self.store.specs[self.index][j].shape)
        self._bind(recurrent_states)
        held = self.store.tensor(self.index, j)
        held.copy_(recurrent_states)
        if not self._conv:  # no conv state marks the prefill done
            self.has_previous_state[state_idx] = True
        return held

    def _bind(self, update: Tensor) -> None:
        """``generate`` binds rows ``0..batch-1`` at its first update (the Engine before)."""
        if self.store.rows is None:
            self.store.bind_batch(update.shape[0])
        elif update.shape[0] != self.store.batch:
            raise ShapeError(
                f"layer {self.index} state batch", update.shape[0],
                f"the {self.store.batch} rows bound for this forward",
            )  # fmt: skip

    def begin(self, previous: bool) -> None:
        """A forward starts: its rows have state already (decode) or start fresh."""
        for i in self.has_previous_state:
            self.has_previous_state[i] = previous

    def offload(self) -> None:
        """Never offloaded (the store lives on the cache's device)."""

    def prefetch(self) -> None:
        """Never offloaded."""

    def reorder_cache(self, beam_idx: Tensor) -> None:
        raise SequenceStateError(None, "PagedCache does not reorder rows (no beam search)")

    def activate_past_recording(self) -> None:
        raise SequenceStateError(None, "PagedCache cannot record past states (no rollback)")


class StateLayer(_StateAccess, _MIXIN):  # type: ignore[misc]
    """A layer that keeps only recurrent state (transformers' ``LinearAttentionLayer``)."""

    def __init__(self, store: StateStore, index: int) -> None:
        self.device = None
        self.dtype = None
        self._init_state(store, index)

    def __repr__(self) -> str:
        return f"StateLayer({self.index})"

    def lazy_initialization(self, *args: Any, **kwargs: Any) -> None:
        """Nothing to allocate: the store exists already."""

    def reset(self) -> None:
        self.begin(False)

    def crop(self, tokens_to_remove: int) -> None:
        raise SequenceStateError(None, "PagedCache cannot crop (no speculative rollback)")

    def get_max_length(self) -> int:
        return -1


class PagedStateLayer(_StateAccess, PagedLayer, _MIXIN):  # type: ignore[misc]
    """Paged K/V plus recurrent state (transformers' ``LinearAttentionAnd*AttentionLayer``)."""

    def __init__(self, cache: Any, index: int, window: int | None, attention: str) -> None:
        PagedLayer.__init__(self, cache, index, window, attention)
        self._init_state(cache.state, index)

    def reset(self) -> None:
        PagedLayer.reset(self)
        self.begin(False)
