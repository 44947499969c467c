"""Legacy and multimodal schemas on real checkpoints: legacy field names, multi-query, ALiBi,
chunked and cross attention, multimodal wrappers. Bytes per token, length bounds and bad input.

The transformers config classes' defaults document real checkpoints (``FalconConfig()`` is
Falcon-7B); the dicts below are the geometry fields of published config.json files.
"""

from __future__ import annotations

from typing import Any

import pytest
import transformers

import generated
import kvarch
from kvarch import ConfigError, DType, KVCacheParams, MultiKVCacheParams

BF16 = DType.bfloat16
TINY_MHA = {"hidden_size": 128, "num_attention_heads": 16, "num_hidden_layers": 2}
TINY_32_HEADS = {"hidden_size": 256, "num_attention_heads": 32, "num_hidden_layers": 2}
TINY_GPT2 = {"n_embd": 64, "n_head": 4, "n_layer": 2}
TINY_MPT = {"d_model": 64, "n_heads": 4, "n_layers": 2}


def per_token(heads: int, dim: int, layers: int) -> int:
    """bf16 K+V bytes per token of ``layers`` layers with ``heads`` heads of ``dim``."""
    return 2 * layers * heads * dim * 2


# --- real checkpoints: architecture and bf16 bytes per token -----------------------------

FALCON_40B = {
    "model_type": "falcon",
    "hidden_size": 8192,
    "num_attention_heads": 128,
    "num_hidden_layers": 60,
    "num_kv_heads": 8,
    "new_decoder_architecture": True,
    "multi_query": True,  # ignored by the new architecture
    "alibi": False,
    "max_position_embeddings": 2048,
}
STARCODER = {
    "model_type": "gpt_bigcode",
    "n_embd": 6144,
    "n_head": 48,
    "n_layer": 40,
    "n_positions": 8192,
    "multi_query": True,
}
MPT_7B_STORYWRITER = {
    "model_type": "mpt",
    "d_model": 4096,
    "n_heads": 32,
    "n_layers": 32,
    "max_seq_len": 65536,
    "attn_config": {"alibi": True, "attn_type": "multihead_attention"},
}
DBRX_INSTRUCT = {
    "model_type": "dbrx",
    "d_model": 6144,
    "n_heads": 48,
    "n_layers": 40,
    "max_seq_len": 32768,
    "attn_config": {"kv_n_heads": 8, "clip_qkv": 8, "rope_theta": 500000},
}
BLOOM_560M = {"model_type": "bloom", "hidden_size": 1024, "n_head": 16, "n_layer": 24}
PHI_2 = {
    "model_type": "phi",
    "hidden_size": 2560,
    "num_attention_heads": 32,
    "num_key_value_heads": 32,
    "num_hidden_layers": 32,
    "max_position_embeddings": 2048,
    "partial_rotary_factor": 0.4,
}
LLAMA4_SCOUT = {
    "model_type": "llama4",
    "architectures": ["Llama4ForConditionalGeneration"],
    "text_config": {
        "model_type": "llama4_text",
        "attention_chunk_size": 8192,
        "head_dim": 128,
        "hidden_size": 5120,
        "num_attention_heads": 40,
        "num_key_value_heads": 8,
        "num_hidden_layers": 48,
        "max_position_embeddings": 10485760,
        "no_rope_layers": [],
        "rope_scaling": {
            "factor": 16.0,
            "original_max_position_embeddings": 8192,
            "rope_type": "llama3",
        },
    },
}
LLAMA_32_11B_VISION = {
    "model_type": "mllama",
    "text_config": {
        "model_type": "mllama_text_model",
        "hidden_size": 4096,
        "num_attention_heads": 32,
        "num_key_value_heads": 8,
        "num_hidden_layers": 40,
        "cross_attention_layers": [3, 8, 13, 18, 23, 28, 33, 38],
        "max_position_embeddings": 131072,
    },
}
FUYU_8B = {  # the Hub file is flat: the Persimmon decoder's fields at the top level
    "model_type": "fuyu",
    "hidden_size": 4096,
    "num_attention_heads": 64,
    "num_hidden_layers": 36,
    "max_position_embeddings": 16384,
    "patch_size": 30,
}

