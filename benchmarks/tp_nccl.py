"""Tensor parallelism over NCCL on two GPUs, in one command: the ``TPEngine`` at tp 2 against
the one-GPU ``Engine`` (greedy tokens on a Llama-geometry and an MQA model, decode throughput
at batch 64 x 4k on an 8B geometry), and a rank killed or stalled mid-step.

    NCCL_NVLS_ENABLE=0 python3 benchmarks/tp_nccl.py    # the 2-GPU machine
    python benchmarks/tp_nccl.py --cpu --small          # gloo and tiny models: checks the script

Writes ``$OUT/tp_nccl.json`` (or ./tp_out) after every part and prints a table last. Every part
runs in fresh processes: tp 1 as one ``python3`` process, tp 2 under ``torchrun
--nproc-per-node 2`` (the faults: two spawned ranks, so torchrun's agent does not kill the
survivor first). bf16 tokens count as equal "within logit ties" when, at a request's first
differing token, the two runs' logits of the two candidates are within ``TIE`` of each other.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

#: Logit gap (bf16 rounding of a 1B model's logits) under which two candidates are a tie.
TIE = 0.125
#: NVLink multicast stays off (the device tool's rule); NCCL aborts its communicators on an
#: error but leaves the process alive, so the survivor can report.
NCCL_ENV = {"NCCL_NVLS_ENABLE": "0", "TORCH_SYMM_MEM_DISABLE_MULTICAST": "1",
            "NVSHMEM_DISABLE_NVLS": "1", "TORCH_NCCL_ASYNC_ERROR_HANDLING": "2"}  # fmt: skip
#: How long a step may take on CUDA before the peers count as dead.
STEP_TIMEOUT_S = 10.0


def _setup(args: argparse.Namespace) -> dict[str, Any]:
    """The workloads for this run (``--small``: tiny models, short prompts)."""
    if args.small:
        return {"models": ["llama", "mqa"], "big": "llama", "batch": 8, "context": 96,
                "new": 8, "equal_prompts": 6, "equal_len": 40, "equal_new": 12}  # fmt: skip
    return {"models": ["llama-1b", "mqa-1b"], "big": "llama-8b", "batch": 64, "context": 4096,
            "new": 64, "equal_prompts": 16, "equal_len": 512, "equal_new": 64}  # fmt: skip


# --- workers (one per process; tp 2 under torchrun) ----------------------------------------
def _engine(name: str, tp: Any, device: Any, dtype: Any, record: bool, **kw: Any) -> Any:
    from kvarch.runtime.engine import Engine
    from kvarch.runtime.tp import TPEngine
    from kvarch.runtime.tp_demo import build

    base = Engine if tp is None else TPEngine

    class Recording(base):  # type: ignore[valid-type,misc]
        """Keeps each sampled token's top-5 logits (``record``, once ``top`` is set: not
        during the engine's warm-up on CUDA)."""

        top: dict[int, list[Any]] | None = None
        first = 0

        def _sample(self, step: Any, picked: Any, logits: Any) -> list[int]:
            tokens: list[int] = super()._sample(step, picked, logits)
            if record and self.top is not None:
                values, ids = logits.float().topk(5, dim=-1)
                for req, v, i in zip(picked, values.tolist(), ids.tolist(), strict=True):
                    self.top.setdefault(req.index - self.first, []).append((v, i))
            return tokens

    model = build(name, dtype=dtype, device=device)
    return Recording(model, **kw) if tp is None else Recording(model, tp, **kw)


def worker(args: argparse.Namespace) -> None:
    """Run the equality and throughput workloads at tp 1 (no torchrun) or tp 2."""
    import torch

    from kvarch.runtime.engine import SamplingParams
    from kvarch.runtime.tp import TPGroup
    from kvarch.runtime.tp_demo import MODELS, prompts

    setup = _setup(args)
    tp = None
    device = torch.device("cpu" if args.cpu else "cuda", 0)
    if "WORLD_SIZE" in os.environ:
        # generous: a rank may lag its peer by a Triton compile or a model build
        tp = TPGroup.from_env(backend="gloo" if args.cpu else "nccl", timeout_s=120.0)
        device = tp.device
    dtype = torch.float32 if args.cpu else torch.bfloat16
    rank = 0 if tp is None else tp.rank
    out: dict[str, Any] = {"tp": 1 if tp is None else tp.world}
    for name in setup["models"]:
        vocab = int(MODELS[name]["vocab_size"])
        work = prompts(setup["equal_prompts"], setup["equal_len"], vocab)
        params = SamplingParams(max_tokens=setup["equal_new"], ignore_eos=True)
        engine = _engine(name, tp, device, dtype, True, max_batch_size=16, num_blocks=1024,
                         max_seq_len=setup["equal_len"] + setup["equal_new"] + 16)  # fmt: skip
        engine.top, engine.first = {}, engine._next_id  # after the warm-up's requests
        outs = engine.generate(work, params, use_tqdm=False)
        out[name] = {"tokens": [o.token_ids for o in outs], "top": engine.top,
                     "kv_heads_per_rank": int(engine.cache.storage.data[0].shape[-2]),
                     "cuda_graphs": engine.stats.cuda_graphs}  # fmt: skip
        del engine
    out["throughput"] = _throughput(setup, tp, device, dtype)
    if rank == 0:
        Path(args.worker_out).write_text(json.dumps(out))
    if tp is not None:
        import torch.distributed as dist

        dist.barrier(group=tp.checks)
        dist.destroy_process_group()


