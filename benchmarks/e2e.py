"""End-to-end serving benchmark: the kvarch Engine against transformers, in one GPU call.

``python3 benchmarks/e2e.py [--only a,b,c] [--quick] [--no-compile] [--tiny] [--out PATH]``

Workloads (random weights, random prompt tokens, fixed seeds):

- **a**: Llama-3-8B geometry, bf16, 32 prompts x 1024 tokens, 128 greedy new tokens (ignore
  EOS). Methods: the Engine; transformers ``generate`` with DynamicCache (sdpa), StaticCache
  (compilation disabled), kvarch's ``PagedCache`` passed as ``past_key_values``, the continuous
  batching manager behind ``generate_batch``, and (section ``compile``, run last because it is
  the slowest and least predictable) StaticCache compiled through transformers' own path
  (``CompileConfig(fullgraph=True, mode="reduce-overhead")``). Plus transformers' prefill-only
  forward and one decode-step forward at batch 32 x ~1.1k, and the Engine's decode step at
  batch 32 x ~1.1k and 64 x 4k (prompts cached by a first pass, so the timed pass is decode).
- **b**: nano-vllm's workload: 256 requests, prompt and output lengths uniform in 100..1024,
  Qwen3-0.6B geometry. Methods: the Engine; ``generate_batch``'s manager (per-request
  ``max_new_tokens``) on the first 64 requests (its cost grows with the square of the
  concurrency; the output says so and scales the time to the full workload).
- **c**: 256 requests sharing a 2048-token system prompt + 32 distinct tokens, 128 new tokens
  each, Qwen3-0.6B geometry (the model of b, not rebuilt): Engine with prefix caching on / off.

Limits measured in the same process: device-to-device copy bandwidth (bytes read + written /
time) and the bf16 matmul peak (8192^3). Every decode step gets a bandwidth roofline (weight
bytes + the K/V bytes of that step's batch and context, over copy bandwidth) and every prefill a
compute roofline (2 x matmul params x tokens + attention FLOPs, over the matmul peak).

Writes ``e2e.json`` (written again after every method, so a run cut short keeps what finished)
and ``e2e.png`` under ``$OUT`` (or ``--out``), and prints a short table last. ``--tiny`` runs
every code path on CPU in float32 with tiny shapes (its timings mean nothing; the compiled
baseline is skipped there: ``reduce-overhead`` is CUDA graphs).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import os
import platform
import sys
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

START = time.perf_counter()
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # random weights: never reach for the hub/kernels
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

Row = dict[str, Any]

LLAMA3_8B: Row = {
    "model_type": "llama", "hidden_size": 4096, "intermediate_size": 14336,
    "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
    "head_dim": 128, "vocab_size": 128256, "max_position_embeddings": 8192,
    "rope_theta": 500000.0, "rms_norm_eps": 1e-5, "tie_word_embeddings": False,
    "bos_token_id": 128000, "eos_token_id": 128001,
}  # fmt: skip
QWEN3_06B: Row = {
    "model_type": "qwen3", "hidden_size": 1024, "intermediate_size": 3072,
    "num_hidden_layers": 28, "num_attention_heads": 16, "num_key_value_heads": 8,
    "head_dim": 128, "vocab_size": 151936, "max_position_embeddings": 40960,
    "rope_theta": 1000000.0, "rms_norm_eps": 1e-6, "tie_word_embeddings": True,
    "bos_token_id": 151643, "eos_token_id": 151645,
}  # fmt: skip
TINY: Row = {
    "hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
    "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 16, "vocab_size": 512,
    "max_position_embeddings": 4096, "bos_token_id": 1, "eos_token_id": 2,
}  # fmt: skip


@dataclass(frozen=True)
class Shapes:
    """Every size the run uses (the GPU defaults; ``--quick`` and ``--tiny`` shrink them)."""

    llama: Row = field(default_factory=lambda: dict(LLAMA3_8B))
    qwen: Row = field(default_factory=lambda: dict(QWEN3_06B))
    a_batch: int = 32
    a_prompt: int = 1024
    a_new: int = 128
    a_engine_reps: int = 3
    b_requests: int = 256
    b_lo: int = 100
    b_hi: int = 1024
    # generate_batch's sdpa path attends densely over every request's packed K/V with a mask, so
    # its step cost grows with the square of the concurrency: 256 requests would take minutes.
    # It runs the first 64 (same length distribution); its rate is applied to the full count.
    b_cb_requests: int = 64
    c_requests: int = 256
    c_prefix: int = 2048
    c_suffix: int = 32
    c_new: int = 128
    decode_points: tuple[tuple[int, int], ...] = ((32, 1088), (64, 4096))
    decode_new: int = 16
    warm_prompt: int = 16
    warm_new: int = 4
    copy_elems: int = 1 << 30  # 2 GiB of bf16 per side
    matmul_n: int = 8192
    engine_blocks: int | None = None  # None: the Engine sizes its cache from free memory
    engine_max_batch: int = 256
    compile: bool = True


def shapes_for(tiny: bool, quick: bool) -> Shapes:
    s = Shapes()
    if quick:
        s = replace(s, a_new=32, a_engine_reps=1, b_requests=64, b_cb_requests=32,
                    c_requests=64, decode_new=8, compile=False)  # fmt: skip
    if tiny:
        s = replace(
            s,
            llama={"model_type": "llama", **TINY, "tie_word_embeddings": False},
            qwen={"model_type": "qwen3", **TINY, "tie_word_embeddings": True},
            a_batch=4, a_prompt=32, a_new=8, a_engine_reps=2,
            b_requests=8, b_lo=8, b_hi=32, b_cb_requests=4,
            c_requests=6, c_prefix=64, c_suffix=8, c_new=6,
            decode_points=((4, 48), (8, 96)), decode_new=4, warm_prompt=8, warm_new=2,
            copy_elems=1 << 20, matmul_n=256, engine_blocks=512, engine_max_batch=16,
            compile=False,
        )  # fmt: skip
    return s


# --- plumbing -----------------------------------------------------------------------------


class Run:
    """Device, dtype, results, the JSON path, and the time budget of one invocation."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.tiny: bool = args.tiny
        self.dev = torch.device("cpu" if args.tiny else "cuda")
        self.dtype = torch.float32 if args.tiny else torch.bfloat16
        self.shapes = shapes_for(args.tiny, args.quick)
        if args.no_compile:
            self.shapes = replace(self.shapes, compile=False)
        self.deadline = START + args.budget_s
        out_dir = Path(os.environ.get("OUT") or "e2e_out")
        self.json_path = Path(args.out) if args.out else out_dir / "e2e.json"
        self.json_path.parent.mkdir(parents=True, exist_ok=True)
        self.res: Row = {}
        self.model: Any = None
        self.model_key: str | None = None

    @property
    def cuda(self) -> bool:
        return self.dev.type == "cuda"

    def left(self) -> float:
        return self.deadline - time.perf_counter()

    def save(self) -> None:
        self.json_path.write_text(json.dumps(self.res, indent=1, default=str))

    def get_model(self, key: str) -> Any:
        """The random-weight model ``key`` ("llama" | "qwen"); frees the other one first."""
        if self.model_key == key:
            return self.model
        self.model, self.model_key = None, None
        free_memory(self)
        t0 = time.perf_counter()
        self.model = build_model(self, self.shapes.llama if key == "llama" else self.shapes.qwen)
        self.model_key = key
        log(f"built {key} ({sum(p.numel() for p in self.model.parameters()) / 1e9:.3f} B params)"
            f" in {time.perf_counter() - t0:.1f}s")  # fmt: skip
        return self.model


