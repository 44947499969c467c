"""Published-checkpoint fixtures as MAX sees them, and transformers' cache of each.

Kept apart from tests/test_integration_max.py because it must not import MAX: ``python -m
tests.max_fixtures NAME...`` prints transformers' truth from a process MAX never touched
(importing MAX registers its own HF config classes, e.g. for ``llama4_text``).
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).parent / "fixtures"

# What the fixtures leave out and MAX needs to serve them:
# - the Llama-4 fixture is the checkpoint's text_config; transformers serves it (model_type
#   llama4_text) as Llama4ForCausalLM, which MAX also registers.
# - MAX's DeepSeek-V2 config reads MoE routing fields transformers 5 dropped; these are the
#   values of the published deepseek-ai/DeepSeek-V2-Lite config.json.
EXTRA: dict[str, dict[str, Any]] = {
    "llama-4-scout-17b-16e-text": {"architectures": ["Llama4ForCausalLM"]},
    "deepseek-v2-lite": {
        "aux_loss_alpha": 0.001,
        "moe_layer_freq": 1,
        "n_group": 1,
        "topk_group": 1,
        "topk_method": "greedy",
        "scoring_func": "softmax",
        "seq_aux": True,
        "norm_topk_prob": False,
        "routed_scaling_factor": 1.0,
        "pretraining_tp": 1,
    },
}

Layers = dict[tuple[int | None, int, int], int]
"""Cached layers per (window, KV heads, head dim as MAX counts it: K + V for a latent)."""


def fixture(name: str) -> dict[str, Any]:
    (path,) = ROOT.glob(f"configs*/{name}.json")
    data: dict[str, Any] = json.loads(path.read_text())
    return {**data, **EXTRA.get(name, {})}


def all_fixtures() -> list[str]:
    return sorted(p.stem for p in ROOT.glob("configs*/*.json"))


def truth_layers(name: str) -> Layers:
    """transformers' own cache of the full-size checkpoint (meta device), counted like MAX."""
    from transformers import AutoConfig

    from tests.oracle.truth import cache_truth

    data = fixture(name)
    config = AutoConfig.for_model(data.pop("model_type"), **data)
    out: collections.Counter[tuple[int | None, int, int]] = collections.Counter()
    for t in cache_truth(config, device="meta"):
        if t.kind in ("full", "sliding", "chunked"):
            latent = t.num_kv_heads == 1 and t.k_head_dim != t.v_head_dim
            dim = t.k_head_dim + t.v_head_dim if latent else t.k_head_dim
            out[(t.window, t.num_kv_heads, dim)] += 1
            for _, heads, width in t.extra_keys:  # indexer keys: MAX's `indexer` leaf
                out[(None, 1, heads * width)] += 1
    return dict(out)


if __name__ == "__main__":
    truth = {n: [[*key, count] for key, count in truth_layers(n).items()] for n in sys.argv[1:]}
    print(json.dumps(truth))
