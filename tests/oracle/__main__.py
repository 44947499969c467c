"""Print transformers' cache truth for catalogue variants, and kvarch's differences.

python -m tests.oracle gemma2 qwen2-moe     # variants whose id contains a word
python -m tests.oracle --json llama-gqa      # machine-readable truth
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import warnings

from tests.oracle.compare import mismatches
from tests.oracle.truth import LayerTruth, cache_truth
from tests.oracle.variants import Variant, available_variants, make_config


def _line(t: LayerTruth) -> str:
    window = "" if t.window is None else f" window {t.window}"
    source = "" if t.kv_source is None else f" reads layer {t.kv_source}"
    dims = f"{t.num_kv_heads} x {t.k_head_dim}/{t.v_head_dim}" if t.num_kv_heads else "-"
    return f"  {t.index:3d} {t.kind:8s}{window}{source}  {dims}"


def _kvarch_diff(variant: Variant, truth: list[LayerTruth]) -> str:
    try:
        import generated

        specs = generated.from_hf_config(make_config(variant)).layers()
    except Exception as exc:  # report, do not stop: this is a diagnostic tool
        return f"  kvarch: {type(exc).__name__}: {exc}"
    diff = mismatches(truth, specs)
    return "  kvarch: matches" if not diff else "\n".join(f"  kvarch: {d}" for d in diff)


def main(argv: list[str] | None = None) -> int:
    """Entry point."""
    parser = argparse.ArgumentParser(prog="python -m tests.oracle", description=__doc__)
    parser.add_argument("words", nargs="*", help="keep variants whose id contains one of these")
    parser.add_argument("--json", action="store_true", help="print the truth as JSON")
    args = parser.parse_args(argv)
    warnings.filterwarnings("ignore")
    chosen = [
        v for v in available_variants() if not args.words or any(w in v.id for w in args.words)
    ]
    if not chosen:
        print("no variant matches", file=sys.stderr)
        return 1
    out: dict[str, list[dict[str, object]]] = {}
    for variant in chosen:
        truth = cache_truth(make_config(variant))
        if args.json:
            out[variant.id] = [dataclasses.asdict(t) for t in truth]
            continue
        print(f"{variant.id} ({variant.model_type}) {variant.note}")
        print("\n".join(_line(t) for t in truth))
        print(_kvarch_diff(variant, truth))
    if args.json:
        print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