CHECKPOINTS: dict[str, tuple[Any, str, int]] = {
    "gpt2 (GPT2Config)": (transformers.GPT2Config(), "Gpt2Config", per_token(12, 64, 12)),
    "santacoder (GPTBigCodeConfig)": (
        transformers.GPTBigCodeConfig(),
        "GptBigcodeConfig",
        per_token(1, 64, 12),  # multi_query: 12x smaller than multi-head
    ),
    "starcoder": (STARCODER, "GptBigcodeConfig", per_token(1, 128, 40)),
    "falcon-7b (FalconConfig)": (transformers.FalconConfig(), "FalconConfig", 8192),
    "falcon-40b": (FALCON_40B, "FalconConfig", per_token(8, 64, 60)),
    "gpt-j-6b (GPTJConfig)": (transformers.GPTJConfig(), "GptjConfig", per_token(16, 256, 28)),
    "gpt-neox-20b (GPTNeoXConfig)": (
        transformers.GPTNeoXConfig(),
        "GptNeoxConfig",
        per_token(64, 96, 44),
    ),
    "opt-125m (OPTConfig)": (transformers.OPTConfig(), "OptConfig", per_token(12, 64, 12)),
    "gpt-neo-1.3b (GPTNeoConfig)": (
        transformers.GPTNeoConfig(),
        "GptNeoConfig",
        per_token(16, 128, 24),
    ),
    "bloom-560m": (BLOOM_560M, "BloomConfig", per_token(16, 64, 24)),
    "mpt-7b-storywriter": (MPT_7B_STORYWRITER, "MptConfig", 524288),
    "dbrx-instruct": (DBRX_INSTRUCT, "DbrxConfig", per_token(8, 128, 40)),
    "phi-2": (PHI_2, "PhiConfig", per_token(32, 80, 32)),
    "llama-4-scout": (LLAMA4_SCOUT, "Llama4Config", per_token(8, 128, 48)),
    "llama-3.2-11b-vision": (LLAMA_32_11B_VISION, "MllamaConfig", 131072),  # 32 self-attn
    "fuyu-8b": (FUYU_8B, "FuyuConfig", per_token(64, 64, 36)),
    "moshi (MoshiConfig)": (transformers.MoshiConfig(), "MoshiConfig", per_token(32, 128, 32)),
    "cpm-ant-10b (CpmAntConfig)": (
        transformers.CpmAntConfig(),
        "CpmantConfig",
        per_token(32, 128, 48),
    ),
    "phi-4-multimodal (Phi4MultimodalConfig)": (
        transformers.Phi4MultimodalConfig(),
        "Phi4MultimodalConfig",
        per_token(8, 96, 32),
    ),
}


@pytest.mark.parametrize("name", sorted(CHECKPOINTS))
def test_real_checkpoint_bytes_per_token(name: str) -> None:
    config, architecture, expected = CHECKPOINTS[name]
    layout = kvarch.inspect(config, dtype=BF16)
    assert (layout.architecture, layout.bytes_per_token) == (architecture, expected)
    if not isinstance(config, dict):  # the same model from its config.json
        assert kvarch.inspect(config.to_dict(), dtype=BF16) == layout


def test_falcon_7b_is_multi_query_and_falcon_40b_grouped() -> None:
    params = generated.from_hf_config(transformers.FalconConfig(), dtype=BF16).get_kv_params()
    assert isinstance(params, KVCacheParams)
    assert (params.n_kv_heads, params.head_dim, params.num_layers) == (1, 64, 32)
    forty = generated.from_hf_config(FALCON_40B).get_kv_params()
    assert isinstance(forty, KVCacheParams) and forty.n_kv_heads == 8


def test_mpt_reads_grouped_kv_heads_of_llm_foundry_checkpoints() -> None:
    """transformers' MPT is multi-head; llm-foundry GQA checkpoints name attn_config.kv_n_heads."""
    gqa = {**MPT_7B_STORYWRITER, "attn_config": {"kv_n_heads": 8}}
    assert generated.from_hf_config(gqa).num_key_value_heads == 8
    assert generated.from_hf_config(MPT_7B_STORYWRITER).num_key_value_heads == 32


