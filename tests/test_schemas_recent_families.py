"""Recent families' schemas: defaults equal transformers' config classes, real-checkpoint sizes,
max-length quirks, and bad input naming the architecture, the field path and the value."""

from __future__ import annotations

from typing import Any

import pytest

import generated
import kvarch
from kvarch import ConfigError, DType, KVCacheParams, MultiKVCacheParams

GROUP_B_MODEL_TYPES = (
    "gpt_oss", "hunyuan_v1_dense", "hunyuan_v1_moe", "internlm3", "jetmoe", "seed_oss",
    "ernie4_5", "ernie4_5_moe", "dots1", "doge", "diffllama", "bitnet", "cwm", "vaultgemma",
    "mellum", "iquestcoder", "jais2", "solar_open", "nanochat", "minimax_m2", "afmoe", "youtu",
    "hyperclovax", "laguna", "lara_mini", "kolibri1", "mimo_v2_flash", "longcat_flash",
    "sarvam_moe", "zaya", "flint", "axk1", "axk2", "hy_v3", "hy_v4", "inkling_text",
    "inkling2_text", "hrm_text", "beam", "minimax_m3_vl_text", "emu3", "aria_text", "dory",
    "inkling2_loop_text",
)  # fmt: skip

# Config classes whose defaults leave head_dim null: transformers' models then crash, so the
# comparison gives the field explicitly (kvarch falls back to hidden_size // heads).
NULL_HEAD_DIM = {"hunyuan_v1_dense", "hunyuan_v1_moe", "jais2"}
# Multimodal configs keep the language model under a sub-config; an empty one takes its defaults.
SUB_CONFIG = {"emu3": "text_config"}


def build(model_type: str, **fields: Any) -> Any:
    """The generated config of a minimal config.json."""
    return generated.from_hf_config({"model_type": model_type, **fields})


@pytest.mark.parametrize("model_type", GROUP_B_MODEL_TYPES)
def test_schema_defaults_equal_the_config_class_defaults(model_type: str) -> None:
    """A config.json that omits every field reads as transformers' default config does."""
    from transformers import AutoConfig

    extra: dict[str, Any] = {"head_dim": 128} if model_type in NULL_HEAD_DIM else {}
    reference = AutoConfig.for_model(model_type, **extra)
    if model_type in SUB_CONFIG:
        extra = {SUB_CONFIG[model_type]: extra}
    from_defaults = build(model_type, **extra)
    from_object = generated.from_hf_config(reference)
    assert from_defaults.layers() == from_object.layers()
    assert from_defaults.model_max_seq_len == from_object.model_max_seq_len
    assert from_object.model_max_seq_len == reference.get_text_config().max_position_embeddings


GPT_OSS_20B = {
    "model_type": "gpt_oss",
    "architectures": ["GptOssForCausalLM"],
    "num_hidden_layers": 24,
    "num_attention_heads": 64,
    "num_key_value_heads": 8,
    "head_dim": 64,
    "hidden_size": 2880,
    "sliding_window": 128,
    "layer_types": ["sliding_attention", "full_attention"] * 12,
    "max_position_embeddings": 131072,
    "rope_scaling": {"rope_type": "yarn", "factor": 32.0, "original_max_position_embeddings": 4096},
    "torch_dtype": "bfloat16",
}


def test_gpt_oss_20b_bytes_per_token_and_windows() -> None:
    layout = kvarch.inspect(GPT_OSS_20B)
    assert layout.architecture == "GptOssConfig"
    assert layout.bytes_per_token == 24 * 8 * (64 + 64) * 2  # bf16: 49152
    kinds = {(s.kind, s.window) for s in layout.layers}
    assert kinds == {("sliding", 128), ("full", None)}
    cfg = generated.from_hf_config(GPT_OSS_20B)
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    assert [(g.attention, g.window, len(g.layer_indices)) for g in params.groups] == [
        ("sliding", 128, 12),
        ("full", None, 12),
    ]


# transformers' config-class defaults document real checkpoints; bf16 bytes per token.
DEFAULT_CHECKPOINTS = {
    "ernie4_5": 18 * 2 * (128 + 128) * 2,  # ERNIE-4.5-0.3B: 18432
    "seed_oss": 64 * 8 * (128 + 128) * 2,  # Seed-OSS-36B: 262144
    "minimax_m2": 62 * 8 * (128 + 128) * 2,  # MiniMax-M2: 253952
    "gpt_oss": 36 * 8 * (64 + 64) * 2,  # gpt-oss-120b: 73728
    "axk1": 61 * 1 * (512 + 64) * 2,  # A.X-K1, latent MLA cache: 70272
    "mimo_v2_flash": (9 * 4 + 39 * 8) * (192 + 128) * 2,  # 9 full, 39 sliding (2x heads)
}


@pytest.mark.parametrize("model_type", sorted(DEFAULT_CHECKPOINTS))
def test_default_checkpoints_bytes_per_token(model_type: str) -> None:
    layout = kvarch.inspect({"model_type": model_type}, dtype=DType.bfloat16)
    assert layout.bytes_per_token == DEFAULT_CHECKPOINTS[model_type]


