"""The tensor-parallel engine from the command line: every rank of a ``torchrun`` group builds
the same random-weight model, shards it, and generates; rank 0 prints the tokens and, with
``--check``, compares them with a one-rank engine on the unsharded model.

    torchrun --nproc-per-node 2 -m kvarch.runtime.tp_demo --model llama --check
    torchrun --nproc-per-node 2 -m kvarch.runtime.tp_demo --model mqa --dtype bfloat16

Backend: nccl when CUDA is available, gloo otherwise (``--backend`` overrides).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

import torch

from kvarch.runtime.engine import Engine, SamplingParams
from kvarch.runtime.tp import TPEngine, TPGroup

__all__ = ["MODELS", "build", "main", "prompts", "run_engine"]

_TINY = {"hidden_size": 64, "intermediate_size": 128, "num_hidden_layers": 2,
         "num_attention_heads": 8, "vocab_size": 256, "max_position_embeddings": 512}  # fmt: skip
_SMALL = {"hidden_size": 1024, "intermediate_size": 2816, "num_hidden_layers": 8,
          "num_attention_heads": 16, "vocab_size": 32000,
          "max_position_embeddings": 8192}  # fmt: skip

MODELS: dict[str, dict[str, Any]] = {
    # Llama geometry: GQA, 8 query heads over 4 KV heads (2 per rank at tp 2)
    "llama": {**_TINY, "num_key_value_heads": 4},
    # one KV head: replicated on every rank
    "mqa": {**_TINY, "num_key_value_heads": 1},
    "llama-1b": {**_SMALL, "num_key_value_heads": 4},
    "mqa-1b": {**_SMALL, "num_key_value_heads": 1},
    "llama-8b": {
        "hidden_size": 4096,
        "intermediate_size": 14336,
        "num_hidden_layers": 32,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "vocab_size": 128256,
        "max_position_embeddings": 8192,
        "rope_theta": 500000.0,
    },  # fmt: skip  (Llama-3-8B geometry)
}


def build(name: str, *, dtype: torch.dtype, device: torch.device, seed: int = 0) -> Any:
    """A random-weight Llama of geometry ``name``: the same weights for the same seed."""
    from transformers import AutoModelForCausalLM, LlamaConfig

    if name not in MODELS:
        raise ValueError(f"model: got {name!r}; expected one of {sorted(MODELS)}")
    torch.manual_seed(seed)
    with device:  # initialised in ``dtype`` on ``device``: no float32 copy of an 8B model
        model = AutoModelForCausalLM.from_config(LlamaConfig(**MODELS[name]), dtype=dtype)
    # a wider init than the default keeps random logits apart (fewer exact ties in bf16)
    with torch.no_grad():
        model.lm_head.weight.normal_(0.0, 0.2)
    return model.eval()


def prompts(count: int, length: int, vocab: int, seed: int = 1) -> list[list[int]]:
    """``count`` random prompts of ``length // 2`` to ``length`` tokens, two sharing a prefix."""
    gen = torch.Generator().manual_seed(seed)
    out = []
    for i in range(count):
        n = length // 2 + i * (length - length // 2) // max(1, count - 1)
        out.append(torch.randint(0, vocab, (n,), generator=gen).tolist())
    if count > 1:
        out[1][: length // 4] = out[0][: length // 4]
    return out


def run_engine(
    name: str,
    tp: TPGroup | None,
    work: list[list[int]],
    params: Sequence[SamplingParams],
    *,
    dtype: torch.dtype,
    device: torch.device,
    **engine_kwargs: Any,
) -> tuple[list[list[int]], Engine]:
    """Tokens of each prompt of ``work`` from a fresh engine (tensor-parallel when ``tp``)."""
    model = build(name, dtype=dtype, device=device)
    engine = Engine(model, **engine_kwargs) if tp is None else TPEngine(model, tp, **engine_kwargs)
    outs = engine.generate(work, list(params), use_tqdm=False)
    return [o.token_ids for o in outs], engine


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kvarch.runtime.tp_demo", description=__doc__)
    ap.add_argument("--model", default="llama", choices=sorted(MODELS))
    ap.add_argument("--dtype", default="float32", choices=["float32", "bfloat16"])
    ap.add_argument("--backend", choices=["nccl", "gloo"])
    ap.add_argument("--prompts", type=int, default=6)
    ap.add_argument("--prompt-len", type=int, default=40)
    ap.add_argument("--max-tokens", type=int, default=12)
    ap.add_argument("--num-blocks", type=int, default=64, help="pages per rank (0: plan)")
    ap.add_argument("--check", action="store_true", help="compare with one rank (rank 0)")
    args = ap.parse_args(argv)
    tp = TPGroup.from_env(backend=args.backend)
    dtype = getattr(torch, args.dtype)
    vocab = int(MODELS[args.model]["vocab_size"])
    work = prompts(args.prompts, args.prompt_len, vocab)
    params = [SamplingParams(max_tokens=args.max_tokens, ignore_eos=True)] * len(work)
    kwargs: dict[str, Any] = {"max_batch_size": 8, "max_seq_len": 256}
    if args.num_blocks:
        kwargs["num_blocks"] = args.num_blocks
    got, engine = run_engine(args.model, tp, work, params, dtype=dtype, device=tp.device, **kwargs)
    report: dict[str, Any] = {"rank": tp.rank, "world": tp.world, "model": args.model,
                              "kv_cache_shape": list(engine.cache.storage.data[0].shape),
                              "tokens": got, "preemptions": engine.stats.preemptions}  # fmt: skip
    if args.check and tp.rank == 0:
        ref, _ = run_engine(args.model, None, work, params, dtype=dtype, device=tp.device, **kwargs)
        report["equal_to_tp1"] = ref == got
    if tp.rank == 0:
        print(json.dumps(report))
    import torch.distributed as dist

    dist.barrier(group=tp.checks)
    dist.destroy_process_group()
    return 0 if report.get("equal_to_tp1", True) else 1


if __name__ == "__main__":
    sys.exit(main())
