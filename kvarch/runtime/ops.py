"""Paged KV ops: torch reference (the CPU path and the GPU kernels' oracle) plus dispatch.

Per-layer caches are ``[num_blocks, page_size, n_kv_heads, head_dim]`` (NHD inside a page;
strided views of a bigger tensor are fine). A slot is ``block * page_size + offset``; -1 is
padding. ``write_kv``/``paged_decode``/``paged_prefill`` run ``kvarch.runtime.triton_ops`` on
CUDA tensors and the torch reference elsewhere. The backend is chosen once, at the first
CUDA call: ``KVARCH_REFERENCE_OPS=1`` picks the reference; otherwise a Triton module that
fails to import raises :class:`KernelBackendError` naming the cause (never a silent fallback).
The ``ref_*`` functions are always the torch reference. Argument checks live in
:mod:`kvarch.runtime.op_checks`, shared with the kernels' launchers.
"""

from __future__ import annotations

import functools
import importlib
import itertools
import os
from types import ModuleType
from typing import Any

import torch
from torch import Tensor

from kvarch.runtime.errors import BlockTableError, KernelBackendError, ShapeError
from kvarch.runtime.op_checks import (
    Scale,
    check_batch,
    check_cache,
    check_options,
    check_write,
    value_cache,
)

__all__ = [
    "Scale",
    "dequantize",
    "gather_kv",
    "kernels",
    "paged_decode",
    "paged_prefill",
    "quantize",
    "ref_paged_decode",
    "ref_paged_prefill",
    "ref_write_kv",
    "write_kv",
]

_QUERY_CHUNK = 512


@functools.cache
def kernels() -> ModuleType | None:
    """The CUDA backend, chosen on first use: the Triton launchers, or None (the torch
    reference) when ``KVARCH_REFERENCE_OPS`` is set. A failed import raises
    :class:`KernelBackendError` with its cause."""
    if os.environ.get("KVARCH_REFERENCE_OPS"):
        return None
    try:
        return importlib.import_module("kvarch.runtime.triton_ops")
    except Exception as exc:  # any import failure: name it, never fall back silently
        raise KernelBackendError(exc) from exc


def _backend(t: Tensor) -> ModuleType | None:
    """The Triton launchers for CUDA tensors (per :func:`kernels`); None elsewhere."""
    return kernels() if t.is_cuda else None


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
    check_cache("cache", cache)
    page = cache.shape[1]
    if block_table.dim() != 1 or block_table.shape[0] * page < seq_len:
        raise BlockTableError(
            "block_table", tuple(block_table.shape), f"1-D with >= {-(-seq_len // page)} entries"
        )
    pos = torch.arange(start, seq_len, device=cache.device)
    blocks = block_table.to(cache.device)[pos // page].long()
    return dequantize(cache[blocks, pos % page], scale)


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
    batch = check_batch(q, k_cache, v_cache, block_tables, seq_lens)
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
    vals, _ = _gather_padded(value_cache(k_cache, v_cache, v_head_dim), tables, lo, hi, v_scale)
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
    batch = check_batch(q, k_cache, v_cache, block_tables, seq_lens)
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
    values = value_cache(k_cache, v_cache, v_head_dim)
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
    backend = _backend(k)
    impl = ref_write_kv if backend is None else backend.write_kv
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
    backend = _backend(q)
    impl = ref_paged_decode if backend is None else backend.paged_decode
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
    backend = _backend(q)
    impl = ref_paged_prefill if backend is None else backend.paged_prefill
    result: Tensor = impl(q, k_cache, v_cache, block_tables, seq_lens, query_start_loc, **options)
    return result
