"""Compressed layers (a window of K/V plus caches of one entry per N tokens): DeepSeek-V4's
CSA and HCA layers as transformers' cache holds them (tiny models on CPU, the full-size
defaults as shapes on meta), and how bytes per token count them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import generated
import kvarch
from kvarch.dtype import DType
from kvarch.inspection import summary
from kvarch.layers import Compressed, LayerSpec
from kvarch.planning import plan_model
from tests.oracle.compare import mismatches
from tests.oracle.published import PUBLISHED
from tests.oracle.truth import cache_truth
from tests.oracle.variants import VARIANTS, Variant, make_config

DSV4 = [v for v in VARIANTS if v.model_type == "deepseek_v4"]


@pytest.mark.parametrize("variant", DSV4, ids=[v.id for v in DSV4])
def test_compressed_layers_equal_the_caches_transformers_keeps(variant: Variant) -> None:
    truth = cache_truth(make_config(variant))
    layout = kvarch.inspect(make_config(variant))
    assert mismatches(truth, layout.layers) == []
    compressed = [t for t in truth if t.kind == "compressed"]
    assert compressed and all(t.compressed and t.v_head_dim == 0 for t in compressed)


def test_every_compressed_kind_has_a_tiny_case() -> None:
    """CSA (entries and indexer keys per 4 tokens), HCA (entries per 8 or 128) and plain
    sliding layers all appear among the tiny variants."""
    seen = {
        (t.kind, tuple((name, every) for name, every, _, _ in t.compressed))
        for v in DSV4
        for t in cache_truth(make_config(v))
    }
    assert {
        ("sliding", ()),
        ("compressed", (("compressor", 4), ("indexer", 4))),
        ("compressed", (("compressor", 8),)),
        ("compressed", (("compressor", 128),)),
    } <= seen


def test_deepseek_v4_at_full_size() -> None:
    from transformers import AutoConfig

    config = AutoConfig.for_model("deepseek_v4")
    truth = cache_truth(config, device="meta")
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []
    csa = (("compressor", 4, 1, 512), ("indexer", 4, 1, 128))
    hca = (("compressor", 128, 1, 512),)
    # two HCA layers, then CSA and HCA alternating over 43 layers: 20 CSA, 23 HCA
    assert [t.compressed for t in truth] == [hca, hca] + [hca, csa] * 20 + [hca]
    # per layer: the window's K (= V) 512 x 2 bytes; HCA 1024 / 128; CSA (1024 + 256) / 4
    assert layout.bytes_per_token == 43 * 1024 + 23 * 8 + 20 * 320


def test_bytes_per_token_divide_an_entry_by_its_tokens_rounding_up() -> None:
    spec = LayerSpec(
        index=0,
        kind="compressed",
        window=4,
        num_kv_heads=1,
        k_head_dim=8,
        compressed=(Compressed(name="c", every=3, num_heads=1, head_dim=8),),
    )
    # K 8 x 2 bytes; an entry of 16 bytes per 3 tokens: 5.33, rounded up to 6
    assert spec.bytes_per_token(DType.bfloat16) == 16 + 6
    assert spec.compressed_elements_per_token() == 3  # 8 / 3 elements, rounded up


def test_the_paged_groups_budget_compressed_layers_as_full_attention() -> None:
    """``get_kv_params`` (MAX's view): an upper bound, the window's K/V for every token plus
    each compressed cache's elements per token. The planner sizes them as the runtime holds
    them (``tests/test_plan_compressed.py``)."""
    from transformers import AutoConfig

    config = AutoConfig.for_model("deepseek_v4")
    arch = generated.from_hf_config(config.to_dict())
    groups = arch.get_kv_params().groups
    assert [(g.attention, g.window, len(g.layer_indices)) for g in groups] == [
        ("full", None, 23),
        ("full", None, 20),
    ]
    assert [g.params.extra_key_dim for g in groups] == [512 // 128, 512 // 4 + 128 // 4]


def test_inspect_lists_the_compressed_caches_and_their_bytes() -> None:
    from transformers import AutoConfig

    from kvarch.inspection import grouped_rows

    layout = kvarch.inspect(AutoConfig.for_model("deepseek_v4"), dtype=DType.bfloat16)
    # per layer: the window's K 1024 bytes; CSA + (1024 + 256) / 4; HCA + 1024 / 128
    assert [row[-2:] for row in grouped_rows(layout)] == [
        ("compressor 1x512/4, indexer 1x128/4", 1024 + 320),
        ("compressor 1x512/128", 1024 + 8),
    ]
    assert "43 compressed (window 128); 50616 bytes/token" in summary(layout)


FLASH_BASE = Path(__file__).parent / "fixtures" / "configs" / "deepseek-v4-flash-base.json"


def store_bytes(csa: int, hca: int, length: int) -> tuple[int, int]:
    """Full-size DeepSeek-V4's compressed store per sequence in bf16, by hand: the entries of
    ``length`` tokens (CSA 512 + 128 per 4, HCA 512 per 128), and the open windows (N - 1
    tokens' kv and gate, two series on CSA, for the compressor and the indexer, plus CSA's
    carried 4 tokens' kv and float32 gate; HCA's 127 tokens' kv and gate)."""
    entries = csa * (length // 4) * (512 + 128) * 2 + hca * (length // 128) * 512 * 2
    csa_open = 2 * 3 * 1024 * 2 + 4 * 512 * 6 + 2 * 3 * 256 * 2 + 4 * 128 * 6
    return entries, csa * csa_open + hca * 2 * 127 * 512 * 2


def test_the_flash_base_checkpoint_plans_its_two_sliding_layers_and_csa_first() -> None:
    """DeepSeek-V4-Flash-Base (``compress_ratios`` 0, 0, then 4 / 128 alternating): K and V of
    the two sliding layers, K = V of the 41 compressed ones, entries of 21 CSA and 20 HCA
    layers, not the defaults' 23 HCA and 20 CSA (50,616 bytes per token)."""
    config = json.loads(FLASH_BASE.read_text())
    gib = 1 << 30
    report = plan_model(config, gpu_memory=80 * gib, page_size=128, max_length=8192, weights=0)
    window, entry = 2 * 1024 * 2 + 41 * 512 * 2, 21 * (1024 + 256) // 4 + 20 * 1024 // 128
    assert (window, entry) == (46_080, 6_880)
    assert report.bytes_per_token == window + entry == PUBLISHED[FLASH_BASE.stem][1]
    assert report.compressed_bytes_per_token == entry
    entries, open_windows = store_bytes(csa=21, hca=20, length=8192)
    assert (entries, open_windows) == (56_360_960, 5_847_040)
    plan = report.plan
    assert plan.compressed_bytes_per_sequence_per_device == entries + open_windows
    # two pages of 128 tokens per layer and sequence: 512 sequences fit, the default cap
    pages = 2 * 128 * window
    assert int(80 * gib * 0.9) // (entries + open_windows + pages) >= 512 == plan.max_batch_size
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert "2 sliding (window 128), 41 compressed (window 128); 52960 bytes/token" in (
        summary(layout)
    )
