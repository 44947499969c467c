"""Hybrid schemas beyond the oracle: defaults equal transformers' config classes, only
attention layers are sized, the max-length quirks, and bad input named precisely."""

from __future__ import annotations

from typing import Any

import pytest

import generated
import kvarch
from kvarch import ConfigError, DType, KVCacheParams, MultiKVCacheParams

# Hybrids whose config.json may omit every field (the others need a layer list or text_config).
DEFAULTED = (
    "jamba", "zamba", "zamba2", "falcon_h1", "lfm3", "qwen3_next", "qwen3_5_text",
    "qwen3_5_moe_text", "olmo_hybrid", "minimax", "bailing_hybrid", "kimi_linear", "lfm2",
    "nemotron_h",
)  # fmt: skip


def build(model_type: str, **fields: Any) -> Any:
    """The generated config of a config.json holding only ``fields``."""
    return generated.from_hf_config({"model_type": model_type, **fields})


def hf_config(model_type: str, **fields: Any) -> Any:
    from transformers import AutoConfig

    return AutoConfig.for_model(model_type, **fields)


def kinds(cfg: Any) -> str:
    """Layer kinds as one letter each (F full, S sliding, . none)."""
    return "".join({"full": "F", "sliding": "S", "none": "."}[s.kind] for s in cfg.layers())


# --- defaults: an empty config.json reads like transformers' default config ---------------


@pytest.mark.parametrize("model_type", DEFAULTED)
def test_defaults_equal_the_transformers_config_class(model_type: str) -> None:
    empty, full = build(model_type), generated.from_hf_config(hf_config(model_type))
    assert type(empty).__name__ == type(full).__name__
    assert empty.layers() == full.layers()
    assert empty.model_max_seq_len == full.model_max_seq_len
    assert empty.get_kv_params() == full.get_kv_params()


def test_only_attention_layers_are_sized() -> None:
    """Class defaults document real models; SSM / linear layers add no bytes per token."""
    bf16 = DType.bfloat16
    jamba = build("jamba", torch_dtype="bfloat16")  # Jamba-v0.1: attention on 4, 12, 20, 28
    assert [s.index for s in jamba.layers() if s.kind == "full"] == [4, 12, 20, 28]
    assert jamba.num_layers == 4
    assert jamba.get_kv_params().bytes_per_token == 2 * 4 * 8 * 128 * 2
    nxt = kvarch.inspect({"model_type": "qwen3_next"}, dtype=bf16)  # 12 of 48 layers, head 256
    assert nxt.bytes_per_token == 2 * 12 * 2 * 256 * 2
    assert kinds(build("qwen3_next", num_hidden_layers=8)) == "...F...F"
    zamba2 = build("zamba2", torch_dtype="bfloat16")  # 9 hybrid layers, head 2 * 2560 / 32
    assert (zamba2.num_layers, zamba2.num_key_value_heads, zamba2.head_dim) == (9, 32, 160)
    h1 = build("falcon_h1", torch_dtype="bfloat16")  # attention beside Mamba in every layer
    assert h1.get_kv_params().bytes_per_token == 2 * 32 * 8 * 128 * 2


def test_bailing_hybrid_latent_cache() -> None:
    """MLA layers: transformers caches K = latent (512), V = rope key (64); serving sizes the
    576-wide latent once per token, kv_dim 1 — the same bytes."""
    cfg = build("bailing_hybrid", torch_dtype="bfloat16")
    mla = [s for s in cfg.layers() if s.kind == "full"]
    assert [s.index for s in mla] == [5, 11, 17, 23, 29, 35, 41]
    assert {(s.num_kv_heads, s.k_head_dim, s.v_head_dim) for s in mla} == {(1, 512, 64)}
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams) and params.is_mla
    assert params.bytes_per_token == 7 * 576 * 2
    assert kvarch.inspect({"model_type": "bailing_hybrid"}).bytes_per_token == 7 * 576 * 2


