"""Argument checks shared by the paged KV ops' torch reference and their Triton kernels.

Both :mod:`kvarch.runtime.ops` and :mod:`kvarch.runtime.triton_ops` import this module (and
not each other), so a kernel module that fails to import cannot hide behind the reference.
"""

from __future__ import annotations

from typing import TypeAlias

import torch
from torch import Tensor

from kvarch.runtime.errors import BlockTableError, ShapeError

__all__ = ["Scale", "check_batch", "check_cache", "check_options", "check_write", "value_cache"]

Scale: TypeAlias = "Tensor | float | None"
"""An fp8 cache scale: a float, a one-element tensor, or one per KV head (``[heads]``)."""


def check_cache(name: str, cache: Tensor) -> None:
    if cache.dim() != 4:
        raise ShapeError(name, tuple(cache.shape), "[num_blocks, page_size, n_kv_heads, head_dim]")


def _check_tokens(name: str, x: Tensor, cache: Tensor, tokens: int) -> None:
    want = (tokens, cache.shape[2], cache.shape[3])
    if tuple(x.shape) != want:
        raise ShapeError(name, tuple(x.shape), f"{list(want)} (tokens, heads, head_dim)")


def check_write(
    k_cache: Tensor, v_cache: Tensor | None, k: Tensor, v: Tensor | None, slot_mapping: Tensor
) -> int:
    """Validate ``write_kv``'s arguments before anything is written; the token count."""
    check_cache("k_cache", k_cache)
    if slot_mapping.dim() != 1 or slot_mapping.dtype != torch.int64:
        raise ShapeError(
            "slot_mapping", (slot_mapping.dtype, tuple(slot_mapping.shape)), "int64 [num_tokens]"
        )
    tokens = int(slot_mapping.shape[0])
    _check_tokens("k", k, k_cache, tokens)
    if v_cache is not None:
        if v is None:
            raise ShapeError("v", None, "a tensor when v_cache is given")
        check_cache("v_cache", v_cache)
        _check_tokens("v", v, v_cache, tokens)
    return tokens


def check_options(
    n_heads: int,
    *,
    window: int | None,
    chunk: int | None,
    softcap: float | None,
    sinks: Tensor | None,
) -> None:
    """Validate the attention options shared by decode and prefill (no device sync)."""
    if window is not None and chunk is not None:
        raise ShapeError("chunk", chunk, "None when window is given (one local pattern per layer)")
    if window is not None and window < 1:
        raise ShapeError("window", window, "a positive number of keys")
    if chunk is not None and chunk < 1:
        raise ShapeError("chunk", chunk, "a positive number of positions")
    if softcap is not None and not softcap > 0:
        raise ShapeError("softcap", softcap, "a positive float")
    if sinks is not None and tuple(sinks.shape) != (n_heads,):
        raise ShapeError("sinks", tuple(sinks.shape), f"[{n_heads}] (one logit per q head)")


def check_batch(
    q: Tensor,
    k_cache: Tensor,
    v_cache: Tensor | None,
    block_tables: Tensor,
    seq_lens: Tensor,
    *,
    min_len: int = 1,
) -> int:
    """Validate the common arguments; returns the batch size.

    On CPU the lengths must lie in ``[min_len, table width x page]`` (one sync); CUDA lengths
    are trusted (no sync).
    """
    check_cache("k_cache", k_cache)
    if v_cache is not None:
        check_cache("v_cache", v_cache)
        if v_cache.shape[:3] != k_cache.shape[:3]:
            want = f"k_cache's {list(k_cache.shape[:3])}"
            raise ShapeError("v_cache", tuple(v_cache.shape), want)
    if q.dim() != 3 or q.shape[2] != k_cache.shape[3] or q.shape[1] % k_cache.shape[2]:
        raise ShapeError(
            "q",
            tuple(q.shape),
            f"[tokens, a multiple of {k_cache.shape[2]} heads, {k_cache.shape[3]}]",
        )
    if block_tables.dim() != 2 or block_tables.dtype != torch.int32:
        raise BlockTableError(
            "block_tables", (block_tables.dtype, tuple(block_tables.shape)), "int32 [batch, blocks]"
        )
    batch = block_tables.shape[0]
    if seq_lens.dtype != torch.int32 or tuple(seq_lens.shape) != (batch,):
        raise BlockTableError(
            "seq_lens", (seq_lens.dtype, tuple(seq_lens.shape)), f"int32 [{batch}] (one per row)"
        )
    if not seq_lens.is_cuda and batch:
        longest = int(seq_lens.max())
        capacity = block_tables.shape[1] * k_cache.shape[1]
        if longest > capacity or int(seq_lens.min()) < min_len:
            raise BlockTableError(
                "seq_lens",
                seq_lens.tolist(),
                f"values in [{min_len}, {capacity}] (table width x page)",
            )
    return int(batch)


def value_cache(k_cache: Tensor, v_cache: Tensor | None, v_head_dim: int | None) -> Tensor:
    """The V cache, or for MLA (no V) the first ``v_head_dim`` latent columns."""
    if v_cache is not None:
        return v_cache
    return k_cache if v_head_dim is None else k_cache[..., :v_head_dim]