def test_dbrx_without_kv_n_heads_is_multi_query() -> None:
    assert generated.from_hf_config(transformers.DbrxConfig()).num_key_value_heads == 1
    no_attn = {k: v for k, v in DBRX_INSTRUCT.items() if k != "attn_config"}
    assert generated.from_hf_config(no_attn).num_key_value_heads == 1


def test_gpt_neo_groups_local_layers_by_window() -> None:
    cfg = generated.from_hf_config(transformers.GPTNeoConfig())
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    summary = [(g.attention, g.window, g.layer_indices) for g in params.groups]
    assert summary == [
        ("full", None, list(range(0, 24, 2))),
        ("sliding", 256, list(range(1, 24, 2))),
    ]
    assert cfg.model_max_seq_len == 2048  # not capped at the window


def test_llama4_scout_chunks_three_layers_in_four() -> None:
    cfg = generated.from_hf_config(LLAMA4_SCOUT)
    kinds = [s.kind for s in cfg.layers()]
    assert kinds == ["chunked", "chunked", "chunked", "full"] * 12
    assert {s.window for s in cfg.layers() if s.kind == "chunked"} == {8192}
    assert cfg.model_max_seq_len == 10485760  # llama3 rope factor 16 not applied again
    assert kvarch.inspect(transformers.Llama4TextConfig()).layers == cfg.layers()


def test_mllama_cross_layers_keep_no_per_token_kv() -> None:
    cfg = generated.from_hf_config(transformers.MllamaConfig())
    cross = [s.index for s in cfg.layers() if s.kind == "cross"]
    assert cross == [3, 8, 13, 18, 23, 28, 33, 38]
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams) and params.num_layers == 32
    assert cfg.layers()[3].bytes_per_token(BF16) == 0


def test_modernbert_decoder_default_pattern_and_half_window() -> None:
    cfg = generated.from_hf_config(transformers.ModernBertDecoderConfig())
    layers = cfg.layers()
    assert [s.index for s in layers if s.kind == "full"] == list(range(0, 22, 3))
    assert {s.window for s in layers if s.kind == "sliding"} == {64}
    flat = {"model_type": "modernbert-decoder", **TINY_MHA, "local_attention": 10}
    assert generated.from_hf_config(flat).layers()[1].window == 5


def test_got_ocr2_window_only_when_enabled() -> None:
    text = {**TINY_MHA, "num_hidden_layers": 30, "num_key_value_heads": 16, "sliding_window": 4096}
    off = generated.from_hf_config({"model_type": "got_ocr2", "text_config": text})
    assert {s.kind for s in off.layers()} == {"full"}
    on = {"model_type": "got_ocr2", "text_config": {**text, "use_sliding_window": True}}
    kinds = [s.kind for s in generated.from_hf_config(on).layers()]
    assert kinds == ["full"] * 28 + ["sliding"] * 2  # Qwen2Config's max_window_layers default 28


def test_gpt_sw3_and_fuyu_layouts() -> None:
    sw3 = {"model_type": "gpt-sw3", "n_embd": 2048, "n_head": 16, "n_layer": 24}
    assert kvarch.inspect(sw3).architecture == "Gpt2Config"
    nested = generated.from_hf_config(transformers.FuyuConfig())
    assert (nested.num_layers, nested.num_key_value_heads, nested.head_dim) == (36, 64, 64)


# --- max length ----------------------------------------------------------------------------

