"""Tensor parallelism: which KV and query heads a rank holds, and gathering head outputs."""

from __future__ import annotations

from typing import Any

import torch
from torch import Tensor

from kvarch.kv_cache import KVCacheParams
from kvarch.runtime.errors import CollectiveError, ShapeError

__all__ = ["gather_heads", "local_kv_heads", "local_q_heads"]


def local_kv_heads(params: KVCacheParams, rank: int) -> range:
    """KV heads held by ``rank`` (its replica's share; one replicated head when tp > heads)."""
    tp = params.tp_degree
    r = rank % tp
    if params.is_mla:
        return range(1)
    if params.n_kv_heads >= tp:
        per = params.n_kv_heads // tp
        return range(r * per, (r + 1) * per)
    head = r // (tp // params.n_kv_heads)
    return range(head, head + 1)


def local_q_heads(n_q_heads: int, params: KVCacheParams, rank: int) -> range:
    """Query heads of ``rank``: an even split, consistent with ``local_kv_heads`` for GQA."""
    tp = params.tp_degree
    if n_q_heads % tp or (not params.is_mla and n_q_heads % params.n_kv_heads):
        raise ShapeError(
            "n_q_heads",
            n_q_heads,
            f"a multiple of tp ({tp}) and of n_kv_heads ({params.n_kv_heads})",
        )
    per = n_q_heads // tp
    r = rank % tp
    return range(r * per, (r + 1) * per)


def gather_heads(local: Tensor, group: Any = None) -> Tensor:
    """Concatenate every rank's ``[tokens, local_heads, dim]`` output along heads; a dead or
    stalled peer raises ``CollectiveError`` (after the process group's timeout at most)."""
    import torch.distributed as dist

    world = dist.get_world_size(group)
    parts = [torch.empty_like(local) for _ in range(world)]
    try:
        dist.all_gather(parts, local.contiguous(), group=group)
    except RuntimeError as exc:  # gloo / NCCL: connection reset by a dead peer, or a timeout
        raise CollectiveError("all_gather", dist.get_rank(group), world, exc) from exc
    return torch.cat(parts, dim=1)
