"""Cache tensors: layout, per-layer views, MLA, fp8 scales, allocation failures."""

from __future__ import annotations

import pytest
import torch

from kvarch import DeviceRef, DType, KVCacheGroup, KVCacheParams, KVCacheQuantizationConfig
from kvarch.runtime import ops
from kvarch.runtime.errors import CacheAllocationError, ShapeError
from kvarch.runtime.planner import plan
from kvarch.runtime.tensors import PagedKVCache


def params(**kw: object) -> KVCacheParams:
    base: dict[str, object] = dict(
        dtype=DType.float32, n_kv_heads=2, head_dim=8, num_layers=3, page_size=4
    )
    base.update(kw)
    return KVCacheParams(devices=[DeviceRef.CPU()], **base)  # type: ignore[arg-type]


def test_block_major_storage_and_per_layer_nhd_views() -> None:
    p = params()
    sized = plan(p, free_bytes=1 << 30, model_max_seq_len=16, max_batch_size=2)
    cache = PagedKVCache.from_plan(p, sized)
    assert tuple(cache.data[0].shape) == (8, 2, 3, 4, 2, 8)
    assert cache.nbytes == sized.cache_bytes_per_device
    layer = cache.layer(2)
    assert layer.v is not None and tuple(layer.k.shape) == (8, 4, 2, 8)
    k = torch.randn(1, 2, 8)
    ops.write_kv(layer.k, layer.v, k, -k, torch.tensor([13]))  # block 3, offset 1
    assert torch.equal(cache.data[0][3, 0, 2, 1], k[0])
    assert torch.equal(cache.data[0][3, 1, 2, 1], -k[0])
    cache.copy_block(0, 3, 5)
    # bitwise: the rest of block 3 is uninitialised memory and may hold NaNs
    assert torch.equal(cache.data[0][5].view(torch.int32), cache.data[0][3].view(torch.int32))
    with pytest.raises(ShapeError, match="layer"):
        cache.layer(3)


def test_mla_latent_cache_has_no_values() -> None:
    p = params(n_kv_heads=1, head_dim=12, is_mla=True)
    cache = PagedKVCache([KVCacheGroup(params=p, layer_indices=[0, 1, 2])], [2])
    assert tuple(cache.data[0].shape) == (2, 1, 3, 4, 1, 12)
    assert cache.layer(1).v is None


def test_fp8_cache_keeps_per_layer_scales() -> None:
    quant = KVCacheQuantizationConfig(quantization_granularity=8)
    p = params(dtype=DType.float8_e4m3fn, kvcache_quant_config=quant)
    cache = PagedKVCache([KVCacheGroup(params=p, layer_indices=[0, 1, 2])], [2])
    layer = cache.layer(1)
    assert layer.k.dtype == torch.float8_e4m3fn
    assert layer.k_scale is not None and layer.v_scale is not None
    layer.k_scale.fill_(0.25)
    k = torch.tensor([[[0.5] * 8, [1.0] * 8]])
    ops.write_kv(layer.k, layer.v, k, k, torch.tensor([0]), k_scale=layer.k_scale, v_scale=1.0)
    table = torch.tensor([0], dtype=torch.int32)
    assert torch.equal(ops.gather_kv(layer.k, table, 1, scale=layer.k_scale), k)
    assert float(cache.scales[0][0, 1]) == 0.25  # the view is the cache's own scale


def test_allocation_failure_says_bytes_asked_and_free() -> None:
    p = params()
    with pytest.raises(CacheAllocationError, match=r"asked \d+ bytes .* free \d+ bytes") as err:
        PagedKVCache([KVCacheGroup(params=p, layer_indices=[0, 1, 2])], [1 << 40])
    assert err.value.asked == (1 << 40) * 2 * 3 * 4 * 2 * 8 * 4
    assert isinstance(err.value, MemoryError)