def log(msg: str) -> None:
    print(f"[{time.perf_counter() - START:7.1f}s] {msg}", flush=True)


def free_memory(run: Run) -> None:
    gc.collect()
    if run.cuda:
        torch.cuda.empty_cache()


def sync(run: Run) -> None:
    if run.cuda:
        torch.cuda.synchronize()


def wall(run: Run, fn: Callable[[], Any]) -> tuple[Any, float]:
    """(result, seconds) of ``fn`` with the device synchronized on both sides."""
    sync(run)
    t0 = time.perf_counter()
    out = fn()
    sync(run)
    return out, time.perf_counter() - t0


def bench_ms(
    run: Run, fn: Callable[[], Any], reps: int, warmup: int = 1
) -> tuple[float, list[float]]:
    """Median milliseconds (CUDA events on the GPU) of ``reps`` calls after ``warmup`` calls."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(reps):
        if run.cuda:
            start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
            start.record()
            fn()
            end.record()
            end.synchronize()
            times.append(float(start.elapsed_time(end)))
        else:
            t0 = time.perf_counter()
            fn()
            times.append((time.perf_counter() - t0) * 1e3)
    return float(np.median(times)), times


def error_row(exc: BaseException) -> Row:
    tb = traceback.format_exc().strip().splitlines()[-6:]
    return {"error": f"{type(exc).__name__}: {str(exc)[:400]}", "traceback_tail": tb}


def attempt(run: Run, where: Row, name: str, fn: Callable[[Row], None], *, est_s: float = 0) -> Row:
    """Run ``fn(row)`` into ``where[name]``; an exception is recorded there, not raised.

    Skipped (and said so) when fewer than ``est_s`` seconds of the budget are left.
    """
    row: Row = {}
    where[name] = row
    if not run.tiny and est_s and run.left() < est_s:
        row["skipped"] = f"time budget: {run.left():.0f}s left, needs ~{est_s:.0f}s"
        log(f"{name}: {row['skipped']}")
        run.save()
        return row
    log(f"{name} ...")
    t0 = time.perf_counter()
    if run.cuda:
        torch.cuda.reset_peak_memory_stats()
    model = run.model
    attn = None if model is None else model.config._attn_implementation
    try:
        fn(row)
    except Skipped as why:
        row["skipped"] = str(why)
        log(f"{name}: skipped ({why})")
    except Exception as exc:
        row.update(error_row(exc))
        log(f"{name}: FAILED {row['error']}")
    finally:
        # PagedCache and the Engine switch the model to kvarch's paged attention
        # ("kvarch|sdpa"); transformers' continuous batching refuses it, so every method
        # starts from the model's own attention.
        if model is not None and model is run.model and model.config._attn_implementation != attn:
            row["attn_implementation_after"] = model.config._attn_implementation
            model.set_attn_implementation(attn)
    row["section_seconds"] = time.perf_counter() - t0
    if run.cuda:
        row["peak_allocated_bytes"] = torch.cuda.max_memory_allocated()
    log(f"{name} done in {row['section_seconds']:.1f}s")
    free_memory(run)
    run.save()
    return row


class Skipped(Exception):
    """A method that cannot run here (said why); ``attempt`` records it as skipped."""


def build_model(run: Run, cfg: Row) -> Any:
    """Random-weight ``AutoModelForCausalLM`` of ``cfg`` on the device, sdpa attention."""
    from transformers import AutoConfig, AutoModelForCausalLM

    kw = dict(cfg)
    config = AutoConfig.for_model(kw.pop("model_type"), **kw)
    torch.manual_seed(0)
    with torch.device(run.dev):
        model = AutoModelForCausalLM.from_config(
            config, dtype=run.dtype, attn_implementation="sdpa"
        )
    return model.eval()


# --- geometry and rooflines ---------------------------------------------------------------


@dataclass(frozen=True)
class Geometry:
    """What the rooflines need from a model: bytes read per decode step, FLOPs per token."""

    layers: int
    n_q: int
    n_kv: int
    head_dim: int
    weight_bytes: int
    decode_weight_bytes: int  # every weight but the input embedding (read 1 row per token)
    layer_params: int  # 2-D weights of the decoder layers: the per-token matmuls
    lm_head_params: int
    kv_bytes_per_token: int
    weight_element_size: int

    @classmethod
    def of(cls, model: Any) -> Geometry:
        cfg = model.config
        n_q, n_kv = int(cfg.num_attention_heads), int(cfg.num_key_value_heads)
        head_dim = int(getattr(cfg, "head_dim", None) or cfg.hidden_size // n_q)
        emb, out = model.get_input_embeddings().weight, model.get_output_embeddings().weight
        tied = emb.data_ptr() == out.data_ptr()
        weight_bytes = sum(p.numel() * p.element_size() for p in model.parameters())
        embed_bytes = emb.numel() * emb.element_size()
        layer_params = sum(
            p.numel() for p in model.parameters() if p.dim() == 2 and p is not emb and p is not out
        )
        return cls(
            layers=int(cfg.num_hidden_layers), n_q=n_q, n_kv=n_kv, head_dim=head_dim,
            weight_bytes=weight_bytes,
            decode_weight_bytes=weight_bytes - (0 if tied else embed_bytes),
            layer_params=layer_params, lm_head_params=out.numel(),
            kv_bytes_per_token=2 * int(cfg.num_hidden_layers) * n_kv * head_dim
            * emb.element_size(),
            weight_element_size=emb.element_size(),
        )  # fmt: skip

    def decode_step_s(self, total_ctx: float, copy_bps: float) -> float:
        """Bandwidth roofline of one decode step: weights + K/V of ``total_ctx`` tokens."""
        return (self.decode_weight_bytes + self.kv_bytes_per_token * total_ctx) / copy_bps

    def decode_schedule_s(self, prompts: list[int], outs: list[int], copy_bps: float) -> float:
        """Sum of decode-step rooflines when every request starts at once (ideal schedule).

        Request i decodes ``outs[i] - 1`` steps (its first token comes from the prefill); at
        step t it attends ``prompts[i] + t`` tokens.
        """
        p, o = np.asarray(prompts, dtype=np.float64), np.asarray(outs)
        total = 0.0
        for t in range(1, int(o.max(initial=0))):
            live = o > t
            total += self.decode_step_s(float((p[live] + t).sum()), copy_bps)
        return total

    def prefill_flops(self, seqs: list[tuple[int, int]]) -> float:
        """FLOPs of prefilling ``(cached, new)`` token counts: matmuls + causal attention.

        2 x layer params per new token, the LM head once per sequence (last token), and
        4 x layers x q heads x head_dim per (query, visible key) pair.
        """
        new = sum(n for _, n in seqs)
        pairs = sum(n * c + n * (n + 1) / 2 for c, n in seqs)
        attn = 4.0 * self.layers * self.n_q * self.head_dim * pairs
        return 2.0 * self.layer_params * new + 2.0 * self.lm_head_params * len(seqs) + attn


def limits(run: Run) -> None:
    """Copy bandwidth and matmul peak: the ceilings every roofline divides by."""
    res = run.res.setdefault("limits", {})
    s = run.shapes

    def copy(row: Row) -> None:
        src = torch.randn(s.copy_elems, device=run.dev).to(run.dtype)
        dst = torch.empty_like(src)
        ms, times = bench_ms(run, lambda: dst.copy_(src), reps=20, warmup=3)
        moved = 2 * src.numel() * src.element_size()
        row.update(bytes=moved, ms=ms, GBps=moved / ms / 1e6, times_ms=times)

    def matmul(row: Row) -> None:
        n = s.matmul_n
        a, b = (torch.randn(n, n, device=run.dev).to(run.dtype) for _ in range(2))
        ms, times = bench_ms(run, lambda: a @ b, reps=20, warmup=3)
        row.update(n=n, dtype=str(run.dtype), ms=ms, TFLOPs=2 * n**3 / ms / 1e9, times_ms=times)

    attempt(run, res, "copy", copy)
    attempt(run, res, "matmul", matmul)


def copy_bps(run: Run) -> float:
    return float(run.res["limits"]["copy"]["GBps"]) * 1e9


def peak_flops(run: Run) -> float:
    return float(run.res["limits"]["matmul"]["TFLOPs"]) * 1e12


# --- methods --------------------------------------------------------------------------------


def random_prompts(vocab: int, lengths: list[int], seed: int) -> list[list[int]]:
    rng = np.random.default_rng(seed)
    return [rng.integers(1, vocab, n).tolist() for n in lengths]


def hf_generate(
    run: Run, model: Any, ids: torch.Tensor, new: int, *, past: Any = None, **kw: Any
) -> tuple[torch.Tensor, float]:
    """``model.generate`` greedy, exactly ``new`` tokens (EOS suppressed), timed."""
    warnings.filterwarnings("ignore", category=FutureWarning)
    args: Row = dict(
        attention_mask=torch.ones_like(ids), max_new_tokens=new, min_new_tokens=new,
        do_sample=False, pad_token_id=0, **kw,
    )  # fmt: skip
    if past is not None:
        args["past_key_values"] = past
    out, seconds = wall(run, lambda: model.generate(ids, **args))
    if out.shape[1] != ids.shape[1] + new:
        raise RuntimeError(f"generate returned {out.shape[1] - ids.shape[1]} new tokens, not {new}")
    return out[:, ids.shape[1] :], seconds


def generate_row(
    run: Run, model: Any, ids: torch.Tensor, new: int, *, reps: int = 1, **kw: Any
) -> tuple[Row, torch.Tensor]:
    """Warm up on a small batch of the same shape family, then time ``reps`` full runs."""
    s = run.shapes
    warm = ids[:, : s.warm_prompt]
    hf_generate(run, model, warm, s.warm_new, **kw)
    times, tokens = [], ids.new_empty(0)
    for _ in range(reps):
        tokens, seconds = hf_generate(run, model, ids, new, **kw)
        times.append(seconds)
    seconds = float(np.median(times))
    n = ids.shape[0] * new
    return {
        "seconds": seconds,
        "times": times,
        "new_tokens": n,
        "tokens_per_s": n / seconds,
    }, tokens


def agreement(a: torch.Tensor | list[list[int]], b: torch.Tensor, first: int = 16) -> float:
    """Fraction of sequences whose first ``first`` greedy tokens agree (bf16 may diverge)."""
    rows_a = a.tolist() if isinstance(a, torch.Tensor) else a
    rows_b = b.tolist()
    same = [list(x[:first]) == list(y[:first]) for x, y in zip(rows_a, rows_b, strict=True)]
    return sum(same) / max(1, len(same))


def cb_manager_run(
    run: Run, model: Any, prompts: list[list[int]], news: list[int], *, limit_s: float
) -> Row:
    """transformers' continuous batching (the manager ``generate_batch`` drives).

    Driven directly so each request carries its own ``max_new_tokens`` (``generate_batch``
    takes one for all) and EOS is off (-1); its own warm-up (CUDA graph capture) runs before
    the clock starts, plus two short requests. Runs outside ``torch.inference_mode``. After
    ``limit_s`` seconds it stops and reports the finished requests only (``timed_out``; the
    rate is then a lower bound).
    """
    from transformers import GenerationConfig

    try:
        from transformers.generation.continuous_batching.utils import WorkloadHints

        hints: Any = WorkloadHints(
            max_prompt_length=max(map(len, prompts)),
            max_generated_length=max(news),
            num_requests=len(prompts),
        )
    except ImportError:
        hints = None
    gen_cfg = GenerationConfig(
        do_sample=False, max_new_tokens=max(news), eos_token_id=-1, pad_token_id=0
    )
    original = model.config._attn_implementation
    row: Row = {}
    limit = limit_s if run.tiny else max(30.0, min(limit_s, run.left() - 30))

    def collect(manager: Any, ids: list[str]) -> dict[str, Any]:
        got: dict[str, Any] = {}
        end = time.perf_counter() + limit
        while len(got) < len(ids) and time.perf_counter() < end:
            result = manager.get_result(timeout=1)
            if result is None:
                if not manager.is_running():
                    raise RuntimeError("generate_batch: the manager's thread stopped")
                continue
            if result.is_finished():
                got[result.request_id] = result
        return got

    cb_config = None
    if run.tiny:  # on CPU (no psutil) transformers sizes the cache to a negative block count
        from transformers import ContinuousBatchingConfig

        cb_config = ContinuousBatchingConfig(block_size=16, num_blocks=256, max_batch_tokens=256)
    t_setup = time.perf_counter()
    try:
        with model.continuous_batching_context_manager(
            generation_config=gen_cfg, block=True, timeout=30, workload_hints=hints,
            continuous_batching_config=cb_config,
        ) as manager:  # fmt: skip
            row["setup_seconds"] = time.perf_counter() - t_setup
            row["attn_implementation"] = model.config._attn_implementation
            s = run.shapes
            warm = [
                manager.add_request(p[: s.warm_prompt], max_new_tokens=s.warm_new, eos_token_id=-1)
                for p in prompts[:2]
            ]
            collect(manager, warm)
            sync(run)
            t0 = time.perf_counter()
            ids = [
                manager.add_request(p, max_new_tokens=n, eos_token_id=-1)
                for p, n in zip(prompts, news, strict=True)
            ]
            results = collect(manager, ids)
            sync(run)
            seconds = time.perf_counter() - t0
    except MemoryError as exc:
        if not run.tiny:
            raise
        # transformers <= 5.17 sizes the CPU cache from psutil and finds 0 bytes without it
        raise Skipped(f"continuous batching cannot size its cache on this CPU: {exc}") from None
    finally:
        # The manager switches the model to "paged|<attn>" and restores it on a clean stop
        # only; a failed start would leave every later forward of this model broken.
        if model.config._attn_implementation != original:
            model.set_attn_implementation(original)
    errors = [r.error for r in results.values() if r.error]
    tokens = sum(len(r.generated_tokens) for r in results.values())
    row.update(
        seconds=seconds, requests=len(prompts), finished=len(results), new_tokens=tokens,
        expected_new_tokens=sum(news), tokens_per_s=tokens / seconds, errors=errors[:3],
        outputs=[results[i].generated_tokens if i in results else [] for i in ids],
    )  # fmt: skip
    if len(results) < len(ids):
        row["timed_out"] = (
            f"stopped after {limit:.0f}s with {len(results)}/{len(ids)} requests done: "
            "tokens/s counts finished requests only (a lower bound)"
        )
    return row


def engine_module() -> Any:
    return importlib.import_module("kvarch.runtime.engine")


def make_engine(run: Run, model: Any, **kw: Any) -> Any:
    s = run.shapes
    args: Row = dict(max_batch_size=s.engine_max_batch, cuda_graphs=run.cuda)
    if s.engine_blocks is not None:
        args["num_blocks"] = s.engine_blocks
    args.update(kw)
    return engine_module().Engine(model, **args)


def engine_generate(run: Run, engine: Any, prompts: list[list[int]], params: Any) -> Row:
    """One timed ``Engine.generate``; tokens, stats, outputs."""
    engine.reset_stats()
    outs, seconds = wall(run, lambda: engine.generate(prompts, params, use_tqdm=False))
    import msgspec

    stats = msgspec.to_builtins(engine.stats)
    tokens = sum(len(o.token_ids) for o in outs)
    errors = [o.error for o in outs if o.finish_reason == "error"]
    return {
        "seconds": seconds, "requests": len(prompts), "new_tokens": tokens,
        "tokens_per_s": tokens / seconds, "stats": stats, "errors": errors[:3],
        "finish_reasons": sorted({o.finish_reason for o in outs}),
        "outputs": [list(o.token_ids) for o in outs],
    }  # fmt: skip


def engine_warmup(run: Run, engine: Any, vocab: int, batch: int, seed: int = 999) -> None:
    """Short prompts at the workload's batch: loads kernels, captures the graphs it uses."""
    s = run.shapes
    sp = engine_module().SamplingParams(max_tokens=s.warm_new, ignore_eos=True)
    engine.generate(random_prompts(vocab, [s.warm_prompt] * batch, seed), sp, use_tqdm=False)
    engine.reset_stats()


