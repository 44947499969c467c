"""Issue 14 probes: standalone decode kernels that test a structural idea before production
code takes it, and production launch choices timed eagerly and as CUDA-graph replays.

``python3 benchmarks/issue14_probe.py [kernels|launches]`` (both by default) writes
``issue14_probe.json`` under ``$OUT`` (or ./gpu_out) after each row; B64 x 4k throughout.

kernels, fp8 (32 q / 8 KV heads x 128, page 16, e4m3 scale 0.5):
  KMODE 0: K words -> fp16 by packed cvt (production's fp8_dot="cvt"), fp16 dot; 2: Triton's
  own fp8 -> fp16 convert; 1: the fp8 K tile straight into tl.dot (no conversion, cp.async
  pipelined) against q split into two e4m3 halves (hi + lo / 8, per-row scale).
  VMODE likewise for V against p. PREFETCH: the next tile's words load before this tile's math.
kernels, MLA (16 q heads, 576 / 512 latent, page 64): the loop as ``tl.range`` with
  ``num_stages`` and ``warp_specialize``; PAGED_TILE tiles take one table entry per tile.
launches: production ``paged_decode`` (bf16, fp8, MLA) under DecodeLaunch choices.
Results: docs/benchmarks_h200_issue14_sweeps.json (``round5_*``), docs/benchmarks.md.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch
import triton
import triton.language as tl

from benchmarks import gpu_suite as suite
from kvarch.runtime import ops, triton_ops
from kvarch.runtime import triton_kernels as K

Row = dict[str, Any]
OUT = Path(os.environ.get("OUT") or "gpu_out")
RES: Row = {"rows": []}
FEW = slice(0, 4)
LOG2E = 1.4426950408889634


def save(row: Row) -> None:
    RES["rows"].append(row)
    print(row, flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "issue14_probe.json").write_text(json.dumps(RES, indent=1, default=str))


@triton.jit
def _split_fp8(x, ROW_MAX: tl.constexpr):
    """(hi, lo, scale), hi and lo e4m3: x ~= (hi + lo / 8) * scale per row (8, not 16: |lo|
    stays in range under round-to-zero too, as the interpreter converts)."""
    amax = tl.max(tl.abs(x), 1)
    s = tl.where(amax > 0, amax / ROW_MAX, 1.0)
    y = x / s[:, None]
    hi = y.to(tl.float8e4nv)
    lo = ((y - hi.to(tl.float32)) * 8.0).to(tl.float8e4nv)
    return hi, lo, s


@triton.jit
def fp8_probe(
    q_ptr, k8_ptr, v8_ptr, kw_ptr, vw_ptr, bt_ptr, out_ptr, po_ptr, pl_ptr,
    scale, v_scale, partition, sb, sp, sh, wsb, wsp, wsh, bt_sb, n_heads,
    GROUP: tl.constexpr, BLOCK_G: tl.constexpr, D: tl.constexpr, BLOCK_N: tl.constexpr,
    PAGE: tl.constexpr, SPLITS: tl.constexpr, KMODE: tl.constexpr, VMODE: tl.constexpr,
    PREFETCH: tl.constexpr, F32: tl.constexpr = False,
):  # fmt: skip
    b = tl.program_id(0)
    kvh = tl.program_id(1)
    split = tl.program_id(2)
    g = tl.arange(0, BLOCK_G)
    g_ok = g < GROUP
    head = kvh * GROUP + g
    d = tl.arange(0, D)
    dw = tl.arange(0, D // 4)
    q = tl.load(q_ptr + (b * n_heads + head)[:, None] * D + d[None, :], mask=g_ok[:, None],
                other=0.0).to(tl.float32)  # fmt: skip
    if KMODE == 1:
        q_hi, q_lo, q_s = _split_fp8(q, 448.0)
        row_scale = q_s * scale
    else:
        q16 = q.to(tl.float16)
    lo = split * partition
    hi = lo + partition
    m_i = tl.full([BLOCK_G], float("-inf"), tl.float32)
    l_i = tl.zeros([BLOCK_G], tl.float32)
    acc = tl.zeros([BLOCK_G, D], tl.float32)
    bt = bt_ptr + b * bt_sb
    pos = lo + tl.arange(0, BLOCK_N)
    blk = tl.load(bt + pos // PAGE)
    wrow = (blk * wsb + (pos % PAGE) * wsp + kvh * wsh)[:, None]
    if PREFETCH:
        kw_n = tl.load(kw_ptr + wrow + dw[None, :])
        vw_n = tl.load(vw_ptr + wrow + dw[None, :])
    for n0 in range(lo, hi, BLOCK_N):
        pos = n0 + tl.arange(0, BLOCK_N)
        blk = tl.load(bt + pos // PAGE)
        off = pos % PAGE
        if PREFETCH:
            kw = kw_n
            vw = vw_n
            nxt = tl.minimum(n0 + BLOCK_N, hi - BLOCK_N) + tl.arange(0, BLOCK_N)
            nblk = tl.load(bt + nxt // PAGE)
            nrow = (nblk * wsb + (nxt % PAGE) * wsp + kvh * wsh)[:, None]
            kw_n = tl.load(kw_ptr + nrow + dw[None, :])
            vw_n = tl.load(vw_ptr + nrow + dw[None, :])
        else:
            wrow = (blk * wsb + off * wsp + kvh * wsh)[:, None]
            if KMODE == 0:
                kw = tl.load(kw_ptr + wrow + dw[None, :])
            if VMODE == 0:
                vw = tl.load(vw_ptr + wrow + dw[None, :])
        if KMODE == 1:
            row = (blk * sb + off * sp + kvh * sh)[:, None]
            k8 = tl.trans(tl.load(k8_ptr + row + d[None, :]))
            s = K._mm(q_hi, k8, F32) + K._mm(q_lo, k8, F32) * 0.125
            s = s * row_scale[:, None]
        elif KMODE == 2:
            row = (blk * sb + off * sp + kvh * sh)[:, None]
            k16 = tl.load(k8_ptr + row + d[None, :]).to(tl.float16)
            s = K._mm(q16, tl.trans(k16), F32) * scale
        else:
            k16 = K._cvt_words(kw, False)
            s = tl.dot(q16, tl.trans(k16)) * scale
        m_new = tl.maximum(m_i, tl.max(s, 1))
        m_safe = tl.where(m_new == float("-inf"), 0.0, m_new)
        alpha = tl.exp2(m_i - m_safe)
        p = tl.exp2(s - m_safe[:, None])
        if VMODE == 1:
            row = (blk * sb + off * sp + kvh * sh)[:, None]
            v8 = tl.load(v8_ptr + row + d[None, :])
            p_hi, p_lo, p_s = _split_fp8(p, 256.0)
            pv = (K._mm(p_hi, v8, F32) + K._mm(p_lo, v8, F32) * 0.125) * p_s[:, None]
        elif VMODE == 2:
            row = (blk * sb + off * sp + kvh * sh)[:, None]
            v16 = tl.load(v8_ptr + row + d[None, :]).to(tl.float16)
            pv = K._mm(p.to(tl.float16), v16, F32)
        else:
            pv = tl.dot(p.to(tl.float16), K._cvt_words(vw, False))
        acc = acc * alpha[:, None] + pv
        l_i = l_i * alpha + tl.sum(p, 1)
        m_i = m_new
    l_safe = tl.where(l_i > 0.0, l_i, 1.0)
    o = acc * (v_scale / l_safe)[:, None]
    if SPLITS == 1:
        tl.store(out_ptr + (b * n_heads + head)[:, None] * D + d[None, :],
                 o.to(out_ptr.dtype.element_ty), mask=g_ok[:, None])  # fmt: skip
    else:
        r = (b * n_heads + head) * SPLITS + split
        tl.store(po_ptr + r[:, None] * D + d[None, :], o, mask=g_ok[:, None])
        tl.store(pl_ptr + r, m_i + tl.log2(l_safe), mask=g_ok)


@triton.jit
def mla_probe(
    q_ptr, kc_ptr, bt_ptr, out_ptr, po_ptr, pl_ptr, scale, partition, sb, sp, bt_sb,
    H: tl.constexpr, BLOCK_N: tl.constexpr, PAGE: tl.constexpr, SPLITS: tl.constexpr,
    STAGES: tl.constexpr, WS: tl.constexpr, PAGED_TILE: tl.constexpr, F32: tl.constexpr = False,
):  # fmt: skip
    b = tl.program_id(0)
    split = tl.program_id(1)
    h = tl.arange(0, H)
    d1 = tl.arange(0, 512)
    d2 = 512 + tl.arange(0, 64)
    q1 = tl.load(q_ptr + (b * H + h)[:, None] * 576 + d1[None, :])
    q2 = tl.load(q_ptr + (b * H + h)[:, None] * 576 + d2[None, :])
    lo = split * partition
    hi = lo + partition
    m_i = tl.full([H], float("-inf"), tl.float32)
    l_i = tl.zeros([H], tl.float32)
    acc = tl.zeros([H, 512], tl.float32)
    bt = bt_ptr + b * bt_sb
    for n0 in tl.range(lo, hi, BLOCK_N, num_stages=STAGES, warp_specialize=WS):
        if PAGED_TILE:
            blk = tl.load(bt + n0 // PAGE)
            row = (blk * sb + (n0 % PAGE + tl.arange(0, BLOCK_N)) * sp)[:, None]
        else:
            pos = n0 + tl.arange(0, BLOCK_N)
            blk = tl.load(bt + pos // PAGE)
            row = (blk * sb + (pos % PAGE) * sp)[:, None]
        k1 = tl.load(kc_ptr + row + d1[None, :])
        k2 = tl.load(kc_ptr + row + d2[None, :])
        s = (K._mm(q1, tl.trans(k1), F32) + K._mm(q2, tl.trans(k2), F32)) * scale
        m_new = tl.maximum(m_i, tl.max(s, 1))
        alpha = tl.exp2(m_i - m_new)
        p = tl.exp2(s - m_new[:, None])
        acc = acc * alpha[:, None] + K._mm(p.to(tl.bfloat16), k1, F32)
        l_i = l_i * alpha + tl.sum(p, 1)
        m_i = m_new
    o = acc / l_i[:, None]
    r = (b * H + h) * SPLITS + split
    tl.store(po_ptr + r[:, None] * 512 + d1[None, :], o)
    tl.store(pl_ptr + r, m_i + tl.log2(l_i))


def reduce(po: torch.Tensor, pl: torch.Tensor, out: torch.Tensor, splits: int, dv: int) -> None:
    K.decode_reduce_kernel[(out.shape[0], out.shape[1])](
        po, pl, out, out.stride(0), out.stride(1), out.shape[1], pl,
        V_DIM=dv, BLOCK_DV=dv, SPLITS=splits, HAS_SINKS=False, num_warps=4,
    )  # fmt: skip


def timed_row(
    kind: str, cfg: Row, run: Any, ref: torch.Tensor, base_ms: float | None, moved: float,
    ceiling: float,
) -> float | None:  # fmt: skip
    """Check ``run`` against ``ref`` (first rows), then time it as a CUDA-graph replay and
    eagerly; ratios use the graph time. A config that fails is a row, not the end."""
    row: Row = {"kind": kind, "config": cfg}
    try:
        t0 = time.time()
        row["err"] = suite.rel_err(run()[FEW], ref)
        row["compile_s"] = round(time.time() - t0, 1)
        ms = suite.timed(run, graph=True)
        row.update(ms=ms, eager_ms=suite.timed(run), of_copy=moved / ms / 1e6 / ceiling)
        row["vs_bf16"] = ms / base_ms if base_ms else 1.0
    except Exception as exc:
        row["error"] = f"{type(exc).__name__}: {str(exc)[:400]}"
    save(row)
    return row.get("ms")


def fp8_kernels(case: suite.DecodeCase, bt: torch.Tensor, k8: torch.Tensor, v8: torch.Tensor,
                ref: torch.Tensor, base: float, ceiling: float) -> None:  # fmt: skip
    """fp8 K/V decode by each (K, V) mode of :func:`fp8_probe` and tile choice."""
    kw, vw = k8.view(torch.int32), v8.view(torch.int32)
    out = torch.empty_like(case.q)
    for km, vm, pre, bn, warps, stages, splits in (
        (0, 0, False, 64, 4, 2, 1), (0, 0, False, 128, 4, 2, 1), (2, 2, False, 128, 4, 3, 1),
        (0, 0, True, 64, 4, 1, 1), (0, 0, True, 64, 4, 1, 2),
        (1, 0, False, 64, 4, 2, 1), (1, 0, False, 128, 4, 2, 1), (1, 0, False, 64, 4, 3, 2),
        (1, 2, False, 128, 4, 3, 1), (1, 1, False, 64, 4, 2, 1), (1, 1, False, 128, 4, 3, 1),
    ):  # fmt: skip
        po = torch.empty(case.batch * case.n_q * splits, case.dim, device="cuda")
        pl = torch.empty(case.batch * case.n_q * splits, device="cuda")

        def run(km: int = km, vm: int = vm, pre: bool = pre, bn: int = bn, warps: int = warps,
                stages: int = stages, splits: int = splits, po: Any = po,
                pl: Any = pl) -> Any:  # fmt: skip
            fp8_probe[(case.batch, case.n_kv, splits)](
                case.q, k8, v8, kw, vw, bt, out, po, pl, case.scale * LOG2E * 0.5, 0.5,
                case.ctx // splits, k8.stride(0), k8.stride(1), k8.stride(2), kw.stride(0),
                kw.stride(1), kw.stride(2), bt.stride(0), case.n_q,
                GROUP=case.n_q // case.n_kv, BLOCK_G=16, D=case.dim, BLOCK_N=bn, PAGE=16,
                SPLITS=splits, KMODE=km, VMODE=vm, PREFETCH=pre, num_warps=warps,
                num_stages=stages,
            )  # fmt: skip
            if splits > 1:
                reduce(po, pl, out, splits, case.dim)
            return out

        cfg = {"kmode": km, "vmode": vm, "prefetch": pre, "block_n": bn, "warps": warps,
               "stages": stages, "splits": splits}  # fmt: skip
        timed_row("fp8_probe", cfg, run, ref, base, case.bytes / 2, ceiling)


def mla_kernels(ceiling: float, base: float) -> None:
    """MLA latent decode by :func:`mla_probe` under loop and tile choices."""
    lat = suite.DecodeCase(64, 4096, n_q=16, n_kv=1, dim=576)
    lkc, _, lbt = lat.paged(64)
    ref = ops.ref_paged_decode(lat.q[FEW], lkc, None, lbt[FEW], lat.seq_lens[FEW],
                               scale=192**-0.5, v_head_dim=512)  # fmt: skip
    out = torch.empty(64, 16, 512, device="cuda", dtype=torch.bfloat16)
    lk = lkc.view(lkc.shape[0], 64, 576)
    for bn, warps, stages, splits, ws, paged in (
        (64, 8, 2, 4, False, False), (64, 8, 2, 4, False, True), (64, 4, 2, 4, False, True),
        (64, 4, 2, 8, False, True), (64, 8, 3, 4, False, True), (32, 8, 3, 4, False, True),
        (64, 8, 2, 4, True, True), (64, 4, 2, 4, True, True),
    ):  # fmt: skip
        po = torch.empty(64 * 16 * splits, 512, device="cuda")
        pl = torch.empty(64 * 16 * splits, device="cuda")

        def run(bn: int = bn, warps: int = warps, stages: int = stages, splits: int = splits,
                ws: bool = ws, paged: bool = paged, po: Any = po, pl: Any = pl) -> Any:  # fmt: skip
            mla_probe[(64, splits)](
                lat.q, lk, lbt, out, po, pl, 192**-0.5 * LOG2E, 4096 // splits,
                lk.stride(0), lk.stride(1), lbt.stride(0),
                H=16, BLOCK_N=bn, PAGE=64, SPLITS=splits, STAGES=stages, WS=ws,
                PAGED_TILE=paged, num_warps=warps,
            )  # fmt: skip
            reduce(po, pl, out, splits, 512)
            return out

        cfg = {"block_n": bn, "warps": warps, "stages": stages, "splits": splits, "ws": ws,
               "paged": paged}  # fmt: skip
        timed_row("mla_probe", cfg, run, ref, base, lat.k.numel() * 2, ceiling)


def launches(case: suite.DecodeCase, kc: Any, vc: Any, bt: Any, k8: Any, v8: Any,
             ref8: torch.Tensor, ceiling: float) -> None:  # fmt: skip
    """Production ``paged_decode`` under DecodeLaunch choices (the default first)."""
    L = triton_ops.DecodeLaunch
    ref = ops.ref_paged_decode(case.q[FEW], kc, vc, bt[FEW], case.seq_lens[FEW], scale=case.scale)
    base = None
    for name, cfg in [("default", None), ("splits2", L(splits=2)), ("bn128", L(block_n=128))]:
        ms = timed_row("bf16", {"name": name}, lambda cfg=cfg: triton_ops.paged_decode(
            case.q, kc, vc, bt, case.seq_lens, scale=case.scale, launch=cfg), ref, base,
            case.bytes, ceiling)  # fmt: skip
        base = base or ms
    for name, cfg in [("default", None), ("stages2", L(num_stages=2)), ("bn64", L(block_n=64)),
                      ("w8", L(num_warps=8)), ("splits2", L(splits=2)),
                      ("cvt64", L(fp8_dot="cvt", block_n=64))]:  # fmt: skip
        timed_row("fp8", {"name": name}, lambda cfg=cfg: triton_ops.paged_decode(
            case.q, k8, v8, bt, case.seq_lens, scale=case.scale, k_scale=0.5, v_scale=0.5,
            launch=cfg), ref8, base, case.bytes / 2, ceiling)  # fmt: skip
    lat = suite.DecodeCase(64, 4096, n_q=16, n_kv=1, dim=576)
    lkc, _, lbt = lat.paged(64)
    lref = ops.ref_paged_decode(lat.q[FEW], lkc, None, lbt[FEW], lat.seq_lens[FEW],
                                scale=192**-0.5, v_head_dim=512)  # fmt: skip
    for name, cfg in [("default", None), ("w8", L(num_warps=8)), ("splits8", L(splits=8)),
                      ("splits2", L(splits=2)), ("stages3", L(num_stages=3))]:  # fmt: skip
        timed_row("mla", {"name": name}, lambda cfg=cfg: triton_ops.paged_decode(
            lat.q, lkc, None, lbt, lat.seq_lens, scale=192**-0.5, v_head_dim=512, launch=cfg),
            lref, base, lat.k.numel() * 2, ceiling)  # fmt: skip


def main() -> int:
    wanted = (sys.argv[1] if len(sys.argv) > 1 else "kernels,launches").split(",")
    RES.update(card=torch.cuda.get_device_name(), triton=triton.__version__,
               torch=torch.__version__)  # fmt: skip
    ceiling = suite.copy_bandwidth(RES)
    torch.manual_seed(0)
    case = suite.DecodeCase(64, 4096)
    kc, vc, bt = case.paged(16)
    k8 = ops.quantize(kc, torch.float8_e4m3fn, 0.5)
    v8 = ops.quantize(vc, torch.float8_e4m3fn, 0.5)
    ref8 = ops.ref_paged_decode(case.q[FEW], k8, v8, bt[FEW], case.seq_lens[FEW],
                                scale=case.scale, k_scale=0.5, v_scale=0.5)  # fmt: skip

    def bf16() -> torch.Tensor:
        return triton_ops.paged_decode(case.q, kc, vc, bt, case.seq_lens, scale=case.scale)

    bf16()
    base = RES["bf16_paged_graph_ms"] = suite.timed(bf16, graph=True)
    if "kernels" in wanted:
        fp8_kernels(case, bt, k8, v8, ref8, base, ceiling)
        mla_kernels(ceiling, base)
    if "launches" in wanted:
        launches(case, kc, vc, bt, k8, v8, ref8, ceiling)
    print(f"copy {ceiling:.0f} GB/s, bf16 paged {base:.4f} ms (graph)")
    for r in RES["rows"]:
        if "ms" in r:
            times = f"graph {r['ms']:.4f} eager {r['eager_ms']:.4f}"
            print(f"{r['kind']:10s} {times} {r['of_copy']:6.1%} x{r['vs_bf16']:.2f} "
                  f"err {r['err']:.1e} {r['config']}")  # fmt: skip
        else:
            print("ERR", r)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
