"""Paged KV ops: torch reference (the CPU path and the GPU kernels' oracle) plus dispatch.

Per-layer caches are ``[num_blocks, page_size, n_kv_heads, head_dim]`` (NHD inside a page;
strided views of a bigger tensor are fine). A slot is ``block * page_size + offset``; -1 is
padding. ``write_kv``/``paged_decode``/``paged_prefill`` call ``kvarch.runtime.triton_ops``
on CUDA tensors when that module is importable (and ``KVARCH_REFERENCE_OPS`` is unset);
the ``ref_*`` functions are always the torch reference.
"""

from __future__ import annotations

import importlib
import itertools
import os
from collections.abc import Callable
from typing import Any, TypeAlias

import torch
from torch import Tensor

from kvarch.runtime.errors import BlockTableError, ShapeError

__all__ = [
    "dequantize",
    "gather_kv",
    "paged_decode",
    "paged_prefill",
    "quantize",
    "ref_paged_decode",
    "ref_paged_prefill",
    "ref_write_kv",
    "write_kv",
]

Scale: TypeAlias = "Tensor | float | None"

_QUERY_CHUNK = 512
_fast_module: Any = None


def _fast(name: str, t: Tensor) -> Callable[..., Any] | None:
    """The Triton implementation of ``name`` for CUDA tensors, if one is importable."""
    global _fast_module
    if not t.is_cuda or os.environ.get("KVARCH_REFERENCE_OPS"):
        return None
    if _fast_module is None:
        try:
            _fast_module = importlib.import_module("kvarch.runtime.triton_ops")
        except ImportError:
            _fast_module = False
    found = getattr(_fast_module, name, None) if _fast_module else None
    return found if callable(found) else None


def _broadcast(scale: Scale) -> Scale:
    """A per-KV-head scale ``[heads]`` as ``[heads, 1]``, against ``[..., heads, dim]``."""
    if isinstance(scale, Tensor) and scale.numel() > 1:
        return scale.float().reshape(-1, 1)
    return scale


def quantize(x: Tensor, dtype: torch.dtype, scale: Scale = None) -> Tensor:
    """``x / scale`` cast to the cache dtype (saturating for fp8). ``scale`` is per tensor
    (a float or one element) or per KV head (``[heads]``, for ``x`` of ``[..., heads, dim]``)."""
    if scale is None and not dtype.is_floating_point:
        raise ShapeError("cache dtype", dtype, "a floating dtype")
    if scale is None and dtype.itemsize > 1:
        return x.to(dtype)
    y = x.float() if scale is None else x.float() / _broadcast(scale)
    if dtype.itemsize == 1:
        limit = torch.finfo(dtype).max
        y = y.clamp(-limit, limit)
    return y.to(dtype)


def dequantize(x: Tensor, scale: Scale = None) -> Tensor:
    """The cache values as float32: ``x.float() * scale`` (scales as in :func:`quantize`)."""
    y = x.float()
    return y if scale is None else y * _broadcast(scale)


def _check_cache(name: str, cache: Tensor) -> None:
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
    _check_cache("k_cache", k_cache)
    if slot_mapping.dim() != 1 or slot_mapping.dtype != torch.int64:
        raise ShapeError(
            "slot_mapping", (slot_mapping.dtype, tuple(slot_mapping.shape)), "int64 [num_tokens]"
        )
    tokens = int(slot_mapping.shape[0])
    _check_tokens("k", k, k_cache, tokens)
    if v_cache is not None:
        if v is None:
            raise ShapeError("v", None, "a tensor when v_cache is given")
        _check_cache("v_cache", v_cache)
        _check_tokens("v", v, v_cache, tokens)
    return tokens


def ref_write_kv(
    k_cache: Tensor,
    v_cache: Tensor | None,
    k: Tensor,
    v: Tensor | None,
    slot_mapping: Tensor,
    *,
    k_scale: Scale = None,
    v_scale: Scale = None,
) -> None:
    """Store token i's K (and V) at ``slot_mapping[i]``; slots < 0 are skipped."""
    check_write(k_cache, v_cache, k, v, slot_mapping)
    valid = slot_mapping >= 0
    slots = slot_mapping[valid]
    page = k_cache.shape[1]
    if slots.numel() and int(slots.max()) >= k_cache.shape[0] * page:
        raise ShapeError("slot_mapping", int(slots.max()), f"< {k_cache.shape[0] * page} slots")
    blocks, offsets = slots // page, slots % page
    k_cache[blocks, offsets] = quantize(k[valid], k_cache.dtype, k_scale)
    if v_cache is not None and v is not None:
        v_cache[blocks, offsets] = quantize(v[valid], v_cache.dtype, v_scale)


