"""Gemma 3/3n/4, MLA relatives and RecurrentGemma: schemas beyond the oracle.

Real checkpoints through transformers' config-class defaults, schema defaults equal to the
config classes', max-length behaviour, Gemma3n's VLM (its vision tower needs timm, so its
decoder is built alone), and bad input naming the architecture, the field and the value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import generated
from kvarch import ConfigError, DType, MultiKVCacheParams, inspect
from tests.oracle.compare import mismatches
from tests.oracle.truth import cache_truth

# tests.oracle.variants first: it imports variants_gemma_and_mla at its end
from tests.oracle.variants import SSFSF, VARIANTS
from tests.oracle.variants_gemma_and_mla import VARIANTS_GEMMA_AND_MLA, gemma3n_text

FIXTURES = Path(__file__).parent / "fixtures" / "configs_gemma_and_mla"
CORE = {"vocab_size": 128, "hidden_size": 64, "num_hidden_layers": 12, "num_attention_heads": 4}
MLA_CORE = {**CORE, "num_key_value_heads": 4}


def hf(model_type: str, **kwargs: Any) -> Any:
    from transformers import AutoConfig

    return AutoConfig.for_model(model_type, **kwargs)


def kinds(config: Any) -> str:
    """One letter per layer: F full, S sliding, - shared, . no KV."""
    letters = {"full": "F", "sliding": "S", "shared": "-", "none": "."}
    return "".join(letters[s.kind] for s in generated.from_hf_config(config).layers())


# --- real checkpoints: transformers' config-class defaults document them --------------------


@pytest.mark.parametrize(
    ("model_type", "bytes_per_token", "pattern"),
    [
        # 26 layers, 4 KV heads x 256, every 6th layer full: 26 * 4 * 512 * 2 B
        ("gemma3_text", 106496, ("SSSSSF" * 5)[:26]),
        # 35 layers, the last 15 reuse layers 18 (sliding) / 19 (full): 20 * 2 * 512 * 2 B
        ("gemma3n_text", 40960, ("SSSSF" * 4) + "-" * 15),
        # 30 layers: 25 sliding (4 x 256) + 5 full (4 x global_head_dim 512)
        ("gemma4_text", 25 * 4096 + 5 * 8192, "SSSSSF" * 5),
        # Griffin: 26 layers R R A, 8 local-attention layers of 10 heads x 256
        ("recurrent_gemma", 8 * 10240, ("..S" * 9)[:26]),
    ],
)
def test_config_class_defaults(model_type: str, bytes_per_token: int, pattern: str) -> None:
    config = hf(model_type, block_types=["recurrent", "recurrent", "attention"])
    layout = inspect(config)
    assert layout.bytes_per_token == bytes_per_token
    assert kinds(config) == pattern


def test_gemma3_default_windows_reach_the_planner_groups() -> None:
    params = generated.from_hf_config(hf("gemma3_text"), dtype=DType.bfloat16).get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    groups = {(g.attention, g.window): len(g.layer_indices) for g in params.groups}
    assert groups == {("sliding", 4096): 22, ("full", None): 4}


@pytest.mark.parametrize(
    ("model_type", "layers", "latent", "indexer"),
    [
        ("deepseek_v2", 32, 512 + 64, 0),
        ("minicpm3", 62, 256 + 32, 0),
        ("sarvam_mla", 32, 512 + 64, 0),
        ("glm4_moe_lite", 47, 512 + 64, 0),
        ("deepseek_v32", 61, 512 + 64, 128),  # + one 128-wide DSA indexer key per layer
        ("glm_moe_dsa", 78, 512 + 64, 128),
    ],
)
def test_mla_serving_view_is_one_latent_head(
    model_type: str, layers: int, latent: int, indexer: int
) -> None:
    cfg = generated.from_hf_config(hf(model_type), dtype=DType.bfloat16)
    params = cfg.get_kv_params()
    assert (params.is_mla, params.n_kv_heads, params.head_dim) == (True, 1, latent)
    assert (params.num_layers, params.extra_key_dim) == (layers, indexer)
    assert params.bytes_per_token == (latent + indexer) * layers * 2  # K only (kv_dim 1), bf16


# published config.json files (tests/fixtures/configs_gemma_and_mla), run by transformers at full
# size on the meta device: (layer kinds, KV heads, K dim, V dim of the cached layers, bf16
# bytes/token)
CHECKPOINTS_GEMMA_AND_MLA = {
    # google/gemma-3-1b-it: 26 layers, MQA, head_dim 256, window 512, every 6th layer full
    "gemma-3-1b-it": (("SSSSSF" * 5)[:26], (1, 256, 256), 26 * 1 * 512 * 2),
    # deepseek-ai/DeepSeek-V2-Lite: 27 MLA layers, latent 512 + rope 64 (one head)
    "deepseek-v2-lite": ("F" * 27, (1, 512, 64), 27 * 576 * 2),
    # google/recurrentgemma-2b: R R A over 26 layers, 8 local-attention layers, MQA 256
    "recurrentgemma-2b": (("..S" * 9)[:26], (1, 256, 256), 8 * 1 * 512 * 2),
}


#: per-sequence state by hand: RecurrentGemma's 18 recurrent layers keep a bf16 conv window
#: (lru_width 2560 x conv1d_width 4 - 1) and a float32 RG-LRU state (2560); 450 KiB
STATE_GEMMA_AND_MLA = {"recurrentgemma-2b": 18 * (2560 * 3 * 2 + 2560 * 4)}

# its recurrent scan runs token by token even on meta: the 2051-token probe takes a minute
# (the tiny recurrent-gemma variants run the same rules through the oracle)
NO_FULL_SIZE_RUN = {"recurrentgemma-2b"}


@pytest.mark.parametrize("name", sorted(CHECKPOINTS_GEMMA_AND_MLA))
def test_published_checkpoint(name: str) -> None:
    pattern, (heads, k_dim, v_dim), bytes_bf16 = CHECKPOINTS_GEMMA_AND_MLA[name]
    data = json.loads((FIXTURES / f"{name}.json").read_text())
    cfg = generated.from_hf_config(data)
    if name not in NO_FULL_SIZE_RUN:
        fields = {k: v for k, v in data.items() if k != "model_type"}
        truth = cache_truth(hf(data["model_type"], **fields), device="meta")
        assert mismatches(truth, cfg.layers()) == []
    assert kinds(data) == pattern
    cached = {(s.num_kv_heads, s.k_head_dim, s.v_head_dim) for s in cfg.layers() if s.num_kv_heads}
    assert cached == {(heads, k_dim, v_dim)}
    assert inspect(data).bytes_per_token == bytes_bf16
    assert inspect(data).state_bytes_per_sequence == STATE_GEMMA_AND_MLA.get(name, 0)


def test_published_gemma3n_vlm_matches_its_decoder_at_full_size() -> None:
    """google/gemma-3n-E4B-it (its text_config is Gemma3nTextConfig's defaults): the VLM's
    vision tower needs timm, so its decoder alone runs on meta."""
    data = json.loads((FIXTURES / "gemma-3n-e4b-it.json").read_text())
    text = {k: v for k, v in data["text_config"].items() if k != "model_type"}
    truth = cache_truth(hf("gemma3n_text", **text), device="meta")
    assert mismatches(truth, generated.from_hf_config(data).layers()) == []
    assert kinds(data) == "SSSSF" * 4 + "-" * 15
    assert inspect(data).bytes_per_token == 20 * 2 * 512 * 2


def test_published_windows_and_lengths() -> None:
    def load(name: str) -> Any:
        return generated.from_hf_config(json.loads((FIXTURES / f"{name}.json").read_text()))

    gemma = load("gemma-3-1b-it")
    assert (gemma.model_max_seq_len, gemma.layers()[0].window) == (32768, 512)
    assert load("deepseek-v2-lite").model_max_seq_len == 163840  # yarn x40 already applied
    griffin = load("recurrentgemma-2b")
    assert (griffin.model_max_seq_len, griffin.layers()[2].window) == (8192, 2048)


# --- schema defaults equal the config classes' ------------------------------------------------


MINIMAL: dict[str, dict[str, Any]] = {
    t: {}
    for t in (
        "gemma3_text", "gemma3n_text", "gemma4_text", "gemma4_unified_text", "deepseek_v2",
        "minicpm3", "sarvam_mla", "glm4_moe_lite", "deepseek_v32", "glm_moe_dsa",
    )
}  # fmt: skip
MINIMAL.update(
    {t: {"text_config": {}} for t in ("gemma3", "gemma3n", "gemma4", "gemma4_unified")},
    recurrent_gemma={"block_types": ["recurrent", "attention"]},
)


@pytest.mark.parametrize("model_type", sorted(MINIMAL))
def test_a_minimal_config_json_reads_like_transformers(model_type: str) -> None:
    """Fields a config.json omits (published ones omit even the layer count and heads) take
    the config class's defaults: dims, windows, patterns, KV sharing, MLA ranks, max length."""
    fields = MINIMAL[model_type]
    from_json = generated.from_hf_config({"model_type": model_type, **fields})
    from_transformers = generated.from_hf_config(hf(model_type, **fields))
    assert from_json.layers() == from_transformers.layers()
    assert from_json.model_max_seq_len == from_transformers.model_max_seq_len
    assert from_json.get_kv_params() == from_transformers.get_kv_params()


# --- Gemma3n VLM: the decoder under text_config -----------------------------------------------


def test_gemma3n_vlm_matches_its_decoder_cache() -> None:
    """Gemma3nForConditionalGeneration builds its decoder with AutoModel.from_config(text_config);
    its vision tower needs timm (not installed), so the decoder's real cache is the truth."""
    text = gemma3n_text(5, sliding_window=4, layer_types=SSFSF, num_kv_shared_layers=2)
    truth = cache_truth(hf("gemma3n_text", **text))
    assert [t.kind for t in truth] == ["sliding", "sliding", "full", "shared", "shared"]
    for config in ({"model_type": "gemma3n", "text_config": text}, hf("gemma3n", text_config=text)):
        cfg = generated.from_hf_config(config)
        assert type(cfg).__name__ == "Gemma3nVlmConfig"
        assert mismatches(truth, cfg.layers()) == []


# --- max length -------------------------------------------------------------------------------


def test_rope_scaling_is_not_applied_twice() -> None:
    """Configs list the extended length: Gemma3 (linear x8) and DeepSeek-V2 (yarn x40)."""
    gemma = {
        **CORE,
        "model_type": "gemma3_text",
        "max_position_embeddings": 131072,
        "rope_scaling": {"rope_type": "linear", "factor": 8.0},
    }
    assert generated.from_hf_config(gemma).model_max_seq_len == 131072
    yarn = {"type": "yarn", "factor": 40, "original_max_position_embeddings": 4096}
    deepseek = {
        **MLA_CORE,
        "model_type": "deepseek_v2",
        "max_position_embeddings": 163840,
        "rope_scaling": yarn,
    }
    assert generated.from_hf_config(deepseek).model_max_seq_len == 163840


def test_sliding_models_are_not_capped_at_their_window() -> None:
    cfg = generated.from_hf_config(
        {
            **CORE,
            "model_type": "gemma3_text",
            "sliding_window": 512,
            "max_position_embeddings": 32768,
        }
    )
    assert cfg.get_max_seq_len() == 32768
    capped = generated.from_hf_config(
        {**CORE, "model_type": "gemma4_text", "max_position_embeddings": 32768},
        user_provided_max_length=4096,
    )
    assert capped.get_max_seq_len() == 4096


def test_user_max_length_above_the_bound_is_the_seed_error() -> None:
    cfg = generated.from_hf_config(
        {
            **CORE,
            "model_type": "gemma3n_text",
            "max_position_embeddings": 2048,
            "num_kv_shared_layers": 2,
        },
        user_provided_max_length=4096,
    )
    with pytest.raises(
        ValueError, match=r"default value provided \(4096\) exceeds the upper bound \(2048\)"
    ):
        cfg.get_max_seq_len()


def test_recurrent_gemma_has_no_length_key() -> None:
    base = {**CORE, "model_type": "recurrent_gemma", "block_types": ["recurrent", "attention"]}
    assert generated.from_hf_config(base).model_max_seq_len == 8192
    assert (
        generated.from_hf_config({**base, "max_position_embeddings": 4096}).model_max_seq_len
        == 4096
    )


# --- bad input --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "owner", "field", "value"),
    [
        (
            {**CORE, "model_type": "gemma3n_text", "num_kv_shared_layers": 12},
            "Gemma3nTextConfig",
            "num_kv_shared_layers",
            "12",
        ),
        (  # the shared full layer 4 has no earlier full layer to read
            {
                **CORE,
                "model_type": "gemma3n_text",
                "num_hidden_layers": 5,
                "layer_types": ["sliding_attention"] * 4 + ["full_attention"],
                "num_kv_shared_layers": 2,
            },
            "Gemma3nTextConfig",
            "num_kv_shared_layers",
            "4",
        ),
        (
            {**CORE, "model_type": "gemma3_text", "layer_types": ["sliding_attention"] * 3},
            "Gemma3TextConfig",
            "layer_types",
            "['sliding_attention'",
        ),
        (
            {**CORE, "model_type": "gemma3_text", "sliding_window_pattern": 0},
            "Gemma3TextConfig",
            "sliding_window_pattern",
            "0",
        ),
        (
            {"model_type": "gemma3", "vision_config": {}},
            "Gemma3VlmConfig",
            "text_config",
            "None",
        ),
        (
            {**CORE, "model_type": "gemma4_text", "per_layer_config": {"5": {"head_dim": "big"}}},
            "Gemma4TextConfig",
            "per_layer_config.5.head_dim",
            "'big'",
        ),
        (
            {**CORE, "model_type": "gemma4_text", "num_global_key_value_heads": 0},
            "Gemma4TextConfig",
            "num_global_key_value_heads",
            "0",
        ),
        (
            {**CORE, "model_type": "recurrent_gemma"},
            "RecurrentGemmaConfig",
            "block_types",
            "None",
        ),
        (
            {**CORE, "model_type": "recurrent_gemma", "block_types": []},
            "RecurrentGemmaConfig",
            "block_types",
            "[]",
        ),
        (
            {**CORE, "model_type": "recurrent_gemma", "block_types": "attention"},
            "RecurrentGemmaConfig",
            "block_types",
            "'attention'",
        ),
        (
            {**CORE, "model_type": "recurrent_gemma", "block_types": ["recurrent", "mlp"]},
            "RecurrentGemmaConfig",
            "block_types",
            "'mlp'",
        ),
        (
            {**MLA_CORE, "model_type": "deepseek_v2", "kv_lora_rank": "512"},
            "DeepseekV2Config",
            "kv_lora_rank",
            "'512'",
        ),
        (
            {**MLA_CORE, "model_type": "glm_moe_dsa", "layer_types": ["sparse_attention"] * 12},
            "GlmMoeDsaConfig",
            "layer_types[0]",
            "'sparse_attention'",
        ),
    ],
)
def test_bad_input_names_architecture_field_and_value(
    config: dict[str, Any], owner: str, field: str, value: str
) -> None:
    with pytest.raises(ConfigError) as err:
        generated.from_hf_config(config)
    message = str(err.value)
    assert owner in message
    assert field in message
    assert f"got {value}" in message


def test_group_d_catalogue_has_two_variants_per_family() -> None:
    families = {
        "gemma3_text", "gemma3", "gemma3n_text", "gemma4_text", "gemma4", "deepseek_v2",
        "minicpm3", "sarvam_mla", "glm4_moe_lite", "deepseek_v32", "glm_moe_dsa",
        "gemma4_unified_text", "gemma4_unified", "recurrent_gemma",
    }  # fmt: skip
    counts = {f: sum(v.model_type == f for v in VARIANTS) for f in families}
    assert {f: n for f, n in counts.items() if n < 2} == {}
    assert all(v in VARIANTS for v in VARIANTS_GEMMA_AND_MLA)
