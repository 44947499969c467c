"""``PagedCache`` for models whose forward insists on their own cache class.

MiniMax's model refuses any cache that is not a ``MiniMaxCache`` and reads and writes its
lightning-attention state (``K^T V`` per head) through ``get_linear_cache`` /
``set_linear_cache``. ``paged_cache_class`` gives a ``PagedCache`` that is also of that class
and serves those two calls from kvarch's ``StateStore`` (the schema's ``kv`` state), as
``get_recurrent_state`` / ``update_recurrent_state`` do for the other hybrids.
"""

from __future__ import annotations

import importlib
from typing import Any

from transformers.cache_utils import Cache

from kvarch.runtime.errors import SequenceStateError
from kvarch.runtime.hf import PagedCache
from kvarch.runtime.hf_layers import OWN_CACHE

__all__ = ["paged_cache_class"]

_built: dict[str, type[PagedCache]] = {}


def paged_cache_class(model_type: str) -> type[PagedCache]:
    """The ``PagedCache`` class a ``model_type`` runs with (``PagedCache`` itself unless the
    model checks for its own cache class, ``hf_layers.OWN_CACHE``)."""
    where = OWN_CACHE.get(model_type)
    if where is None:
        return PagedCache
    if model_type not in _built:
        module, name = where
        own = getattr(importlib.import_module(module), name)
        _built[model_type] = type(f"Paged{name}", (_LinearCacheCalls, PagedCache, own), {})
    return _built[model_type]


class _LinearCacheCalls:
    """``get_linear_cache`` / ``set_linear_cache`` (MiniMaxCache's) over the cache's layers."""

    layers: list[Any]

    def get_linear_cache(self, layer_idx: int) -> Any:
        """The layer's state for the bound rows; None before the sequence's prefill wrote it."""
        layer = self.layers[layer_idx]
        if not getattr(layer, "has_previous_state", {}).get(0, False):
            return None
        return layer.recurrent_states[0]

    def set_linear_cache(self, layer_idx: int, linear_cache: Any) -> None:
        """Store the layer's new state (checked against the schema's shape)."""
        self.layers[layer_idx].update_recurrent_state(linear_cache, 0)

    def __len__(self) -> int:
        return int(Cache.__len__(self))

    def batch_repeat_interleave(self, repeats: int) -> None:
        raise SequenceStateError(None, "PagedCache does not repeat rows (no beam search)")

    def batch_select_indices(self, indices: Any) -> None:
        raise SequenceStateError(None, "PagedCache does not select rows (no beam search)")
