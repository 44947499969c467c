"""Triton fast paths of `kvarch.runtime.ops`: write_kv, paged_decode, paged_prefill.

Same signatures and semantics as the ``ref_*`` torch reference; ``ops`` dispatches here for
CUDA tensors. Argument checks come from :mod:`kvarch.runtime.op_checks` (this module does not
import ``ops``). Caches may be strided views but need a unit stride along ``head_dim``. Nothing
here synchronises with the device: slot and sequence-length bounds are trusted (the reference
checks them on CPU). Under ``TRITON_INTERPRET=1`` the kernels run on CPU tensors.

``paged_decode`` can be captured in a CUDA graph: its grid, tiles and scratch buffers follow
from shapes only (batch, heads, table width), never from the values of ``seq_lens`` or the
tables, so static-size buffers can be refilled between replays (rows of length 0 give zeros).
Pass scales as floats or float32 tensors on the device, and ``out`` to write into a static
buffer.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from typing import Literal, TypeAlias

import torch
import triton
from torch import Tensor

from kvarch.runtime import cuda_fp8
from kvarch.runtime import triton_kernels as kernels
from kvarch.runtime.errors import ShapeError
from kvarch.runtime.op_checks import Scale, check_batch, check_options, check_write, value_cache

__all__ = ["DecodeLaunch", "PrefillLaunch", "paged_decode", "paged_prefill", "write_kv"]

_LOG2E = 1.4426950408889634
Fp8Dot: TypeAlias = Literal["cvt", "shift", "fp16", "q_dtype"]


@dataclass(frozen=True, kw_only=True)
class _Launch:
    """Tile choices shared by the attention kernels; ``None`` fields are picked from shapes."""

    block_n: int | None = None
    """Keys per tile (a power of two; tiles may span pages)."""
    num_warps: int | None = None
    """Warps per program."""
    num_stages: int | None = None
    """Software-pipelining depth of the key loop."""
    fp8_dot: Fp8Dot | None = None
    """How fp8 tiles enter ``tl.dot``: ``"cvt"`` (prefill's default: packed ``cvt.rn.f16x2``
    converts on words of four e4m3 codes, q in fp16; needs sm_89+ and e4m3, else ``"shift"``),
    ``"shift"`` (e4m3 decoded to fp16 by integer ops, q in fp16), ``"fp16"`` (decode's default
    on sm_89+, else ``"shift"``: converted to fp16 by Triton, q in fp16; with 32-bit offsets
    0.77x the bf16 kernel at B64 x 4k on an H200, against 0.83x for ``"cvt"``,
    docs/benchmarks.md) or ``"q_dtype"`` (converted to q's dtype)."""


@dataclass(frozen=True, kw_only=True)
class DecodeLaunch(_Launch):
    """Tile choices of the decode kernel."""

    splits: int | None = None
    """Context partitions per sequence (a power of two; > 1 adds a reduce launch)."""
    block_g: int | None = None
    """Q heads per program (>= 16; the rest of a KV group is masked)."""
    offsets32: bool | None = None
    """Gathered tiles compute row offsets in 32 bits where every offset of both caches (in the
    kernel's word units) fits, as by default (``None``); ``False`` keeps 64-bit offsets. B64 x
    4k on an H200: MLA latent 0.108 ms against 0.122, bf16 0.257 against 0.266, fp8 e4m3 0.217
    against 0.222 (docs/benchmarks.md)."""
    cuda: bool | None = None
    """Run e4m3 caches on the CUDA kernel of :mod:`kvarch.runtime.cuda_fp8` (B64 x 4k at 0.57x
    the bf16 kernel's time on an H200, against 0.75x for the best Triton mode): ``None`` where it
    applies (sm_89+, K and V of head size 128, pages of a multiple of 16 tokens, <= 8 q heads
    per KV head, no soft-cap or chunk) and no Triton tile choice is set, ``False`` never,
    ``True`` always (a ShapeError where it does not apply)."""


@dataclass(frozen=True, kw_only=True)
class PrefillLaunch(_Launch):
    """Tile choices of the prefill kernel."""

    block_q: int | None = None
    """Query tokens per program (times the head block gives the tile rows)."""
    longest_first: bool = True
    """Launch the query tiles with the most causal work first (shorter ones fill the tail)."""


def _interpreting() -> bool:
    return os.environ.get("TRITON_INTERPRET") == "1"


@functools.lru_cache(maxsize=8)
def _sm_count(device: torch.device) -> int:
    if device.type != "cuda":
        return 4
    return int(torch.cuda.get_device_properties(device).multi_processor_count)


_CONSTANTS: dict[tuple[float, torch.device], Tensor] = {}


def _constant(value: float, device: torch.device) -> Tensor:
    """A 1-element float32 tensor of ``value``, made once per (value, device) and reused, so
    steady-state launches allocate nothing. One made while a CUDA graph is being captured is
    not kept: its fill only runs when the graph replays."""
    key = (value, device)
    found = _CONSTANTS.get(key)
    if found is None:
        found = torch.full((1,), value, dtype=torch.float32, device=device)
        capturing = device.type == "cuda" and torch.cuda.is_current_stream_capturing()
        if not capturing and len(_CONSTANTS) < 256:
            _CONSTANTS[key] = found
    return found


def _scale_tensor(name: str, scale: Scale, heads: int, device: torch.device) -> Tensor:
    """A scale as a float32 device tensor of 1 (per tensor) or ``heads`` (per KV head)
    elements (1.0 when absent); never syncs.

    A float32 tensor already on ``device`` is used as it is (graph-capturable); one elsewhere
    is copied (a host-to-device copy: not for code captured in a CUDA graph).
    """
    if isinstance(scale, Tensor):
        if scale.numel() not in (1, heads):
            want = f"a float or a tensor of 1 or {heads} (one per KV head) elements"
            raise ShapeError(name, tuple(scale.shape), want)
        return scale.to(device=device, dtype=torch.float32).reshape(-1)
    return _constant(1.0 if scale is None else float(scale), device)


def _scales(
    k_scale: Scale, v_scale: Scale, heads: int, like: Tensor
) -> tuple[Tensor, Tensor, bool, bool]:
    """(k scale, v scale, quantized, per head); unquantized calls pass ``like`` as an unread
    pointer. If one scale is per KV head, the other is repeated per head."""
    if k_scale is None and v_scale is None:
        return like, like, False, False
    k = _scale_tensor("k_scale", k_scale, heads, like.device)
    v = _scale_tensor("v_scale", v_scale, heads, like.device)
    per_head = k.numel() > 1 or v.numel() > 1
    if per_head:
        k, v = k.expand(heads).contiguous(), v.expand(heads).contiguous()
    return k, v, True, per_head


def _packed_cvt(dev: torch.device) -> bool:
    """Whether fp8 tiles can use ``cvt.rn.f16x2`` (sm_89+; not under the interpreter)."""
    if _interpreting() or dev.type != "cuda":
        return False
    return bool(torch.cuda.get_device_capability(dev) >= (8, 9))


def _fp8_flags(kc: Tensor, vc: Tensor, launch: _Launch, default: Fp8Dot = "cvt") -> dict[str, int]:
    """DOT_F16 / FP8_DECODE for the cache dtype: fp8 tiles are dequantized in registers, e4m3
    by default (sm_89+) by packed converts on 32-bit words (``default`` "cvt", prefill) or by
    Triton's own conversion to fp16 (``default`` "fp16", decode), else by the integer shift on
    16-bit words (which needs even strides and addresses); e5m2 tiles are converted to fp16."""
    if kc.element_size() != 1:
        return {"DOT_F16": False, "FP8_DECODE": 0}
    mode = launch.fp8_dot or default
    if mode not in ("cvt", "shift", "fp16", "q_dtype"):
        raise ShapeError("launch.fp8_dot", mode, "'cvt', 'shift', 'fp16' or 'q_dtype'")
    e4m3 = kc.dtype == torch.float8_e4m3fn
    native = _packed_cvt(kc.device)
    # e5m2's packed convert decoded wrong codes on an H200 (test_gpu_cvt_decodes_every_code_
    # exactly, 2026-12-03): e5m2 tiles are converted instead
    if mode == "cvt" and not (e4m3 and native and _words_of(4, kc, vc)):
        mode = "shift"  # the interpreter (and pre-sm_89 GPUs) have no packed converts
    if launch.fp8_dot is None and mode == "fp16" and e4m3 and not native:
        mode = "shift"  # Triton converts e4m3 on sm_89+ only; the interpreter keeps CI's path
    shift = mode == "shift" and e4m3 and _words_of(2, kc, vc)
    return {"DOT_F16": mode != "q_dtype", "FP8_DECODE": 2 if mode == "cvt" else int(shift)}


def _words_of(unit: int, kc: Tensor, vc: Tensor) -> bool:
    """Whether both caches can be read in words of ``unit`` codes (strides, addresses, dims)."""
    sizes = (*kc.stride()[:3], *vc.stride()[:3], kc.shape[3], vc.shape[3])
    return all(n % unit == 0 for n in sizes) and all(c.data_ptr() % unit == 0 for c in (kc, vc))


def _fits_32_bits(kc: Tensor, vc: Tensor, flags: dict[str, int]) -> bool:
    """Whether every row offset of both caches, in the kernel's units, fits in an int32."""
    unit = (1, 2, 4)[flags["FP8_DECODE"]]
    ends = (c.shape[0] * c.stride(0) for c in (kc, vc))
    return all(n // unit < 2**31 for n in ends)


def _cache_strides(kc: Tensor, vc: Tensor, flags: dict[str, int]) -> list[int]:
    """K then V (block, page, head) strides, in the units the kernel reads: 16-bit words of
    two e4m3 codes with the integer decode (FP8_DECODE 1), of four codes with packed converts
    (2), else elements."""
    unit = (1, 2, 4)[flags["FP8_DECODE"]]
    return [n // unit for n in (*kc.stride()[:3], *vc.stride()[:3])]


def _score_scales(scale: float, softcap: float | None) -> tuple[float, float]:
    """(qk_scale, cap) of the kernels: base-2 logits are ``cap * tanh(q.k * qk_scale)`` with a
    soft-cap, else ``q.k * qk_scale`` (cap unused)."""
    if softcap is None:
        return scale * _LOG2E, 1.0
    return scale / softcap, softcap * _LOG2E


def _sinks(sinks: Tensor | None, q: Tensor) -> Tensor:
    """The sink logits as a kernel pointer (``q`` as an unread pointer when absent)."""
    if sinks is None:
        return q
    if sinks.device != q.device or not sinks.is_floating_point():
        raise ShapeError("sinks", (sinks.dtype, str(sinks.device)), f"a float tensor on {q.device}")
    return sinks if sinks.stride(0) == 1 else sinks.contiguous()


def _unit_last(name: str, x: Tensor, *, copy: bool) -> Tensor:
    """``x`` with stride 1 along its last dim (copied for inputs, an error for outputs)."""
    if x.stride(-1) == 1:
        return x
    if copy:
        return x.contiguous()
    raise ShapeError(name, tuple(x.stride()), "stride 1 along head_dim")


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
    """Store token i's K (and V) at ``slot_mapping[i]``; slots < 0 are skipped."""
    tokens = check_write(k_cache, v_cache, k, v, slot_mapping)
    has_v = v_cache is not None
    if v_cache is not None and v_cache.shape != k_cache.shape:
        raise ShapeError("v_cache", tuple(v_cache.shape), f"k_cache's {list(k_cache.shape)}")
    if tokens == 0:
        return
    kc = _unit_last("k_cache", k_cache, copy=False)
    vc = _unit_last("v_cache", v_cache, copy=False) if v_cache is not None else kc
    k = _unit_last("k", k, copy=True)
    v = _unit_last("v", v, copy=True) if v is not None and has_v else k
    k_scale_t, v_scale_t, quantized, per_head = _scales(k_scale, v_scale, k_cache.shape[2], k)
    limit = torch.finfo(k_cache.dtype).max if k_cache.element_size() == 1 else 0.0
    head_dim = k_cache.shape[3]
    block_d = triton.next_power_of_2(head_dim)
    block_t = max(1, min(64, 4096 // block_d))
    grid = (triton.cdiv(tokens, block_t), k_cache.shape[2])
    kernels.write_kv_kernel[grid](
        k, v, kc, vc, slot_mapping, k_scale_t, v_scale_t,
        tokens, k_cache.shape[1],
        k.stride(0), k.stride(1), v.stride(0), v.stride(1),
        kc.stride(0), kc.stride(1), kc.stride(2), vc.stride(0), vc.stride(1), vc.stride(2),
        HEAD_DIM=head_dim, BLOCK_T=block_t, BLOCK_D=block_d, HAS_V=has_v,
        HAS_SCALE=quantized, SCALE_PER_HEAD=per_head, LIMIT=limit,
        num_warps=4,
    )  # fmt: skip


def _prepare(
    q: Tensor,
    k_cache: Tensor,
    v_cache: Tensor | None,
    block_tables: Tensor,
    seq_lens: Tensor,
    out: Tensor | None,
    v_head_dim: int | None,
    rows: int,
    *,
    min_len: int = 1,
) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
    """Checked, kernel-ready (q, k cache, v cache, block tables, out)."""
    check_batch(q, k_cache, v_cache, block_tables, seq_lens, min_len=min_len)
    if q.shape[0] != rows:
        raise ShapeError("q", tuple(q.shape), f"{rows} rows")
    kc = _unit_last("k_cache", k_cache, copy=False)
    vc = _unit_last("v_cache", value_cache(k_cache, v_cache, v_head_dim), copy=False)
    want = (q.shape[0], q.shape[1], vc.shape[3])
    if out is None:
        out = torch.empty(want, dtype=q.dtype, device=q.device)
    elif tuple(out.shape) != want:
        raise ShapeError("out", tuple(out.shape), f"{list(want)}")
    out = _unit_last("out", out, copy=False)
    tables = block_tables if block_tables.stride(1) == 1 else block_tables.contiguous()
    return _unit_last("q", q, copy=True), kc, vc, tables, out


def _dims(kc: Tensor, vc: Tensor, shared_kv: bool) -> dict[str, int | bool]:
    """Column constexprs: K as ``[0, D1)`` (a power of two) + a remainder tile; V's width."""
    dim, v_dim = kc.shape[3], vc.shape[3]
    if dim < 16:
        raise ShapeError("k_cache", tuple(kc.shape), "head_dim >= 16")
    d1 = 1 << (dim.bit_length() - 1)
    rest = dim - d1
    v_is_k1 = shared_kv and v_dim == d1
    return {
        "HEAD_DIM": dim,
        "V_DIM": v_dim,
        "D1": d1,
        "BLOCK_D2": max(16, triton.next_power_of_2(rest)) if rest else 0,
        "BLOCK_DV": d1 if v_is_k1 else triton.next_power_of_2(v_dim),
        "V_IS_K1": v_is_k1,
    }


def _decode_launch(
    launch: DecodeLaunch,
    programs: int,
    span: int,
    wide: bool,
    dev: torch.device,
    block_n: int,
    per_sm: int = 3,
    stages: int = 2,
) -> tuple[int, int, int, int]:
    """(block_n, splits, num_warps, num_stages); splits give >= ``per_sm`` programs per SM
    (half that for wide MLA latents, whose programs hold a whole 576-wide tile), each partition
    >= 256 keys (tuned on H200, docs/benchmarks.md); ``block_n`` is the default key tile."""
    block_n = launch.block_n or block_n
    splits = launch.splits
    if splits is None:
        target = (per_sm * _sm_count(dev)) // (2 if wide else 1)
        splits = 1
        while programs * splits < target and splits * 256 <= span and splits < 64:
            splits *= 2
    if splits < 1 or splits & (splits - 1):
        raise ShapeError("launch.splits", splits, "a power of two")
    # 4 warps for MLA latents too: B64 x 4k 0.094 ms against 0.100 with 8 (H200, graph replay)
    return block_n, splits, launch.num_warps or 4, launch.num_stages or stages


def paged_decode(
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
    launch: DecodeLaunch | None = None,
) -> Tensor:
    """One query per sequence at position ``seq_lens[b] - 1`` over its paged K/V (split-K).

    A row with ``seq_lens[b] == 0`` (a padding row of a CUDA-graph bucket) reads neither its
    block-table row nor any page and gets zeros. Nothing here syncs with the device.
    """
    batch = block_tables.shape[0] if block_tables.dim() == 2 else -1
    q, kc, vc, tables, out = _prepare(
        q, k_cache, v_cache, block_tables, seq_lens, out, v_head_dim, batch, min_len=0
    )
    check_options(q.shape[1], window=window, chunk=chunk, softcap=softcap, sinks=sinks)
    sinks_t = _sinks(sinks, q)
    if batch == 0:
        return out
    dims = _dims(kc, vc, v_cache is None)
    n_kv, group = kc.shape[2], q.shape[1] // kc.shape[2]
    wide = kc.shape[3] > 256
    launch = launch or DecodeLaunch()
    block_g = launch.block_g or max(16, min(triton.next_power_of_2(group), 16 if wide else 64))
    head_blocks = n_kv * triton.cdiv(group, block_g)
    span = tables.shape[1] * kc.shape[1]
    local = window if window is not None else chunk
    if local is not None:
        span = min(span, local)
    if _on_cuda(launch, q, kc, vc, out, group, softcap=softcap, chunk=chunk):
        splits = _decode_launch(launch, batch * n_kv, span, False, q.device, 64)[1]
        k_t, v_t, _, per_head = _scales(
            1.0 if k_scale is None else k_scale, 1.0 if v_scale is None else v_scale, n_kv, q
        )
        qk_scale = scale * _LOG2E
        return cuda_fp8.paged_decode(
            q, kc, vc, tables, seq_lens, out, k_t, v_t, None if sinks is None else sinks_t,
            qk_scale=qk_scale, window=window or 0, span=span, splits=splits, per_head=per_head,
        )  # fmt: skip
    # e4m3 decode converts to fp16 by default: 0.200 ms against 0.217 for the packed converts
    # with 32-bit offsets (B64 x 4k, H200, one call; 0.28 against 0.22 with 64-bit offsets)
    fp8 = _fp8_flags(kc, vc, launch, default="fp16")
    # fp8 tiles converted to fp16 (e5m2, or fp8_dot="fp16") want 128 keys: 0.28 ms against 0.42
    # at 64 (e4m3, B64 x 4k, H200); the other paths are best at 64.
    converted = fp8["DOT_F16"] and not fp8["FP8_DECODE"]
    # The integer e4m3 decode splits 4x finer (>= 12 programs per SM): B64 x 4k 0.267 ms at 4
    # splits against 0.284 at 1 (H200, three calls); packed converts and bf16 are best at 3 per
    # SM (cvt 0.223 ms at 1 split against 0.235 at 4; bf16 0.265 against 0.277).
    per_sm = 12 if fp8["FP8_DECODE"] == 1 and not wide else 3
    default_n = 128 if converted else 64
    # converted fp8 tiles pipeline one stage deeper: 0.185 ms against 0.192 (B64 x 4k, H200,
    # graph replay, one call)
    block_n, splits, warps, stages = _decode_launch(
        launch, batch * head_blocks, span, wide, q.device, default_n, per_sm, 3 if converted else 2
    )
    partition = triton.cdiv(triton.cdiv(span, splits), block_n) * block_n
    part_o = part_lse = out
    if splits > 1:
        rows = batch * q.shape[1] * splits
        part_o = torch.empty(rows, int(dims["BLOCK_DV"]), device=q.device)
        part_lse = torch.empty(rows, device=q.device)
    k_scale_t, v_scale_t, quantized, per_head = _scales(k_scale, v_scale, n_kv, q)
    qk_scale, cap = _score_scales(scale, softcap)
    kernels.paged_decode_kernel[(batch, head_blocks, splits)](
        q, kc, vc, tables, seq_lens, out, part_o, part_lse, k_scale_t, v_scale_t,
        qk_scale, local or 0, kc.shape[1], partition, q.shape[1],
        q.stride(0), q.stride(1), *_cache_strides(kc, vc, fp8),
        tables.stride(0), out.stride(0), out.stride(1),
        sinks_t, cap,
        GROUP=group, BLOCK_G=block_g, BLOCK_N=block_n, SPLITS=splits,
        HAS_WINDOW=window is not None, HAS_CHUNK=chunk is not None, SOFTCAP=softcap is not None,
        HAS_SINKS=sinks is not None, HAS_SCALE=quantized, SCALE_PER_HEAD=per_head,
        F32=_interpreting(),
        IDX32=launch.offsets32 is not False and _fits_32_bits(kc, vc, fp8), **fp8, **dims,
        num_warps=warps, num_stages=stages,
    )  # fmt: skip
    if splits > 1:
        kernels.decode_reduce_kernel[(batch, q.shape[1])](
            part_o, part_lse, out, out.stride(0), out.stride(1), q.shape[1], sinks_t,
            V_DIM=dims["V_DIM"], BLOCK_DV=dims["BLOCK_DV"], SPLITS=splits,
            HAS_SINKS=sinks is not None, num_warps=4,
        )  # fmt: skip
    return out


_TRITON_ONLY = ("block_n", "num_warps", "num_stages", "fp8_dot", "block_g", "offsets32")


def _on_cuda(
    launch: DecodeLaunch, q: Tensor, kc: Tensor, vc: Tensor, out: Tensor, group: int, *,
    softcap: float | None, chunk: int | None,
) -> bool:  # fmt: skip
    """Whether this decode runs on the CUDA fp8 kernel (see ``DecodeLaunch.cuda``)."""
    wanted = launch.cuda
    if wanted is None:
        wanted = all(getattr(launch, name) is None for name in _TRITON_ONLY)
    if not wanted:
        return False
    fits = (
        softcap is None
        and chunk is None
        and kc is not vc
        and cuda_fp8.supports(q, kc, vc, out, group=group)
        and cuda_fp8.available(q.device)
    )
    if launch.cuda and not fits:
        want = "e4m3 K and V of head size 128, pages of 16k tokens, <= 8 q heads per KV head"
        raise ShapeError("launch.cuda", True, f"{want}, no soft-cap or chunk, on sm_89+")
    return fits


def _prefill_tiles(dim: int, dev: torch.device) -> tuple[int, int, int, int]:
    """(rows, block_n, num_warps, num_stages) of the prefill tiles for the widest head dim.

    Hopper, dim <= 128: 256 rows x 64 keys, 16 warps, 3 stages (0.91x flash SDPA at 4 x 4k on
    an H200, against 1.17x for 128 x 128 in 8 warps, which spill; docs/benchmarks.md).
    """
    if dim > 256:
        return 32, 32, 8, 1
    hopper = dev.type == "cuda" and torch.cuda.get_device_capability(dev)[0] >= 9
    if dim <= 128 and hopper:
        return 256, 64, 16, 3
    return 128, 128, 8, 2


def paged_prefill(
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
    launch: PrefillLaunch | None = None,
) -> Tensor:
    """Causal attention of each sequence's last ``qsl[b+1]-qsl[b]`` positions (packed varlen)."""
    batch = block_tables.shape[0] if block_tables.dim() == 2 else 0
    if query_start_loc.dtype != torch.int32 or tuple(query_start_loc.shape) != (batch + 1,):
        raise ShapeError(
            "query_start_loc",
            (query_start_loc.dtype, tuple(query_start_loc.shape)),
            f"int32 [{batch + 1}]",
        )
    q, kc, vc, tables, out = _prepare(
        q, k_cache, v_cache, block_tables, seq_lens, out, v_head_dim, q.shape[0]
    )
    check_options(q.shape[1], window=window, chunk=chunk, softcap=softcap, sinks=sinks)
    sinks_t = _sinks(sinks, q)
    total = q.shape[0]
    if batch == 0 or total == 0:
        return out
    dims = _dims(kc, vc, v_cache is None)
    n_kv, group = kc.shape[2], q.shape[1] // kc.shape[2]
    launch = launch or PrefillLaunch()
    block_g = min(triton.next_power_of_2(group), 16)
    dim = max(kc.shape[3], vc.shape[3])
    rows, block_n, warps, stages = _prefill_tiles(dim, q.device)
    block_q = launch.block_q or max(1, rows // block_g, 16 // block_g)
    block_n = launch.block_n or block_n
    warps = launch.num_warps or (warps if block_q * block_g >= 128 or dim > 256 else 4)
    stages = launch.num_stages or stages
    k_scale_t, v_scale_t, quantized, per_head = _scales(k_scale, v_scale, n_kv, q)
    qk_scale, cap = _score_scales(scale, softcap)
    fp8 = _fp8_flags(kc, vc, launch)
    grid = (total // block_q + batch, n_kv * math.ceil(group / block_g))
    kernels.paged_prefill_kernel[grid](
        q, kc, vc, tables, seq_lens, query_start_loc, out, k_scale_t, v_scale_t,
        qk_scale, window or chunk or 0, kc.shape[1], batch,
        q.stride(0), q.stride(1), *_cache_strides(kc, vc, fp8),
        tables.stride(0), out.stride(0), out.stride(1),
        sinks_t, cap,
        GROUP=group, BLOCK_G=block_g, BLOCK_Q=block_q, BLOCK_N=block_n,
        HAS_WINDOW=window is not None, HAS_CHUNK=chunk is not None, SOFTCAP=softcap is not None,
        HAS_SINKS=sinks is not None, HAS_SCALE=quantized, SCALE_PER_HEAD=per_head,
        REVERSE=launch.longest_first, F32=_interpreting(), **fp8, **dims,
        num_warps=warps, num_stages=stages,
    )  # fmt: skip
    return out
