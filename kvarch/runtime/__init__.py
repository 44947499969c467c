"""Paged KV-cache runtime: planner, block manager, cache tensors, ops, transformers adapter,
continuous-batching engine.

Submodules load lazily: ``from kvarch.runtime.planner import plan`` never imports torch.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "BlockManager",
    "CachePlan",
    "Engine",
    "PagedCache",
    "PagedKVCache",
    "RequestOutput",
    "SamplingParams",
    "plan",
]

_WHERE = {
    "BlockManager": "kvarch.runtime.blocks",
    "CachePlan": "kvarch.runtime.planner",
    "Engine": "kvarch.runtime.engine",
    "RequestOutput": "kvarch.runtime.engine",
    "SamplingParams": "kvarch.runtime.sampling",
    "PagedCache": "kvarch.runtime.hf",
    "PagedKVCache": "kvarch.runtime.tensors",
    "plan": "kvarch.runtime.planner",
}


def __getattr__(name: str) -> Any:
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'kvarch.runtime' has no attribute {name!r}")
    return getattr(importlib.import_module(where), name)