def test_gpt_oss_length_is_the_listed_yarn_length_not_the_window() -> None:
    cfg = generated.from_hf_config(GPT_OSS_20B)
    assert cfg.get_max_seq_len() == 131072  # already extended: yarn's factor is not re-applied
    assert (
        generated.from_hf_config(GPT_OSS_20B, user_provided_max_length=4096).get_max_seq_len()
        == 4096
    )
    too_long = generated.from_hf_config(GPT_OSS_20B, user_provided_max_length=131073)
    with pytest.raises(ValueError, match="exceeds the upper bound"):
        too_long.get_max_seq_len()


def test_mla_families_serve_a_latent_cache() -> None:
    for model_type, layers, latent in (("axk1", 61, 576), ("axk2", 48, 160), ("youtu", 32, 576)):
        params = build(model_type, torch_dtype="bfloat16").get_kv_params()
        assert isinstance(params, KVCacheParams) and params.is_mla
        assert (params.num_layers, params.head_dim, params.n_kv_heads) == (layers, latent, 1)


def test_longcat_flash_caches_two_sublayers_per_block() -> None:
    cfg = build("longcat_flash", num_layers=3)
    assert cfg.num_layers == 6
    assert len(cfg.layers()) == 6
    assert build("longcat_flash", num_hidden_layers=10).num_layers == 10  # = 2 x num_layers 5
    assert build("longcat_flash").num_layers == 56


def test_mimo_v2_flash_window_size_spelling_adds_the_current_token() -> None:
    assert build("mimo_v2_flash", sliding_window_size=127).layers()[1].window == 128
    assert build("mimo_v2_flash").layers()[1].window == 129
    first, second = build("mimo_v2_flash", num_key_value_heads=4).layers()[:2]
    assert (first.kind, first.num_kv_heads, first.k_head_dim, first.v_head_dim) == (
        "full",
        4,
        192,
        128,
    )
    assert (second.kind, second.num_kv_heads) == ("sliding", 8)


def test_dots1_window_starts_at_max_window_layers() -> None:
    kinds = [s.kind for s in build("dots1", num_hidden_layers=4, max_window_layers=2).layers()]
    assert kinds == ["full", "full", "sliding", "sliding"]
    released = build("dots1")  # max_window_layers 62 = every layer of the 62: no window
    assert {s.kind for s in released.layers()} == {"full"}


def test_hrm_text_counts_one_slot_per_attention_invocation() -> None:
    fresh = build("hrm_text", num_hidden_layers=2, H_cycles=2, L_cycles=3)
    assert fresh.num_layers == 2 * 2 * (3 + 1)
    saved = build("hrm_text", num_hidden_layers=16, num_layers_per_stack=2, H_cycles=2, L_cycles=3)
    assert saved.num_layers == 16


def test_inkling_local_layer_ids_name_the_sliding_layers() -> None:
    kinds = [
        s.kind for s in build("inkling_text", num_hidden_layers=4, local_layer_ids=[1]).layers()
    ]
    assert kinds == ["full", "sliding", "full", "full"]
    default = [s.kind for s in build("inkling_text", num_hidden_layers=6).layers()]
    assert default == ["sliding"] * 5 + ["full"]


def test_inkling_context_length_reads_model_max_length() -> None:
    assert build("inkling_text", model_max_length=65536).get_max_seq_len() == 65536
    assert build("inkling2_text").get_max_seq_len() == 1048576


def test_looped_sections_add_a_cache_copy_per_extra_pass() -> None:
    dory = build(
        "dory",
        num_hidden_layers=10,
        layer_types=["sliding_attention", "mlp"] * 4 + ["full_attention", "mlp"],
        n_input_layers=2,
        n_output_layers=2,
        n_recurrent_loops=4,
    )  # released form: 5 layers (1 input, 3 recurrent, 1 output), 3 extra passes
    assert dory.num_layers == 5 + 3 * 3
    assert (
        build("dory", **{**DORY_RELEASED, "recurrent_kv_cache_mode": "last_loop"}).num_layers == 5
    )
    loop = build(
        "inkling2_loop_text",
        num_hidden_layers=6,
        layer_types=["hybrid_sliding"] * 5 + ["hybrid"],
        loop_config={"core_start": 3, "core_end": 6, "num_passes": 2},
    )
    assert [s.kind for s in loop.layers()][6:] == ["sliding", "sliding", "full"]


DORY_RELEASED = {
    "num_hidden_layers": 10,
    "layer_types": ["sliding_attention", "mlp"] * 5,
    "n_input_layers": 2,
    "n_output_layers": 2,
}


def test_emu3_text_config_alone_reads_like_the_full_config() -> None:
    """Emu3ForCausalLM holds the text config (model_type emu3_text_model) at the top level."""
    from transformers import AutoConfig

    full = AutoConfig.for_model("emu3", text_config={"num_hidden_layers": 3, "head_dim": 48})
    alone = generated.from_hf_config(full.text_config)
    assert type(alone).__name__ == "Emu3TextModelConfig"
    assert alone.layers() == generated.from_hf_config(full).layers()
    assert {(s.num_kv_heads, s.k_head_dim) for s in alone.layers()} == {(8, 48)}


