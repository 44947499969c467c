"""ArchConfigWithAttentionKVCache: the behaviours MAX's own arch-config tests check, and more."""

from __future__ import annotations

import subprocess
import sys

import msgspec
import pytest

from kvarch import (
    ArchConfig,
    ArchConfigWithAttentionKVCache,
    ArchConfigWithKVCache,
    ConfigError,
    DeviceRef,
    DType,
    KVCacheConfig,
    KVCacheParams,
    KVCacheStrategy,
    ModelConfig,
    PipelineConfig,
    QuantizationEncoding,
    upper_bounded_default,
)


class TinyArch(ArchConfigWithAttentionKVCache, kw_only=True):
    """A concrete config whose abstract properties are plain fields."""

    num_key_value_heads: int = 8
    head_dim: int = 128
    num_layers: int = 32
    model_max_seq_len: int = 2048


def pipeline(**model_kw: object) -> PipelineConfig:
    model_kw.setdefault("quantization_encoding", QuantizationEncoding.bfloat16)
    model_kw.setdefault("device_specs", [DeviceRef.GPU(0)])
    return PipelineConfig(model=ModelConfig(**model_kw))  # type: ignore[arg-type]


def test_protocols_are_runtime_checkable() -> None:
    cfg = TinyArch.initialize(pipeline())
    assert isinstance(cfg, ArchConfig)
    assert isinstance(cfg, ArchConfigWithKVCache)
    assert not isinstance(object(), ArchConfig)


def test_base_is_abstract() -> None:
    with pytest.raises(TypeError, match="abstract"):
        ArchConfigWithAttentionKVCache(dtype=DType.bfloat16)  # type: ignore[abstract]


def test_missing_encoding_raises() -> None:
    with pytest.raises(ValueError, match="Quantization encoding is required"):
        TinyArch.initialize(pipeline(quantization_encoding=None))


def test_bf16_encoding_sets_dtype_and_cache_dtype() -> None:
    cfg = TinyArch.initialize(pipeline())
    assert cfg.dtype is DType.bfloat16
    assert cfg.cache_dtype is DType.bfloat16
    assert cfg.devices == [DeviceRef.GPU(0)]


def test_explicit_cache_dtype_is_kept() -> None:
    kv = KVCacheConfig(kv_cache_format=DType.float8_e4m3fn)
    cfg = TinyArch.initialize(pipeline(kv_cache=kv))
    assert cfg.dtype is DType.bfloat16
    assert cfg.cache_dtype is DType.float8_e4m3fn
    assert cfg.get_kv_params().dtype is DType.float8_e4m3fn


def test_custom_kv_cache_config_passes_through() -> None:
    kv = KVCacheConfig(kv_cache_page_size=256, enable_prefix_caching=False)
    cfg = TinyArch.initialize(pipeline(kv_cache=kv))
    assert cfg.kv_cache.kv_cache_page_size == 256
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams)
    assert params.page_size == 256
    assert params.enable_prefix_caching is False


def test_get_kv_params_passes_every_field_and_memoizes() -> None:
    kv = KVCacheConfig(
        kv_cache_page_size=64,
        enable_prefix_caching=True,
        enable_kvcache_swapping_to_host=True,
        host_kvcache_swap_space_gb=4.0,
    )
    devices = [DeviceRef.GPU(0), DeviceRef.GPU(1)]
    cfg = TinyArch.initialize(pipeline(kv_cache=kv, device_specs=devices, data_parallel_degree=2))
    params = cfg.get_kv_params()
    assert params == KVCacheParams(
        dtype=DType.bfloat16,
        n_kv_heads=8,
        head_dim=128,
        num_layers=32,
        devices=devices,
        enable_prefix_caching=True,
        enable_kvcache_swapping_to_host=True,
        host_kvcache_swap_space_gb=4.0,
        cache_strategy=KVCacheStrategy.PAGED,
        page_size=64,
        data_parallel_degree=2,
    )
    assert cfg.get_kv_params() is params