def _throughput(setup: dict[str, Any], tp: Any, device: Any, dtype: Any) -> dict[str, Any]:
    """Decode tokens/s at ``batch`` x ``context``: a first pass leaves the prompts in the prefix
    cache, so the timed pass is a short prefill step and then pure decode steps."""
    import torch

    from kvarch.runtime.engine import SamplingParams
    from kvarch.runtime.tp_demo import MODELS, prompts

    name, batch, context, new = setup["big"], setup["batch"], setup["context"], setup["new"]
    length = context + new + 16
    blocks = batch * -(-length // 16) + 64
    engine = _engine(name, tp, device, dtype, False, max_batch_size=batch, num_blocks=blocks,
                     max_seq_len=length, max_num_batched_tokens=16384)  # fmt: skip
    work = [p[:context] for p in prompts(batch, 2 * context, int(MODELS[name]["vocab_size"]))]
    engine.generate(work, SamplingParams(max_tokens=1, ignore_eos=True), use_tqdm=False)
    engine.reset_stats()
    start = time.perf_counter()
    engine.generate(work, SamplingParams(max_tokens=new, ignore_eos=True), use_tqdm=False)
    wall = time.perf_counter() - start
    s = engine.stats
    per_step = s.decode_seconds / max(1, s.decode_steps)
    if device.type == "cuda":
        torch.cuda.synchronize()
    return {"model": name, "batch": batch, "context": context, "new_tokens": new,
            "decode_steps": s.decode_steps, "decode_step_ms": 1e3 * per_step,
            "decode_tokens_per_s": batch / per_step, "wall_s": wall,
            "cuda_graphs": s.cuda_graphs, "prefix_hit_tokens": s.prefix_hit_tokens}  # fmt: skip


# --- faults: two spawned ranks -----------------------------------------------------------
def _fault_rank(rank: int, folder: str, fate: str, cpu: bool) -> None:
    os.environ.update(NCCL_ENV)
    import torch

    from kvarch.runtime.engine import SamplingParams
    from kvarch.runtime.tp import TPEngine, TPGroup
    from kvarch.runtime.tp_demo import build, prompts

    def report(**item: Any) -> None:
        with open(Path(folder) / f"rank{rank}.json", "w", encoding="utf-8") as f:
            json.dump(item, f)

    # gloo: the group's timeout bounds a stall; nccl: the step deadline does, set once the
    # engine is built (building and compiling may keep one rank waiting on the other longer)
    tp = TPGroup.init(rank, 2, init_method=f"file://{folder}/init",
                      backend="gloo" if cpu else "nccl",
                      timeout_s=STEP_TIMEOUT_S if cpu else 60.0)  # fmt: skip
    dtype = torch.float32 if cpu else torch.bfloat16
    name = "llama" if cpu else "llama-1b"
    engine = TPEngine(build(name, dtype=dtype, device=tp.device), tp, num_blocks=256,
                      max_batch_size=8, max_seq_len=256)  # fmt: skip
    tp.step_timeout_s = STEP_TIMEOUT_S
    total = engine.cache.manager.num_free_blocks(0)
    forward, starts = engine.runner.run, []

    def run(step: Any) -> Any:
        starts.append(time.monotonic())
        if rank == 1 and len(starts) == 3:
            time.sleep(1.0)  # rank 0 is waiting on this step's collectives by now
            if fate == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            time.sleep(300)
        return forward(step)

    engine.runner.run = run
    try:
        engine.generate(prompts(8, 64, 256), SamplingParams(max_tokens=16, ignore_eos=True))
        report(error=None)
    except Exception as exc:
        took = time.monotonic() - starts[-1]
        freed = engine.cache.manager.num_free_blocks(0) == total
        report(error=f"{type(exc).__name__}: {exc}"[:400], detected_s=took, forwards=len(starts),
               pages_freed=freed,
               live=engine.has_unfinished_requests, graphs=engine.stats.cuda_graphs)  # fmt: skip
    os._exit(0)


def faults(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for fate in ("kill", "stall"):
        where = folder / f"fault_{fate}"
        where.mkdir(parents=True, exist_ok=True)
        ctx = mp.get_context("spawn")
        procs = [ctx.Process(target=_fault_rank, args=(r, str(where), fate, args.cpu))
                 for r in (0, 1)]  # fmt: skip
        for p in procs:
            p.start()
        start, limit = time.monotonic(), 60.0
        while time.monotonic() - start < limit and not (where / "rank0.json").exists():
            time.sleep(0.2)
        for p in procs:
            if p.is_alive():
                p.kill()
            p.join(10)
        path = where / "rank0.json"
        found[fate] = json.loads(path.read_text()) if path.exists() else {"error": "HUNG"}
        found[fate]["wall_s"] = time.monotonic() - start
    return found


# --- the parent ----------------------------------------------------------------------------
def _launch(args: argparse.Namespace, out: Path, tp: int) -> dict[str, Any]:
    target = out / f"tp{tp}.json"
    flags = (
        ["--worker-out", str(target)]
        + (["--cpu"] if args.cpu else [])
        + (["--small"] if args.small else [])
    )
    here = str(Path(__file__).resolve())
    cmd = [sys.executable, here, *flags]
    if tp == 2:
        cmd = [sys.executable, "-m", "torch.distributed.run", "--nproc-per-node", "2", here, *flags]
    env = {**os.environ, **NCCL_ENV, "OMP_NUM_THREADS": "1" if args.cpu else "8"}
    start = time.monotonic()
    try:
        done = subprocess.run(cmd, env=env, timeout=args.part_timeout_s, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"over {args.part_timeout_s} s"}
    took = time.monotonic() - start
    print(f"== tp {tp}: {took:.0f} s, exit status {done.returncode}", flush=True)
    if done.returncode or not target.exists():
        return {"error": f"exit status {done.returncode}"}
    result: dict[str, Any] = json.loads(target.read_text())
    return result


def compare(one: dict[str, Any], two: dict[str, Any]) -> dict[str, Any]:
    """Requests equal, tied (first difference within ``TIE`` in both runs) or differing."""
    equal = ties = differ = 0
    gaps: list[float] = []
    for i, (a, b) in enumerate(zip(one["tokens"], two["tokens"], strict=True)):
        at = next((k for k, (x, y) in enumerate(zip(a, b, strict=True)) if x != y), None)
        if at is None:
            equal += 1
            continue
        gap = max(_gap(one["top"][str(i)][at], a[at], b[at]),
                  _gap(two["top"][str(i)][at], b[at], a[at]))  # fmt: skip
        gaps.append(gap)
        if gap <= TIE:
            ties += 1
        else:
            differ += 1
    return {"equal": equal, "tied": ties, "differ": differ, "tie_gaps": gaps,
            "kv_heads_per_rank": [one["kv_heads_per_rank"], two["kv_heads_per_rank"]]}  # fmt: skip


def _gap(top: list[list[Any]], chosen: int, other: int) -> float:
    """How far ``other``'s logit was below the ``chosen`` one (inf outside the top 5)."""
    values, ids = top
    return values[0] - values[ids.index(other)] if other in ids else float("inf")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cpu", action="store_true", help="gloo on CPU, float32")
    ap.add_argument("--small", action="store_true", help="tiny models and workloads")
    ap.add_argument("--only", default="equal,faults", help="parts: equal (with throughput), faults")
    ap.add_argument("--part-timeout-s", type=float, default=220.0, help="per tp 1 / tp 2 run")
    ap.add_argument("--worker-out", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker_out:
        worker(args)
        return 0
    out = Path(os.environ.get("OUT") or "tp_out")
    out.mkdir(parents=True, exist_ok=True)
    result: dict[str, Any] = {"args": vars(args), "tie": TIE, "step_timeout_s": STEP_TIMEOUT_S}
    path = out / "tp_nccl.json"
    parts = args.only.split(",")
    if "equal" in parts:
        runs = {tp: _launch(args, out, tp) for tp in (1, 2)}
        result["runs"] = {tp: r.get("throughput", r) for tp, r in runs.items()}
        if all("error" not in r for r in runs.values()):
            result["equal"] = {m: compare(runs[1][m], runs[2][m]) for m in _setup(args)["models"]}
            one, two = (runs[tp]["throughput"]["decode_tokens_per_s"] for tp in (1, 2))
            result["speedup"] = two / one
        path.write_text(json.dumps(result, indent=1))
    if "faults" in parts:
        result["faults"] = faults(args, out)
        path.write_text(json.dumps(result, indent=1))
    _table(result)
    return 0


def _table(r: dict[str, Any]) -> None:
    print("\n| part | result |\n|---|---|")
    for model, c in r.get("equal", {}).items():
        print(f"| tokens tp2 vs tp1, {model} (kv heads/rank {c['kv_heads_per_rank']}) | "
              f"{c['equal']} equal, {c['tied']} tied, {c['differ']} differ |")  # fmt: skip
    for tp, run in r.get("runs", {}).items():
        if "error" in run:
            print(f"| tp {tp} | {run['error']} |")
            continue
        print(f"| decode tp {tp}, {run['model']} {run['batch']} x {run['context']} | "
              f"{run['decode_tokens_per_s']:.0f} tok/s, {run['decode_step_ms']:.2f} ms/step, "
              f"graphs {run['cuda_graphs']} |")  # fmt: skip
    if "speedup" in r:
        print(f"| decode speedup tp2/tp1 | {r['speedup']:.2f}x |")
    for fate, f in r.get("faults", {}).items():
        took = f.get("detected_s")
        print(f"| rank 1 {fate}ed mid-step | {(f.get('error') or 'no error')[:60]}; "
              f"detected {took if took is None else round(took, 2)} s, "
              f"pages freed {f.get('pages_freed')} |")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