def memory_row(run: Run, engine: Any, geo: Geometry) -> Row:
    """Peak allocated memory of the run vs the Engine's plan (GPU only)."""
    plan = engine.plan
    row: Row = {
        "plan": plan.describe() if plan is not None else None,
        "plan_cache_bytes": getattr(plan, "cache_bytes_per_device", None),
        "plan_available_bytes": getattr(plan, "available_bytes_per_device", None),
        "weight_bytes": geo.weight_bytes,
    }
    if run.cuda:
        peak = torch.cuda.max_memory_allocated()
        total = torch.cuda.get_device_properties(run.dev).total_memory
        row.update(peak_allocated=peak, device_total=total, peak_of_device=peak / total)
        cache = row["plan_cache_bytes"]
        if cache:
            row["peak_minus_weights_and_cache"] = peak - geo.weight_bytes - cache
            row["peak_vs_weights_plus_cache"] = peak / (geo.weight_bytes + cache)
    return row


def trim_outputs(row: Row) -> None:
    """Keep the JSON small: the first 2 outputs' first 16 tokens."""
    if "outputs" in row:
        row["outputs_head"] = [o[:16] for o in row.pop("outputs")[:2]]


# --- workload a ---------------------------------------------------------------------------


def section_a(run: Run) -> None:
    s = run.shapes
    res = run.res.setdefault("a", {})
    model = run.get_model("llama")
    geo = Geometry.of(model)
    vocab = int(model.config.vocab_size)
    bw, peak = copy_bps(run), peak_flops(run)
    prompts = random_prompts(vocab, [s.a_prompt] * s.a_batch, seed=1)
    ids = torch.tensor(prompts, device=run.dev)
    res.update(
        model="Llama-3-8B geometry, random weights" + (" (tiny)" if run.tiny else ""),
        geometry=asdict(geo), dtype=str(run.dtype),
        workload={"batch": s.a_batch, "prompt": s.a_prompt, "new": s.a_new, "greedy": True,
                  "ignore_eos": True},
    )  # fmt: skip
    decode_roof = geo.decode_schedule_s([s.a_prompt] * s.a_batch, [s.a_new] * s.a_batch, bw)
    prefill_roof = geo.prefill_flops([(0, s.a_prompt)] * s.a_batch) / peak
    res["rooflines"] = {
        "decode_seconds": decode_roof, "prefill_seconds": prefill_roof,
        "end_to_end_seconds": decode_roof + prefill_roof,
        "tokens_per_s": s.a_batch * s.a_new / (decode_roof + prefill_roof),
    }  # fmt: skip
    methods = res.setdefault("methods", {})
    dense: dict[str, torch.Tensor] = {}  # DynamicCache's greedy tokens, to compare against

    def hf_dynamic(row: Row) -> None:
        r, dense["tokens"] = generate_row(run, model, ids, s.a_new)
        row.update(r, cache="DynamicCache", attn="sdpa")

    def hf_static(row: Row) -> None:
        r, tokens = generate_row(
            run, model, ids, s.a_new, cache_implementation="static", disable_compile=True
        )
        row.update(r, cache="StaticCache", compiled=False)
        if "tokens" in dense:
            row["agreement_vs_dynamic"] = agreement(tokens, dense["tokens"])

    def hf_paged_cache(row: Row) -> None:
        from kvarch.runtime.hf import PagedCache

        warm_len = s.warm_prompt + s.warm_new
        warm_cache = PagedCache.from_model(model, max_batch_size=s.a_batch, max_seq_len=warm_len)
        hf_generate(run, model, ids[:, : s.warm_prompt], s.warm_new, past=warm_cache)
        del warm_cache
        cache = PagedCache.from_model(
            model, max_batch_size=s.a_batch, max_seq_len=s.a_prompt + s.a_new
        )
        tokens, seconds = hf_generate(run, model, ids, s.a_new, past=cache)
        n = s.a_batch * s.a_new
        row.update(seconds=seconds, new_tokens=n, tokens_per_s=n / seconds, cache="PagedCache")
        if cache.plan is not None:
            row["plan_cache_bytes"] = cache.plan.cache_bytes_per_device
        if "tokens" in dense:
            row["agreement_vs_dynamic"] = agreement(tokens, dense["tokens"])

    def hf_generate_batch(row: Row) -> None:
        r = cb_manager_run(run, model, prompts, [s.a_new] * s.a_batch, limit_s=120)
        if "tokens" in dense:
            r["agreement_vs_dynamic"] = agreement(r["outputs"], dense["tokens"])
        trim_outputs(r)
        row.update(r)

    attempt(run, methods, "hf_dynamic", hf_dynamic, est_s=30)
    attempt(run, methods, "hf_static", hf_static, est_s=30)
    attempt(run, methods, "hf_paged_cache", hf_paged_cache, est_s=40)
    attempt(run, methods, "hf_generate_batch", hf_generate_batch, est_s=60)
    attempt(run, res, "hf_breakdown", lambda row: hf_breakdown(run, model, geo, ids, row), est_s=20)
    attempt(
        run, methods, "engine",
        lambda row: engine_a(run, model, geo, prompts, dense.get("tokens"), row, res), est_s=60,
    )  # fmt: skip
    attempt(
        run, methods, "engine_fp8",
        lambda row: engine_a(
            run, model, geo, prompts, dense.get("tokens"), row, res, kv_cache_dtype="fp8"
        ),
        est_s=60,
    )  # fmt: skip
    res["ratios"] = ratios_a(res)
    run.save()


