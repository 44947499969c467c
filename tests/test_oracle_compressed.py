"""Compressed layers (a window of K/V plus caches of one entry per N tokens): DeepSeek-V4's
CSA and HCA layers as transformers' cache holds them (tiny models on CPU, the full-size
defaults as shapes on meta), and how bytes per token count them."""

from __future__ import annotations

import pytest

import generated
import kvarch
from kvarch.dtype import DType
from kvarch.layers import Compressed, LayerSpec
from tests.oracle.compare import mismatches
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

    from kvarch.inspection import grouped_rows, summary

    layout = kvarch.inspect(AutoConfig.for_model("deepseek_v4"), dtype=DType.bfloat16)
    # per layer: the window's K 1024 bytes; CSA + (1024 + 256) / 4; HCA + 1024 / 128
    assert [row[-2:] for row in grouped_rows(layout)] == [
        ("compressor 1x512/4, indexer 1x128/4", 1024 + 320),
        ("compressor 1x512/128", 1024 + 8),
    ]
    assert "43 compressed (window 128); 50616 bytes/token" in summary(layout)
