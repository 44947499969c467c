"""Shape-preserving stand-ins for the routing and selection the ``meta`` device cannot run.

DBRX's and LongCat-Flash's experts find the experts hit with ``nonzero`` and index by them,
JetMoE's router copies its per-expert token counts out with ``tolist()``, and Qwen4-Exp's QSA
indexer finds each query's visible tokens with ``nonzero``: all need data that meta tensors do
not have. For a probe on meta their ``forward`` is swapped, on the class and only while the
probe runs, for one that returns the same shapes. The expert stand-ins touch no cache; the
indexer's still caches its keys (``update_indexer``), so they are read and compared as on the
CPU. The modules are built as they are (their parameters stay the real ones); only what one
forward computes changes.
"""

from __future__ import annotations

import contextlib
import importlib
from collections.abc import Callable, Iterator
from typing import Any

__all__ = ["STAND_INS", "meta_stand_ins"]


def _experts_as_zeros(self: Any, hidden_states: Any, top_k_index: Any, top_k_weights: Any) -> Any:
    """DbrxExperts, LongcatFlashExperts: the routed experts' sum, as zeros of the input's shape."""
    import torch

    return torch.zeros_like(hidden_states)


def _jetmoe_gating(self: Any, hidden_states: Any) -> Any:
    """JetMoeTopKGating: every token's ``top_k`` slots to the first expert, equal gates; the
    mixture of attention heads and the MoE then run their real projections on that grouping."""
    import torch

    logits = self.layer(hidden_states).float()
    slots = hidden_states.shape[0] * self.top_k
    order = torch.arange(slots, device=hidden_states.device)
    gates = torch.full((slots,), 1 / self.top_k, dtype=hidden_states.dtype,
                       device=hidden_states.device)  # fmt: skip
    sizes = [slots] + [0] * (self.num_experts - 1)
    return order, order // self.top_k, gates, sizes, logits


def _qsa_keep_all(
    self: Any, hidden_states: Any, position_embeddings: Any, attention_mask: Any, cache: Any
) -> Any:
    """Qwen4ExpTextQSAIndexer: its key projection and ``update_indexer`` call as transformers
    runs them (the cached indexer keys), then a selection that keeps every key: the attention
    then runs under its causal mask alone, which is what the real one does below the budget."""
    import torch

    batch, length, _ = hidden_states.shape
    keys = self.index_qk_proj(hidden_states)[..., self.index_n_heads * self.index_head_dim :]
    keys = keys.reshape(batch, length, self.index_kv_heads, self.index_head_dim).squeeze(2)
    if cache is not None:
        cache.update_indexer(keys, self.layer_idx)
    shape = (batch, 1, length, attention_mask.shape[-1])
    return torch.ones(shape, dtype=torch.bool, device=hidden_states.device)


#: model_type -> (module, class, its forward's stand-in on meta)
STAND_INS: dict[str, tuple[str, str, Callable[..., Any]]] = {
    "dbrx": ("transformers.models.dbrx.modeling_dbrx", "DbrxExperts", _experts_as_zeros),
    "jetmoe": ("transformers.models.jetmoe.modeling_jetmoe", "JetMoeTopKGating", _jetmoe_gating),
    "longcat_flash": (
        "transformers.models.longcat_flash.modeling_longcat_flash",
        "LongcatFlashExperts",
        _experts_as_zeros,
    ),
    "qwen4_exp_text": (
        "transformers.models.qwen4_exp.modeling_qwen4_exp",
        "Qwen4ExpTextQSAIndexer",
        _qsa_keep_all,
    ),
}


@contextlib.contextmanager
def meta_stand_ins(model_type: str) -> Iterator[None]:
    """Within the block, ``model_type``'s routing runs its stand-in (no-op for the others)."""
    if model_type not in STAND_INS:
        yield
        return
    module, name, forward = STAND_INS[model_type]
    cls = getattr(importlib.import_module(module), name)
    original = cls.__dict__["forward"]
    cls.forward = forward
    try:
        yield
    finally:
        cls.forward = original
