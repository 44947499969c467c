"""kvarch: declarative KV-cache geometry for LLM serving, and a paged KV cache runtime.

Importing ``kvarch`` loads neither torch nor transformers; they load where needed.
"""

from typing import Any

from kvarch.arch import (
    ArchConfig,
    ArchConfigWithAttentionKVCache,
    ArchConfigWithKVCache,
    upper_bounded_default,
)
from kvarch.device import DeviceRef, available_devices
from kvarch.dtype import DType
from kvarch.errors import ConfigError, KvarchError
from kvarch.kv_cache import (
    KVCacheConfig,
    KVCacheGroup,
    KVCacheParams,
    KVCacheQuantizationConfig,
    KVCacheStrategy,
    MultiKVCacheParams,
)
from kvarch.layers import LayerSpec, Layout
from kvarch.pipeline import ModelConfig, PipelineConfig, QuantizationEncoding

__version__ = "0.1.0"


def inspect(config: Any, *, dtype: DType = DType.bfloat16) -> Layout:
    """A model's KV cache layer by layer, from a config.json dict or a ``PretrainedConfig``."""
    from kvarch.inspection import inspect_config

    return inspect_config(config, dtype=dtype)


__all__ = [
    "ArchConfig",
    "ArchConfigWithAttentionKVCache",
    "ArchConfigWithKVCache",
    "ConfigError",
    "DType",
    "DeviceRef",
    "KVCacheConfig",
    "KVCacheGroup",
    "KVCacheParams",
    "KVCacheQuantizationConfig",
    "KVCacheStrategy",
    "KvarchError",
    "LayerSpec",
    "Layout",
    "ModelConfig",
    "MultiKVCacheParams",
    "PipelineConfig",
    "QuantizationEncoding",
    "available_devices",
    "inspect",
    "upper_bounded_default",
]