def test_beam_last_layer_is_full() -> None:
    kinds = [s.kind for s in build("beam", num_hidden_layers=8).layers()]
    assert kinds == ["sliding"] * 5 + ["full", "sliding", "full"]


def test_flint_pattern() -> None:
    kinds = [s.kind for s in build("flint", num_hidden_layers=8).layers()]
    assert kinds == ["full", "full", "sliding", "sliding", "sliding", "full", "sliding", "full"]


BAD = {
    "wrong type": (
        {"model_type": "gpt_oss", "num_attention_heads": "64"},
        "GptOssConfig.num_attention_heads: got '64'; expected an integer",
    ),
    "kv heads not dividing": (
        {"model_type": "seed_oss", "num_attention_heads": 80, "num_key_value_heads": 7},
        "SeedOssConfig.num_kv_heads (from num_key_value_heads): got 7; expected a divisor",
    ),
    "odd kv heads for differential attention": (
        {"model_type": "diffllama", "num_attention_heads": 6, "num_key_value_heads": 3},
        "DiffLlamaConfig.num_kv_heads (from num_key_value_heads): got 3; expected an even number",
    ),
    "sliding window switched on where unsupported": (
        {"model_type": "iquestcoder", "use_sliding_window": True},
        "IQuestCoderConfig.use_sliding_window: got True; expected false",
    ),
    "layer_types of the wrong length": (
        {"model_type": "cwm", "num_hidden_layers": 4, "layer_types": ["full_attention"] * 3},
        "CwmConfig.layer_types: got ['full_attention', 'full_attention', 'full_attention']",
    ),
    "unknown zaya block": (
        {"model_type": "zaya", "num_hidden_layers": 2, "layer_types": ["hybrid", "mamba3"]},
        "ZayaConfig.layer_types[1]: got 'mamba3'",
    ),
    "window zero": (
        {"model_type": "kolibri1", "sliding_window": 0},
        "Kolibri1Config.sliding_window: got 0; expected an integer >= 1",
    ),
    "zaya sliding layer without a window": (
        {"model_type": "zaya", "num_hidden_layers": 2, "layer_types": ["hybrid", "hybrid_sliding"]},
        "ZayaConfig.sliding_window: got None",
    ),
    "hrm inflated count contradicts the cycles": (
        {"model_type": "hrm_text", "num_hidden_layers": 15, "num_layers_per_stack": 2},
        "HrmTextConfig.num_hidden_layers: got 15; expected num_layers_per_stack",
    ),
    "inkling local layer ids of the wrong type": (
        {"model_type": "inkling_text", "local_layer_ids": ["0"]},
        "InklingTextConfig.local_layer_ids: got ['0']",
    ),
    "dory layer_types of the wrong length": (
        {"model_type": "dory", "num_hidden_layers": 6, "layer_types": ["full_attention"] * 5},
        "DoryConfig.layer_types: got ['full_attention'",
    ),
    "dory sections not adding up": (
        {"model_type": "dory", "num_hidden_layers": 4, "layer_types": ["full_attention"] * 4},
        "DoryConfig.num_hidden_layers: got 4; expected n_input_layers + n_recurrent_layers",
    ),
    "inkling2 loop past the last layer": (
        {
            "model_type": "inkling2_loop_text",
            "num_hidden_layers": 4,
            "layer_types": ["hybrid"] * 4,
            "loop_config": {"core_start": 2, "core_end": 6},
        },
        "Inkling2LoopTextConfig.loop_start (from loop_config.core_start): got 2",
    ),
    "emu3 without its text_config": (
        {"model_type": "emu3", "num_hidden_layers": 4},
        "Emu3Config.text_config: got None; expected a sub-config",
    ),
    "mla rank of the wrong type": (
        {"model_type": "youtu", "kv_lora_rank": 512.5},
        "YoutuConfig.kv_lora_rank: got 512.5",
    ),
    "jetmoe kv_channels zero": (
        {"model_type": "jetmoe", "kv_channels": 0},
        "JetMoeConfig.kv_channels: got 0; expected an integer >= 1",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_configs_name_architecture_field_and_value(case: str) -> None:
    config, message = BAD[case]
    with pytest.raises(ConfigError) as info:
        generated.from_hf_config(config)
    assert message in str(info.value)


def test_kvarch_inspect_reports_hybrid_layers_without_kv() -> None:
    layout = kvarch.inspect(
        {"model_type": "lara_mini", "num_hidden_layers": 5, "torch_dtype": "bfloat16"},
        dtype=DType.bfloat16,
    )
    kinds = [(s.kind, s.num_kv_heads) for s in layout.layers]
    assert kinds == [("none", 0), ("sliding", 4), ("none", 0), ("full", 4), ("sliding", 4)]
    assert layout.bytes_per_token == 3 * 4 * (128 + 128) * 2
