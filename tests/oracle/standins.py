"""Shape-preserving stand-ins for the expert routing the ``meta`` device cannot run.

DBRX's and LongCat-Flash's experts find the experts hit with ``nonzero`` and index by them, and
JetMoE's router copies its per-expert token counts out with ``tolist()``: all need data that
meta tensors do not have. None touches the cache, so for a probe on meta their ``forward`` is
swapped, on the class and only while the probe runs, for one that returns the same shapes. The
modules are built as they are (their parameters stay the real ones); only what one forward
computes changes.
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


#: model_type -> (module, class, its forward's stand-in on meta)
STAND_INS: dict[str, tuple[str, str, Callable[..., Any]]] = {
    "dbrx": ("transformers.models.dbrx.modeling_dbrx", "DbrxExperts", _experts_as_zeros),
    "jetmoe": ("transformers.models.jetmoe.modeling_jetmoe", "JetMoeTopKGating", _jetmoe_gating),
    "longcat_flash": (
        "transformers.models.longcat_flash.modeling_longcat_flash",
        "LongcatFlashExperts",
        _experts_as_zeros,
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