def hf_breakdown(run: Run, model: Any, geo: Geometry, ids: torch.Tensor, row: Row) -> None:
    """transformers' prefill-only forward on the prompts, and one decode-step forward."""
    from transformers.cache_utils import DynamicCache

    s = run.shapes
    bw, peak = copy_bps(run), peak_flops(run)

    def prefill() -> Any:
        with torch.no_grad():
            return model(ids, past_key_values=DynamicCache(config=model.config),
                         use_cache=True, logits_to_keep=1)  # fmt: skip

    ms, times = bench_ms(run, prefill, reps=3)
    tokens = ids.numel()
    roof = geo.prefill_flops([(0, ids.shape[1])] * ids.shape[0]) / peak
    row["prefill"] = {
        "batch": ids.shape[0], "prompt": ids.shape[1], "ms": ms, "times_ms": times,
        "tokens_per_s": tokens / ms * 1e3, "roofline_ms": roof * 1e3,
        "of_roofline": roof * 1e3 / ms,
    }  # fmt: skip
    batch, ctx = s.decode_points[0]
    vocab = int(model.config.vocab_size)
    long_ids = torch.tensor(random_prompts(vocab, [ctx] * batch, seed=7), device=run.dev)
    cache = DynamicCache(config=model.config)
    with torch.no_grad():
        out = model(long_ids, past_key_values=cache, use_cache=True, logits_to_keep=1)
    nxt = out.logits[:, -1:].argmax(-1)
    del out

    def decode() -> Any:
        with torch.no_grad():
            return model(nxt, past_key_values=cache, use_cache=True)

    ms, times = bench_ms(run, decode, reps=5)
    mid = ctx + 3  # the cache grows one token per call: ctx+1 .. ctx+6 tokens attended
    roof = geo.decode_step_s(batch * mid, bw)
    row["decode_step"] = {
        "batch": batch, "ctx": ctx, "cache": "DynamicCache", "ms": ms, "times_ms": times,
        "roofline_ms": roof * 1e3, "vs_roofline": ms / (roof * 1e3),
        "of_roofline": roof * 1e3 / ms,
    }  # fmt: skip


