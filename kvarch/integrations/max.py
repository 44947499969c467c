"""kvarch configs as MAX 26.7 KV-cache params (the optional extra ``kvarch[max]``).

``to_max_params(arch)`` turns a kvarch arch config's cache geometry into MAX's own params
objects, built with MAX's ``KVCacheConfig.to_params``: one MHA or MLA leaf for a uniform
cache, else a ``MultiKVCacheParams`` with a named child per layer group (``sliding_attention``,
``chunked_attention``, ``full_attention``, ``mla``). ``KvarchKVCache`` is a mixin a MAX
architecture config puts first in its bases, so that MAX's ``calculate_max_seq_len`` and
``construct_kv_params`` come from kvarch. See docs/max.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec

from kvarch.arch import ArchConfigWithAttentionKVCache, MaxLengthSource
from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.kv_cache import KVCacheConfig, KVCacheParams, KVCacheQuantizationConfig

try:
    from max.dtype import DType as MaxDType
    from max.graph import DeviceRef as MaxDeviceRef
    from max.nn.kv_cache import KVCacheParams as MaxKVCacheParams
    from max.nn.kv_cache import KVCacheQuantizationConfig as MaxQuantConfig
    from max.nn.kv_cache import MultiKVCacheParams as MaxMultiKVCacheParams
    from max.pipelines.kv_cache import KVCacheConfig as MaxKVCacheConfig
except ModuleNotFoundError as exc:  # max itself, or a module max.pipelines imports
    raise ImportError(
        f"kvarch.integrations.max needs MAX 26.7 and what its pipelines import ({exc.name!r} "
        "is missing): pip install 'kvarch[max]'"
    ) from exc

if TYPE_CHECKING:
    from max.nn.kv_cache.cache_params import KVCacheParamInterface

__all__ = [
    "KvarchKVCache",
    "construct_max_kv_params",
    "kvarch_device",
    "kvarch_dtype",
    "max_device",
    "max_dtype",
    "max_kv_cache_config",
    "to_max_params",
]

#: MAX's child names for the attention kinds kvarch groups layers by.
CHILD_NAMES = {
    "sliding": "sliding_attention",
    "chunked": "chunked_attention",
    "full": "full_attention",
}
_CHILD_ORDER = ("sliding", "chunked", "full")  # MAX lists sliding before full


def max_dtype(dtype: DType) -> MaxDType:
    """MAX's ``DType`` of the same name."""
    try:
        return MaxDType[dtype.value]
    except KeyError:
        raise ConfigError("dtype", dtype.value, "a dtype MAX has", owner="max_dtype") from None


def kvarch_dtype(dtype: MaxDType) -> DType:
    """kvarch's ``DType`` of the same name."""
    try:
        return DType(dtype.name)
    except ValueError:
        raise ConfigError("dtype", dtype.name, "a dtype kvarch has", owner="kvarch_dtype") from None


def max_device(device: DeviceRef) -> MaxDeviceRef:
    """MAX's ``DeviceRef`` for a kvarch device."""
    return MaxDeviceRef.CPU(device.id) if device.is_cpu() else MaxDeviceRef.GPU(device.id)


def kvarch_device(device: MaxDeviceRef) -> DeviceRef:
    """kvarch's ``DeviceRef`` for a MAX device."""
    return DeviceRef.CPU(device.id) if device.is_cpu() else DeviceRef.GPU(device.id)


def max_kv_cache_config(kv_cache: KVCacheConfig) -> MaxKVCacheConfig:
    """MAX's ``KVCacheConfig`` with kvarch's settings (those MAX 26.7 still has)."""
    fmt = kv_cache.kv_cache_format
    return MaxKVCacheConfig(
        kv_cache_page_size=kv_cache.kv_cache_page_size,
        enable_prefix_caching=kv_cache.enable_prefix_caching,
        device_memory_utilization=kv_cache.device_memory_utilization,
        kv_cache_format=None if fmt is None else fmt.value,
    )


def _quant(config: KVCacheQuantizationConfig | None) -> MaxQuantConfig | None:
    if config is None:
        return None
    return MaxQuantConfig(
        scale_dtype=max_dtype(config.scale_dtype),
        quantization_granularity=config.quantization_granularity,
    )


