"""MAX 26.7's arch-config signatures on kvarch's base (no MAX install needed)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import generated
from kvarch import (
    ArchConfigWithAttentionKVCache,
    ConfigError,
    DeviceRef,
    DType,
    KVCacheConfig,
    KVCacheParams,
    ModelConfig,
    MultiKVCacheParams,
    PipelineConfig,
    QuantizationEncoding,
)

FIXTURES = Path(__file__).parent / "fixtures" / "configs"


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / f"{name}.json").read_text())
    return data


def pipeline(hf: dict[str, Any], **kw: Any) -> PipelineConfig:
    model = ModelConfig(
        quantization_encoding=QuantizationEncoding.bfloat16,
        device_specs=[DeviceRef.GPU(0)],
        huggingface_config=hf,
        **kw,
    )
    return PipelineConfig(model=model, max_length=2048)


class PlainArch(ArchConfigWithAttentionKVCache, kw_only=True):
    num_key_value_heads: int = 8
    head_dim: int = 128
    num_layers: int = 32
    model_max_seq_len: int = 4096


def test_initialize_keyword_length_replaces_the_pipeline_length() -> None:
    hf = fixture("llama-3-8b")
    seed = generated.LlamaConfig.initialize(pipeline(hf))
    assert seed.get_max_seq_len() == 2048
    keyed = generated.LlamaConfig.initialize(pipeline(hf), max_seq_len=1024)
    assert keyed.get_max_seq_len() == 1024
    plain = PlainArch.initialize(pipeline(hf), None, max_seq_len=512)
    assert plain.get_max_seq_len() == 512


def test_initialize_keyword_length_is_bounded_by_the_model() -> None:
    cfg = generated.LlamaConfig.initialize(pipeline(fixture("llama-3-8b")), max_seq_len=9000)
    with pytest.raises(ValueError, match=r"\(9000\) exceeds the upper bound \(8192\)"):
        cfg.get_max_seq_len()


def test_calculate_max_seq_len_bounds_the_model_config_length() -> None:
    hf = fixture("mistral-7b-v0.1")
    cls = generated.MistralConfig
    assert cls.calculate_max_seq_len(hf, ModelConfig()) == 32768
    assert cls.calculate_max_seq_len(hf, ModelConfig(max_length=4096)) == 4096
    with pytest.raises(ConfigError, match=r"MistralConfig\.max_length: got 40000; expected at"):
        cls.calculate_max_seq_len(hf, ModelConfig(max_length=40000))


def test_calculate_max_seq_len_of_a_vlm_reads_its_text_config() -> None:
    hf = fixture("gemma-3-4b-it")
    cls = generated.resolve(hf)
    assert cls.calculate_max_seq_len(hf, ModelConfig()) == 131072


def test_construct_kv_params_takes_max_argument_meanings() -> None:
    hf = fixture("mistral-7b-v0.1")
    devices = [DeviceRef.GPU(0), DeviceRef.GPU(1)]
    kv = KVCacheConfig(kv_cache_page_size=256, enable_prefix_caching=False)
    pc = pipeline(hf, data_parallel_degree=2)
    params = generated.MistralConfig.construct_kv_params(hf, pc, devices, kv, DType.float8_e4m3fn)
    assert isinstance(params, MultiKVCacheParams)
    (group,) = params.groups
    assert (group.attention, group.window, group.layer_indices) == (
        "sliding",
        4096,
        list(range(32)),
    )
    p = group.params
    assert (p.dtype, p.devices, p.page_size, p.enable_prefix_caching) == (
        DType.float8_e4m3fn,
        devices,
        256,
        False,
    )
    assert (p.data_parallel_degree, p.n_kv_heads, p.head_dim) == (2, 8, 128)


def test_construct_kv_params_needs_leave_to_replicate_heads() -> None:
    hf = fixture("llama-3-8b")
    devices = [DeviceRef.GPU(i) for i in range(16)]
    args = (hf, pipeline(hf), devices, KVCacheConfig(), DType.bfloat16)
    with pytest.raises(ConfigError, match="allow_kv_head_replication: got False; expected True"):
        generated.LlamaConfig.construct_kv_params(*args)
    params = generated.LlamaConfig.construct_kv_params(*args, allow_kv_head_replication=True)
    assert isinstance(params, KVCacheParams)
    assert params.n_kv_heads_per_device == 1


def test_mla_latent_cache_is_not_a_head_split() -> None:
    hf = fixture("deepseek-v3")
    devices = [DeviceRef.GPU(i) for i in range(8)]
    params = generated.resolve(hf).construct_kv_params(
        hf, pipeline(hf), devices, KVCacheConfig(), DType.bfloat16
    )
    assert isinstance(params, KVCacheParams)
    assert (params.is_mla, params.n_kv_heads, params.head_dim) == (True, 1, 576)


def test_classmethods_need_a_config_that_reads_hf() -> None:
    with pytest.raises(NotImplementedError, match="PlainArch does not read HuggingFace"):
        PlainArch.calculate_max_seq_len({}, ModelConfig())


def test_model_config_max_length_is_checked() -> None:
    with pytest.raises(ConfigError, match="ModelConfig.max_length"):
        ModelConfig(max_length=0)
