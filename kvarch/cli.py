"""kvarch: the KV cache of a Hugging Face model, layer by layer, and the memory plan to serve it.

``inspect`` and ``plan`` never import torch or transformers, so they answer in a blink.
Errors print one line and exit 2 (``--debug`` shows the traceback; with ``--json`` the error
is a JSON object on stdout).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn, cast

import msgspec

from kvarch import cli_args
from kvarch.errors import ConfigError, KvarchError
from kvarch.run import add_run_parser
from kvarch.runtime.errors import PlanError
from kvarch.text import table

__all__ = ["main"]

Command = Callable[[argparse.Namespace], int]


def cmd_inspect(args: argparse.Namespace) -> int:
    from kvarch.dtype import DType
    from kvarch.inspection import (
        CROSS_HEADERS,
        STATE_HEADERS,
        cross_rows,
        extra_keys_text,
        grouped_rows,
        has_extra_keys,
        inspect_config,
        load_hf_config,
        state_rows,
        summary,
    )

    config = load_hf_config(args.path)
    dtype = args.dtype or DType.from_hf_config(config, default=DType.bfloat16)
    layout = inspect_config(config, dtype=dtype)
    if args.json:
        sys.stdout.write(msgspec.json.format(msgspec.json.encode(layout)).decode() + "\n")
        return 0
    if args.dtype:
        source = "--dtype"
    elif DType.from_hf_config(config, default=DType.float32) == dtype:
        source = "the config's torch_dtype"
    else:
        source = "the config names none; set --dtype"
    print(f"{layout.architecture}: {summary(layout)}")
    print(f"cache dtype {layout.dtype.value} ({source})")
    if args.per_layer:
        rows: list[tuple[object, ...]] = [
            (
                s.index,
                s.kind,
                "-" if s.window is None else s.window,
                s.num_kv_heads,
                s.k_head_dim,
                s.v_head_dim,
                "-" if s.kv_source is None else s.kv_source,
                *((extra_keys_text(s),) if has_extra_keys(layout) else ()),
                s.bytes_per_token(layout.dtype),
            )
            for s in layout.layers
        ]
        headers: tuple[str, ...] = ("layer", "kind", "window", "kv_heads", "k_dim", "v_dim",
                                    "kv_from", "bytes/token")  # fmt: skip
    else:
        rows = grouped_rows(layout)
        headers = ("layers", "count", "kind", "window", "kv_heads", "k_dim", "v_dim",
                   "kv_from", "bytes/token/layer")  # fmt: skip
    if has_extra_keys(layout):  # the rows carry it before the bytes
        headers = (*headers[:-1], "extra_keys", headers[-1])
    print(table(headers, rows))
    crossed = cross_rows(layout)
    if crossed:
        print(f"\ncross-attention K/V per sequence ({layout.encoder_len} encoder positions):")
        print(table(CROSS_HEADERS, crossed))
    kept = state_rows(layout)
    if kept:
        print("\nstate per sequence:")
        print(table(STATE_HEADERS, kept))
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


def _bench_names() -> str:
    """The benchmarks of this checkout, for ``kvarch bench --help``."""
    from pathlib import Path as _Path

    here = _Path(__file__).resolve().parents[1] / "benchmarks"
    names = sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    return ", ".join(names) if names else "none found (run from a kvarch checkout)"


def _add_plan(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("plan", help="does the model fit, with how much context and batch?")
    p.add_argument("path", type=Path, help="config.json or a model folder")
    p.add_argument(
        "--gpu-memory",
        type=cli_args.size("--gpu-memory"),
        help="free memory per device, e.g. 80GiB (a bare number is GiB; default: ask the GPU)",
    )
    p.add_argument(
        "--utilization",
        type=cli_args.fraction,
        default=0.9,
        help="fraction of that memory kvarch may use, in (0, 1] (default 0.9)",
    )
    p.add_argument("--tp", type=cli_args.int_at_least(1), default=1,
                   help="tensor-parallel devices per replica")  # fmt: skip
    p.add_argument("--dp", type=cli_args.int_at_least(1), default=1, help="data-parallel replicas")
    p.add_argument("--dtype", type=cli_args.dtype, help="weights dtype (default: the config's)")
    p.add_argument("--kv-dtype", type=cli_args.dtype, help="cache dtype (default: the weights')")
    p.add_argument("--page-size", type=cli_args.int_at_least(1), default=128,
                   help="tokens per page (default 128)")  # fmt: skip
    p.add_argument(
        "--max-length",
        type=cli_args.int_at_least(1),
        help="max sequence length (default: the model's whole context)",
    )
    p.add_argument(
        "--max-batch",
        type=cli_args.int_at_least(1),
        help="max concurrent sequences (default: the cache takes all the memory; batch cap 512)",
    )
    p.add_argument(
        "--weights",
        type=cli_args.size("--weights"),
        help="weight bytes (default: the checkpoint, else counted from the config)",
    )
    p.add_argument(
        "--activations",
        type=cli_args.size("--activations", allow_zero=True),
        default=0,
        help="activation bytes per device (default 0)",
    )
    p.add_argument("--json", action="store_true", help="print the plan (or the error) as JSON")
    p.set_defaults(run=cmd_plan)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kvarch", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"kvarch {_version()}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = cast(
        "argparse._SubParsersAction[argparse.ArgumentParser]",
        parser.add_subparsers(dest="command", required=True, metavar="COMMAND"),
    )

    p = sub.add_parser("inspect", help="per-layer KV geometry of a config.json or model folder")
    p.add_argument("path", type=Path, help="config.json or a folder holding one")
    p.add_argument("--dtype", type=cli_args.dtype, help="cache dtype (default: the config's)")
    p.add_argument("--per-layer", action="store_true", help="one row per layer")
    p.add_argument("--json", action="store_true", help="print the layout (or the error) as JSON")
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
    p.add_argument("names", nargs="*", help=f"benchmark names (default: all): {_bench_names()}")
    p.set_defaults(run=cmd_bench)
    return parser


# The knobs the planner names, as the flags a user types.
_FLAGS = {
    "device_memory_utilization": "--utilization",
    "max_seq_len": "--max-length",
    "user_provided_max_length": "--max-length",
    "max_batch_size": "--max-batch",
    "devices": "--tp",
    "free_bytes": "--gpu-memory",
}


def _in_flags(exc: Exception) -> tuple[str, str | None]:
    """The error's message with internal field names replaced by flags, and its flag."""
    text = str(exc)
    flag = None
    if isinstance(exc, PlanError):
        flag = _FLAGS.get(exc.knob)
    elif isinstance(exc, ConfigError):
        flag = _FLAGS.get(exc.field, exc.field if exc.field.startswith("--") else None)
    for field, name in _FLAGS.items():
        if field != "devices":
            text = re.sub(rf"\b{field}\b", name, text)
    text = re.sub(r"^devices:", "--tp:", text)
    return text, flag


