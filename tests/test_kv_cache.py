"""KVCacheConfig, KVCacheParams and MultiKVCacheParams: every rule and its error message."""

from __future__ import annotations

from typing import Any

import msgspec
import pytest

from kvarch import (
    ConfigError,
    DeviceRef,
    DType,
    KVCacheConfig,
    KVCacheGroup,
    KVCacheParams,
    KVCacheQuantizationConfig,
    KVCacheStrategy,
    MultiKVCacheParams,
)

GPU = [DeviceRef.GPU(i) for i in range(8)]


def params(**overrides: Any) -> KVCacheParams:
    fields: dict[str, Any] = {
        "dtype": DType.bfloat16,
        "n_kv_heads": 8,
        "head_dim": 128,
        "num_layers": 32,
        "devices": GPU[:1],
    }
    fields.update(overrides)
    return KVCacheParams(**fields)


def test_llama3_8b_bf16_is_128_kib_per_token() -> None:
    p = params()
    assert p.bytes_per_token == 131072
    assert p.shape_per_block == [2, 32, 128, 8, 128]
    assert p.bytes_per_block == 131072 * 128
    assert p.kv_dim == 2


def test_tensor_parallel_splits_heads_and_keeps_replica_bytes() -> None:
    p = params(devices=GPU[:4])
    assert p.tp_degree == 4
    assert p.n_kv_heads_per_device == 2
    assert p.shape_per_block == [2, 32, 128, 2, 128]
    assert p.bytes_per_block_per_device == 131072 * 128 // 4
    assert p.bytes_per_token == 131072  # one page across the TP group


def test_replication_when_tp_exceeds_kv_heads() -> None:
    p = params(n_kv_heads=2, devices=GPU[:8])
    assert p.n_kv_heads_per_device == 1
    # Each of the 8 devices holds one (replicated) head: 4x the unsharded bytes.
    assert p.bytes_per_token == 2 * 32 * 1 * 128 * 2 * 8


def test_heads_neither_multiple_nor_divisor_of_tp() -> None:
    with pytest.raises(ConfigError) as err:
        params(n_kv_heads=6, devices=GPU[:4])
    msg = str(err.value)
    assert "KVCacheParams.n_kv_heads" in msg and "6" in msg and "tensor-parallel degree (4" in msg


def test_data_parallel_replicas() -> None:
    p = params(devices=GPU[:2], data_parallel_degree=2)
    assert p.tp_degree == 1
    assert p.n_kv_heads_per_device == 8
    assert p.bytes_per_token == 131072


def test_data_parallel_times_tensor_parallel() -> None:
    p = params(devices=GPU[:4], data_parallel_degree=2)
    assert p.tp_degree == 2
    assert p.n_kv_heads_per_device == 4


@pytest.mark.parametrize(("n_devices", "dp"), [(1, 2), (3, 2), (4, 3)])
def test_dp_must_divide_devices(n_devices: int, dp: int) -> None:
    with pytest.raises(ConfigError, match="data_parallel_degree: got .*divisor of the number"):
        params(devices=GPU[:n_devices], data_parallel_degree=dp)


def test_mla_latent_cache_is_k_only_and_replicated() -> None:
    p = params(n_kv_heads=1, head_dim=576, num_layers=61, is_mla=True, devices=GPU[:8])
    assert p.kv_dim == 1
    assert p.n_kv_heads_per_device == 1
    assert p.shape_per_block == [1, 61, 128, 1, 576]
    assert p.bytes_per_token == 576 * 61 * 2 * 8


def test_mla_needs_one_head() -> None:
    with pytest.raises(ConfigError, match="n_kv_heads: got 8; expected 1 for an MLA cache"):
        params(is_mla=True)


def test_empty_devices_is_a_clear_error_not_zero_division() -> None:
    with pytest.raises(ConfigError, match="devices: got \\[\\]; expected a non-empty list"):
        params(devices=[])


def test_model_default_must_be_resolved() -> None:
    with pytest.raises(ConfigError, match="cache_strategy: got 'model_default'"):
        params(cache_strategy=KVCacheStrategy.MODEL_DEFAULT)
    assert KVCacheStrategy.MODEL_DEFAULT.resolve() is KVCacheStrategy.PAGED
    assert KVCacheStrategy.CONTINUOUS.resolve() is KVCacheStrategy.CONTINUOUS


def test_prefix_caching_requires_paged() -> None:
    with pytest.raises(ConfigError, match="'paged' when prefix caching is on"):
        params(enable_prefix_caching=True, cache_strategy=KVCacheStrategy.CONTINUOUS)
    params(enable_prefix_caching=True)


