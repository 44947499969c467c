"""The whole GPU check in one call: gpu tests, then KV append / paged decode / prefill benchmarks.

``python3 benchmarks/gpu_suite.py [--sweep] [--smoke] [--skip-tests]`` writes ``gpu_suite.json``
and ``decode_bandwidth.png`` under ``$OUT`` (or ./gpu_out) and prints a table last. Every figure
is a median of ``triton.testing.do_bench`` (L2 flushed between runs) on random data, and every
ratio is against a baseline timed in the same process on the same card. ``--smoke`` runs tiny
shapes on CPU under the Triton interpreter to check this script itself (its timings mean nothing).
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SMOKE = "--smoke" in sys.argv
if SMOKE:
    os.environ["TRITON_INTERPRET"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
import triton  # noqa: E402

from kvarch.runtime import ops, triton_ops  # noqa: E402

DEV = torch.device("cpu" if SMOKE else "cuda")
BF16 = torch.bfloat16
Row = dict[str, Any]


def timed(fn: Callable[[], object], *, graph: bool = False) -> float:
    """Median milliseconds of ``fn`` (CUDA graph replay when ``graph``)."""
    if SMOKE:
        t0 = time.perf_counter()
        fn()
        return (time.perf_counter() - t0) * 1e3
    if graph:
        ms = triton.testing.do_bench_cudagraph(fn, rep=50, return_mode="median")
    else:
        ms = triton.testing.do_bench(fn, warmup=10, rep=60, return_mode="median")
    return float(ms)


def rel_err(got: torch.Tensor, want: torch.Tensor) -> float:
    """‖got − want‖ / ‖want‖ in float32."""
    return float((got.float() - want.float()).norm() / want.float().norm())


def sdpa(q: torch.Tensor, k: torch.Tensor, v: torch.Tensor, **kw: Any) -> torch.Tensor:
    """Dense SDPA on the flash backend where it applies (the baseline the issue names)."""
    from torch.nn.attention import SDPBackend, sdpa_kernel

    if SMOKE or k.shape[-1] > 256 or k.shape[-1] != v.shape[-1]:
        return F.scaled_dot_product_attention(q, k, v, enable_gqa=True, **kw)
    with sdpa_kernel([SDPBackend.FLASH_ATTENTION]):
        return F.scaled_dot_product_attention(q, k, v, enable_gqa=True, **kw)


# --- ceilings and append ------------------------------------------------------------------


def copy_bandwidth(res: Row) -> float:
    """Device-to-device copy GB/s (bytes read + written): the ceiling for memory-bound kernels."""
    n = (1 << 20) if SMOKE else (1 << 30)  # 2 GiB of bf16 per side
    src = torch.randn(n, device=DEV).to(BF16)
    dst = torch.empty_like(src)
    ms = timed(lambda: dst.copy_(src))
    gbs: float = 2 * src.numel() * 2 / ms / 1e6
    res["copy"] = {"bytes": 2 * src.numel() * 2, "ms": ms, "GBps": gbs}
    return gbs


def append_point(tokens: int, ceiling: float) -> Row:
    """write_kv of one layer's K and V (Llama-3-8B: 8 heads x 128) vs naive index_copy_."""
    heads, dim, page = 8, 128, 16
    blocks = 2 * tokens // page
    kc = torch.randn(blocks, page, heads, dim, device=DEV).to(BF16)
    vc = torch.randn_like(kc)
    k = torch.randn(tokens, heads, dim, device=DEV).to(BF16)
    v = torch.randn_like(k)
    # Whole pages in random order (how a block manager hands them out), one slot per token.
    pages = torch.randperm(blocks, device=DEV)[: tokens // page]
    slots = (pages[:, None] * page + torch.arange(page, device=DEV)).reshape(-1)
    moved = 2 * 2 * k.numel() * 2 + slots.numel() * 8
    fast = timed(lambda: triton_ops.write_kv(kc, vc, k, v, slots))
    flat_k, flat_v = kc.view(-1, heads, dim), vc.view(-1, heads, dim)

    def naive() -> None:
        flat_k.index_copy_(0, slots, k)
        flat_v.index_copy_(0, slots, v)

    slow = timed(naive)
    kc.normal_()
    triton_ops.write_kv(kc, vc, k, v, slots)
    exact = torch.equal(flat_k[slots], k) and torch.equal(flat_v[slots], v)
    fast_gbs, slow_gbs = moved / fast / 1e6, moved / slow / 1e6
    return {
        "tokens": tokens, "ms": fast, "GBps": fast_gbs, "of_copy": fast_gbs / ceiling,
        "naive_ms": slow, "naive_GBps": slow_gbs, "naive_of_copy": slow_gbs / ceiling,
        "bit_exact": exact,
    }  # fmt: skip


def append_bench(res: Row, ceiling: float) -> None:
    """KV append at 4k..256k tokens per call."""
    sizes = [64, 256] if SMOKE else [4096, 16384, 65536, 262144]
    res["append"] = [append_point(n, ceiling) for n in sizes]


# --- decode -------------------------------------------------------------------------------


class DecodeCase:
    """One (batch, context) point: a dense HND cache for SDPA and paged copies per page size."""

    def __init__(self, batch: int, ctx: int, n_q: int = 32, n_kv: int = 8, dim: int = 128):
        self.batch, self.ctx, self.n_q, self.n_kv, self.dim = batch, ctx, n_q, n_kv, dim
        self.k = torch.randn(batch, n_kv, ctx, dim, device=DEV).to(BF16)
        self.v = torch.randn(batch, n_kv, ctx, dim, device=DEV).to(BF16)
        self.q = torch.randn(batch, n_q, dim, device=DEV).to(BF16)
        self.scale = dim**-0.5
        self.seq_lens = torch.full((batch,), ctx, dtype=torch.int32, device=DEV)
        self.bytes = 2 * self.k.numel() * 2 + 2 * self.q.numel() * 2

    def paged(self, page: int) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        """(k_cache, v_cache, block_tables) holding the same tokens in shuffled pages."""
        n = self.batch * self.ctx // page
        perm = torch.randperm(n, device=DEV)
        caches = []
        for dense in (self.k, self.v):
            pages = dense.transpose(1, 2).reshape(n, page, self.n_kv, self.dim)
            cache = torch.empty_like(pages)
            cache[perm] = pages
            caches.append(cache)
        return caches[0], caches[1], perm.view(self.batch, -1).int()

    def dense(self) -> torch.Tensor:
        """Dense SDPA decode: one query per sequence over the contiguous cache."""
        return sdpa(self.q[:, :, None], self.k, self.v, scale=self.scale)[:, :, 0]


def decode_point(case: DecodeCase, page: int, ceiling: float, dense: Row) -> Row:
    """Paged decode of ``case`` with pages of ``page`` tokens against its dense timings."""
    kc, vc, bt = case.paged(page)

    def run() -> torch.Tensor:
        return triton_ops.paged_decode(case.q, kc, vc, bt, case.seq_lens, scale=case.scale)

    ms, graph_ms = timed(run), timed(run, graph=True)
    gbs = case.bytes / ms / 1e6
    return {
        "batch": case.batch, "ctx": case.ctx, "page": page, "bytes": case.bytes, "ms": ms,
        "graph_ms": graph_ms, "GBps": gbs, "of_copy": gbs / ceiling,
        "dense_ms": dense["ms"], "dense_graph_ms": dense["graph_ms"],
        "vs_dense": ms / dense["ms"], "graph_vs_dense": graph_ms / dense["graph_ms"],
        "rel_err": rel_err(run(), dense["out"]),
    }  # fmt: skip


def decode_grid(res: Row, ceiling: float) -> None:
    """Paged decode for batch x context x page vs dense SDPA (eager and CUDA-graph timings)."""
    rows: list[Row] = []
    batches, ctxs, pages = ([2, 4], [64, 128], [16, 64]) if SMOKE else (
        [1, 16, 64, 256], [1024, 4096, 16384], [16, 64, 128]
    )  # fmt: skip
    for ctx in ctxs:
        for batch in batches:
            case = DecodeCase(batch, ctx)
            dense = {
                "ms": timed(case.dense),
                "graph_ms": timed(case.dense, graph=True),
                "out": case.dense(),
            }
            rows.extend(decode_point(case, page, ceiling, dense) for page in pages)
            del case, dense
            if not SMOKE:
                torch.cuda.empty_cache()
    res["decode"] = rows


def decode_headline_baselines(res: Row, ceiling: float) -> None:
    """At batch 64 x 4k: naive gather+SDPA and flex_attention with a paged block mask."""
    batch, ctx, page = (4, 128, 16) if SMOKE else (64, 4096, 128)
    case = DecodeCase(batch, ctx)
    kc, vc, bt = case.paged(page)
    out: Row = {"batch": batch, "ctx": ctx, "page": page, "dense_ms": timed(case.dense)}

    def naive() -> torch.Tensor:
        k = kc[bt.long()].view(batch, ctx, case.n_kv, case.dim).transpose(1, 2)
        v = vc[bt.long()].view(batch, ctx, case.n_kv, case.dim).transpose(1, 2)
        return sdpa(case.q[:, :, None], k, v, scale=case.scale)

    out["naive_ms"] = timed(naive)
    out["naive_vs_dense"] = out["naive_ms"] / out["dense_ms"]
    try:
        flex_fn = flex_paged_decode(case, kc, vc, bt, page)
        out["flex_rel_err"] = rel_err(flex_fn(), case.dense())
        out["flex_ms"] = timed(flex_fn)
        out["flex_vs_dense"] = out["flex_ms"] / out["dense_ms"]
        out["flex_GBps"] = case.bytes / out["flex_ms"] / 1e6
    except Exception as exc:  # report, don't hide: the table says why flex is missing
        out["flex_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    res["decode_baselines"] = out


def flex_paged_decode(
    case: DecodeCase, kc: torch.Tensor, vc: torch.Tensor, bt: torch.Tensor, page: int
) -> Callable[[], torch.Tensor]:
    """flex_attention over the same pages through torch's PagedAttention block-mask mapping."""
    from torch.nn.attention.experimental._paged_attention import PagedAttention
    from torch.nn.attention.flex_attention import create_block_mask, flex_attention

    batch, n_pages = case.batch, kc.shape[0]
    paged = PagedAttention(n_pages, page, batch, device=str(DEV))
    width = bt.shape[1]
    paged.page_table[:, :width] = bt.long()
    rows = torch.arange(batch, device=DEV)[:, None].expand(-1, width)
    paged.physical_to_logical[rows, bt.long()] = torch.arange(width, device=DEV)[None, :]
    paged.capacity[:] = width * page
    kp = kc.view(n_pages * page, case.n_kv, case.dim).permute(1, 0, 2)[None].contiguous()
    vp = vc.view(n_pages * page, case.n_kv, case.dim).permute(1, 0, 2)[None].contiguous()

    def visible(b: Any, h: Any, q_idx: Any, kv_idx: Any) -> Any:
        return kv_idx < case.ctx

    logical = create_block_mask(
        visible, batch, None, 1, case.ctx, device=str(DEV), BLOCK_SIZE=(page, page)
    )
    mask = paged.convert_logical_block_mask(logical)
    compiled = torch.compile(flex_attention)
    q = case.q[:, :, None].contiguous()

    def run() -> torch.Tensor:
        return compiled(q, kp, vp, block_mask=mask, scale=case.scale, enable_gqa=True)[:, :, 0]

    return run


def window_point(ceiling: float) -> Row:
    """Sliding-window decode (Mistral-like window 4096 over 16k) vs dense SDPA over the window."""
    batch, ctx, window, page = (2, 128, 32, 16) if SMOKE else (64, 16384, 4096, 16)
    case = DecodeCase(batch, ctx)
    kc, vc, bt = case.paged(page)

    def windowed() -> torch.Tensor:
        return triton_ops.paged_decode(
            case.q, kc, vc, bt, case.seq_lens, scale=case.scale, window=window
        )

    tail_k, tail_v = case.k[:, :, -window:].contiguous(), case.v[:, :, -window:].contiguous()

    def dense_tail() -> torch.Tensor:
        return sdpa(case.q[:, :, None], tail_k, tail_v, scale=case.scale)[:, :, 0]

    ms, dense_ms = timed(windowed), timed(dense_tail)
    moved = case.bytes * window / ctx
    return {
        "batch": batch, "ctx": ctx, "window": window, "page": page, "ms": ms,
        "dense_ms": dense_ms, "vs_dense": ms / dense_ms, "GBps": moved / ms / 1e6,
        "of_copy": moved / ms / 1e6 / ceiling, "rel_err": rel_err(windowed(), dense_tail()),
    }  # fmt: skip


def mla_point(ceiling: float) -> Row:
    """MLA latent decode (DeepSeek-V3 on TP 8: 16 q heads, latent 576, values 512).

    ``ms`` is CUDA-graph replay, as the Engine runs decode steps: at ~0.1 ms the eager time
    (``eager_ms``) is mostly the two Python launches, and varied 0.10-0.22 ms between calls."""
    batch, ctx, page = (2, 64, 16) if SMOKE else (64, 4096, 64)
    latent, v_dim, heads = 576, 512, 16
    lat = DecodeCase(batch, ctx, n_q=heads, n_kv=1, dim=latent)
    kc, _, bt = lat.paged(page)
    scale = 192**-0.5

    def mla() -> torch.Tensor:
        return triton_ops.paged_decode(
            lat.q, kc, None, bt, lat.seq_lens, scale=scale, v_head_dim=v_dim
        )

    v_dense = lat.k[..., :v_dim]

    def mla_dense() -> torch.Tensor:
        return sdpa(lat.q[:, :, None], lat.k, v_dense, scale=scale)[:, :, 0]

    err = rel_err(mla(), mla_dense())  # compiles before any timing
    ms, eager_ms, dense_ms = timed(mla, graph=True), timed(mla), timed(mla_dense, graph=True)
    moved = lat.k.numel() * 2
    return {
        "batch": batch, "ctx": ctx, "page": page, "q_heads": heads, "latent": latent,
        "v_dim": v_dim, "ms": ms, "dense_ms": dense_ms, "vs_dense": ms / dense_ms,
        "GBps": moved / ms / 1e6, "of_copy": moved / ms / 1e6 / ceiling,
        "eager_ms": eager_ms, "eager_of_copy": moved / eager_ms / 1e6 / ceiling, "rel_err": err,
    }  # fmt: skip


def fp8_point(ceiling: float) -> Row:
    """fp8 K/V at batch 64 x 4k against the bf16 paged kernel on the same pages (same run):
    e4m3 with per-tensor scales (the headline), e4m3 with per-KV-head scales, e5m2. Times are
    CUDA-graph replays (``eager_*`` beside them), as :func:`mla_point`'s."""
    batch, ctx, page = (2, 64, 16) if SMOKE else (64, 4096, 16)
    case = DecodeCase(batch, ctx)
    kc, vc, bt = case.paged(page)

    def bf16() -> torch.Tensor:
        return triton_ops.paged_decode(case.q, kc, vc, bt, case.seq_lens, scale=case.scale)

    bf16()
    bf16_ms, dense_ms = timed(bf16, graph=True), timed(case.dense, graph=True)
    bf16_eager_ms = timed(bf16)
    moved = case.bytes / 2
    head_scales = torch.linspace(0.2, 0.6, case.n_kv, device=DEV)
    found: Row = {}
    for name, dtype, scale in [
        ("e4m3", torch.float8_e4m3fn, 0.5),
        ("e4m3_per_head", torch.float8_e4m3fn, head_scales),
        ("e5m2", torch.float8_e5m2, 0.5),
    ]:
        k8, v8 = ops.quantize(kc, dtype, scale), ops.quantize(vc, dtype, scale)
        # v_scale as a device tensor: the form a CUDA-graph-captured step passes
        v_scale = scale if isinstance(scale, torch.Tensor) else torch.tensor(scale, device=DEV)
        scales = {"k_scale": scale, "v_scale": v_scale}

        def fp8(
            k8: Any = k8, v8: Any = v8, scales: Row = scales, launch: Any = None
        ) -> torch.Tensor:
            return triton_ops.paged_decode(
                case.q, k8, v8, bt, case.seq_lens, scale=case.scale, launch=launch, **scales
            )

        few = slice(0, 4)
        ref = ops.ref_paged_decode(
            case.q[few], k8, v8, bt[few], case.seq_lens[few], scale=case.scale, **scales
        )
        err = rel_err(fp8(), case.dense())  # compiles before any timing
        ms, eager_ms = timed(fp8, graph=True), timed(fp8)
        modes: Row = {}
        if name == "e4m3":  # the other dequantization modes, on the same caches
            for mode, bn in (("cvt", 64), ("fp16", 128), ("q_dtype", 64)):
                launch = triton_ops.DecodeLaunch(fp8_dot=mode, block_n=bn)  # type: ignore[arg-type]
                run = functools.partial(fp8, launch=launch)
                run()
                modes[f"{mode}_block_n{bn}"] = timed(run, graph=True)
        found[name] = {
            "other_modes_ms": modes,
            "other_modes_vs_bf16_paged": {k: v / bf16_ms for k, v in modes.items()},
            "batch": batch, "ctx": ctx, "page": page, "ms": ms, "bf16_paged_ms": bf16_ms,
            "dense_ms": dense_ms, "vs_dense": ms / dense_ms, "vs_bf16_paged": ms / bf16_ms,
            "GBps": moved / ms / 1e6, "of_copy": moved / ms / 1e6 / ceiling,
            "eager_ms": eager_ms, "bf16_paged_eager_ms": bf16_eager_ms,
            "eager_vs_bf16_paged": eager_ms / bf16_eager_ms, "rel_err": err,
            "rel_err_vs_reference": rel_err(fp8()[few], ref),
        }  # fmt: skip
    headline: Row = found.pop("e4m3")
    return {**headline, **found}


def decode_variants(res: Row, ceiling: float) -> None:
    """Sliding-window, MLA-latent and fp8-cache geometries."""
    res["decode_variants"] = {
        "window": window_point(ceiling),
        "mla": mla_point(ceiling),
        "fp8": fp8_point(ceiling),
    }


# --- prefill ------------------------------------------------------------------------------


def prefill_bench(
    res: Row, *, launch: Any = None, pages: tuple[int, ...] | list[int] = (16, 128)
) -> list[Row]:
    """Fresh prompts (batch 4 x 4k) through paged prefill vs dense causal SDPA (flash)."""
    rows = []
    batch, length = (2, 64) if SMOKE else (4, 4096)
    n_q, n_kv, dim = 32, 8, 128
    case = DecodeCase(batch, length, n_q=n_q, n_kv=n_kv, dim=dim)
    q = torch.randn(batch, n_q, length, dim, device=DEV).to(BF16)
    packed = q.transpose(1, 2).reshape(batch * length, n_q, dim).contiguous()
    qsl = torch.arange(0, batch + 1, device=DEV, dtype=torch.int32) * length

    def dense() -> torch.Tensor:
        return sdpa(q, case.k, case.v, scale=case.scale, is_causal=True)

    dense_ms = timed(dense)
    want = dense().transpose(1, 2).reshape(batch * length, n_q, dim)
    flops = 4 * batch * n_q * dim * length * length / 2
    for page in [16] if SMOKE else pages:
        kc, vc, bt = case.paged(page)

        def run(kc: torch.Tensor = kc, vc: torch.Tensor = vc, bt: torch.Tensor = bt) -> Any:
            return triton_ops.paged_prefill(
                packed,
                kc,
                vc,
                bt,
                case.seq_lens,
                qsl,
                scale=case.scale,
                launch=launch,
            )

        ms = timed(run)
        rows.append(
            {
                "batch": batch, "len": length, "page": page, "ms": ms, "dense_ms": dense_ms,
                "vs_dense": ms / dense_ms, "TFLOPs": flops / ms / 1e9,
                "dense_TFLOPs": flops / dense_ms / 1e9, "rel_err": rel_err(run(), want),
            }
        )  # fmt: skip
    res["prefill"] = rows
    return rows


def chunked_prefill(res: Row) -> None:
    """512 new tokens on a 3584-token cached prefix (x16) vs SDPA with a lower-right causal mask."""
    from torch.nn.attention.bias import causal_lower_right

    batch, new, ctx, page = (2, 16, 64, 16) if SMOKE else (16, 512, 4096, 16)
    case = DecodeCase(batch, ctx)
    kc, vc, bt = case.paged(page)
    q = torch.randn(batch, case.n_q, new, case.dim, device=DEV).to(BF16)
    packed = q.transpose(1, 2).reshape(batch * new, case.n_q, case.dim).contiguous()
    qsl = torch.arange(0, batch + 1, device=DEV, dtype=torch.int32) * new

    def run() -> torch.Tensor:
        return triton_ops.paged_prefill(packed, kc, vc, bt, case.seq_lens, qsl, scale=case.scale)

    out: Row = {"batch": batch, "new": new, "ctx": ctx, "page": page, "ms": timed(run)}
    flops = 4 * batch * case.n_q * case.dim * new * (ctx - new / 2)
    out["TFLOPs"] = flops / out["ms"] / 1e9
    try:
        mask = causal_lower_right(new, ctx)

        def dense() -> torch.Tensor:
            return F.scaled_dot_product_attention(
                q, case.k, case.v, attn_mask=mask, scale=case.scale, enable_gqa=True
            )

        out["dense_ms"] = timed(dense)
        out["vs_dense"] = out["ms"] / out["dense_ms"]
        want = dense().transpose(1, 2).reshape(batch * new, case.n_q, case.dim)
        out["rel_err"] = rel_err(run(), want)
    except Exception as exc:
        out["dense_error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    res["chunked_prefill"] = out


# --- sweeps (tuning runs) -----------------------------------------------------------------


def sweep_point(
    batch: int, ctx: int, page: int, configs: list[Any], mla: bool = False
) -> list[Row]:
    """Decode time of each tile choice at one point (None = the default heuristic)."""
    shape = {"n_q": 16, "n_kv": 1, "dim": 576} if mla else {}
    case = DecodeCase(batch, ctx, **shape)
    kc, vc, bt = case.paged(page)
    v_cache, v_dim = (None, 512) if mla else (vc, None)
    dense_ms = timed(case.dense) if not mla else float("nan")
    found = []
    for cfg in [None, *configs]:
        err = None

        def run(cfg: Any = cfg) -> torch.Tensor:
            return triton_ops.paged_decode(
                case.q, kc, v_cache, bt, case.seq_lens, scale=case.scale, launch=cfg,
                v_head_dim=v_dim,
            )  # fmt: skip

        try:
            ms: float | None = timed(run)
        except Exception as exc:  # an invalid tile choice (e.g. out of shared memory)
            ms, err = None, str(exc)[:120]
        found.append(
            {"kind": "mla" if mla else "decode", "batch": batch, "ctx": ctx, "page": page,
             "config": None if cfg is None else cfg.__dict__, "ms": ms,
             "vs_dense": None if ms is None else ms / dense_ms, "error": err}
        )  # fmt: skip
    return found


def sweep(res: Row) -> None:
    """Decode tile choices at a few points (used to set the defaults)."""
    points = [(4, 128, 16)] if SMOKE else [(64, 4096, 16), (16, 4096, 16), (1, 16384, 16),
                                            (256, 1024, 16)]  # fmt: skip
    launch = triton_ops.DecodeLaunch
    configs = [
        launch(block_n=bn, splits=sp, num_warps=w, num_stages=st)
        for bn in (32, 64, 128)
        for sp in (1, 2, 4, 8, 16, 32, 64)
        for w, st in ((4, 2), (8, 2))
    ]
    mla_configs = [
        launch(block_n=bn, splits=sp, num_warps=w, num_stages=st)
        for bn in (16, 32, 64)
        for sp in (2, 4, 8, 16)
        for w, st in ((4, 2), (8, 2))
    ]
    if SMOKE:
        configs, mla_configs = configs[:3], mla_configs[:2]
    res["sweep"] = [row for point in points for row in sweep_point(*point, configs)]
    mla_point_shape = (2, 64, 16) if SMOKE else (64, 4096, 64)
    res["sweep"] += sweep_point(*mla_point_shape, mla_configs, mla=True)
    res["sweep"] += fp8_sweep()
    res["sweep"] += prefill_sweep()


def fp8_sweep() -> list[Row]:
    """fp8 (e4m3, per-tensor scales) decode tile choices and dequantization modes, B64 x 4k."""
    batch, ctx, page = (2, 64, 16) if SMOKE else (64, 4096, 16)
    case = DecodeCase(batch, ctx)
    kc, vc, bt = case.paged(page)
    k8, v8 = ops.quantize(kc, torch.float8_e4m3fn, 0.5), ops.quantize(vc, torch.float8_e4m3fn, 0.5)
    configs = [
        triton_ops.DecodeLaunch(fp8_dot=mode, block_n=bn, num_warps=w, num_stages=st)
        for mode in ("shift", "fp16", "q_dtype")
        for bn, w, st in ((64, 4, 2), (128, 4, 2), (128, 8, 2), (64, 4, 3))
    ]
    bf16_ms = timed(
        lambda: triton_ops.paged_decode(case.q, kc, vc, bt, case.seq_lens, scale=case.scale)
    )
    found = []
    for cfg in [None, *(configs[:2] if SMOKE else configs)]:

        def run(cfg: Any = cfg) -> torch.Tensor:
            return triton_ops.paged_decode(
                case.q, k8, v8, bt, case.seq_lens, scale=case.scale, k_scale=0.5, v_scale=0.5,
                launch=cfg,
            )  # fmt: skip

        ms = timed(run)
        found.append(
            {"kind": "fp8", "batch": batch, "ctx": ctx, "page": page,
             "config": None if cfg is None else cfg.__dict__, "ms": ms,
             "vs_dense": ms / bf16_ms, "vs_bf16_paged": ms / bf16_ms, "error": None}
        )  # fmt: skip
    return found


def prefill_sweep() -> list[Row]:
    """Prefill tile choices at batch 4 x 4k, page 16, GQA 4."""
    found = []
    prefill_configs = [
        triton_ops.PrefillLaunch(block_q=bq, block_n=bn, num_warps=w, num_stages=st)
        for bq in (16, 32)
        for bn in (64, 128)
        for w, st in ((4, 2), (8, 2), (8, 3))
    ]
    for cfg in [None, *(prefill_configs[:2] if SMOKE else prefill_configs)]:
        err = None
        try:
            row: Row | None = prefill_bench({}, launch=cfg, pages=[16])[0]
        except Exception as exc:
            row, err = None, str(exc)[:120]
        found.append(
            {"kind": "prefill", "batch": 4, "ctx": 4096, "page": 16,
             "config": None if cfg is None else cfg.__dict__,
             "ms": None if row is None else row["ms"],
             "vs_dense": None if row is None else row["vs_dense"], "error": err}
        )  # fmt: skip
    return found


# --- CPU bookkeeping ----------------------------------------------------------------------


def bookkeeping(res: Row) -> None:
    """CPU time of one decode step at batch 256: block manager + tensors handed to the kernels."""
    try:
        import numpy as np

        from kvarch.runtime.blocks import BlockManager

        batch, page, prompt = 256, 16, 1000
        mgr = BlockManager(
            page_size=page, num_blocks=[batch * 4096 // page], max_seqs=batch, max_seq_len=8192
        )
        for i in range(batch):
            mgr.add(i, list(range(prompt)))
        rows = mgr.rows_of(list(range(batch)))
        steps, times, step_only = 400, [], []
        for _ in range(steps):
            t0 = time.perf_counter()
            slots = mgr.decode_step(rows)[0]
            t1 = time.perf_counter()
            tables = torch.from_numpy(mgr.block_tables(0, rows)).to(DEV, non_blocking=True)
            lens = torch.from_numpy(mgr.seq_lens[rows]).to(DEV, non_blocking=True)
            slot_t = torch.from_numpy(slots).to(DEV, non_blocking=True)
            times.append(time.perf_counter() - t0)
            step_only.append(t1 - t0)
        del tables, lens, slot_t
        res["bookkeeping"] = {
            "batch": batch,
            "median_us": float(np.median(times)) * 1e6,
            "p90_us": float(np.percentile(times, 90)) * 1e6,
            "decode_step_median_us": float(np.median(step_only)) * 1e6,
            "includes": "BlockManager.decode_step + int32 tables, seq_lens, slots to the device",
        }
    except Exception as exc:
        res["bookkeeping"] = {"error": f"{type(exc).__name__}: {str(exc)[:300]}"}


# --- tests, report ------------------------------------------------------------------------


def run_tests(res: Row) -> None:
    """``pytest -m gpu`` on the kernel tests (the same process tree, same card)."""
    cmd = [sys.executable, "-m", "pytest", "-q", "-m", "gpu", "tests/test_gpu_kernels.py",
           "-p", "no:cacheprovider"]  # fmt: skip
    t0 = time.time()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    tail = (proc.stdout + proc.stderr).strip().splitlines()[-25:]
    res["tests"] = {"rc": proc.returncode, "seconds": time.time() - t0, "tail": tail}
    print("\n".join(tail), flush=True)


def plot(res: Row, path: Path) -> None:
    """Decode bandwidth vs batch per context (eager top, CUDA-graph replay bottom)."""
    try:
        importlib.import_module("matplotlib").use("Agg")
        plt = importlib.import_module("matplotlib.pyplot")
    except ImportError:
        return
    rows = res["decode"]
    ctxs = sorted({r["ctx"] for r in rows})
    fig, axes = plt.subplots(2, len(ctxs), figsize=(5 * len(ctxs), 7.5), sharey=True)
    for line, (mode, key, dense_key) in enumerate(
        [("eager", "ms", "dense_ms"), ("CUDA graph", "graph_ms", "dense_graph_ms")]
    ):
        for ax, ctx in zip(axes[line], ctxs, strict=True):
            pts = [r for r in rows if r["ctx"] == ctx]
            batches = sorted({r["batch"] for r in pts})
            for page in sorted({r["page"] for r in pts}):
                mine = [next(r for r in pts if r["batch"] == b and r["page"] == page)
                        for b in batches]  # fmt: skip
                tbs = [r["bytes"] / r[key] / 1e9 for r in mine]
                ax.plot(batches, tbs, marker="o", label=f"kvarch paged, page {page}")
            dense = [next(r for r in pts if r["batch"] == b) for b in batches]
            ax.plot(
                batches, [r["bytes"] / r[dense_key] / 1e9 for r in dense], marker="s",
                linestyle="--", color="black", label="dense SDPA (flash), contiguous",
            )  # fmt: skip
            ax.axhline(res["copy"]["GBps"] / 1e3, color="gray", linestyle=":", label="copy")
            ax.set_xscale("log", base=2)
            ax.set_title(f"context {ctx}, {mode}")
            ax.set_xlabel("batch")
        axes[line][0].set_ylabel("TB/s (K+V bytes / time)")
    axes[0][0].legend(fontsize=8)
    fig.suptitle(f"Paged decode, Llama-3-8B geometry (32 q / 8 kv heads, d 128), {res['card']}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def _variant_rows(res: Row) -> list[tuple[str, Row]]:
    """(name, row) of every decode variant, the fp8 sub-cases (per-head, e5m2) included."""
    found = []
    for name, r in res.get("decode_variants", {}).items():
        found.append((name, r))
        found += [(f"{name} {k}", v) for k, v in r.items() if isinstance(v, dict) and "ms" in v]
    return found


def table(res: Row) -> str:
    """The short report printed last."""
    lines = [f"card {res['card']} | torch {res['torch']} | triton {res['triton']}"]
    lines.append(f"tests rc={res.get('tests', {}).get('rc')}  copy {res['copy']['GBps']:.0f} GB/s")
    for r in res.get("append", []):
        lines.append(
            f"append {r['tokens']:>6} tok: {r['GBps']:6.0f} GB/s {r['of_copy']:5.1%} of copy | "
            f"index_copy_ {r['naive_of_copy']:5.1%} | exact {r['bit_exact']}"
        )
    lines.append("decode  B    ctx  page    ms  graph_ms  TB/s  of_copy  vs_dense  g_vs_dense")
    for r in res.get("decode", []):
        lines.append(
            f"      {r['batch']:>3} {r['ctx']:>6} {r['page']:>5} {r['ms']:6.3f}"
            f" {r['graph_ms']:8.3f} {r['GBps'] / 1e3:5.2f} {r['of_copy']:7.1%}"
            f" {r['vs_dense']:8.2f}x {r['graph_vs_dense']:9.2f}x"
        )
    base = res.get("decode_baselines", {})
    if base:
        flex = f"flex {base['flex_vs_dense']:.2f}x" if "flex_ms" in base else base.get("flex_error")
        lines.append(
            f"headline B{base['batch']}x{base['ctx']} p{base['page']}: dense "
            f"{base['dense_ms']:.3f} ms, naive gather+SDPA {base['naive_vs_dense']:.2f}x, {flex}"
        )
    for name, r in _variant_rows(res):
        extra = f", {r['vs_bf16_paged']:.2f}x bf16 paged" if "vs_bf16_paged" in r else ""
        lines.append(
            f"{name}: {r['ms']:.3f} ms, {r['of_copy']:.1%} of copy, {r['vs_dense']:.2f}x dense"
            f"{extra}, err {r['rel_err']:.1e}"
        )
    for r in res.get("prefill", []):
        lines.append(
            f"prefill B{r['batch']}x{r['len']} p{r['page']}: {r['ms']:.2f} ms {r['TFLOPs']:.0f} "
            f"TFLOP/s, {r['vs_dense']:.2f}x dense ({r['dense_TFLOPs']:.0f}), err {r['rel_err']:.1e}"
        )
    chunk = res.get("chunked_prefill", {})
    if chunk:
        vs = f"{chunk['vs_dense']:.2f}x dense" if "vs_dense" in chunk else chunk.get("dense_error")
        lines.append(
            f"chunked prefill B{chunk['batch']} +{chunk['new']} on {chunk['ctx']}: "
            f"{chunk['ms']:.3f} ms {chunk['TFLOPs']:.0f} TFLOP/s, {vs}"
        )
    book = res.get("bookkeeping", {})
    if book:
        lines.append(f"bookkeeping B256: {book}")
    best: dict[tuple[int, int, int], Row] = {}
    for r in res.get("sweep", []):
        key = (r["batch"], r["ctx"], r["page"])
        if r["ms"] is not None and (key not in best or r["ms"] < best[key]["ms"]):
            best[key] = r
    for key, r in best.items():
        lines.append(f"sweep best {key}: {r['config']} {r['ms']:.3f} ms {r['vs_dense']:.2f}x")
    return "\n".join(lines)


def kernel_table(res: Row) -> list[str]:
    """The issue-14 rows: each kernel against its same-run baseline and target."""
    out = ["| case | kvarch | same-run baseline | ratio | target |", "|---|---|---|---:|---|"]
    variants = res.get("decode_variants", {})
    fp8 = variants.get("fp8")
    if fp8:
        for name, r in [("e4m3, per-tensor scales", fp8), ("e4m3, per-KV-head scales",
                        fp8.get("e4m3_per_head")), ("e5m2", fp8.get("e5m2"))]:  # fmt: skip
            if r:
                out.append(
                    f"| fp8 {name} K/V decode, B{r['batch']} x {r['ctx']}, page {r['page']} "
                    f"| {r['ms']:.3f} ms (graph), {r['of_copy']:.1%} of copy | bf16 paged "
                    f"{r['bf16_paged_ms']:.3f} ms | {r['vs_bf16_paged']:.2f}x | <= 0.60x |"
                )
    mla = variants.get("mla")
    if mla:
        out.append(
            f"| MLA latent decode (16 q heads, 576 / 512), B{mla['batch']} x {mla['ctx']}, page "
            f"{mla['page']} | {mla['ms']:.3f} ms (graph), {mla['GBps'] / 1e3:.2f} TB/s | copy "
            f"{res['copy']['GBps'] / 1e3:.2f} TB/s | {mla['of_copy']:.1%} of copy | >= 80 % |"
        )
    for r in res.get("prefill", []):
        out.append(
            f"| paged prefill {r['batch']} x {r['len']}, page {r['page']} | {r['ms']:.2f} ms, "
            f"{r['TFLOPs']:.0f} TFLOP/s | flash SDPA {r['dense_ms']:.2f} ms | "
            f"{r['vs_dense']:.2f}x | <= 1.00x |"
        )
    c = res.get("chunked_prefill")
    if c and "vs_dense" in c:
        out.append(
            f"| chunked prefill {c['batch']} x {c['new']} new on {c['ctx'] - c['new']} cached, "
            f"page {c['page']} | {c['ms']:.2f} ms, {c['TFLOPs']:.0f} TFLOP/s | SDPA "
            f"causal_lower_right {c['dense_ms']:.2f} ms | {c['vs_dense']:.2f}x | <= 1.05x |"
        )
    for r in res.get("append", [])[:2]:
        out.append(
            f"| KV append {r['tokens']} tokens | {r['GBps']:.0f} GB/s | copy | "
            f"{r['of_copy']:.1%} of copy | (>= 85 % at 64k+) |"
        )
    return out


def markdown(res: Row) -> str:
    """Markdown tables of a result JSON (for docs/benchmarks.md)."""
    out = [f"Card: {res['card']}, torch {res['torch']}, triton {res['triton']}; "
           f"copy ceiling {res['copy']['GBps']:.0f} GB/s (read + write).", ""]  # fmt: skip
    out += [*kernel_table(res), ""]
    out += ["| tokens | kvarch write_kv GB/s | of copy | index_copy_ of copy | bit-exact |",
            "|---:|---:|---:|---:|:---:|"]  # fmt: skip
    for r in res.get("append", []):
        out.append(
            f"| {r['tokens']} | {r['GBps']:.0f} | {r['of_copy']:.1%} | {r['naive_of_copy']:.1%} "
            f"| {r['bit_exact']} |"
        )
    out += [
        "",
        "| batch | context | page | ms | TB/s | of copy | vs dense | graph ms |"
        " graph vs dense | rel err |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in res.get("decode", []):
        out.append(
            f"| {r['batch']} | {r['ctx']} | {r['page']} | {r['ms']:.3f} | {r['GBps'] / 1e3:.2f} "
            f"| {r['of_copy']:.1%} | {r['vs_dense']:.2f}x | {r['graph_ms']:.3f} "
            f"| {r['graph_vs_dense']:.2f}x | {r['rel_err']:.1e} |"
        )
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sweep", action="store_true", help="also time tile choices")
    parser.add_argument("--smoke", action="store_true", help="tiny shapes on CPU (interpreter)")
    parser.add_argument("--skip-tests", action="store_true", help="benchmarks only")
    parser.add_argument("--markdown", metavar="JSON", help="print tables of a saved result")
    parser.add_argument("--only", metavar="STEPS", help="comma-separated steps, e.g. variants")
    args = parser.parse_args()
    if args.markdown:
        print(markdown(json.loads(Path(args.markdown).read_text())))
        return 0
    out_dir = Path(os.environ.get("OUT") or "gpu_out")
    out_dir.mkdir(parents=True, exist_ok=True)
    res: Row = {
        "card": "cpu (smoke)" if SMOKE else torch.cuda.get_device_name(),
        "torch": torch.__version__,
        "triton": triton.__version__,
        "command": " ".join(sys.argv),
    }
    if not args.skip_tests and not SMOKE:
        run_tests(res)
    torch.manual_seed(0)
    steps: dict[str, Callable[[], None]] = {
        "append": lambda: append_bench(res, res["ceiling"]),
        "decode": lambda: decode_grid(res, res["ceiling"]),
        "baselines": lambda: decode_headline_baselines(res, res["ceiling"]),
        "variants": lambda: decode_variants(res, res["ceiling"]),
        "prefill": lambda: res.update(prefill=prefill_bench(res)),
        "chunked": lambda: chunked_prefill(res),
        "bookkeeping": lambda: bookkeeping(res),
    }
    if args.sweep:
        steps["sweep"] = lambda: sweep(res)
    wanted = [name for name in (args.only or "").split(",") if name]
    if unknown := sorted(set(wanted) - set(steps)):
        parser.error(f"--only: unknown step(s) {unknown}; known: {sorted(steps)}")
    res["ceiling"] = copy_bandwidth(res)
    for name, step in steps.items():
        if wanted and name not in wanted:
            continue
        t0 = time.time()
        step()
        print(f"step done in {time.time() - t0:.1f}s", flush=True)
        (out_dir / "gpu_suite.json").write_text(json.dumps(res, indent=1, default=str))
    if "decode" in res:
        plot(res, out_dir / "decode_bandwidth.png")
    (out_dir / "gpu_suite.json").write_text(json.dumps(res, indent=1, default=str))
    print(table(res))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