def _num_q_heads(arch: ArchConfigWithAttentionKVCache, given: int | None) -> int:
    heads = given if given is not None else getattr(arch, "num_attention_heads", None)
    if not isinstance(heads, int) or isinstance(heads, bool) or heads < 1:
        raise ConfigError(
            "num_q_heads",
            heads,
            "the query heads of this MLA model (MAX's MLA params need them); pass num_q_heads",
            owner=type(arch).__name__,
        )
    return heads


def to_max_params(
    arch: ArchConfigWithAttentionKVCache,
    kv_cache_config: MaxKVCacheConfig | None = None,
    *,
    num_q_heads: int | None = None,
    allow_kv_head_replication: bool = False,
    speculative_method: Any = None,
    num_draft_tokens: int = 0,
) -> KVCacheParamInterface:
    """``arch``'s cache as MAX params: one leaf for a uniform cache, else named children.

    ``kv_cache_config`` (MAX's) supplies page size and prefix caching; without it, ``arch``'s
    own ``kv_cache`` settings are used. Windows: a sliding layer's ``window_size`` is its
    window; a chunked layer's is its chunk (no query sees further back). ``num_q_heads`` is
    needed for MLA (default: the config's ``num_attention_heads``)."""
    kv = kv_cache_config if kv_cache_config is not None else max_kv_cache_config(arch.kv_cache)
    params = arch.get_kv_params()
    if isinstance(params, KVCacheParams):
        groups: list[tuple[str, int | None, KVCacheParams]] = [("full", None, params)]
    else:
        groups = [(g.attention, g.window, g.params) for g in params.groups]
        groups.sort(key=lambda g: _CHILD_ORDER.index(g[0]))
    groups, indexer = _split_indexer(groups)
    leaves: dict[str, MaxKVCacheParams] = {}
    for kind, window, p in groups:
        leaf = kv.to_params(
            dtype=max_dtype(p.dtype),
            n_kv_heads=p.n_kv_heads,
            head_dim=p.head_dim,
            num_layers=p.num_layers,
            devices=[max_device(d) for d in p.devices],
            data_parallel_degree=p.data_parallel_degree,
            is_mla=p.is_mla,
            num_q_heads=_num_q_heads(arch, num_q_heads) if p.is_mla else None,
            kvcache_quant_config=_quant(p.kvcache_quant_config),
            speculative_method=speculative_method,
            num_draft_tokens=num_draft_tokens,
            allow_kv_head_replication=allow_kv_head_replication,
            window_size=window,
        )
        leaves[_child_name(kind, p.is_mla, leaves)] = leaf
    if indexer is not None:
        # MAX's DSA graphs read the indexer's keys as one fp8 e4m3 head with a float32 scale per
        # token (as MAX's DeepSeek-V3.2 builds them), whatever the K/V cache dtype.
        leaves["indexer"] = kv.to_params(
            dtype=MaxDType.float8_e4m3fn,
            n_kv_heads=1,
            head_dim=indexer.extra_key_dim,
            num_layers=indexer.num_layers,
            devices=[max_device(d) for d in indexer.devices],
            data_parallel_degree=indexer.data_parallel_degree,
            is_mla=True,
            num_q_heads=_num_q_heads(arch, num_q_heads),
            kvcache_quant_config=MaxQuantConfig(
                scale_dtype=MaxDType.float32, quantization_granularity=indexer.extra_key_dim
            ),
            speculative_method=speculative_method,
            num_draft_tokens=num_draft_tokens,
        )
    if len(leaves) == 1:
        return next(iter(leaves.values()))
    return MaxMultiKVCacheParams.from_params(leaves)


Group = tuple[str, "int | None", KVCacheParams]