def test_lfm3_mixes_full_sliding_and_conv() -> None:
    cfg = build("lfm3", num_hidden_layers=9, sliding_window=64)
    assert kinds(cfg) == "..F.S.F.S"
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    groups = sorted((g.attention, g.window, g.layer_indices) for g in params.groups)
    assert groups == [("full", None, [2, 6]), ("sliding", 64, [4, 8])]


def test_layer_lists_beat_the_default_patterns() -> None:
    assert kinds(build("qwen3_5_text", num_hidden_layers=6, full_attention_interval=2)) == ".F.F.F"
    both = {"num_hidden_layers": 3, "full_attention_interval": 2}
    assert kinds(build("qwen3_next", layer_types=["full_attention"] * 3, **both)) == "FFF"
    assert kinds(build("jamba", num_hidden_layers=6, attn_layer_period=3, attn_layer_offset=2)) == (
        "..F..F"
    )
    assert kinds(build("zamba", num_hidden_layers=8, attn_layer_period=2, attn_layer_offset=0)) == (
        "..FF.F.F"
    )
    assert kinds(build("olmo_hybrid", num_hidden_layers=3)) == "..F"
    assert kinds(build("minimax", num_hidden_layers=3)) == "F.F"
    assert kinds(build("bamba", num_hidden_layers=3, attn_layer_indices=[2])) == "..F"
    assert kinds(build("lfm2", num_hidden_layers=4, full_attn_idxs=[0, 2])) == "F.F."
    assert kinds(build("lfm2", num_hidden_layers=2)) == "FF"
    blocks = ["mamba", "attention", "attention"]  # mlx-lm style: the list beats the period
    assert kinds(build("jamba", num_hidden_layers=3, layers_block_type=blocks)) == ".FF"
    assert (
        kinds(
            build("granitemoehybrid", num_hidden_layers=2, layers_block_type=["mamba", "attention"])
        )
        == ".F"
    )


def test_nemotron_h_block_list_is_the_layer_count() -> None:
    """num_hidden_layers is ignored: the block list, else the pattern string, sets the count."""
    assert kinds(build("nemotron_h")) == "..F."  # default blocks M E * -
    pattern = build("nemotron_h", hybrid_override_pattern="M-M*-M*-", num_hidden_layers=99)
    assert kinds(pattern) == "...F..F."
    blocks = ["full_attention", "mlp", "moe", "linear_attention", "full_attention"]
    listed = build(
        "nemotron_h", layers_block_type=blocks, hybrid_override_pattern="M", num_hidden_layers=2
    )
    assert kinds(listed) == "F...F"
    assert listed.head_dim == 128  # class default, not 4096 / 32


def test_kimi_linear_layer_lists_are_one_based() -> None:
    lists = {"full_attn_layers": [1, 3], "kda_layers": [2, 4]}
    cfg = build("kimi_linear", num_hidden_layers=4, linear_attn_config=lists)
    assert kinds(cfg) == "F.F."
    only_full = {"full_attn_layers": [1, 3]}  # both lists are needed, else the default pattern
    assert kinds(build("kimi_linear", num_hidden_layers=6, linear_attn_config=only_full)) == (
        "....F."
    )
    assert build("kimi_linear", model_max_length=131072).model_max_seq_len == 131072


# --- max length ------------------------------------------------------------------------------


def test_zamba2_long_context_switch() -> None:
    """use_long_context replaces max_position_embeddings with 16384, as transformers does."""
    assert build("zamba2").model_max_seq_len == 4096
    assert build("zamba2", use_long_context=True).model_max_seq_len == 16384
    hf = generated.from_hf_config(hf_config("zamba2", use_long_context=True))
    assert hf.model_max_seq_len == 16384