def gather_kv(
    cache: Tensor, block_table: Tensor, seq_len: int, *, start: int = 0, scale: Scale = None
) -> Tensor:
    """One sequence's cached positions ``[start, seq_len)`` as ``[n, heads, dim]`` float32."""
    _check_cache("cache", cache)
    page = cache.shape[1]
    if block_table.dim() != 1 or block_table.shape[0] * page < seq_len:
        raise BlockTableError(
            "block_table", tuple(block_table.shape), f"1-D with >= {-(-seq_len // page)} entries"
        )
    pos = torch.arange(start, seq_len, device=cache.device)
    blocks = block_table.to(cache.device)[pos // page].long()
    return dequantize(cache[blocks, pos % page], scale)


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


def _check_batch(
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
    _check_cache("k_cache", k_cache)
    if v_cache is not None:
        _check_cache("v_cache", v_cache)
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


def _values(k_cache: Tensor, v_cache: Tensor | None, v_head_dim: int | None) -> Tensor:
    """The V cache, or for MLA (no V) the first ``v_head_dim`` latent columns."""
    if v_cache is not None:
        return v_cache
    return k_cache if v_head_dim is None else k_cache[..., :v_head_dim]


def _gather_padded(
    cache: Tensor, block_tables: Tensor, lo: Tensor, hi: Tensor, scale: Scale
) -> tuple[Tensor, Tensor]:
    """Positions ``[lo_b, hi_b)`` of every row as ``[batch, L, heads, dim]`` and a valid mask."""
    page = cache.shape[1]
    width = int((hi - lo).max()) if lo.numel() else 0
    pos = lo[:, None] + torch.arange(width, device=lo.device)[None, :]
    valid = pos < hi[:, None]
    pos = torch.where(valid, pos, lo[:, None])
    blocks = block_tables.long().gather(1, pos // page).clamp_min(0)
    kv = dequantize(cache[blocks, pos % page], scale)
    return kv.masked_fill(~valid[:, :, None, None], 0.0), valid


def ref_paged_decode(
    q: Tensor,
    k_cache: Tensor,
    v_cache: Tensor | None,
    block_tables: Tensor,
    seq_lens: Tensor,
    *,
    scale: float,
    window: int | None = None,
    out: Tensor | None = None,
    k_scale: Scale = None,
    v_scale: Scale = None,
    v_head_dim: int | None = None,
    softcap: float | None = None,
    sinks: Tensor | None = None,
    chunk: int | None = None,
) -> Tensor:
    """One query per sequence at position ``seq_lens[b] - 1`` over its paged K/V.

    A row of length 0 (CUDA only: CPU lengths are validated) gives zeros.
    """
    batch = _check_batch(q, k_cache, v_cache, block_tables, seq_lens)
    if q.shape[0] != batch:
        raise ShapeError("q", tuple(q.shape), f"{batch} rows (one per block table row)")
    check_options(q.shape[1], window=window, chunk=chunk, softcap=softcap, sinks=sinks)
    hi = seq_lens.long().to(k_cache.device)
    if window is not None:
        lo = (hi - window).clamp_min(0)
    elif chunk is not None:
        lo = (hi - 1).clamp_min(0) // chunk * chunk
    else:
        lo = torch.zeros_like(hi)
    tables = block_tables.to(k_cache.device)
    keys, valid = _gather_padded(k_cache, tables, lo, hi, k_scale)
    vals, _ = _gather_padded(_values(k_cache, v_cache, v_head_dim), tables, lo, hi, v_scale)
    n_kv = k_cache.shape[2]
    group = q.shape[1] // n_kv
    qf = q.float().view(batch, n_kv, group, q.shape[2])
    scores = torch.einsum("bhgd,blhd->bhgl", qf, keys) * scale
    probs = _probs(scores, valid[:, None, None, :], softcap, sinks, (1, n_kv, group, 1))
    result = torch.einsum("bhgl,blhe->bhge", probs, vals).reshape(batch, q.shape[1], -1)
    return _emit(result, q.dtype, out)


def _probs(
    scores: Tensor,
    allowed: Tensor,
    softcap: float | None,
    sinks: Tensor | None,
    sink_shape: tuple[int, ...],
) -> Tensor:
    """Attention weights over the last dim, transformers' eager order: soft-cap the scaled
    scores, mask, then softmax (with the per-head sink logit in the denominator, no value).
    Rows that see no key get zeros.
    """
    if softcap is not None:
        scores = torch.tanh(scores / softcap) * softcap
    scores = scores.masked_fill(~allowed, float("-inf"))
    if sinks is not None:
        sink = sinks.to(device=scores.device, dtype=torch.float32).view(sink_shape)
        sink = sink.expand(*scores.shape[:-1], 1)
        probs = torch.cat([scores, sink], dim=-1).softmax(dim=-1)[..., :-1]
    else:
        probs = scores.softmax(dim=-1)
    return probs.masked_fill(~allowed.any(dim=-1, keepdim=True), 0.0)


def _emit(result: Tensor, dtype: torch.dtype, out: Tensor | None) -> Tensor:
    if out is None:
        return result.to(dtype)
    if tuple(out.shape) != tuple(result.shape):
        raise ShapeError("out", tuple(out.shape), f"{list(result.shape)}")
    out.copy_(result)
    return out


def ref_paged_prefill(
    q: Tensor,
    k_cache: Tensor,
    v_cache: Tensor | None,
    block_tables: Tensor,
    seq_lens: Tensor,
    query_start_loc: Tensor,
    *,
    scale: float,
    window: int | None = None,
    out: Tensor | None = None,
    k_scale: Scale = None,
    v_scale: Scale = None,
    v_head_dim: int | None = None,
    softcap: float | None = None,
    sinks: Tensor | None = None,
    chunk: int | None = None,
) -> Tensor:
    """Causal attention of each sequence's last ``qsl[b+1]-qsl[b]`` positions (packed varlen)."""
    batch = _check_batch(q, k_cache, v_cache, block_tables, seq_lens)
    check_options(q.shape[1], window=window, chunk=chunk, softcap=softcap, sinks=sinks)
    if query_start_loc.dtype != torch.int32 or tuple(query_start_loc.shape) != (batch + 1,):
        raise ShapeError(
            "query_start_loc",
            (query_start_loc.dtype, tuple(query_start_loc.shape)),
            f"int32 [{batch + 1}]",
        )
    starts = query_start_loc.tolist()
    lens = seq_lens.tolist()
    ordered = all(a <= b for a, b in itertools.pairwise(starts))
    if starts[0] != 0 or starts[-1] != q.shape[0] or not ordered:
        raise ShapeError("query_start_loc", starts, f"non-decreasing from 0 to {q.shape[0]}")
    values = _values(k_cache, v_cache, v_head_dim)
    n_kv = k_cache.shape[2]
    group = q.shape[1] // n_kv
    result = torch.empty(q.shape[0], q.shape[1], values.shape[3], device=q.device)
    tables = block_tables.to(k_cache.device)
    for b in range(batch):
        n_q, total = starts[b + 1] - starts[b], lens[b]
        if n_q > total:
            raise BlockTableError("seq_lens", total, f">= its {n_q} queries (row {b})")
        first = total - n_q
        lo = 0
        if window is not None:
            lo = max(0, first - window + 1)
        elif chunk is not None:
            lo = first // chunk * chunk
        keys = gather_kv(k_cache, tables[b], total, start=lo, scale=k_scale)
        vals = gather_kv(values, tables[b], total, start=lo, scale=v_scale)
        key_pos = torch.arange(lo, total, device=q.device)
        for c in range(0, n_q, _QUERY_CHUNK):
            rows = slice(starts[b] + c, starts[b] + min(n_q, c + _QUERY_CHUNK))
            q_pos = first + torch.arange(c, min(n_q, c + _QUERY_CHUNK), device=q.device)
            qf = q[rows].float().view(-1, n_kv, group, q.shape[2])
            scores = torch.einsum("thgd,lhd->thgl", qf, keys) * scale
            allowed = key_pos[None, :] <= q_pos[:, None]
            if window is not None:
                allowed &= key_pos[None, :] > q_pos[:, None] - window
            if chunk is not None:
                allowed &= key_pos[None, :] // chunk == q_pos[:, None] // chunk
            sink_shape = (1, n_kv, group, 1)
            probs = _probs(scores, allowed[:, None, None, :], softcap, sinks, sink_shape)
            part = torch.einsum("thgl,lhe->thge", probs, vals)
            result[rows] = part.reshape(part.shape[0], q.shape[1], -1)
    return _emit(result, q.dtype, out)


def write_kv(
    k_cache: Tensor,
    v_cache: Tensor | None,
    k: Tensor,
    v: Tensor | None,
    slot_mapping: Tensor,
    *,
    k_scale: Scale = None,
    v_scale: Scale = None,
) -> None:
    """Store new tokens' K/V through ``slot_mapping`` (Triton on CUDA when available)."""
    fast = _fast("write_kv", k)
    impl = fast if fast is not None else ref_write_kv
    impl(k_cache, v_cache, k, v, slot_mapping, k_scale=k_scale, v_scale=v_scale)


def paged_decode(
    q: Tensor,
    k_cache: Tensor,
    v_cache: Tensor | None,
    block_tables: Tensor,
    seq_lens: Tensor,
    **options: Any,
) -> Tensor:
    """Decode attention (keyword options of ``ref_paged_decode``; Triton on CUDA)."""
    fast = _fast("paged_decode", q)
    impl = fast if fast is not None else ref_paged_decode
    result: Tensor = impl(q, k_cache, v_cache, block_tables, seq_lens, **options)
    return result


def paged_prefill(
    q: Tensor,
    k_cache: Tensor,
    v_cache: Tensor | None,
    block_tables: Tensor,
    seq_lens: Tensor,
    query_start_loc: Tensor,
    **options: Any,
) -> Tensor:
    """Varlen causal prefill (keyword options of ``ref_paged_prefill``; Triton on CUDA)."""
    fast = _fast("paged_prefill", q)
    impl = fast if fast is not None else ref_paged_prefill
    result: Tensor = impl(q, k_cache, v_cache, block_tables, seq_lens, query_start_loc, **options)
    return result