def _split_indexer(groups: list[Group]) -> tuple[list[Group], KVCacheParams | None]:
    """Groups without their extra (indexer) keys, merged where only those told them apart, and
    the indexer's own params (its layers; ``extra_key_dim`` its width), or None."""
    merged: list[Group] = []
    indexer: KVCacheParams | None = None
    for kind, window, p in groups:
        if p.extra_key_dim:
            if indexer is not None and indexer.extra_key_dim != p.extra_key_dim:
                raise ConfigError(
                    "extra_key_dim", p.extra_key_dim,
                    f"one indexer width in every layer ({indexer.extra_key_dim}) for MAX",
                    owner="to_max_params",
                )  # fmt: skip
            layers = p.num_layers + (indexer.num_layers if indexer is not None else 0)
            indexer = msgspec.structs.replace(p, num_layers=layers)
            p = msgspec.structs.replace(p, extra_key_dim=0)
        for at, (k, w, q) in enumerate(merged):
            if (k, w) == (kind, window) and msgspec.structs.replace(
                q, num_layers=p.num_layers
            ) == p:
                merged[at] = (
                    k,
                    w,
                    msgspec.structs.replace(q, num_layers=q.num_layers + p.num_layers),
                )
                break
        else:
            merged.append((kind, window, p))
    return merged, indexer


def _child_name(kind: str, is_mla: bool, taken: dict[str, Any]) -> str:
    """MAX's name for a group; a second group of one kind (another geometry) gets ``_1``..."""
    base = "mla" if is_mla and kind == "full" else CHILD_NAMES[kind]
    name, n = base, 0
    while name in taken:
        n += 1
        name = f"{base}_{n}"
    return name


def construct_max_kv_params(
    config_class: type[ArchConfigWithAttentionKVCache],
    huggingface_config: object,
    pipeline_config: Any,
    devices: Sequence[MaxDeviceRef],
    kv_cache_config: MaxKVCacheConfig,
    cache_dtype: MaxDType,
    *,
    allow_kv_head_replication: bool = False,
) -> KVCacheParamInterface:
    """MAX's ``construct_kv_params`` (same arguments, same meanings) computed by kvarch's
    ``config_class``: data-parallel degree and speculative settings come from MAX's
    ``pipeline_config`` as MAX's own configs read them."""
    dtype = kvarch_dtype(cache_dtype)
    arch = config_class.from_hf_config(
        huggingface_config,
        dtype=dtype,
        devices=[kvarch_device(d) for d in devices],
        cache_dtype=dtype,
        data_parallel_degree=pipeline_config.model.data_parallel_degree,
    )
    spec = getattr(pipeline_config, "speculative", None)
    return to_max_params(
        arch,
        kv_cache_config,
        allow_kv_head_replication=allow_kv_head_replication,
        speculative_method=spec.speculative_method if spec else None,
        num_draft_tokens=(spec.num_speculative_tokens or 0) if spec else 0,
    )


class KvarchKVCache:
    """Mixin for a MAX architecture config: kvarch computes its KV cache and max length.

    Put it first in the bases of a subclass of MAX's config (``class C(KvarchKVCache,
    MistralConfig)``); MAX's own ``initialize`` then calls these classmethods. The kvarch
    config class is ``KVARCH_CONFIG``, or the generated one that serves the HF config."""

    KVARCH_CONFIG: ClassVar[type[ArchConfigWithAttentionKVCache] | None] = None
    """The kvarch config class to use; None resolves it from the HF config."""

    @classmethod
    def kvarch_config_class(
        cls, huggingface_config: object
    ) -> type[ArchConfigWithAttentionKVCache]:
        """``KVARCH_CONFIG``, or the generated config serving ``huggingface_config``."""
        if cls.KVARCH_CONFIG is not None:
            return cls.KVARCH_CONFIG
        from kvarch import registry

        return registry.resolve(huggingface_config)

    @classmethod
    def calculate_max_seq_len(
        cls, huggingface_config: object, model_config: MaxLengthSource
    ) -> int:
        """MAX 26.7's hook: the user's ``max_length`` bounded by kvarch's model length."""
        config_class = cls.kvarch_config_class(huggingface_config)
        return config_class.calculate_max_seq_len(huggingface_config, model_config)

    @classmethod
    def construct_kv_params(
        cls,
        huggingface_config: object,
        pipeline_config: Any,
        devices: list[MaxDeviceRef],
        kv_cache_config: MaxKVCacheConfig,
        cache_dtype: MaxDType,
        *,
        allow_kv_head_replication: bool = False,
    ) -> KVCacheParamInterface:
        """MAX 26.7's hook: kvarch's cache geometry as MAX params."""
        return construct_max_kv_params(
            cls.kvarch_config_class(huggingface_config),
            huggingface_config,
            pipeline_config,
            devices,
            kv_cache_config,
            cache_dtype,
            allow_kv_head_replication=allow_kv_head_replication,
        )
