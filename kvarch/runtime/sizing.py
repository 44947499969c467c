"""The ``Engine``'s pool sizing: what it asks of the planner, and the answer.

``Engine._plan`` calls ``size_pool`` with a ``PoolSizing``; an engine that must agree on the
pool with others (``TPEngine``) overrides ``_plan`` and asks again with ``num_blocks`` set.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from kvarch.kv_cache import MultiKVCacheParams
from kvarch.runtime.compressed_budget import StoreBudget
from kvarch.runtime.planner import CachePlan, as_groups, device_free_bytes, plan, tp_share

if TYPE_CHECKING:
    import torch


class PoolSizing(NamedTuple):
    """The engine's arguments and model facts its pool is sized from."""

    text: Any
    """The text config (activation sizes: hidden, intermediate, vocab)."""
    params: MultiKVCacheParams
    num_blocks: int | Sequence[int] | None
    """Blocks per group (one count for all), or None to let the planner size the pool."""
    max_seq_len: int
    model_max_seq_len: int
    max_batch_size: int
    device_memory_utilization: float
    max_num_batched_tokens: int
    device: torch.device
    state_bytes_per_sequence: int
    cross_bytes_per_sequence: int
    compressed: StoreBudget | None
    """Compressed layers' caches per sequence (deepseek_v4), whole on every TP rank."""


def size_pool(s: PoolSizing) -> CachePlan:
    """The planner's pool for ``s``, or the one ``s.num_blocks`` gives."""
    if s.num_blocks is not None:
        return _given_pool(s, s.num_blocks)
    return plan(
        s.params,
        free_bytes=device_free_bytes(as_groups(s.params)[0].params.devices),
        model_max_seq_len=s.model_max_seq_len,
        max_seq_len=s.max_seq_len,
        max_batch_size=s.max_batch_size,
        device_memory_utilization=s.device_memory_utilization,
        activation_bytes=_activation_bytes(s),
        cross_bytes_per_sequence=s.cross_bytes_per_sequence,
        state_bytes_per_sequence=s.state_bytes_per_sequence,
        compressed=s.compressed,
    )


def _given_pool(s: PoolSizing, num_blocks: int | Sequence[int]) -> CachePlan:
    groups = as_groups(s.params)
    blocks = [num_blocks] * len(groups) if isinstance(num_blocks, int) else list(num_blocks)
    per_seq = min(
        n // g.max_pages_per_sequence(s.max_seq_len) for g, n in zip(groups, blocks, strict=True)
    )
    tp = groups[0].params.tp_degree
    state = tp_share(s.state_bytes_per_sequence, tp)
    cross = tp_share(s.cross_bytes_per_sequence, tp)
    stored = 0
    if s.compressed is not None:  # kept for ``max_batch_size`` sequences, as ``plan`` says
        stored = s.compressed.bytes_per_sequence(s.max_seq_len)
        per_seq = min(per_seq, s.max_batch_size)
    return CachePlan(
        page_size=groups[0].params.page_size,
        max_seq_len=s.max_seq_len,
        max_batch_size=s.max_batch_size,
        blocks_per_group=blocks,
        bytes_per_block_per_device=[g.params.bytes_per_block_per_device for g in groups],
        host_blocks_per_group=[0] * len(groups),
        data_parallel_degree=1,
        tp_degree=tp,
        available_bytes_per_device=0,
        max_batch_at_max_len=per_seq,
        max_len_at_max_batch=0,
        notes=["num_blocks given: the pool size is the caller's"],
        state_bytes_per_sequence_per_device=state,
        state_bytes_per_device=s.max_batch_size * state,
        cross_bytes_per_sequence_per_device=cross,
        cross_bytes_per_device=s.max_batch_size * cross,
        compressed_bytes_per_sequence_per_device=stored,
        compressed_bytes_per_device=s.max_batch_size * stored,
    )


def _activation_bytes(s: PoolSizing) -> int:
    """Room kept free for one step's activations and logits (0 on CPU, where the host's
    free memory is the budget): a packed prefill of ``max_num_batched_tokens`` holds a few
    hidden-size and intermediate-size tensors per token at once, and a batch of float32 logits."""
    if s.device.type != "cuda":
        return 0
    hidden = int(getattr(s.text, "hidden_size", 4096))
    inter = int(getattr(s.text, "intermediate_size", None) or 4 * hidden)
    experts = int(getattr(s.text, "num_experts_per_tok", None) or 1)
    vocab = int(getattr(s.text, "vocab_size", 32000))
    per_token = 2 * (8 * hidden + 3 * inter * experts)
    return s.max_num_batched_tokens * per_token + s.max_batch_size * vocab * 4 * 3 + (1 << 30)
