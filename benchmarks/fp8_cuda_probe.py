"""fp8 e4m3 decode: the CUDA kernel (kvarch.runtime.cuda_fp8) against the Triton kernels.

``python3 benchmarks/fp8_cuda_probe.py`` (GPU only) times B64 x 4k (32 q heads over 8 KV heads
of 128, pages of 16) as CUDA-graph replays in one process: bf16 Triton, fp8 Triton (its default
mode and each other), and the CUDA kernel at 1, 2 and 4 splits; writes
``$OUT/fp8_cuda_probe.json``. Correctness lives in tests/test_gpu_kernels.py (``-m gpu``).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch
import triton

from kvarch.runtime import ops, triton_ops

DEV = torch.device("cuda")


def main() -> int:
    batch, ctx, page, n_kv = 64, 4096, 16, 8
    blocks = batch * ctx // page
    kc = torch.randn(blocks, page, n_kv, 128, device=DEV)
    vc = torch.randn(blocks, page, n_kv, 128, device=DEV)
    bt = torch.randperm(blocks, device=DEV).int().view(batch, -1)
    q = torch.randn(batch, 4 * n_kv, 128, device=DEV).to(torch.bfloat16)
    lens = torch.full((batch,), ctx, dtype=torch.int32, device=DEV)
    kb, vb = kc.to(torch.bfloat16), vc.to(torch.bfloat16)
    k8, v8 = (ops.quantize(x, torch.float8_e4m3fn, 0.5) for x in (kc, vc))
    scales = {"k_scale": 0.5, "v_scale": torch.tensor(0.5, device=DEV)}
    scale = 128**-0.5

    def fp8(launch: triton_ops.DecodeLaunch) -> Any:
        return lambda: triton_ops.paged_decode(
            q, k8, v8, bt, lens, scale=scale, launch=launch, **scales
        )

    def timed(fn: Any) -> float:
        fn()
        return float(triton.testing.do_bench_cudagraph(fn, rep=100, return_mode="median"))

    res: dict[str, Any] = {}
    bf16 = timed(lambda: triton_ops.paged_decode(q, kb, vb, bt, lens, scale=scale))
    res["bf16_triton_ms"] = bf16
    res["fp8_triton_default_ms"] = timed(fp8(triton_ops.DecodeLaunch(cuda=False)))
    for mode, bn in (("cvt", 64), ("shift", 64), ("q_dtype", 64)):
        launch = triton_ops.DecodeLaunch(fp8_dot=mode, block_n=bn)  # type: ignore[arg-type]
        res[f"fp8_triton_{mode}_ms"] = timed(fp8(launch))
    res["fp8_cuda_default_ms"] = timed(fp8(triton_ops.DecodeLaunch()))
    for splits in (1, 2, 4):
        res[f"fp8_cuda_s{splits}_ms"] = timed(fp8(triton_ops.DecodeLaunch(splits=splits)))
    for key in [k for k in res if k.startswith("fp8")]:
        res[key.replace("_ms", "_vs_bf16")] = res[key] / bf16
    moved = 2 * batch * ctx * n_kv * 128
    x = torch.empty(moved // 2, dtype=torch.int16, device=DEV)
    copy_ms = float(triton.testing.do_bench(lambda: torch.empty_like(x).copy_(x), rep=100))
    res["copy_GBps"] = 2 * moved / copy_ms / 1e6
    res["fp8_cuda_of_copy"] = moved / res["fp8_cuda_default_ms"] / 1e6 / res["copy_GBps"]
    out = Path(os.environ.get("OUT", "gpu_out"))
    out.mkdir(parents=True, exist_ok=True)
    (out / "fp8_cuda_probe.json").write_text(json.dumps(res, indent=1))
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
