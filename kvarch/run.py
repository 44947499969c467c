"""``kvarch run``: generate with the Engine from a checkpoint folder or a bare ``config.json``.

PATH is a folder (``config.json`` + ``*.safetensors``, maybe a tokenizer) or a bare
``config.json`` (random weights). With a tokenizer in the folder prompts are text; without
one each prompt is a line of token ids (``1 2 3``). Prompts come from ``--prompt`` (repeatable),
``--prompts-file`` (one per line; ``-`` is stdin) or, when neither is given, stdin. Everything
about PATH and the prompts is checked before torch is imported, so mistakes answer at once.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any, TextIO

import msgspec

from kvarch.cli_args import dtype, int_at_least
from kvarch.errors import KvarchError

__all__ = ["Source", "add_run_parser", "cmd_run", "read_prompts", "resolve_source"]

#: Files whose presence means the folder carries a tokenizer.
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "tokenizer.model", "vocab.json")


class Source(msgspec.Struct, frozen=True, kw_only=True):
    """What PATH holds: where Engine.from_pretrained reads, weights or not, a tokenizer or not."""

    path: Path
    """What is handed to ``Engine.from_pretrained`` (the folder, or the config.json)."""
    config: dict[str, Any]
    """The parsed config.json."""
    random_weights: bool
    has_tokenizer: bool


_positive_int = int_at_least(1)
_non_negative_int = int_at_least(0)


def _non_negative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: must be >= 0")
    return value


def _top_p(text: str) -> float:
    value = _non_negative_float(text)
    if not 0 < value <= 1:
        raise argparse.ArgumentTypeError(f"{text!r}: must be in (0, 1]")
    return value


def resolve_source(path: Path, *, random_weights: bool) -> Source:
    """Check PATH: a folder with config.json (+ weights unless ``random_weights``) or a file."""
    if path.is_dir():
        config_path = path / "config.json"
        if not config_path.is_file():
            raise KvarchError(f"{path}: no config.json in this folder")
        has_weights = any(path.glob("*.safetensors"))
        if not has_weights and not random_weights:
            raise KvarchError(
                f"{path}: no *.safetensors weights in this folder; pass --random-weights to run "
                "it with random weights"
            )
        has_tokenizer = any((path / name).is_file() for name in TOKENIZER_FILES)
        use_random = random_weights or not has_weights
    elif path.is_file():
        config_path, has_tokenizer, use_random = path, False, True
    else:
        raise KvarchError(
            f"{path}: no such file or folder (expected a model folder or config.json)"
        )
    try:
        config = json.loads(config_path.read_text())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KvarchError(f"{config_path}: not a readable config.json ({exc})") from None
    if not isinstance(config, dict):
        raise KvarchError(f"{config_path}: not a config.json (expected a JSON object)")
    return Source(path=path, config=config, random_weights=use_random, has_tokenizer=has_tokenizer)


def read_prompts(given: list[str] | None, file: str | None, stdin: TextIO) -> list[str]:
    """``--prompt`` values, else the lines of ``--prompts-file`` (``-``: stdin), else stdin."""
    if given:
        if file is not None:
            raise KvarchError("give prompts with --prompt or --prompts-file, not both")
        return list(given)
    if file is not None and file != "-":
        try:
            text = Path(file).read_text()
        except (OSError, UnicodeDecodeError) as exc:
            raise KvarchError(f"--prompts-file {file}: {exc}") from None
    elif file is None and stdin.isatty():
        raise KvarchError("no prompts: pass --prompt TEXT, --prompts-file FILE, or pipe them in")
    else:
        text = stdin.read()
    prompts = [line for line in text.splitlines() if line.strip()]
    if not prompts:
        where = "stdin" if file in (None, "-") else f"--prompts-file {file}"
        raise KvarchError(f"no prompts: {where} holds no non-empty line")
    return prompts


def parse_token_ids(prompts: list[str], vocab_size: int | None, path: Path) -> list[list[int]]:
    """Each prompt as token ids (space- or comma-separated), checked against the vocabulary."""
    out: list[list[int]] = []
    for n, text in enumerate(prompts, 1):
        parts = [p for p in re.split(r"[\s,]+", text.strip()) if p]
        try:
            ids = [int(p) for p in parts]
        except ValueError:
            raise KvarchError(
                f"prompt {n} is not token ids ({path} has no tokenizer, so each prompt must be "
                f"space-separated integers): {text[:40]!r}"
            ) from None
        bad = [i for i in ids if i < 0 or (vocab_size is not None and i >= vocab_size)]
        if bad:
            raise KvarchError(
                f"prompt {n}: token id {bad[0]} is outside the vocabulary (vocab_size {vocab_size})"
            )
        out.append(ids)
    return out


def _vocab_size(config: dict[str, Any]) -> int | None:
    for cfg in (config, config.get("text_config") or {}):
        value = cfg.get("vocab_size") if isinstance(cfg, dict) else None
        if isinstance(value, int):
            return value
    return None


def cmd_run(args: argparse.Namespace, *, stdin: TextIO | None = None) -> int:
    """Build the Engine, generate, print completions and a stats line (or one JSON document)."""
    source = resolve_source(args.path, random_weights=args.random_weights)
    texts = read_prompts(args.prompt, args.prompts_file, sys.stdin if stdin is None else stdin)
    prompts: list[str] | list[list[int]] = (
        texts
        if source.has_tokenizer
        else parse_token_ids(texts, _vocab_size(source.config), args.path)
    )
    import torch

    if args.device is not None and args.device.startswith("cuda") and not torch.cuda.is_available():
        raise KvarchError(f"--device {args.device}: no CUDA device on this machine")
    from kvarch.runtime.engine import Engine, SamplingParams

    options: dict[str, Any] = {
        "dtype": None if args.dtype is None else args.dtype.to_torch(),
        "device": args.device,
        "random_weights": source.random_weights,
        "enable_prefix_caching": not args.no_prefix_caching,
    }
    for key, value in (
        ("max_batch_size", args.max_batch),
        ("max_seq_len", args.max_length),
        ("page_size", args.page_size),
    ):
        if value is not None:
            options[key] = value
    if source.random_weights:  # reproducible random weights: same --seed, same model
        torch.manual_seed(0 if args.seed is None else args.seed)
    engine = Engine.from_pretrained(str(source.path), **options)
    params = SamplingParams(
        max_tokens=args.max_tokens,
        temperature=args.temperature,
        top_p=args.top_p,
        top_k=args.top_k,
        seed=args.seed,
        ignore_eos=args.ignore_eos,
    )
    engine.reset_stats()
    start = time.perf_counter()
    outputs = engine.generate(prompts, params, use_tqdm=False)
    seconds = time.perf_counter() - start
    stats: dict[str, Any] = msgspec.to_builtins(engine.stats)
    generated = int(stats.get("generated_tokens", sum(len(o.token_ids) for o in outputs)))
    rate = generated / seconds if seconds > 0 else 0.0
    failed = [o for o in outputs if o.finish_reason == "error"]
    if args.json:
        plan = getattr(engine, "plan", None)
        doc = {
            "path": str(args.path),
            "random_weights": source.random_weights,
            "requests": len(outputs),
            "seconds": seconds,
            "tokens_per_s": rate,
            "stats": stats,
            "plan": None if plan is None else msgspec.to_builtins(plan),
            "completions": [
                {
                    "index": i,
                    "prompt_token_ids": list(o.prompt_token_ids),
                    "token_ids": list(o.token_ids),
                    "text": o.text,
                    "finish_reason": o.finish_reason,
                    "error": o.error,
                }
                for i, o in enumerate(outputs)
            ],
        }
        sys.stdout.write(json.dumps(doc, indent=2) + "\n")
        return 1 if failed else 0
    for i, o in enumerate(outputs):
        if o.finish_reason == "error":
            body = f"error: {o.error}"
        elif o.text is not None:
            body = o.text
        else:
            body = " ".join(map(str, o.token_ids))
        print(f"[{i}] {body}")
    print(
        f"requests {len(outputs)} | prompt tokens {stats.get('prompt_tokens')} | generated "
        f"tokens {generated} | {rate:.1f} tokens/s ({seconds:.2f} s) | prefix hits "
        f"{stats.get('prefix_hit_tokens')} tokens | preemptions {stats.get('preemptions')}"
        + (f" | {len(failed)} failed" if failed else "")
    )
    return 1 if failed else 0


def add_run_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """The ``run`` subcommand's arguments."""
    p = sub.add_parser(
        "run", help="generate with the Engine from a model folder or a bare config.json"
    )
    p.add_argument(
        "path", type=Path, help="model folder (config.json + safetensors) or config.json"
    )
    p.add_argument(
        "--prompt", action="append", metavar="TEXT", help="a prompt (repeatable); token ids "
        "(space-separated) unless the folder has a tokenizer"
    )  # fmt: skip
    p.add_argument("--prompts-file", metavar="FILE", help="one prompt per line (- for stdin)")
    p.add_argument("--max-tokens", type=_positive_int, default=16, help="new tokens per prompt")
    p.add_argument("--temperature", type=_non_negative_float, default=0.0, help="0: greedy")
    p.add_argument("--top-p", type=_top_p, default=1.0, help="nucleus sampling mass")
    p.add_argument("--top-k", type=_non_negative_int, default=0, help="0: no top-k cut")
    p.add_argument("--seed", type=int, help="sampling seed (and random-weight init; default 0)")
    p.add_argument("--ignore-eos", action="store_true", help="always generate --max-tokens")
    p.add_argument("--max-batch", type=_positive_int, help="max concurrent sequences")
    p.add_argument("--max-length", type=_positive_int, help="max sequence length")
    p.add_argument("--page-size", type=_positive_int, help="tokens per KV page")
    p.add_argument("--no-prefix-caching", action="store_true", help="turn prefix caching off")
    p.add_argument("--device", help="cpu, cuda or cuda:N (default: the first GPU, else cpu)")
    p.add_argument("--dtype", type=dtype, help="weights dtype (default: the config's)")
    p.add_argument(
        "--random-weights", action="store_true", help="ignore the folder's weights (random init)"
    )
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(run=cmd_run)
