"""Llama relatives' schemas (Mistral, Qwen2, Gemma, Granite, Cohere, OLMo, GLM, Phi-3, EXAONE)
beyond the oracle: defaults equal transformers' config classes, the
max-length and window quirks of each family, and bad input named precisely."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import generated
from kvarch import ConfigError, KVCacheParams, MultiKVCacheParams

# Text decoders whose config.json may omit every field (VLMs need their text_config).
TEXT_FAMILIES = (
    "mixtral", "ministral", "ministral3", "qwen2", "qwen2_moe", "qwen3_moe", "gemma", "granite",
    "granitemoe", "granitemoeshared", "granite_swa", "granitemoe_swa", "cohere", "cohere2",
    "cohere2_moe", "cohere_compass_text", "olmo", "olmo2", "olmo3", "olmoe", "flex_olmo", "glm",
    "glm4", "phi3", "phimoe", "exaone", "exaone4", "exaone_moe", "helium", "stablelm", "nemotron",
    "arcee", "apertus", "apertus1p5_text", "smollm3", "starcoder2", "qwen4_exp_text",
)  # fmt: skip

TINY = {
    "num_hidden_layers": 4,
    "hidden_size": 64,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
}


def build(model_type: str, **fields: Any) -> Any:
    """The generated config of a config.json holding only ``fields``."""
    return generated.from_hf_config({"model_type": model_type, **fields})


def kinds(cfg: Any) -> list[str]:
    return [s.kind for s in cfg.layers()]


def hf_config(model_type: str, **fields: Any) -> Any:
    from transformers import AutoConfig

    return AutoConfig.for_model(model_type, **fields)


# --- defaults: an empty config.json reads like transformers' default config ---------------


@pytest.mark.parametrize("model_type", TEXT_FAMILIES)
def test_defaults_equal_the_transformers_config_class(model_type: str) -> None:
    """A config.json may omit any field: the schema's defaults must be the class's."""
    empty, full = build(model_type), generated.from_hf_config(hf_config(model_type))
    assert type(empty).__name__ == type(full).__name__
    assert empty.layers() == full.layers()
    assert empty.model_max_seq_len == full.model_max_seq_len
    assert empty.get_kv_params() == full.get_kv_params()


def test_real_checkpoint_defaults() -> None:
    """Class defaults document real models: Mixtral-8x7B, Gemma-7B, Qwen2-7B-ish, Phi-3-mini."""
    mixtral = build("mixtral").get_kv_params()  # 32 layers, 8 KV heads of 128, float32
    assert isinstance(mixtral, KVCacheParams)
    assert (mixtral.n_kv_heads, mixtral.head_dim, mixtral.num_layers) == (8, 128, 32)
    gemma = build("gemma", torch_dtype="bfloat16")  # head_dim 256 ≠ 3072 / 16
    assert (gemma.num_key_value_heads, gemma.head_dim, gemma.num_layers) == (16, 256, 28)
    assert gemma.get_kv_params().bytes_per_token == 2 * 28 * 16 * 256 * 2
    assert build("ministral3").head_dim == 128  # 4096 / 32 would also be 128: check another
    assert build("ministral3", hidden_size=5120).head_dim == 128
    assert build("glm4", hidden_size=6144).head_dim == 128


# Published config.json geometry of real checkpoints (beyond tests/fixtures/configs), with
# their bf16 KV bytes per token.
CHECKPOINTS = {
    "gemma-7b": (
        {
            "model_type": "gemma",
            "hidden_size": 3072,
            "num_hidden_layers": 28,
            "num_attention_heads": 16,
            "num_key_value_heads": 16,
            "head_dim": 256,
            "max_position_embeddings": 8192,
        },
        2 * 28 * 16 * 256 * 2,
    ),
    "Qwen1.5-MoE-A2.7B": (
        {
            "model_type": "qwen2_moe",
            "hidden_size": 2048,
            "num_hidden_layers": 24,
            "num_attention_heads": 16,
            "num_key_value_heads": 16,
            "max_position_embeddings": 8192,
            "sliding_window": 32768,
            "use_sliding_window": False,
            "max_window_layers": 21,
        },
        2 * 24 * 16 * 128 * 2,
    ),
    "OLMo-2-1124-7B": (
        {
            "model_type": "olmo2",
            "hidden_size": 4096,
            "num_hidden_layers": 32,
            "num_attention_heads": 32,
            "num_key_value_heads": 32,
            "max_position_embeddings": 4096,
        },
        2 * 32 * 32 * 128 * 2,
    ),
}


@pytest.mark.parametrize("name", CHECKPOINTS)
def test_real_checkpoint_bytes_per_token(name: str) -> None:
    fields, expected = CHECKPOINTS[name]
    cfg = generated.from_hf_config({**fields, "torch_dtype": "bfloat16"})
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams)  # one full-attention geometry
    assert params.bytes_per_token == expected
    assert cfg.model_max_seq_len == fields["max_position_embeddings"]


def test_phi3_mini_4k_window_reaches_the_planner() -> None:
    path = Path(__file__).parent / "fixtures" / "configs" / "phi-3-mini-4k-instruct.json"
    params = generated.from_hf_config(json.loads(path.read_text())).get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    assert [(g.attention, g.window, len(g.layer_indices)) for g in params.groups] == [
        ("sliding", 2047, 32)
    ]


def test_glm4_moe_default_config_is_refused_by_name() -> None:
    """Glm4MoeConfig() has hidden 4096 over 96 heads and no head_dim: no integral head width."""
    with pytest.raises(ConfigError, match=r"Glm4MoeConfig\.hidden_size: got 4096"):
        build("glm4_moe")
    assert build("glm4_moe", head_dim=128).head_dim == 128  # GLM-4.5 ships head_dim


# --- windows and patterns ---------------------------------------------------------------------


def test_qwen2_use_sliding_window_false_disables_the_window() -> None:
    off = build("qwen2", **TINY, sliding_window=8, max_window_layers=1)
    assert kinds(off) == ["full"] * 4
    assert isinstance(off.get_kv_params(), KVCacheParams)
    assert off.model_max_seq_len == 32768  # not capped at the window


def test_qwen2_max_window_layers() -> None:
    on = build("qwen2", **TINY, use_sliding_window=True, sliding_window=8, max_window_layers=3)
    assert kinds(on) == ["full"] * 3 + ["sliding"]
    assert [s.window for s in on.layers()] == [None] * 3 + [8]
    params = on.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    assert sorted((g.attention, g.window, g.layer_indices) for g in params.groups) == [
        ("full", None, [0, 1, 2]),
        ("sliding", 8, [3]),
    ]
    default_window = build("qwen2", **TINY, use_sliding_window=True, max_window_layers=0)
    assert {s.window for s in default_window.layers()} == {4096}
    null_window = build("qwen2", **TINY, use_sliding_window=True, sliding_window=None)
    assert kinds(null_window) == ["full"] * 4


def test_qwen2_moe_slides_even_layers_below_max_window_layers() -> None:
    cfg = build("qwen2_moe", **TINY, use_sliding_window=True, sliding_window=8, max_window_layers=3)
    assert kinds(cfg) == ["sliding", "full", "sliding", "full"]
    saved = build("qwen2_moe", **TINY, use_sliding_window=False, sliding_window=0)
    assert kinds(saved) == ["full"] * 4  # transformers saves window 0 when disabled


def test_explicit_null_is_not_absent() -> None:
    """keep_null: an explicit null means what transformers makes of it, not the class default."""
    wide = {"num_hidden_layers": 2, "hidden_size": 256, "num_attention_heads": 16}
    assert build("mixtral", **wide).num_key_value_heads == 8  # absent: the class default
    assert build("mixtral", **wide, num_key_value_heads=None).num_key_value_heads == 16
    assert kinds(build("ministral", **TINY)) == ["sliding"] * 4  # absent: window 4096
    assert kinds(build("ministral", **TINY, sliding_window=None)) == ["full"] * 4
    assert build("ministral3", **TINY, head_dim=None).head_dim == 16


def test_exaone4_without_a_window_is_all_full() -> None:
    assert kinds(build("exaone4", **TINY)) == ["sliding"] * 3 + ["full"]
    assert kinds(build("exaone4", **TINY, sliding_window=None)) == ["full"] * 4
    saved = build("exaone4", **TINY, sliding_window=None, sliding_window_pattern=0)
    assert kinds(saved) == ["full"] * 4


def test_cohere2_moe_dense_prefix_has_its_own_period() -> None:
    cfg = build(
        "cohere2_moe",
        **{**TINY, "num_hidden_layers": 7},
        first_k_dense_replace=3,
        prefix_dense_sliding_window_pattern=2,
        sliding_window_pattern=2,
    )
    assert kinds(cfg) == ["sliding", "full", "sliding", "sliding", "full", "sliding", "full"]


def test_smollm3_nope_layers_slide_only_with_use_sliding_window() -> None:
    on = dict(TINY, use_sliding_window=True, sliding_window=8)
    assert kinds(build("smollm3", **on)) == ["full"] * 3 + ["sliding"]
    assert kinds(build("smollm3", **on, no_rope_layers=[0, 1, 1, 0])) == [
        "sliding",
        "full",
        "full",
        "sliding",
    ]
    assert kinds(build("smollm3", **TINY, no_rope_layers=[0, 1, 1, 0])) == ["full"] * 4


def test_rope_scaled_lengths_are_not_multiplied_again() -> None:
    """Phi-3 longrope, Ministral3 YaRN, Apertus llama3: the config already lists the long length."""
    phi3 = {
        **TINY,
        "max_position_embeddings": 131072,
        "original_max_position_embeddings": 4096,
        "rope_scaling": {"type": "longrope", "long_factor": [1.0] * 8, "short_factor": [1.0] * 8},
    }
    assert build("phi3", **phi3).model_max_seq_len == 131072
    assert generated.from_hf_config(hf_config("phi3", **phi3)).model_max_seq_len == 131072
    assert build("ministral3").model_max_seq_len == 262144  # YaRN factor 16 of 16384
    assert build("apertus").model_max_seq_len == 65536  # llama3 factor 8 of 8192


def test_user_max_length_above_the_bound_is_the_seed_error() -> None:
    cfg = generated.from_hf_config(
        {"model_type": "starcoder2", **TINY, "max_position_embeddings": 2048},
        user_provided_max_length=4096,
    )
    with pytest.raises(
        ValueError, match=r"default value provided \(4096\) exceeds the upper bound"
    ):
        cfg.get_max_seq_len()
    assert build("starcoder2", **TINY, sliding_window=512).get_max_seq_len() == 4096


def test_vlm_reads_text_config() -> None:
    text = {"num_hidden_layers": 4, "full_attention_interval": 2, "head_dim": 8}
    cfg = build("qwen4_exp", text_config=text)
    assert kinds(cfg) == ["none", "full", "none", "full"]
    assert cfg.num_layers == 2  # only the indexed layers keep KV


# --- bad input: typed errors naming the architecture, the field path and the value ---------


BAD = [
    ("mixtral", {"num_hidden_layers": "32"}, r"MixtralConfig\.num_hidden_layers: got '32'"),
    (
        "qwen2",
        {"num_attention_heads": 32, "num_key_value_heads": 3},
        r"Qwen2Config\.num_kv_heads \(from num_key_value_heads\): got 3; expected a divisor",
    ),
    (
        "olmo3",
        {**TINY, "layer_types": ["sliding_attention"] * 3},
        r"Olmo3Config\.layer_types: got \[",
    ),
    (
        "cohere2_moe",
        {**TINY, "layer_types": ["full_attention", "bogus", "full_attention", "full_attention"]},
        r"Cohere2MoeConfig\.layer_types\[1\]: got 'bogus'",
    ),
    ("ministral", {**TINY, "sliding_window": 0}, r"MinistralConfig\.sliding_window: got 0"),
    ("granite_swa", {**TINY, "sliding_window": -5}, r"GraniteSwaConfig\.sliding_window: got -5"),
    (
        "smollm3",
        {**TINY, "no_rope_layers": [1, 0]},
        r"SmolLM3Config\.no_rope_layers: got \[1, 0\]; expected one entry per layer",
    ),
    (
        "exaone4",
        {**TINY, "sliding_window": 8, "sliding_window_pattern": 0},
        r"Exaone4Config\.sliding_window_pattern: got 0; expected at least 1",
    ),
    ("qwen3_moe", {**TINY, "use_sliding_window": "yes"}, r"Qwen3MoeConfig\.use_sliding_window"),
    (
        "qwen2",
        {
            **TINY,
            "use_sliding_window": False,
            "sliding_window": 8,
            "layer_types": ["sliding_attention"] * 4,
        },
        r"Qwen2Config\.use_sliding_window / sliding_window: got None",  # windows are off
    ),
    ("qwen4_exp", {}, r"Qwen4ExpConfig\.text_config: got None"),
    (
        "qwen4_exp_text",
        {**TINY, "layer_types": ["linear_attention"] * 4},
        r"Qwen4ExpTextConfig\.layers: got 4; expected at least one layer keeping KV",
    ),
]


@pytest.mark.parametrize(("model_type", "fields", "message"), BAD, ids=[b[0] for b in BAD])
def test_bad_input_names_architecture_field_and_value(
    model_type: str, fields: dict[str, Any], message: str
) -> None:
    with pytest.raises(ConfigError, match=message):
        build(model_type, **fields)