MAX_LENGTHS: dict[str, tuple[dict[str, Any], int]] = {
    "gpt2 default n_positions": ({"model_type": "gpt2", **TINY_GPT2}, 1024),
    "gpt2 n_positions": ({"model_type": "gpt2", **TINY_GPT2, "n_positions": 2048}, 2048),
    "ctrl default": ({"model_type": "ctrl", **TINY_GPT2}, 256),
    "gptj default": ({"model_type": "gptj", **TINY_GPT2}, 2048),
    "bloom, ALiBi without a length key": ({"model_type": "bloom", **TINY_MHA}, 2048),
    "bloom seq_length": ({"model_type": "bloom", **TINY_MHA, "seq_length": 4096}, 4096),
    "mpt max_seq_len": ({"model_type": "mpt", **TINY_MPT, "max_seq_len": 65536}, 65536),
    "dbrx default": ({"model_type": "dbrx", **TINY_MPT}, 2048),
    "falcon alibi": ({"model_type": "falcon", **TINY_MHA, "alibi": True}, 2048),
    "biogpt default": ({"model_type": "biogpt", **TINY_MHA}, 1024),
    "persimmon default": ({"model_type": "persimmon", **TINY_MHA}, 16384),
    "gpt_neo, window 4": (
        {
            "model_type": "gpt_neo",
            **TINY_MHA,
            "window_size": 4,
            "attention_types": [[["global", "local"], 1]],
        },
        2048,
    ),
    "moshi, window = length": ({"model_type": "moshi", **TINY_MHA}, 3000),
    "cpmant relative positions": ({"model_type": "cpmant", **TINY_MHA}, 2048),
    "llama4_text default": ({"model_type": "llama4_text", **TINY_MHA}, 131072),
    "llama4_text yarn not re-applied": (
        {
            "model_type": "llama4_text",
            **TINY_MHA,
            "max_position_embeddings": 65536,
            "rope_scaling": {"rope_type": "yarn", "factor": 4.0},
        },
        65536,
    ),
    "mllama default": ({"model_type": "mllama", "text_config": TINY_MHA}, 131072),
    "phi4_multimodal longrope already extended": (
        {
            "model_type": "phi4_multimodal",
            **TINY_MHA,
            "original_max_position_embeddings": 4096,
            "rope_scaling": {"type": "longrope", "short_factor": [1.0], "long_factor": [1.0]},
        },
        131072,
    ),
}


@pytest.mark.parametrize("case", sorted(MAX_LENGTHS))
def test_max_length(case: str) -> None:
    config, expected = MAX_LENGTHS[case]
    assert generated.from_hf_config(config).model_max_seq_len == expected


def test_user_max_length_within_and_above_the_bound() -> None:
    config = {"model_type": "gpt_bigcode", **TINY_GPT2}
    assert generated.from_hf_config(config, user_provided_max_length=512).get_max_seq_len() == 512
    above = generated.from_hf_config(config, user_provided_max_length=4096)
    with pytest.raises(ValueError, match=r"default value provided \(4096\) exceeds"):
        above.get_max_seq_len()


# --- bad input: the architecture, the field path and the value -------------------------------