def engine_a(
    run: Run,
    model: Any,
    geo: Geometry,
    prompts: list[list[int]],
    dense: Any,
    row: Row,
    res: Row,
    kv_cache_dtype: str | None = None,
) -> None:
    """The Engine on workload a (reps on fresh prompts), then its decode step at two shapes;
    ``kv_cache_dtype="fp8"``: e4m3 pages (rooflines count 1 byte per cached element)."""
    s = run.shapes
    em = engine_module()
    vocab = int(model.config.vocab_size)
    bw, peak = copy_bps(run), peak_flops(run)
    need = max(s.a_prompt + s.a_new, *(c + s.decode_new + 1 for _, c in s.decode_points))
    suffix = "" if kv_cache_dtype is None else f"_{kv_cache_dtype}"
    if kv_cache_dtype == "fp8":
        geo = replace(geo, kv_bytes_per_token=geo.kv_bytes_per_token // geo.weight_element_size)
        row["kv_cache_dtype"] = "float8_e4m3fn"
    if run.cuda:
        torch.cuda.reset_peak_memory_stats()
    t0 = time.perf_counter()
    engine = make_engine(run, model, max_seq_len=need + 16, kv_cache_dtype=kv_cache_dtype)
    row["init_seconds"] = time.perf_counter() - t0
    engine_warmup(run, engine, vocab, s.a_batch)
    sp = em.SamplingParams(max_tokens=s.a_new, ignore_eos=True)
    reps = []
    for rep in range(s.a_engine_reps):
        # fresh prompts per repeat: the prefix cache would otherwise serve repeats
        rep_prompts = (
            prompts if rep == 0 else random_prompts(vocab, [s.a_prompt] * s.a_batch, 100 + rep)
        )
        r = engine_generate(run, engine, rep_prompts, sp)
        if rep == 0 and dense is not None:  # the repeat on a's own prompts
            row["agreement_vs_dynamic"] = agreement(r["outputs"], dense)
        trim_outputs(r)
        reps.append(r)
        log(f"engine a rep {rep}: {r['tokens_per_s']:.0f} tok/s")
    best = sorted(reps, key=lambda r: r["seconds"])[len(reps) // 2]  # the median repeat
    row.update(best, reps=[{k: r[k] for k in ("seconds", "tokens_per_s")} for r in reps])
    st = best["stats"]
    prefill_tokens = st["prompt_tokens"] - st["prefix_hit_tokens"]
    if st.get("prefill_seconds"):
        row["prefill_tokens_per_s"] = prefill_tokens / st["prefill_seconds"]
        roof = geo.prefill_flops([(0, s.a_prompt)] * s.a_batch) / peak
        row["prefill_of_roofline"] = roof / st["prefill_seconds"]
    if st.get("decode_steps"):
        step_s = st["decode_seconds"] / st["decode_steps"]
        row["decode_step_ms"] = step_s * 1e3
        roof = geo.decode_step_s(s.a_batch * (s.a_prompt + s.a_new / 2), bw)
        row["decode_step_roofline_ms"] = roof * 1e3
        row["decode_step_vs_roofline"] = step_s / roof
    res["memory" + suffix] = memory_row(run, engine, geo)
    points = row.setdefault("decode_points", [])
    for batch, ctx in s.decode_points:
        if not run.tiny and run.left() < 60:
            points.append({"batch": batch, "ctx": ctx, "skipped": "time budget"})
            continue
        try:
            points.append(engine_decode_point(run, engine, geo, vocab, batch, ctx))
            p = points[-1]
            log(f"engine decode B{batch} x {ctx}: {p.get('decode_step_ms', float('nan')):.3f} ms,"
                f" {p.get('vs_roofline', float('nan')):.2f}x roofline")  # fmt: skip
        except Exception as exc:
            points.append({"batch": batch, "ctx": ctx, **error_row(exc)})
        run.save()
    res["memory_after_decode_points" + suffix] = memory_row(run, engine, geo)
    del engine


def engine_decode_point(
    run: Run, engine: Any, geo: Geometry, vocab: int, batch: int, ctx: int
) -> Row:
    """The Engine's decode step at ``batch`` x ``ctx``: cache the prompts, then decode.

    A first pass (1 new token) leaves the prompts' pages in the prefix cache, so the timed
    pass prefills at most a page per sequence in its first step and then runs
    ``decode_new`` pure decode steps at the full batch; decode_seconds / decode_steps.
    """
    s = run.shapes
    em = engine_module()
    prompts = random_prompts(vocab, [ctx] * batch, seed=batch * 100_000 + ctx)
    first = engine_generate(run, engine, prompts, em.SamplingParams(max_tokens=1, ignore_eos=True))
    timed = engine_generate(
        run, engine, prompts, em.SamplingParams(max_tokens=s.decode_new + 1, ignore_eos=True)
    )
    st = timed["stats"]
    row: Row = {
        "batch": batch, "ctx": ctx, "new": s.decode_new + 1,
        "prefill_pass_seconds": first["seconds"],
        "prefill_pass_tokens_per_s": batch * ctx / first["seconds"],
        "seconds": timed["seconds"], "stats": st,
        "prefix_hit_fraction": st["prefix_hit_tokens"] / (batch * ctx),
    }  # fmt: skip
    if st.get("decode_steps"):
        step_s = st["decode_seconds"] / st["decode_steps"]
        mid = ctx + 1 + s.decode_new / 2
        roof = geo.decode_step_s(batch * mid, copy_bps(run))
        row.update(
            decode_step_ms=step_s * 1e3, roofline_ms=roof * 1e3, vs_roofline=step_s / roof,
            of_roofline=roof / step_s,
        )  # fmt: skip
    return row


def section_compile(run: Run) -> None:
    """StaticCache compiled by transformers (CompileConfig fullgraph, reduce-overhead)."""
    s = run.shapes
    res = run.res.setdefault("a", {})
    methods = res.setdefault("methods", {})
    if not s.compile:
        why = "CPU (--tiny): reduce-overhead is CUDA graphs" if run.tiny else "--quick/--no-compile"
        methods["hf_static_compiled"] = {"skipped": why}
        log(f"hf_static_compiled: skipped ({why})")
        return

    def compiled(row: Row) -> None:
        from transformers import CompileConfig

        model = run.get_model("llama")
        vocab = int(model.config.vocab_size)
        prompts = random_prompts(vocab, [s.a_prompt] * s.a_batch, seed=1)  # a's prompts
        ids = torch.tensor(prompts, device=run.dev)
        kw: Row = dict(
            cache_implementation="static",
            compile_config=CompileConfig(fullgraph=True, mode="reduce-overhead"),
        )
        # The first full run compiles and captures; the timed runs have the same shapes
        # (batch, max_cache_len), so they reuse the compiled graph.
        _, row["first_run_seconds"] = hf_generate(run, model, ids, s.a_new, **kw)
        times = []
        for _ in range(2 if run.left() > 60 else 1):
            _, seconds = hf_generate(run, model, ids, s.a_new, **kw)
            times.append(seconds)
        n = s.a_batch * s.a_new
        seconds = float(np.median(times))
        row.update(seconds=seconds, times=times, new_tokens=n, tokens_per_s=n / seconds,
                   cache="StaticCache", compiled=True,
                   compile_config="fullgraph=True, mode=reduce-overhead")  # fmt: skip

    attempt(run, methods, "hf_static_compiled", compiled, est_s=150)
    res["ratios"] = ratios_a(res)


# --- workload b ---------------------------------------------------------------------------


def section_b(run: Run) -> None:
    s = run.shapes
    res = run.res.setdefault("b", {})
    model = run.get_model("qwen")
    geo = Geometry.of(model)
    vocab = int(model.config.vocab_size)
    rng = np.random.default_rng(0)
    prompt_lens = rng.integers(s.b_lo, s.b_hi + 1, s.b_requests).tolist()
    out_lens = rng.integers(s.b_lo, s.b_hi + 1, s.b_requests).tolist()
    prompts = random_prompts(vocab, prompt_lens, seed=2)
    res.update(
        model="Qwen3-0.6B geometry, random weights" + (" (tiny)" if run.tiny else ""),
        geometry=asdict(geo), dtype=str(run.dtype),
        workload={"requests": s.b_requests, "lengths": f"uniform [{s.b_lo}, {s.b_hi}]",
                  "prompt_tokens": sum(prompt_lens), "new_tokens": sum(out_lens), "seed": 0},
    )  # fmt: skip
    bw, peak = copy_bps(run), peak_flops(run)
    decode_roof = geo.decode_schedule_s(prompt_lens, out_lens, bw)
    prefill_roof = geo.prefill_flops([(0, n) for n in prompt_lens]) / peak
    res["rooflines"] = {
        "decode_seconds_ideal_schedule": decode_roof, "prefill_seconds": prefill_roof,
        "tokens_per_s": sum(out_lens) / (decode_roof + prefill_roof),
    }  # fmt: skip
    methods = res.setdefault("methods", {})

    def engine(row: Row) -> None:
        em = engine_module()
        t0 = time.perf_counter()
        engine = make_engine(run, model, max_seq_len=2 * s.b_hi + 16)
        row["init_seconds"] = time.perf_counter() - t0
        engine_warmup(run, engine, vocab, min(s.b_requests, s.engine_max_batch))
        params = [em.SamplingParams(max_tokens=n, ignore_eos=True) for n in out_lens]
        r = engine_generate(run, engine, prompts, params)
        trim_outputs(r)
        row.update(r)
        st = r["stats"]
        if st.get("prefill_seconds"):
            row["prefill_tokens_per_s"] = st["prompt_tokens"] / st["prefill_seconds"]
        if st.get("decode_steps"):
            row["decode_step_ms"] = st["decode_seconds"] / st["decode_steps"] * 1e3
        row["vs_roofline"] = r["seconds"] / (decode_roof + prefill_roof)
        k = min(s.b_cb_requests, s.b_requests)
        if k < s.b_requests:
            # generate_batch's requests (same lengths; new tokens, so no prefix-cache hits), for
            # a like-for-like ratio at the same concurrency
            fresh = random_prompts(vocab, prompt_lens[:k], seed=22)
            sub = engine_generate(run, engine, fresh, params[:k])
            row["first_k_requests"] = {
                "requests": k, "seconds": sub["seconds"], "new_tokens": sub["new_tokens"],
                "tokens_per_s": sub["tokens_per_s"], "stats": sub["stats"],
            }  # fmt: skip

    def generate_batch(row: Row) -> None:
        k = min(s.b_cb_requests, s.b_requests)
        r = cb_manager_run(run, model, prompts[:k], out_lens[:k], limit_s=150)
        trim_outputs(r)
        row.update(r)
        if k < s.b_requests:
            # The rate is measured on the first k requests (same length distribution); the
            # full-workload time is that rate applied to all the new tokens.
            row["capped"] = f"first {k} of {s.b_requests} requests; time scaled"
            row["estimated_full_seconds"] = sum(out_lens) / r["tokens_per_s"]

    attempt(run, methods, "engine", engine, est_s=60)
    attempt(run, methods, "hf_generate_batch", generate_batch, est_s=90)
    res["ratios"] = {"engine_vs_generate_batch": ratio(methods, "engine", "hf_generate_batch")}
    same = methods.get("engine", {}).get("first_k_requests", {}).get("tokens_per_s")
    cb = methods.get("hf_generate_batch", {}).get("tokens_per_s")
    if same and cb:
        res["ratios"]["engine_vs_generate_batch_same_requests"] = same / cb
    run.save()


# --- workload c ---------------------------------------------------------------------------


def section_c(run: Run) -> None:
    s = run.shapes
    res = run.res.setdefault("c", {})
    model = run.get_model("qwen")
    geo = Geometry.of(model)
    vocab = int(model.config.vocab_size)
    prefix = random_prompts(vocab, [s.c_prefix], seed=3)[0]
    suffixes = random_prompts(vocab, [s.c_suffix] * s.c_requests, seed=4)
    prompts = [prefix + x for x in suffixes]
    n = s.c_requests
    res.update(
        model="Qwen3-0.6B geometry, random weights (the model of b)"
        + (" (tiny)" if run.tiny else ""),
        geometry=asdict(geo), dtype=str(run.dtype),
        workload={"requests": n, "shared_prefix": s.c_prefix, "suffix": s.c_suffix,
                  "new": s.c_new, "shared_tokens": s.c_prefix * n},
    )  # fmt: skip
    bw, peak = copy_bps(run), peak_flops(run)
    decode_roof = geo.decode_schedule_s([s.c_prefix + s.c_suffix] * n, [s.c_new] * n, bw)
    off = geo.prefill_flops([(0, s.c_prefix + s.c_suffix)] * n) / peak
    on = geo.prefill_flops([(0, s.c_prefix)] + [(s.c_prefix, s.c_suffix)] * n) / peak
    res["rooflines"] = {
        "decode_seconds": decode_roof, "prefill_seconds_off": off, "prefill_seconds_on": on,
        "tokens_per_s_off": n * s.c_new / (decode_roof + off),
        "tokens_per_s_on": n * s.c_new / (decode_roof + on),
    }  # fmt: skip
    methods = res.setdefault("methods", {})

    def engine(row: Row, caching: bool) -> None:
        em = engine_module()
        if run.cuda:
            torch.cuda.reset_peak_memory_stats()
        need = s.c_prefix + s.c_suffix + s.c_new + 16
        engine = make_engine(run, model, enable_prefix_caching=caching, max_seq_len=need)
        engine_warmup(run, engine, vocab, min(n, s.engine_max_batch))
        sp = em.SamplingParams(max_tokens=s.c_new, ignore_eos=True)
        r = engine_generate(run, engine, prompts, sp)
        trim_outputs(r)
        row.update(r, prefix_caching=caching)
        st = r["stats"]
        hits = st["prefix_hit_tokens"]
        row["prefix_hit_fraction_of_shared"] = hits / (s.c_prefix * n)
        row["prefix_hit_fraction_of_reusable"] = hits / max(1, s.c_prefix * (n - 1))
        if st.get("prefill_seconds"):
            row["prefill_of_roofline"] = (on if caching else off) / st["prefill_seconds"]
        row["memory"] = memory_row(run, engine, geo)

    attempt(run, methods, "engine_prefix_on", lambda row: engine(row, True), est_s=45)
    attempt(run, methods, "engine_prefix_off", lambda row: engine(row, False), est_s=45)
    res["ratios"] = {
        "prefix_on_vs_off": ratio(methods, "engine_prefix_on", "engine_prefix_off"),
        "prefix_hit_fraction_of_shared": methods.get("engine_prefix_on", {}).get(
            "prefix_hit_fraction_of_shared"
        ),
    }
    run.save()


# --- report -------------------------------------------------------------------------------


def ratio(methods: Row, a: str, b: str) -> float | None:
    x, y = methods.get(a, {}).get("tokens_per_s"), methods.get(b, {}).get("tokens_per_s")
    return x / y if x and y else None


def ratios_a(res: Row) -> Row:
    m = res.get("methods", {})
    out: Row = {
        "engine_vs_dynamic": ratio(m, "engine", "hf_dynamic"),
        "engine_vs_static": ratio(m, "engine", "hf_static"),
        "engine_vs_static_compiled": ratio(m, "engine", "hf_static_compiled"),
        "engine_vs_generate_batch": ratio(m, "engine", "hf_generate_batch"),
        "paged_generate_vs_dynamic": ratio(m, "hf_paged_cache", "hf_dynamic"),
        "engine_fp8_vs_engine": ratio(m, "engine_fp8", "engine"),
        "engine_fp8_vs_dynamic": ratio(m, "engine_fp8", "hf_dynamic"),
    }
    hf_prefill = res.get("hf_breakdown", {}).get("prefill", {}).get("tokens_per_s")
    engine_prefill = m.get("engine", {}).get("prefill_tokens_per_s")
    out["engine_prefill_vs_hf_prefill"] = (
        engine_prefill / hf_prefill if engine_prefill and hf_prefill else None
    )
    return out


def targets(res: Row) -> Row:
    """The ratios the issue names, in one place."""
    a, b, c = res.get("a", {}), res.get("b", {}), res.get("c", {})
    engine = a.get("methods", {}).get("engine", {})
    out: Row = {}
    for name in ("engine", "engine_fp8"):
        method = a.get("methods", {}).get(name, {})
        points = {(p.get("batch"), p.get("ctx")): p for p in method.get("decode_points", [])}
        for (batch, ctx), p in sorted(points.items()):
            out[f"{name}_decode_step_B{batch}x{ctx}_vs_roofline"] = p.get("vs_roofline")
    bf16_points = {(p.get("batch"), p.get("ctx")): p for p in engine.get("decode_points", [])}
    fp8 = a.get("methods", {}).get("engine_fp8", {})
    for p in fp8.get("decode_points", []):
        base = bf16_points.get((p.get("batch"), p.get("ctx")), {}).get("decode_step_ms")
        if base and p.get("decode_step_ms"):
            out[f"engine_fp8_decode_step_B{p['batch']}x{p['ctx']}_vs_bf16"] = (
                p["decode_step_ms"] / base
            )
    out["a_engine_fp8_vs_engine"] = a.get("ratios", {}).get("engine_fp8_vs_engine")
    out["engine_decode_step_workload_a_vs_roofline"] = engine.get("decode_step_vs_roofline")
    ra = a.get("ratios", {})
    out["engine_prefill_vs_hf_prefill"] = ra.get("engine_prefill_vs_hf_prefill")
    out["a_engine_vs_dynamic"] = ra.get("engine_vs_dynamic")
    out["a_engine_vs_static_compiled"] = ra.get("engine_vs_static_compiled")
    out["a_paged_generate_vs_dynamic"] = ra.get("paged_generate_vs_dynamic")
    out["b_engine_vs_generate_batch"] = b.get("ratios", {}).get("engine_vs_generate_batch")
    out["b_engine_vs_generate_batch_same_requests"] = b.get("ratios", {}).get(
        "engine_vs_generate_batch_same_requests"
    )
    rc = c.get("ratios", {})
    out["c_prefix_hit_fraction_of_shared"] = rc.get("prefix_hit_fraction_of_shared")
    out["c_prefix_on_vs_off"] = rc.get("prefix_on_vs_off")
    mem = a.get("memory", {})
    out["a_peak_memory_vs_weights_plus_plan_cache"] = mem.get("peak_vs_weights_plus_cache")
    return out


def fmt(x: Any, spec: str = ".2f") -> str:
    if x is None:
        return "-"
    return format(x, spec) if isinstance(x, int | float) else str(x)


def table(res: Row) -> str:
    meta, lim = res.get("meta", {}), res.get("limits", {})
    lines = [
        f"card {meta.get('card')} | torch {meta.get('torch')} | transformers "
        f"{meta.get('transformers')} | mode {meta.get('mode')}",
        f"copy {fmt(lim.get('copy', {}).get('GBps'), '.0f')} GB/s | matmul "
        f"{fmt(lim.get('matmul', {}).get('TFLOPs'), '.0f')} TFLOP/s",
        f"{'workload':<9}{'method':<22}{'seconds':>9}{'new tok/s':>11}  note",
    ]
    for w in ("a", "b", "c"):
        for name, m in res.get(w, {}).get("methods", {}).items():
            note = m.get("error") or m.get("skipped") or m.get("timed_out") or m.get("capped")
            lines.append(
                f"{w:<9}{name:<22}{fmt(m.get('seconds'), '.2f'):>9}"
                f"{fmt(m.get('tokens_per_s'), '.0f'):>11}  {str(note or '')[:70]}"
            )
        roof = res.get(w, {}).get("rooflines", {})
        tps = roof.get("tokens_per_s") or roof.get("tokens_per_s_on")
        if tps:
            lines.append(f"{w:<9}{'roofline':<22}{'':>9}{fmt(tps, '.0f'):>11}  (ideal)")
    bd = res.get("a", {}).get("hf_breakdown", {})
    if "prefill" in bd:
        p, d = bd["prefill"], bd["decode_step"]
        lines.append(
            f"hf prefill {p['batch']}x{p['prompt']}: {p['ms']:.1f} ms, "
            f"{p['tokens_per_s']:.0f} tok/s, {p['of_roofline']:.0%} of roofline | "
            f"hf decode step B{d['batch']}x{d['ctx']}: "
            f"{d['ms']:.2f} ms, {d['vs_roofline']:.2f}x roofline"
        )
    for name in ("engine", "engine_fp8"):
        for p in res.get("a", {}).get("methods", {}).get(name, {}).get("decode_points", []):
            lines.append(
                f"{name} decode step B{p['batch']}x{p['ctx']}: "
                f"{fmt(p.get('decode_step_ms'), '.3f')} ms, roofline "
                f"{fmt(p.get('roofline_ms'), '.3f')} ms, {fmt(p.get('vs_roofline'))}x"
                f"{' ' + p['error'] if 'error' in p else ''}"
            )
    lines.append(
        "targets: " + ", ".join(f"{k}={fmt(v)}" for k, v in res.get("targets", {}).items())
    )
    secs = meta.get("section_seconds", {})
    lines.append(
        "seconds: "
        + ", ".join(f"{k} {v:.0f}" for k, v in secs.items())
        + f", total {fmt(meta.get('total_seconds'), '.0f')}"
    )
    return "\n".join(lines)


def plot(res: Row, path: Path) -> None:
    """Bar chart: new tokens/s per method, one panel per workload (roofline dashed)."""
    try:
        importlib.import_module("matplotlib").use("Agg")
        plt = importlib.import_module("matplotlib.pyplot")
    except ImportError:
        return
    panels = [w for w in ("a", "b", "c") if res.get(w, {}).get("methods")]
    if not panels:
        return
    fig, axes = plt.subplots(1, len(panels), figsize=(5.5 * len(panels), 4.5), squeeze=False)
    for ax, w in zip(axes[0], panels, strict=True):
        methods = {k: v.get("tokens_per_s") or 0 for k, v in res[w]["methods"].items()}
        names = list(methods)
        colors = ["tab:green" if n.startswith("engine") else "tab:blue" for n in names]
        bars = ax.bar(range(len(names)), [methods[n] for n in names], color=colors)
        for bar, n in zip(bars, names, strict=True):
            m = res[w]["methods"][n]
            text = f"{methods[n]:.0f}" if methods[n] else "error" if "error" in m else "skipped"
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                        ha="center", va="bottom", fontsize=8)  # fmt: skip
        roof = res[w].get("rooflines", {})
        tps = roof.get("tokens_per_s") or roof.get("tokens_per_s_on")
        if tps:
            ax.axhline(tps, color="gray", linestyle="--", label="roofline (ideal)")
            ax.legend(fontsize=8)
        ax.set_xticks(range(len(names)), names, rotation=30, ha="right", fontsize=8)
        ax.set_ylabel("new tokens / s")
        ax.set_title(f"{w}: {res[w].get('model', '')}".split(",")[0], fontsize=9)
    fig.suptitle(f"kvarch Engine vs transformers, {res.get('meta', {}).get('card')}")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--only", help="sections among a,b,c,compile (default all; a includes compile)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller b/c, fewer tokens, no compile"
    )
    parser.add_argument("--no-compile", action="store_true", help="skip the compiled baseline")
    parser.add_argument("--tiny", action="store_true", help="every code path on CPU, tiny shapes")
    parser.add_argument("--out", help="JSON path (default $OUT/e2e.json); the plot goes beside it")
    parser.add_argument(
        "--budget-s",
        type=float,
        default=550.0,
        help="seconds; steps that would overrun are skipped",
    )
    args = parser.parse_args(argv)
    known = ["a", "b", "c", "compile"]
    wanted = [x for x in (args.only or ",".join(known)).split(",") if x]
    if unknown := sorted(set(wanted) - set(known)):
        parser.error(f"--only: unknown section(s) {unknown}; known: {known}")
    if "a" in wanted and "compile" not in wanted:
        wanted.append("compile")  # a's compiled baseline, run last (--no-compile skips it)
    if not args.tiny and not torch.cuda.is_available():
        parser.error("no CUDA device: use --tiny for the CPU smoke run")
    run = Run(args)
    import transformers

    transformers.logging.set_verbosity_error()
    run.res["meta"] = {
        "card": "cpu (tiny)" if run.tiny else torch.cuda.get_device_name(),
        "torch": torch.__version__, "transformers": transformers.__version__,
        "python": platform.python_version(), "mode": "tiny" if run.tiny else "gpu",
        "quick": args.quick, "sections": wanted, "command": " ".join(sys.argv),
        "shapes": {k: v for k, v in asdict(run.shapes).items() if k not in ("llama", "qwen")},
        "configs": {"llama": run.shapes.llama, "qwen": run.shapes.qwen},
    }  # fmt: skip
    log(f"e2e: {run.res['meta']['card']}, sections {wanted}, budget {args.budget_s:.0f}s")
    seconds: Row = {}
    limits(run)
    sections: dict[str, Callable[[Run], None]] = {
        "a": section_a, "b": section_b, "c": section_c, "compile": section_compile,
    }  # fmt: skip
    for name in known:  # fixed order: the compiled baseline last
        if name not in wanted:
            continue
        t0 = time.perf_counter()
        try:
            sections[name](run)
        except Exception as exc:  # a section that failed outside its steps
            run.res.setdefault(name if name != "compile" else "a", {})["error"] = error_row(exc)
            log(f"section {name}: FAILED {exc}")
        seconds[name] = time.perf_counter() - t0
        run.res["meta"]["section_seconds"] = seconds
        run.res["targets"] = targets(run.res)
        run.save()
    run.model = None
    free_memory(run)
    run.res["meta"]["total_seconds"] = time.perf_counter() - START
    run.res["targets"] = targets(run.res)
    run.save()
    try:
        plot(run.res, run.json_path.with_suffix(".png"))
    except Exception as exc:
        log(f"plot failed: {exc}")
    print(table(run.res), flush=True)
    log(f"wrote {run.json_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