class _Parser(argparse.ArgumentParser):
    """Usage errors as JSON when ``--json`` is on the command line."""

    json_errors = False

    def error(self, message: str) -> NoReturn:
        if _Parser.json_errors:
            flag = re.match(r"argument (--[\w-]+)", message)  # argparse names the flag first
            command = self.prog.removeprefix("kvarch ").strip()
            _print_json_error(command, message, flag.group(1) if flag else None)
            raise SystemExit(2)
        super().error(message)


def _print_json_error(command: str, message: str, flag: str | None) -> None:
    doc = {"error": {"command": command or None, "message": message, "flag": flag}}
    sys.stdout.write(json.dumps(doc) + "\n")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("kvarch")
    except PackageNotFoundError:
        return "unknown (not installed)"


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    _Parser.json_errors = "--json" in args_list
    parser = build_parser()
    args = parser.parse_args(args_list)
    run: Command = args.run
    try:
        return run(args)
    except BrokenPipeError:  # `kvarch inspect ... | head`: the reader left; stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except (KvarchError, ValueError, OSError) as exc:
        if args.debug:
            raise
        message, flag = _in_flags(exc)
        if getattr(args, "json", False):
            _print_json_error(args.command, message, flag)
        else:
            print(f"kvarch {args.command}: error: {message}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
