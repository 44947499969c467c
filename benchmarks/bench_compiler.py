"""Compiler and registry speed: compile all schemas; resolve + validate a config dict vs
``transformers.AutoConfig.for_model`` on the same dict; import time of ``generated``."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
CONFIGS: dict[str, dict[str, Any]] = {
    "llama-3-8b": {
        "model_type": "llama",
        "num_hidden_layers": 32,
        "hidden_size": 4096,
        "intermediate_size": 14336,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "max_position_embeddings": 8192,
        "torch_dtype": "bfloat16",
    },
    "gemma2-9b": {
        "model_type": "gemma2",
        "num_hidden_layers": 42,
        "hidden_size": 3584,
        "num_attention_heads": 16,
        "num_key_value_heads": 8,
        "head_dim": 256,
        "sliding_window": 4096,
        "max_position_embeddings": 8192,
    },
}
IMPORT_PROBE = (
    "import sys, time; t = time.perf_counter(); import generated; "
    "dt = time.perf_counter() - t; "
    "print(dt, 'torch' in sys.modules, 'transformers' in sys.modules)"
)


def best_of(fn: Callable[[], object], *, repeat: int = 5, number: int = 1) -> float:
    """Best seconds per call over ``repeat`` rounds of ``number`` calls."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def bench_compile() -> None:
    from generator import compile_dir

    schemas = REPO / "schemas"
    count = len(list(schemas.glob("*.yaml")))
    seconds = best_of(lambda: compile_dir(schemas), repeat=3)
    print(f"compile {count} schemas (incl. ruff format): {seconds * 1e3:.1f} ms")


def bench_resolve() -> None:
    from transformers import AutoConfig

    import generated

    for name, config in CONFIGS.items():
        kwargs = {k: v for k, v in config.items() if k != "model_type"}
        ours = best_of(lambda c=config: generated.from_hf_config(c), number=200)
        theirs = best_of(
            lambda c=config, kw=kwargs: AutoConfig.for_model(c["model_type"], **kw), number=50
        )
        print(
            f"{name}: kvarch resolve+validate {ours * 1e6:.1f} us; "
            f"AutoConfig.for_model {theirs * 1e6:.1f} us; "
            f"ratio AutoConfig/kvarch {theirs / ours:.1f}x"
        )


def bench_import() -> None:
    runs = []
    for _ in range(3):
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_PROBE],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        seconds, torch_loaded, transformers_loaded = out.stdout.split()
        assert torch_loaded == "False", "importing generated loaded torch"
        assert transformers_loaded == "False", "importing generated loaded transformers"
        runs.append(float(seconds))
    print(
        f"import generated (fresh process, best of 3): {min(runs) * 1e3:.1f} ms; "
        "torch/transformers not loaded"
    )


def main() -> None:
    """Print the three compiler numbers."""
    bench_compile()
    bench_resolve()
    bench_import()


if __name__ == "__main__":
    main()