def test_swap_requires_prefix_caching_and_size() -> None:
    with pytest.raises(ConfigError, match="enable_prefix_caching: got False; expected True"):
        params(enable_kvcache_swapping_to_host=True, host_kvcache_swap_space_gb=1.0)
    with pytest.raises(ConfigError, match="host_kvcache_swap_space_gb: got None"):
        params(enable_kvcache_swapping_to_host=True, enable_prefix_caching=True)
    with pytest.raises(ConfigError, match="host_kvcache_swap_space_gb: got 0"):
        params(
            enable_kvcache_swapping_to_host=True,
            enable_prefix_caching=True,
            host_kvcache_swap_space_gb=0,
        )


def test_host_blocks() -> None:
    p = params(
        enable_kvcache_swapping_to_host=True,
        enable_prefix_caching=True,
        host_kvcache_swap_space_gb=2.0,
    )
    assert p.num_host_blocks == (2 << 30) // (131072 * 128)
    tiny = params(
        enable_kvcache_swapping_to_host=True,
        enable_prefix_caching=True,
        host_kvcache_swap_space_gb=1e-6,
    )
    with pytest.raises(ConfigError, match="room for at least one block"):
        _ = tiny.num_host_blocks
    with pytest.raises(ConfigError, match="enable_kvcache_swapping_to_host: got False"):
        _ = params().num_host_blocks


def test_fp8_with_scales() -> None:
    quant = KVCacheQuantizationConfig()
    p = params(dtype=DType.float8_e4m3fn, kvcache_quant_config=quant)
    data = 2 * 32 * 8 * 128  # one byte per element
    scales = 2 * 32 * 8 * 1 * 4  # one float32 scale per 128 elements
    assert p.bytes_per_token == data + scales
    assert p.bytes_per_block == (data + scales) * 128


def test_fp8_granularity_must_divide_head_dim() -> None:
    quant = KVCacheQuantizationConfig(quantization_granularity=96)
    with pytest.raises(ConfigError, match="head_dim: got 128; expected a multiple of .*96"):
        params(dtype=DType.float8_e4m3fn, kvcache_quant_config=quant)


def test_quantized_cache_needs_narrow_dtype() -> None:
    with pytest.raises(ConfigError, match="dtype: got 'bfloat16'; expected an 8-bit"):
        params(kvcache_quant_config=KVCacheQuantizationConfig())


@pytest.mark.parametrize("field", ["n_kv_heads", "head_dim", "num_layers", "page_size"])
@pytest.mark.parametrize("value", [0, -1, True, 2.5])
def test_dims_must_be_positive_ints(field: str, value: object) -> None:
    with pytest.raises(ConfigError, match=f"KVCacheParams.{field}: got .*integer >= 1"):
        params(**{field: value})


def test_unknown_strategy_string() -> None:
    with pytest.raises(ConfigError, match="cache_strategy: got 'ring'; expected one of"):
        params(cache_strategy="ring")


def test_every_path_validates() -> None:
    good = msgspec.to_builtins(params())
    assert msgspec.convert(good, KVCacheParams) == params()
    assert msgspec.json.decode(msgspec.json.encode(params()), type=KVCacheParams) == params()
    bad = dict(good, n_kv_heads=6, devices=[{"device_type": "gpu", "id": i} for i in range(4)])
    with pytest.raises(msgspec.ValidationError, match="n_kv_heads") as err:
        msgspec.convert(bad, KVCacheParams)
    assert isinstance(err.value.__cause__, ConfigError)
    with pytest.raises(msgspec.ValidationError, match="page_size"):
        msgspec.json.decode(msgspec.json.encode(dict(good, page_size=0)), type=KVCacheParams)
    with pytest.raises(msgspec.ValidationError, match="dtype"):
        msgspec.convert(dict(good, dtype="bfloat17"), KVCacheParams)


# --- KVCacheConfig ---------------------------------------------------------------------------


def test_kv_cache_config_seed_defaults() -> None:
    c = KVCacheConfig()
    assert c.cache_strategy is KVCacheStrategy.MODEL_DEFAULT
    assert c.kv_cache_page_size == 128
    assert c.enable_prefix_caching is True
    assert c.enable_kvcache_swapping_to_host is False
    assert c.device_memory_utilization == 0.9
    assert c.host_kvcache_swap_space_gb == 50.0
    assert c.kv_cache_format is None


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("kv_cache_page_size", 0, "integer >= 1"),
        ("kv_cache_page_size", -16, "integer >= 1"),
        ("device_memory_utilization", 0.0, "(0, 1]"),
        ("device_memory_utilization", 1.5, "(0, 1]"),
        ("host_kvcache_swap_space_gb", -1.0, ">= 0"),
        ("kv_cache_format", DType.int8, "None or one of"),
    ],
)
def test_kv_cache_config_rejects(field: str, value: object, expected: str) -> None:
    with pytest.raises(ConfigError) as err:
        KVCacheConfig(**{field: value})
    assert f"KVCacheConfig.{field}" in str(err.value) and expected in str(err.value)
    with pytest.raises(msgspec.ValidationError, match=field):
        encoded = value.value if isinstance(value, DType) else value
        msgspec.convert({field: encoded}, KVCacheConfig)


