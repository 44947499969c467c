"""The last decoder families without a schema until issue 13 (BLT, Dots3Note and its text
model; DeepSeek-V4 is in test_oracle_compressed.py), at full size: the class defaults as shapes
on meta, layer by layer against transformers' cache, and bytes per token counted by hand.
Their tiny variants run in the oracle catalogue (tests/test_oracle_harness.py)."""

from __future__ import annotations

from typing import Any

import pytest

import kvarch
from kvarch.dtype import DType
from tests.oracle.compare import mismatches
from tests.oracle.truth import cache_truth

# (model type, config overrides, (kind, kv heads, K dim, V dim, extra keys) per layer, bytes
# per token in bfloat16)
MLA_FULL = ("full", 1, 512, 64, (("indexer", 1, 128),))  # latent 512 + rope 64, indexer key 128
MLA_SLIDING = ("sliding", 1, 1024, 64, ())  # the sliding layers' own latent 1024 + rope 64
# layers 0, 1 and every 4th from 1 full (13 of 46), the rest sliding
DOTS3 = [MLA_FULL if i < 2 or i % 4 == 1 else MLA_SLIDING for i in range(46)]
CASES: list[tuple[str, dict[str, Any], list[tuple[Any, ...]], int]] = [
    # entropy patching calls .item(): static patches on meta (the caches do not change)
    (
        "blt",
        {"patch_in_forward": False, "patching_mode": "static"},
        [("full", 16, 64, 64, ())] * 10,  # 1 local encoder + 9 local decoder layers
        10 * 2 * 16 * 64 * 2,
    ),
    ("dots3_note_text", {}, DOTS3, 13 * (576 + 128) * 2 + 33 * 1088 * 2),
    ("dots3_note", {}, DOTS3, 13 * (576 + 128) * 2 + 33 * 1088 * 2),
]


@pytest.mark.parametrize(("model_type", "overrides", "layers", "per_token"), CASES)
def test_full_size_defaults(
    model_type: str, overrides: dict[str, Any], layers: list[tuple[Any, ...]], per_token: int
) -> None:
    from transformers import AutoConfig

    config = AutoConfig.for_model(model_type, **overrides)
    truth = cache_truth(config, device="meta")
    got = [(t.kind, t.num_kv_heads, t.k_head_dim, t.v_head_dim, t.extra_keys) for t in truth]
    assert got == layers
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []
    assert layout.bytes_per_token == per_token
    windows = {t.window for t in truth if t.kind == "sliding"}
    assert windows <= {512}