def test_model_max_length_key_of_bailing() -> None:
    """Bailing maps max_position_embeddings onto model_max_length; either key is read."""
    assert build("bailing_hybrid", model_max_length=8192).model_max_seq_len == 8192
    assert build("bailing_hybrid", max_position_embeddings=4096).model_max_seq_len == 4096
    hf = generated.from_hf_config(hf_config("bailing_hybrid", max_position_embeddings=4096))
    assert hf.model_max_seq_len == 4096


def test_rope_scaling_is_not_multiplied() -> None:
    """Qwen3-Next lists its extended length; a yarn factor does not scale it again."""
    rope = {"rope_type": "yarn", "factor": 4.0, "original_max_position_embeddings": 32768}
    cfg = build("qwen3_next", max_position_embeddings=131072, rope_parameters=rope)
    assert cfg.model_max_seq_len == 131072


def test_user_max_length_above_the_bound() -> None:
    cfg = generated.from_hf_config({"model_type": "jamba"}, user_provided_max_length=300000)
    with pytest.raises(ValueError, match="exceeds the upper bound"):
        cfg.get_max_seq_len()
    ok = generated.from_hf_config({"model_type": "jamba"}, user_provided_max_length=4096)
    assert ok.get_max_seq_len() == 4096


# --- bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            {"model_type": "jamba", "attn_layer_period": 4, "attn_layer_offset": 4},
            "JambaConfig.attn_layer_offset: got 4; expected smaller than attn_layer_period",
        ),
        (
            {"model_type": "zamba2", "num_hidden_layers": 3, "layers_block_type": ["hybrid"]},
            "Zamba2Config.layers_block_type: got ['hybrid']; expected a list of 3 entries",
        ),
        (
            {"model_type": "zamba2", "num_hidden_layers": 10},
            "Zamba2Config.num_hidden_layers: got 10; expected 54",
        ),
        (
            {"model_type": "zamba2", "num_key_value_heads": 5},
            "Zamba2Config.num_kv_heads (from num_key_value_heads): got 5; expected a divisor",
        ),
        (
            {"model_type": "qwen3_next", "num_hidden_layers": 2, "layer_types": ["full", "moe"]},
            "Qwen3NextConfig.layer_types[0]: got 'full'; expected one of",
        ),
        (
            {"model_type": "lfm2_moe"},
            "Lfm2MoeConfig.layer_types: got None; expected a list of strings (required)",
        ),
        (
            {"model_type": "bamba", "attn_layer_indices": [1, "x"]},
            "BambaConfig.attn_layer_indices: got [1, 'x']; expected a list of integers",
        ),
        (
            {"model_type": "olmo_hybrid", "num_hidden_layers": "four"},
            "OlmoHybridConfig.num_hidden_layers: got 'four'; expected an integer >= 1",
        ),
        (
            {"model_type": "lfm3", "sliding_window": 0},
            "Lfm3Config.sliding_window: got 0; expected an integer >= 1",
        ),
        (
            {"model_type": "qwen3_5", "vision_config": {}},
            "Qwen35Config.text_config: got None; expected a sub-config",
        ),
        (
            {"model_type": "bamba"},
            "BambaConfig.layers: got 32; expected at least one layer keeping KV",
        ),
        (
            {"model_type": "nemotron_h", "layers_block_type": ["mamba2", "attention2"]},
            "NemotronHConfig.layers_block_type[1]: got 'attention2'; expected one of",
        ),
        (
            {"model_type": "lfm2", "num_hidden_layers": 2, "full_attn_idxs": []},
            "Lfm2Config.layers: got 2; expected at least one layer keeping KV",
        ),
        (
            {"model_type": "granitemoehybrid"},
            "GraniteMoeHybridConfig.layers: got 32; expected at least one layer keeping KV",
        ),
    ],
)
def test_bad_input_names_architecture_field_and_value(
    config: dict[str, Any], expected: str
) -> None:
    with pytest.raises(ConfigError) as info:
        generated.from_hf_config(config).get_kv_params()
    assert expected in str(info.value)
    assert isinstance(info.value, ValueError)