def test_quantization_config_defaults_and_checks() -> None:
    q = KVCacheQuantizationConfig()
    assert q.scale_dtype is DType.float32 and q.quantization_granularity == 128
    with pytest.raises(ConfigError, match="quantization_granularity"):
        KVCacheQuantizationConfig(quantization_granularity=0)


# --- MultiKVCacheParams ----------------------------------------------------------------------


def group(layers: list[int], **kw: Any) -> KVCacheGroup:
    p = params(num_layers=len(layers), **kw.pop("params", {}))
    return KVCacheGroup(params=p, layer_indices=layers, **kw)


def test_multi_groups_sum_bytes_and_window_pages() -> None:
    full = group([1, 3])
    sliding = group([0, 2], attention="sliding", window=4096)
    multi = MultiKVCacheParams(groups=[full, sliding])
    assert multi.num_layers == 4
    per_layer = 2 * 8 * 128 * 2
    assert multi.bytes_per_token == 4 * per_layer
    assert multi.page_size == 128
    assert full.max_pages_per_sequence(8192) == 64
    # ceil((4096 - 1) / 128) + 1 = 33 pages, whatever the length beyond the window
    assert sliding.max_pages_per_sequence(8192) == 33
    assert sliding.max_pages_per_sequence(100) == 1


def test_multi_group_with_other_head_dim() -> None:
    a = group([0], params={"head_dim": 256})
    b = group([1], params={"head_dim": 512, "n_kv_heads": 1})
    assert MultiKVCacheParams(groups=[a, b]).bytes_per_token == 2 * 2 * (8 * 256 + 512)


def test_multi_rejects_overlap_and_mismatch() -> None:
    with pytest.raises(ConfigError, match="layer_indices: got \\[1\\]; expected disjoint"):
        MultiKVCacheParams(groups=[group([0, 1]), group([1, 2])])
    with pytest.raises(ConfigError, match="page_size"):
        MultiKVCacheParams(groups=[group([0]), group([1], params={"page_size": 64})])
    with pytest.raises(ConfigError, match="groups: got \\[\\]"):
        MultiKVCacheParams(groups=[])


def test_group_checks() -> None:
    with pytest.raises(ConfigError, match="window: got None; expected an integer >= 1"):
        group([0], attention="sliding")
    with pytest.raises(ConfigError, match="window: got 0"):
        group([0], attention="sliding", window=0)
    with pytest.raises(ConfigError, match="window: got 5; expected None for full"):
        group([0], window=5)
    with pytest.raises(ConfigError, match="params.num_layers: got 1; expected the number"):
        KVCacheGroup(params=params(num_layers=1), layer_indices=[0, 1])
    with pytest.raises(ConfigError, match="ascending without repeats"):
        KVCacheGroup(params=params(num_layers=2), layer_indices=[1, 0])


def test_multi_round_trip() -> None:
    multi = MultiKVCacheParams(groups=[group([0]), group([1], attention="sliding", window=64)])
    raw = msgspec.json.encode(multi)
    assert msgspec.json.decode(raw, type=MultiKVCacheParams) == multi
    bad = msgspec.json.decode(raw)
    bad["groups"][1]["window"] = -3
    with pytest.raises(msgspec.ValidationError, match="window"):
        msgspec.convert(bad, MultiKVCacheParams)


def test_extra_keys_add_whole_per_device_and_must_not_be_negative() -> None:
    """DeepSeek-V3.2: the 576-wide latent plus a 128-wide indexer key, 61 layers, bf16."""
    mla = dict(dtype=DType.bfloat16, n_kv_heads=1, head_dim=576, num_layers=61, is_mla=True)
    one = KVCacheParams(**mla, devices=[DeviceRef.GPU(0)], extra_key_dim=128)
    assert one.bytes_per_token == 61 * (576 + 128) * 2 == 85888
    eight = KVCacheParams(**mla, devices=[DeviceRef.GPU(i) for i in range(8)], extra_key_dim=128)
    assert eight.bytes_per_token_per_device == 85888  # replicated like the latent
    with pytest.raises(ConfigError, match=r"KVCacheParams\.extra_key_dim: got -1"):
        KVCacheParams(**mla, devices=[DeviceRef.GPU(0)], extra_key_dim=-1)
