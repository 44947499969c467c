"""The ``kvarch`` command line.

``inspect`` and ``plan`` never import torch or transformers, so they answer in a blink.
Errors print one line and exit 2 (``--debug`` shows the traceback).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

import msgspec

from kvarch.dtype import DType
from kvarch.errors import KvarchError
from kvarch.run import add_run_parser
from kvarch.text import human_bytes, table

__all__ = ["main"]

Command = Callable[[argparse.Namespace], int]


def _parse_size(text: str) -> int:
    """``80GiB``, ``80GB``, ``1.5e9`` or plain bytes."""
    units = {"kib": 1 << 10, "mib": 1 << 20, "gib": 1 << 30, "tib": 1 << 40}
    units |= {"kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12, "b": 1}
    t = text.strip().lower().replace(" ", "")
    for suffix in sorted(units, key=len, reverse=True):
        if t.endswith(suffix):
            number, scale = t[: -len(suffix)], units[suffix]
            break
    else:
        number, scale = t, 1
    try:
        value = float(number) * scale
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a size (e.g. 80GiB, 24GB, 1.5e9)"
        ) from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a size must be > 0")
    return int(value)


def _dtype(text: str) -> DType:
    try:
        return DType.parse(text)
    except KvarchError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def cmd_inspect(args: argparse.Namespace) -> int:
    from kvarch.inspection import inspect_config, load_hf_config

    layout = inspect_config(load_hf_config(args.path), dtype=args.dtype)
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(layout)).decode() + "\n")
        return 0
    print(f"architecture       {layout.architecture}")
    print(f"model_max_seq_len  {layout.model_max_seq_len}")
    print(
        f"bytes per token    {layout.bytes_per_token} ({human_bytes(layout.bytes_per_token)}, "
        f"{layout.dtype.value})"
    )
    rows = [
        (
            s.index,
            s.kind,
            "-" if s.window is None else s.window,
            s.num_kv_heads,
            s.k_head_dim,
            s.v_head_dim,
            "-" if s.kv_source is None else s.kv_source,
            s.bytes_per_token(layout.dtype),
        )
        for s in layout.layers
    ]
    headers = ("layer", "kind", "window", "kv_heads", "k_dim", "v_dim", "kv_from", "bytes/token")
    print(table(headers, rows))
    return 0


def _project_dir(given: Path | None, name: str) -> Path:
    """``given``, else ``./NAME`` (commands run from the checkout's root, like ``make``)."""
    path = given if given is not None else Path(name)
    if not path.is_dir():
        raise KvarchError(
            f"no {name}/ folder at {path.resolve()}: run from a kvarch checkout or pass --{name}"
            if given is None
            else f"--{name} {path}: not a folder"
        )
    return path


def cmd_generate(args: argparse.Namespace) -> int:
    from generator import generate

    changed = generate(_project_dir(args.schemas, "schemas"), _project_dir(args.out, "generated"))
    for path in changed:
        print(f"wrote {path}")
    print(f"kvarch generate: {len(changed)} file(s) changed")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from generator import check

    drift = check(_project_dir(args.schemas, "schemas"), _project_dir(args.out, "generated"))
    for d in drift:
        print(f"stale: {d}", file=sys.stderr)
    if drift:
        print("kvarch check: generated code is stale or hand-edited; run `make generate`")
        return 1
    print("kvarch check: generated code is up to date")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from generator import scaffold

    path = scaffold(args.name, _project_dir(args.schemas, "schemas"))
    print(f"wrote {path}: edit it, then run `make generate`")
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from kvarch.inspection import load_hf_config
    from kvarch.planning import plan_model

    report = plan_model(
        load_hf_config(args.path),
        path=args.path,
        gpu_memory=args.gpu_memory,
        utilization=args.utilization,
        tp=args.tp,
        dp=args.dp,
        dtype=args.dtype,
        kv_dtype=args.kv_dtype,
        page_size=args.page_size,
        max_length=args.max_length,
        max_batch=args.max_batch,
        weights=args.weights,
        activations=args.activations,
    )
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(report)).decode() + "\n")
    else:
        print(report.render())
    return 0


def cmd_coverage(args: argparse.Namespace) -> int:
    from kvarch.coverage import coverage_report

    report = coverage_report()
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(report)).decode() + "\n")
        return 0
    print(report.render())
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    try:
        from benchmarks.__main__ import main as bench_main
    except ImportError:
        raise KvarchError(
            "benchmarks are not importable: run `kvarch bench` from a kvarch checkout"
        ) from None
    return bench_main(list(args.names))


def _add_plan(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", help="does the model fit, with how much context and batch?")
    p.add_argument("path", type=Path, help="config.json or a model folder")
    p.add_argument("--gpu-memory", type=_parse_size, help="free memory per device (default: ask)")
    p.add_argument("--utilization", type=float, default=0.9, help="device_memory_utilization")
    p.add_argument("--tp", type=int, default=1, help="tensor-parallel devices per replica")
    p.add_argument("--dp", type=int, default=1, help="data-parallel replicas")
    p.add_argument("--dtype", type=_dtype, help="weights dtype (default: the config's)")
    p.add_argument("--kv-dtype", type=_dtype, help="cache dtype (default: the weights')")
    p.add_argument("--page-size", type=int, default=128, help="tokens per page")
    p.add_argument("--max-length", type=int, help="max sequence length (default: the model's)")
    p.add_argument("--max-batch", type=int, help="max concurrent sequences (default 512)")
    p.add_argument("--weights", type=_parse_size, help="weight bytes (default: checkpoint/est.)")
    p.add_argument("--activations", type=_parse_size, default=0, help="activation bytes/device")
    p.add_argument("--json", action="store_true", help="print the plan as JSON")
    p.set_defaults(run=cmd_plan)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kvarch", description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("inspect", help="per-layer KV geometry of a config.json or model folder")
    p.add_argument("path", type=Path, help="config.json or a folder holding one")
    p.add_argument("--dtype", type=_dtype, default=DType.bfloat16, help="cache dtype")
    p.add_argument("--json", action="store_true", help="print the layout as JSON")
    p.set_defaults(run=cmd_inspect)

    _add_plan(sub)
    add_run_parser(sub)

    for name, run, text in (
        ("generate", cmd_generate, "compile schemas/*.yaml into generated/"),
        ("check", cmd_check, "fail when generated/ is stale or hand-edited"),
    ):
        p = sub.add_parser(name, help=text)
        p.add_argument("--schemas", type=Path, help="schema folder (default: ./schemas)")
        p.add_argument("--out", type=Path, help="output folder (default: ./generated)")
        p.set_defaults(run=run)

    p = sub.add_parser("new", help="scaffold schemas/NAME.yaml for a new architecture")
    p.add_argument("name", help="the HF model_type, e.g. my_llama")
    p.add_argument("--schemas", type=Path, help="schema folder (default: ./schemas)")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("coverage", help="transformers decoder families without a schema")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(run=cmd_coverage)

    p = sub.add_parser("bench", help="run the benchmarks (from a checkout)")
    p.add_argument("names", nargs="*", help="benchmark names (default: all)")
    p.set_defaults(run=cmd_bench)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run: Command = args.run
    try:
        return run(args)
    except (KvarchError, ValueError, OSError) as exc:
        if args.debug:
            raise
        print(f"kvarch {args.command}: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