BAD: dict[str, tuple[dict[str, Any], str]] = {
    "gpt_bigcode missing n_layer": (
        {"model_type": "gpt_bigcode", "n_embd": 64, "n_head": 4},
        "GptBigcodeConfig.n_layer or num_hidden_layers: got None",
    ),
    "gpt2 width not a multiple of heads": (
        {"model_type": "gpt2", **TINY_GPT2, "n_embd": 66},
        "Gpt2Config.hidden_size (from n_embd): got 66; expected a multiple of num_attention_heads",
    ),
    "falcon multi_query not a bool": (
        {"model_type": "falcon", **TINY_MHA, "multi_query": "yes"},
        "FalconConfig.multi_query: got 'yes'; expected true or false",
    ),
    "falcon kv heads not dividing": (
        {"model_type": "falcon", **TINY_MHA, "new_decoder_architecture": True, "num_kv_heads": 3},
        "FalconConfig.num_kv_heads: got 3; expected a divisor of num_attention_heads",
    ),
    "dbrx kv_n_heads zero": (
        {"model_type": "dbrx", **TINY_MPT, "attn_config": {"kv_n_heads": 0}},
        "DbrxConfig.attn_config.kv_n_heads: got 0",
    ),
    "gpt_neo attention_layers too short": (
        {"model_type": "gpt_neo", **TINY_MHA, "attention_layers": ["global"]},
        "GptNeoConfig.attention_layers: got ['global']; expected a list of 2 entries",
    ),
    "gpt_neo attention_types not covering the layers": (
        {"model_type": "gpt_neo", **TINY_MHA, "attention_types": [[["global", "local"], 3]]},
        "GptNeoConfig.repeat (from attention_types.0.1): got 3; expected len(pattern) * repeat",
    ),
    "gpt_neo two attention_types groups without attention_layers": (
        {
            "model_type": "gpt_neo",
            **TINY_MHA,
            "attention_types": [[["global"], 1], [["local"], 1]],
        },
        "GptNeoConfig.second_group (from attention_types.1.0): got ['local']",
    ),
    "gpt_neo unknown layer kind": (
        {"model_type": "gpt_neo", **TINY_MHA, "attention_types": [[["global", "banana"], 1]]},
        "got 'banana'",
    ),
    "gpt_neo window zero": (
        {"model_type": "gpt_neo", **TINY_MHA, "window_size": 0},
        "GptNeoConfig.window_size: got 0; expected an integer >= 1",
    ),
    "llama4 no_rope_layers too short": (
        {"model_type": "llama4_text", **TINY_MHA, "no_rope_layers": [1]},
        "Llama4TextConfig.no_rope_layers: got [1]; expected one 0/1 entry per layer",
    ),
    "llama4 unknown layer type": (
        {"model_type": "llama4_text", **TINY_MHA, "layer_types": ["full_attention", "x"]},
        "Llama4TextConfig.layer_types[1]: got 'x'",
    ),
    "llama4 vlm without text_config": (
        {"model_type": "llama4", **TINY_MHA},
        "Llama4Config.text_config: got None",
    ),
    "mllama cross layers as strings": (
        {"model_type": "mllama", "text_config": {**TINY_MHA, "cross_attention_layers": ["1"]}},
        "MllamaConfig.text_config.cross_attention_layers: got ['1']; expected a list of integers",
    ),
    "modernbert local_attention 1": (
        {"model_type": "modernbert-decoder", **TINY_MHA, "local_attention": 1},
        "ModernbertDecoderConfig.local_attention: got 1; expected an integer >= 2",
    ),
    "fuyu missing layer count": (
        {"model_type": "fuyu", "text_config": {"hidden_size": 64, "num_attention_heads": 4}},
        "FuyuConfig.text_config.num_hidden_layers or num_hidden_layers: got None",
    ),
    "moshi window zero": (
        {"model_type": "moshi", **TINY_MHA, "sliding_window": 0},
        "MoshiConfig.sliding_window: got 0",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_config_names_architecture_field_and_value(case: str) -> None:
    config, message = BAD[case]
    with pytest.raises(ConfigError) as info:
        generated.from_hf_config(config)
    assert message in str(info.value)


def test_llama4_without_chunking() -> None:
    """attention_chunk_size None (transformers lists every layer full) disables chunking."""
    text = transformers.Llama4TextConfig(**TINY_MHA, attention_chunk_size=None)
    cfg = generated.from_hf_config(text)
    assert {(s.kind, s.num_kv_heads, s.k_head_dim) for s in cfg.layers()} == {("full", 8, 128)}
    # a config.json omitting it gets the class default, chunks of 8192, on rope layers
    bare = {"model_type": "llama4_text", **TINY_MHA}
    assert [(s.kind, s.window) for s in kvarch.inspect(bare).layers] == [("chunked", 8192)] * 2
    off = kvarch.inspect({**bare, "attention_chunk_size": None})  # explicit null: no chunks
    assert [(s.kind, s.window) for s in off.layers] == [("full", None)] * 2


@pytest.mark.parametrize(
    ("config", "absent"),
    [
        ({"model_type": "phi4_multimodal", **TINY_MHA}, 8),
        # a partial text_config gets Qwen2Config's / Qwen3Config's 32, not the composite's own
        ({"model_type": "got_ocr2", "text_config": TINY_32_HEADS}, 32),
        ({"model_type": "moss_transcribe_diarize", "text_config": TINY_32_HEADS}, 32),
    ],
)
def test_kv_heads_absent_take_the_default_null_means_one_per_query_head(
    config: dict[str, Any], absent: int
) -> None:
    assert generated.from_hf_config(config).num_key_value_heads == absent
    text = config.get("text_config", config)
    heads = text["num_attention_heads"]
    if "text_config" in config:
        config = {**config, "text_config": {**text, "num_key_value_heads": None}}
    else:
        config = {**config, "num_key_value_heads": None}
    assert generated.from_hf_config(config).num_key_value_heads == heads  # one per query head