def test_default_kv_cache_config_resolves_model_default_to_paged() -> None:
    # MAX pitfall: MODEL_DEFAULT + prefix caching would be rejected unless resolved first.
    cfg = TinyArch(dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)])
    params = cfg.get_kv_params()
    assert isinstance(params, KVCacheParams)
    assert params.cache_strategy is KVCacheStrategy.PAGED
    assert params.enable_prefix_caching is True


def test_empty_device_list_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="TinyArch.devices: got \\[\\]; expected a non-empty"):
        TinyArch(dtype=DType.bfloat16, devices=[])
    with pytest.raises(ConfigError, match="devices"):
        TinyArch.initialize(pipeline(device_specs=[]))


def test_configs_compare_by_value() -> None:
    a = TinyArch.initialize(pipeline())
    b = TinyArch.initialize(pipeline())
    assert a == b
    a.get_kv_params()  # the memo is not part of the value
    assert a == b
    assert a != TinyArch.initialize(pipeline(quantization_encoding=QuantizationEncoding.float32))


def test_max_seq_len_default_and_bounds() -> None:
    assert TinyArch.initialize(pipeline()).get_max_seq_len() == 2048
    p = pipeline()
    p.max_length = 1024
    assert TinyArch.initialize(p).get_max_seq_len() == 1024
    p.max_length = 4096
    with pytest.raises(
        ValueError, match=r"default value provided \(4096\) exceeds the upper bound \(2048\)"
    ):
        TinyArch.initialize(p).get_max_seq_len()


def test_upper_bounded_default() -> None:
    assert upper_bounded_default(upper_bound=10, default=None) == 10
    assert upper_bounded_default(upper_bound=10, default=10) == 10
    with pytest.raises(ValueError, match="exceeds the upper bound"):
        upper_bounded_default(upper_bound=10, default=11)


def test_model_config_lets_a_draft_model_initialize() -> None:
    draft = ModelConfig(
        quantization_encoding=QuantizationEncoding.float32, device_specs=[DeviceRef.CPU()]
    )
    p = pipeline()
    p.draft_model = draft
    cfg = TinyArch.initialize(p, draft)
    assert cfg.dtype is DType.float32
    assert cfg.devices == [DeviceRef.CPU()]


def test_quantized_encodings_pick_a_cache_dtype() -> None:
    cfg = TinyArch.initialize(pipeline(quantization_encoding=QuantizationEncoding.q4_k))
    assert cfg.dtype is DType.uint8
    assert cfg.get_kv_params().dtype is DType.float32


def test_arch_config_validates_on_every_path() -> None:
    good = msgspec.to_builtins(TinyArch(dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)]))
    assert msgspec.convert(good, TinyArch) == TinyArch(
        dtype=DType.bfloat16, devices=[DeviceRef.GPU(0)]
    )
    with pytest.raises(msgspec.ValidationError, match="data_parallel_degree"):
        msgspec.convert(dict(good, data_parallel_degree=0), TinyArch)
    with pytest.raises(msgspec.ValidationError, match="devices"):
        msgspec.json.decode(msgspec.json.encode(dict(good, devices=[])), type=TinyArch)
    with pytest.raises(ConfigError, match="user_provided_max_length: got 0"):
        TinyArch(dtype=DType.bfloat16, user_provided_max_length=0)


def test_pipeline_config_checks() -> None:
    with pytest.raises(ConfigError, match="PipelineConfig.max_length: got 0"):
        PipelineConfig(max_length=0)
    with pytest.raises(ConfigError, match="ModelConfig.data_parallel_degree: got 0"):
        ModelConfig(data_parallel_degree=0)


def test_import_kvarch_loads_neither_torch_nor_transformers() -> None:
    code = (
        "import sys, kvarch, kvarch.layers;"
        "bad = [m for m in ('torch', 'transformers') if m in sys.modules];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
