"""The seed schemas' generated classes against transformers' own caches, and their contract."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import generated
from kvarch import (
    ConfigError,
    DType,
    KVCacheParams,
    ModelConfig,
    MultiKVCacheParams,
    PipelineConfig,
    QuantizationEncoding,
)
from kvarch.layers import PER_TOKEN_KINDS, LayerSpec
from kvarch.schema_runtime import SchemaArchConfig, UnknownArchitectureError

TINY = {
    "num_hidden_layers": 4,
    "hidden_size": 64,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "vocab_size": 100,
    "intermediate_size": 64,
}
LLAMA_3_8B = {
    "model_type": "llama",
    "architectures": ["LlamaForCausalLM"],
    "num_hidden_layers": 32,
    "hidden_size": 4096,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "max_position_embeddings": 8192,
    "torch_dtype": "bfloat16",
}


def cache_truth(hf_config: Any) -> list[LayerSpec]:
    """What a tiny random model of ``hf_config`` really caches, layer by layer."""
    import torch
    import transformers

    torch.manual_seed(0)
    model = transformers.AutoModelForCausalLM.from_config(hf_config)
    with torch.no_grad():
        out = model(torch.tensor([[1, 2, 3, 4, 5, 6]]), use_cache=True)
    specs = []
    for i, layer in enumerate(out.past_key_values.layers):
        window = getattr(layer, "sliding_window", None) if getattr(layer, "is_sliding", 0) else None
        specs.append(
            LayerSpec(
                index=i,
                kind="sliding" if window else "full",
                window=window,
                num_kv_heads=layer.keys.shape[1],
                k_head_dim=layer.keys.shape[-1],
                v_head_dim=layer.values.shape[-1],
            )
        )
    return specs


def hf(name: str, **kwargs: Any) -> Any:
    import transformers

    return getattr(transformers, name)(**{**TINY, **kwargs})


ORACLE_CASES = {
    "llama GQA, explicit head_dim": ("LlamaConfig", {"head_dim": 24}),
    "llama MHA, head_dim null": ("LlamaConfig", {"num_key_value_heads": None, "head_dim": None}),
    "mistral sliding": ("MistralConfig", {"sliding_window": 3}),
    "mistral no window": ("MistralConfig", {"sliding_window": None}),
    "qwen3 window from layer 2": (
        "Qwen3Config",
        {"head_dim": 8, "use_sliding_window": True, "sliding_window": 3, "max_window_layers": 2},
    ),
    "qwen3 use_sliding_window false": (
        "Qwen3Config",
        {"head_dim": 8, "use_sliding_window": False, "sliding_window": 3, "max_window_layers": 1},
    ),
    "gemma2 alternating": ("Gemma2Config", {"head_dim": 32, "sliding_window": 3}),
    "gemma2 MQA": ("Gemma2Config", {"head_dim": 16, "sliding_window": 5, "num_key_value_heads": 1}),
    "deepseek_v3 MLA": (
        "DeepseekV3Config",
        {
            "kv_lora_rank": 32,
            "q_lora_rank": None,
            "qk_rope_head_dim": 8,
            "qk_nope_head_dim": 16,
            "v_head_dim": 24,
            "moe_intermediate_size": 32,
            "n_routed_experts": 4,
            "num_experts_per_tok": 2,
            "n_group": 1,
            "topk_group": 1,
            "first_k_dense_replace": 1,
        },
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", sorted(ORACLE_CASES))
def test_layers_match_what_transformers_caches(case: str) -> None:
    name, kwargs = ORACLE_CASES[case]
    config = hf(name, **kwargs)
    built = generated.from_hf_config(config)
    assert built.layers() == cache_truth(config)
    # and the same from the plain config.json dict
    assert generated.from_hf_config(config.to_dict()).layers() == built.layers()


def test_llama_3_8b_bf16_is_128_kib_per_token() -> None:
    cfg = generated.from_hf_config(LLAMA_3_8B)
    assert type(cfg).__name__ == "LlamaConfig" and cfg.dtype is DType.bfloat16
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams)
    assert (params.n_kv_heads, params.head_dim, params.num_layers) == (8, 128, 32)
    assert params.bytes_per_token == 131072
    assert cfg.get_kv_params() is params
    assert (cfg.num_key_value_heads, cfg.head_dim, cfg.num_layers) == (8, 128, 32)
    assert cfg.model_max_seq_len == 8192 and cfg.get_max_seq_len() == 8192


def test_explicit_head_dim_wins_over_hidden_over_heads() -> None:
    qwen3_0_6b = {
        "model_type": "qwen3",
        "num_hidden_layers": 28,
        "hidden_size": 1024,
        "num_attention_heads": 16,
        "num_key_value_heads": 8,
        "head_dim": 128,
        "sliding_window": 32768,
        "use_sliding_window": False,
        "max_window_layers": 28,
        "max_position_embeddings": 40960,
    }
    cfg = generated.from_hf_config(qwen3_0_6b)
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams) and params.head_dim == 128
    assert cfg.model_max_seq_len == 40960


def test_gemma2_keeps_its_full_length_and_reports_the_window_per_group() -> None:
    cfg = generated.from_hf_config(hf("Gemma2Config", head_dim=32, sliding_window=3).to_dict())
    assert cfg.model_max_seq_len == 8192  # not capped at the window
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    summary = [(g.attention, g.window, g.layer_indices) for g in params.groups]
    assert summary == [("sliding", 3, [0, 2]), ("full", None, [1, 3])]


def test_uniform_sliding_window_still_reaches_the_planner() -> None:
    cfg = generated.from_hf_config(hf("MistralConfig", sliding_window=7))
    params = cfg.get_kv_params()
    assert isinstance(params, MultiKVCacheParams)
    assert [(g.attention, g.window, g.params.num_layers) for g in params.groups] == [
        ("sliding", 7, 4)
    ]


def test_deepseek_v3_serves_a_latent_cache() -> None:
    import transformers

    cfg = generated.from_hf_config(transformers.DeepseekV3Config(), dtype=DType.bfloat16)
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams) and params.is_mla
    assert (params.n_kv_heads, params.head_dim, params.num_layers, params.kv_dim) == (1, 576, 61, 1)
    assert params.bytes_per_token == 61 * 576 * 2
    assert (cfg.num_key_value_heads, cfg.head_dim) == (1, 576)
    assert cfg.layers()[0] == LayerSpec(
        index=0, kind="full", num_kv_heads=1, k_head_dim=512, v_head_dim=64
    )


BAD_CONFIGS = {
    "missing field": (
        {"model_type": "llama", **TINY, "num_hidden_layers": None},
        "LlamaConfig.num_hidden_layers or n_layer or num_layers: got None",
    ),
    "wrong type": (
        {"model_type": "llama", **TINY, "hidden_size": "64"},
        "LlamaConfig.hidden_size: got '64'; expected an integer >= 1",
    ),
    "bool as int": (
        {"model_type": "llama", **TINY, "num_attention_heads": True},
        "LlamaConfig.num_attention_heads: got True",
    ),
    "kv heads not dividing": (
        {"model_type": "llama", **TINY, "num_key_value_heads": 3},
        "num_kv_heads (from num_key_value_heads): got 3; expected a divisor",
    ),
    "layer_types wrong length": (
        {"model_type": "gemma2", **TINY, "layer_types": ["full_attention"] * 3},
        "Gemma2Config.layer_types: got ['full_attention', 'full_attention', 'full_attention']; "
        "expected a list of 4 entries",
    ),
    "unknown layer type": (
        {
            "model_type": "gemma2",
            **TINY,
            "layer_types": ["full_attention", "bogus", "full_attention", "full_attention"],
        },
        "Gemma2Config.layer_types[1]: got 'bogus'",
    ),
    "window zero": (
        {"model_type": "mistral", **TINY, "sliding_window": 0},
        "MistralConfig.sliding_window: got 0; expected an integer >= 1",
    ),
    "window missing for sliding layers": (
        {"model_type": "qwen3", **TINY, "layer_types": ["sliding_attention"] * 4},
        "Qwen3Config.use_sliding_window / sliding_window: got None",
    ),
    "absurd layer count": (
        {"model_type": "llama", **TINY, "num_hidden_layers": 10**9},
        "LlamaConfig.num_hidden_layers: got 1000000000; expected between 1 and 65536",
    ),
    "nested not a mapping": (
        {"model_type": "llama", **TINY, "max_position_embeddings": [1]},
        "LlamaConfig.max_position_embeddings: got [1]",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_CONFIGS))
def test_bad_configs_name_architecture_field_and_value(case: str) -> None:
    config, message = BAD_CONFIGS[case]
    with pytest.raises(ConfigError) as info:
        generated.from_hf_config(config)
    assert message in str(info.value)


def test_every_construction_path_validates() -> None:
    cls = generated.resolve(LLAMA_3_8B)
    good = cls.from_hf_config(LLAMA_3_8B)
    fields = msgspec.to_builtins(good)
    fields["num_kv_heads"] = 5
    with pytest.raises(ConfigError, match="a divisor of num_attention_heads"):
        cls(**{**msgspec.structs.asdict(good), "num_kv_heads": 5})
    with pytest.raises(msgspec.ValidationError, match="a divisor of num_attention_heads"):
        msgspec.convert(fields, cls)
    with pytest.raises(msgspec.ValidationError, match="a divisor of num_attention_heads"):
        msgspec.json.decode(msgspec.json.encode(fields), type=cls)
    fields["num_kv_heads"] = 0
    with pytest.raises(
        msgspec.ValidationError, match=r"Expected `int` >= 1 - at `\$.num_kv_heads`"
    ):
        msgspec.convert(fields, cls)  # the field's declared constraint


@pytest.mark.parametrize("codec", [msgspec.json, msgspec.msgpack])
def test_round_trip(codec: Any) -> None:
    for config in (LLAMA_3_8B, hf("Gemma2Config", sliding_window=3).to_dict()):
        cfg = generated.from_hf_config(config)
        back = codec.decode(codec.encode(cfg), type=type(cfg))
        # huggingface_config is the caller's object; the typed fields must survive exactly
        strip = {"huggingface_config": None}
        assert msgspec.structs.replace(back, **strip) == msgspec.structs.replace(cfg, **strip)
        assert back.layers() == cfg.layers()


def test_resolve_by_model_type_then_architectures() -> None:
    assert generated.resolve({"model_type": "gemma2"}) is generated.Gemma2Config
    assert generated.resolve(hf("Qwen3Config")).__name__ == "Qwen3Config"
    by_arch = {"model_type": "my_fork", "architectures": ["MistralForCausalLM"]}
    assert generated.resolve(by_arch) is generated.MistralConfig
    with pytest.raises(UnknownArchitectureError, match="closest known model types: llama"):
        generated.resolve({"model_type": "llamma"})
    with pytest.raises(ValueError, match="a config.json mapping or a PretrainedConfig"):
        generated.resolve(42)
    assert issubclass(generated.LlamaConfig, SchemaArchConfig)


def test_initialize_reads_the_pipeline() -> None:
    model = ModelConfig(
        quantization_encoding=QuantizationEncoding.bfloat16, huggingface_config=LLAMA_3_8B
    )
    cfg = generated.LlamaConfig.initialize(PipelineConfig(model=model, max_length=1024))
    assert cfg.dtype is DType.bfloat16 and cfg.cache_dtype is DType.bfloat16
    assert cfg.get_max_seq_len() == 1024
    too_long = generated.LlamaConfig.initialize(PipelineConfig(model=model, max_length=9000))
    with pytest.raises(ValueError, match=r"default value provided \(9000\) exceeds"):
        too_long.get_max_seq_len()
    bare = ModelConfig(quantization_encoding=QuantizationEncoding.bfloat16)
    with pytest.raises(ConfigError, match="huggingface_config"):
        generated.LlamaConfig.initialize(PipelineConfig(model=bare))


def test_importing_generated_loads_neither_torch_nor_transformers() -> None:
    code = (
        "import sys, generated; generated.from_hf_config({'model_type': 'llama', "
        "'num_hidden_layers': 2, 'hidden_size': 8, 'num_attention_heads': 2}); "
        "print(sorted(m for m in ('torch', 'transformers', 'jinja2', 'yaml') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 300) | st.floats(-10, 10) | st.text(max_size=5),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=3)
    ),
    max_leaves=6,
)
HF_KEYS = sorted(
    {
        p.split(".")[0]
        for cls in map(generated._load, generated.CLASSES)
        for i in cls.inputs()
        for p in i.paths
    }
)


@settings(max_examples=300, deadline=None)
@given(
    model_type=st.sampled_from(sorted(generated.MODEL_TYPES)),
    values=st.dictionaries(st.sampled_from(HF_KEYS), JSON_VALUES, max_size=4),
)
def test_any_config_either_builds_or_raises_a_value_error(
    model_type: str, values: dict[str, Any]
) -> None:
    """Garbage in gives a typed ValueError naming a field, never a crash of another kind."""
    valid = {"kv_lora_rank": 8, "qk_rope_head_dim": 4, "qk_nope_head_dim": 4, "v_head_dim": 4}
    config = {"model_type": model_type, **TINY, **valid, **values}
    try:
        cfg = generated.from_hf_config(config)
    except ValueError as exc:
        assert str(exc)
        return
    layers = cfg.layers()
    assert len(layers) >= 1
    assert cfg.num_layers == sum(s.kind in PER_TOKEN_KINDS for s in layers)
    assert cfg.get_kv_params().num_layers == cfg.num_layers
