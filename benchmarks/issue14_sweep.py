"""Issue 14 tile sweep in one call: fp8 e4m3 and MLA-latent decode launch choices at B64 x 4k.

``python3 benchmarks/issue14_sweep.py [fp8,mla,bf16,superhead,offsets]`` (``offsets``: 32-bit
gather offsets and warp counts instead of the earlier tile sweeps) checks every configuration
against the torch reference (first rows) and times it (median of ``triton.testing.do_bench``)
against the bf16 paged kernel and the copy ceiling measured in the same process; writes
``issue14_sweep.json`` under ``$OUT`` (or ./gpu_out) after each row and prints a table last.
``profile-bf16`` / ``profile-fp8`` / ``profile-mla`` launch one default decode three times
(for ``ncu --launch-skip 2 --launch-count 1``). Results: docs/benchmarks.md (issue 14).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import torch
import triton

from benchmarks import gpu_suite as suite
from kvarch.runtime import ops, triton_ops

Launch = triton_ops.DecodeLaunch
FEW = slice(0, 4)


def _row(kind: str, cfg: Launch, run: Any, ref: torch.Tensor, base_ms: float, moved: int,
         ceiling: float) -> dict[str, Any]:  # fmt: skip
    row: dict[str, Any] = {"kind": kind, "config": cfg.__dict__}
    try:
        t0 = time.time()
        out = run(cfg)
        row["compile_s"] = time.time() - t0
        row["rel_err_vs_reference"] = suite.rel_err(out[FEW], ref)
        ms = suite.timed(lambda: run(cfg))
        row.update(ms=ms, vs_base=ms / base_ms, of_copy=moved / ms / 1e6 / ceiling)
    except Exception as exc:  # a config that fails to compile is a row, not the end of the sweep
        row["error"] = f"{type(exc).__name__}: {str(exc)[:300]}"
    return row


def fp8_configs() -> list[Launch]:
    """Tiles x pipeline depth x splits (stages >= 5 double-buffer the tiles), and fp16 converts."""
    tiles = ((64, 4, 2), (64, 4, 5), (64, 4, 7), (128, 4, 5))
    found = [Launch(block_n=bn, num_warps=w, num_stages=st, splits=sp)
             for bn, w, st in tiles for sp in (1, 2, 4, 8)]  # fmt: skip
    found += [Launch(fp8_dot="fp16", block_n=128, splits=sp) for sp in (1, 4)]
    found += [Launch(fp8_dot="shift", splits=sp) for sp in (1, 4)]
    found += [Launch(fp8_dot="cvt", block_n=bn, num_warps=w, num_stages=st, splits=sp)
              for bn, w, st in ((64, 4, 2), (64, 4, 3), (128, 4, 2), (128, 4, 3), (128, 8, 2))
              for sp in (1, 2, 4, 8)]  # fmt: skip
    return found


def offset_configs(kind: str) -> list[Launch]:
    """32-bit gather offsets (``offsets32``) and 1-2 warps per program, by (block_n, stages,
    splits, warps, offsets32); the default launch is timed again in between. (The page-box
    reads this sweep also timed were removed from the kernel: docs/benchmarks.md, fourth pass.)"""
    if kind == "mla":
        found = [(64, 2, 4, 8, False), (64, 2, 4, 8, True), (64, 2, 4, 8, False)]
    elif kind == "bf16":
        found = [(64, 2, 1, 4, True), (64, 2, 2, 2, False)]
    else:
        found = [(64, 2, 1, 4, True), (64, 2, 2, 2, False), (64, 2, 4, 2, False),
                 (64, 2, 4, 1, False), (64, 2, 8, 1, False), (64, 3, 4, 2, False),
                 (128, 2, 4, 2, False), (64, 2, 4, 2, True),
                 (None, None, None, None, False)]  # fmt: skip
    return [Launch(block_n=bn, num_stages=st, splits=sp, num_warps=w, offsets32=o32)
            for bn, st, sp, w, o32 in found]  # fmt: skip


def superhead_configs() -> list[Launch]:
    tiles = ((64, 4, 2), (64, 8, 2), (32, 4, 2), (32, 8, 3), (64, 8, 3))
    return [Launch(block_n=bn, num_warps=w, num_stages=st, splits=sp)
            for bn, w, st in tiles for sp in (1, 2, 4)]  # fmt: skip


def mla_configs() -> list[Launch]:
    tiles = ((64, 8, 2), (64, 8, 3), (64, 8, 5), (32, 8, 5), (32, 8, 7), (32, 4, 5), (16, 4, 7))
    found = [Launch(block_n=bn, num_warps=w, num_stages=st, splits=sp)
             for bn, w, st in tiles for sp in (4, 8, 16)]  # fmt: skip
    return [*found, Launch(block_n=128, num_warps=8, num_stages=2, splits=2)]


class Superhead:
    """GQA decode as MLA-like decode: ``h_per`` KV heads side by side form one head of
    ``h_per * dim`` columns (a view of the same cache, contiguous per token), and q is
    block-diagonal over them, so each program reads ``h_per * dim`` contiguous bytes per token
    and the zero blocks keep the heads apart. The output's diagonal blocks are the heads'."""

    def __init__(self, q: torch.Tensor, n_kv: int, h_per: int) -> None:
        b, hq, d = q.shape
        self.h_per, self.group, self.d, self.n_kv = h_per, hq // n_kv, d, n_kv
        qv = q.view(b, n_kv // h_per, h_per, self.group, d)
        qb = q.new_zeros(b, n_kv // h_per, h_per, self.group, h_per, d)
        for j in range(h_per):
            qb[:, :, j, :, j] = qv[:, :, j]
        self.q = qb.view(b, hq, h_per * d)

    def cache(self, c: torch.Tensor) -> torch.Tensor:
        return c.view(c.shape[0], c.shape[1], self.n_kv // self.h_per, self.h_per * self.d)

    def heads(self, out: torch.Tensor) -> torch.Tensor:
        b = out.shape[0]
        o = out.view(b, self.n_kv // self.h_per, self.h_per, self.group, self.h_per, self.d)
        return torch.stack([o[:, :, j, :, j] for j in range(self.h_per)], 2).reshape(b, -1, self.d)


def profile(kind: str) -> int:
    """Three default launches of one decode case (bf16, fp8 or mla), for ``ncu --launch-skip 2``."""
    torch.manual_seed(0)
    latent = kind == "mla"
    case = suite.DecodeCase(64, 4096, **({"n_q": 16, "n_kv": 1, "dim": 576} if latent else {}))
    kc, vc, bt = case.paged(64 if latent else 16)
    opts: dict[str, Any] = {"scale": case.scale}
    if latent:
        vc, opts["v_head_dim"] = None, 512
    if kind == "fp8":
        kc, vc = (ops.quantize(c, torch.float8_e4m3fn, 0.5) for c in (kc, vc))
        opts.update(k_scale=0.5, v_scale=0.5)
    for _ in range(3):
        triton_ops.paged_decode(case.q, kc, vc, bt, case.seq_lens, **opts)
    torch.cuda.synchronize()
    return 0


def main() -> int:
    wanted = (sys.argv[1] if len(sys.argv) > 1 else "fp8,mla,bf16").split(",")
    if wanted[0].startswith("profile-"):
        return profile(wanted[0].removeprefix("profile-"))
    out_dir = Path(os.environ.get("OUT") or "gpu_out")
    out_dir.mkdir(parents=True, exist_ok=True)
    res: dict[str, Any] = {"card": torch.cuda.get_device_name(), "triton": triton.__version__,
                           "torch": torch.__version__, "rows": []}  # fmt: skip
    ceiling = suite.copy_bandwidth(res)
    torch.manual_seed(0)
    case = suite.DecodeCase(64, 4096)
    kc, vc, bt = case.paged(16)

    def bf16(cfg: Launch | None = None) -> torch.Tensor:
        return triton_ops.paged_decode(case.q, kc, vc, bt, case.seq_lens, scale=case.scale,
                                       launch=cfg)  # fmt: skip

    bf16_ms = suite.timed(bf16)
    res["bf16_paged_ms"] = bf16_ms

    def save() -> None:
        (out_dir / "issue14_sweep.json").write_text(json.dumps(res, indent=1, default=str))

    if "fp8" in wanted:
        k8 = ops.quantize(kc, torch.float8_e4m3fn, 0.5)
        v8 = ops.quantize(vc, torch.float8_e4m3fn, 0.5)
        ref = ops.ref_paged_decode(case.q[FEW], k8, v8, bt[FEW], case.seq_lens[FEW],
                                   scale=case.scale, k_scale=0.5, v_scale=0.5)  # fmt: skip

        def fp8(cfg: Launch | None) -> torch.Tensor:
            return triton_ops.paged_decode(case.q, k8, v8, bt, case.seq_lens, scale=case.scale,
                                           k_scale=0.5, v_scale=0.5, launch=cfg)  # fmt: skip

        configs = offset_configs("fp8") if "offsets" in wanted else fp8_configs()
        for cfg in [Launch(), *configs]:
            res["rows"].append(_row("fp8", cfg, fp8, ref, bf16_ms, case.bytes // 2, ceiling))
            print(res["rows"][-1], flush=True)
            save()
        for h_per in (2, 4) if "superhead" in wanted else ():
            sh = Superhead(case.q, case.n_kv, h_per)
            ks, vs = sh.cache(k8), sh.cache(v8)

            def fp8_sh(cfg: Launch | None, sh: Superhead = sh, ks: Any = ks, vs: Any = vs) -> Any:
                out = triton_ops.paged_decode(sh.q, ks, vs, bt, case.seq_lens, scale=case.scale,
                                              k_scale=0.5, v_scale=0.5, launch=cfg)  # fmt: skip
                return sh.heads(out)

            for cfg in superhead_configs():
                row = _row(f"fp8_superhead{h_per}", cfg, fp8_sh, ref, bf16_ms, case.bytes // 2,
                           ceiling)  # fmt: skip
                res["rows"].append(row)
                print(row, flush=True)
                save()
    if "bf16" in wanted:
        ref = ops.ref_paged_decode(case.q[FEW], kc, vc, bt[FEW], case.seq_lens[FEW],
                                   scale=case.scale)  # fmt: skip
        configs = [Launch(splits=sp) for sp in (1, 2, 4)]
        for cfg in offset_configs("bf16") if "offsets" in wanted else configs:
            res["rows"].append(_row("bf16", cfg, bf16, ref, bf16_ms, case.bytes, ceiling))
            print(res["rows"][-1], flush=True)
            save()
        for h_per in (2, 4) if "superhead" in wanted else ():
            sh = Superhead(case.q, case.n_kv, h_per)
            ks, vs = sh.cache(kc), sh.cache(vc)

            def bf16_sh(cfg: Launch | None, sh: Superhead = sh, ks: Any = ks, vs: Any = vs) -> Any:
                out = triton_ops.paged_decode(sh.q, ks, vs, bt, case.seq_lens, scale=case.scale,
                                              launch=cfg)  # fmt: skip
                return sh.heads(out)

            for cfg in superhead_configs()[3:9]:
                row = _row(f"bf16_superhead{h_per}", cfg, bf16_sh, ref, bf16_ms, case.bytes,
                           ceiling)  # fmt: skip
                res["rows"].append(row)
                print(row, flush=True)
                save()
    if "mla" in wanted:
        lat = suite.DecodeCase(64, 4096, n_q=16, n_kv=1, dim=576)
        lkc, _, lbt = lat.paged(64)
        ref = ops.ref_paged_decode(lat.q[FEW], lkc, None, lbt[FEW], lat.seq_lens[FEW],
                                   scale=192**-0.5, v_head_dim=512)  # fmt: skip

        def mla(cfg: Launch | None) -> torch.Tensor:
            return triton_ops.paged_decode(lat.q, lkc, None, lbt, lat.seq_lens, scale=192**-0.5,
                                           v_head_dim=512, launch=cfg)  # fmt: skip

        moved = lat.k.numel() * 2
        configs = offset_configs("mla") if "offsets" in wanted else mla_configs()
        for cfg in [Launch(), *configs]:
            res["rows"].append(_row("mla", cfg, mla, ref, bf16_ms, moved, ceiling))
            print(res["rows"][-1], flush=True)
            save()
    print(f"copy {ceiling:.0f} GB/s, bf16 paged {bf16_ms:.4f} ms")
    for kind in sorted({r["kind"] for r in res["rows"]}):
        rows = sorted((r for r in res["rows"] if r["kind"] == kind and "ms" in r),
                      key=lambda r: r["ms"])  # fmt: skip
        for r in rows[:6]:
            shown = {k: v for k, v in r["config"].items() if v is not None}
            print(f"{kind} {r['ms']:.4f} ms x{r['vs_base']:.2f} {r['of_copy']:.1%} "
                  f"err {r['rel_err_vs_reference']:.1e} {shown}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
