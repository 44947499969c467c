"""Architecture configs: protocol → abstract base → concrete (generated) classes.

``ArchConfigWithAttentionKVCache`` holds the fields every attention model shares; a concrete
class supplies the four geometry properties (as fields or properties) and a way to build
itself from a HuggingFace config.
"""

from __future__ import annotations

import abc
from typing import Any, Protocol, Self, runtime_checkable

import msgspec

from kvarch.device import DeviceRef, available_devices
from kvarch.dtype import DType
from kvarch.errors import ConfigError
from kvarch.kv_cache import KVCacheConfig, KVCacheParams, MultiKVCacheParams
from kvarch.pipeline import ModelConfig, PipelineConfig
from kvarch.validate import check_enum, check_int, check_optional_int

__all__ = [
    "ArchConfig",
    "ArchConfigWithAttentionKVCache",
    "ArchConfigWithKVCache",
    "upper_bounded_default",
]


def upper_bounded_default(upper_bound: int, default: int | None) -> int:
    """``default`` if given and within ``upper_bound``, the bound if not given; else raise."""
    if default is None:
        return upper_bound
    if default > upper_bound:
        raise ValueError(
            f"default value provided ({default}) exceeds the upper bound ({upper_bound})"
        )
    return default


@runtime_checkable
class ArchConfig(Protocol):
    """Anything built from a pipeline config that knows its max sequence length."""

    @classmethod
    def initialize(
        cls, pipeline_config: PipelineConfig, model_config: ModelConfig | None = None
    ) -> Self: ...

    def get_max_seq_len(self) -> int: ...


@runtime_checkable
class ArchConfigWithKVCache(ArchConfig, Protocol):
    """An ``ArchConfig`` that keeps a KV cache."""

    def get_kv_params(self) -> KVCacheParams | MultiKVCacheParams: ...


class _StructABCMeta(msgspec.StructMeta, abc.ABCMeta):
    """Lets a msgspec Struct declare abstract methods."""


class ArchConfigWithAttentionKVCache(
    msgspec.Struct, metaclass=_StructABCMeta, frozen=True, kw_only=True, dict=True
):
    """Abstract base of attention models' arch configs (MAX's seed fields and defaults).

    Frozen: a field cannot change behind ``__post_init__``'s validation or the memoized
    ``get_kv_params()``; ``msgspec.structs.replace`` makes a new, re-validated config."""

    dtype: DType
    """Weights / compute element type."""
    devices: list[DeviceRef] = msgspec.field(default_factory=available_devices)
    """Devices the model runs on."""
    cache_dtype: DType | None = None
    """KV element type; None means ``dtype``."""
    kv_cache: KVCacheConfig = msgspec.field(default_factory=KVCacheConfig)
    """Cache settings."""
    data_parallel_degree: int = 1
    """Replicas."""
    user_provided_max_length: int | None = None
    """The user's ``--max-length``."""
    huggingface_config: Any = None
    """The source HF config (not encoded)."""

    def __post_init__(self) -> None:
        owner = type(self).__name__
        check_enum(owner, "dtype", self.dtype, DType)
        if self.cache_dtype is not None:
            check_enum(owner, "cache_dtype", self.cache_dtype, DType)
        if not isinstance(self.devices, list) or not self.devices:
            raise ConfigError("devices", self.devices, "a non-empty list of devices", owner=owner)
        check_int(owner, "data_parallel_degree", self.data_parallel_degree)
        check_optional_int(owner, "user_provided_max_length", self.user_provided_max_length)

    @property
    @abc.abstractmethod
    def num_key_value_heads(self) -> int:
        """KV heads of the whole model."""

    @property
    @abc.abstractmethod
    def head_dim(self) -> int:
        """Elements per KV head."""

    @property
    @abc.abstractmethod
    def num_layers(self) -> int:
        """Decoder layers that keep a KV cache."""

    @property
    @abc.abstractmethod
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""

    @classmethod
    def seed_fields(
        cls, pipeline_config: PipelineConfig, model_config: ModelConfig | None = None
    ) -> dict[str, Any]:
        """The base fields ``initialize`` takes from the pipeline and model configs."""
        model = model_config if model_config is not None else pipeline_config.model
        encoding = model.quantization_encoding
        if encoding is None:
            raise ValueError(
                "Quantization encoding is required to initialize "
                f"{cls.__name__} (set model.quantization_encoding)"
            )
        return {
            "dtype": encoding.dtype,
            "devices": list(model.device_specs),
            "cache_dtype": model.cache_dtype,
            "kv_cache": model.kv_cache,
            "data_parallel_degree": model.data_parallel_degree,
            "user_provided_max_length": pipeline_config.max_length,
            "huggingface_config": model.huggingface_config,
        }

    @classmethod
    def initialize(
        cls, pipeline_config: PipelineConfig, model_config: ModelConfig | None = None
    ) -> Self:
        """Build from a pipeline config (or a draft's ``model_config``)."""
        return cls(**cls.seed_fields(pipeline_config, model_config))

    def get_max_seq_len(self) -> int:
        """The user's max length, bounded by the model's; the model's if none was given."""
        return upper_bounded_default(
            upper_bound=self.model_max_seq_len, default=self.user_provided_max_length
        )

    def get_kv_params(self) -> KVCacheParams | MultiKVCacheParams:
        """The cache geometry; built once, then the same object is returned."""
        memo = self.__dict__.get("_kv_params")
        if memo is None:
            memo = self.build_kv_params()
            self.__dict__["_kv_params"] = memo
        return memo

    def build_kv_params(self) -> KVCacheParams | MultiKVCacheParams:
        """Uniform geometry from the four properties; multi-group models override this."""
        return self.kv_params_for(
            n_kv_heads=self.num_key_value_heads,
            head_dim=self.head_dim,
            num_layers=self.num_layers,
        )

    def kv_params_for(
        self, *, n_kv_heads: int, head_dim: int, num_layers: int, is_mla: bool = False
    ) -> KVCacheParams:
        """``KVCacheParams`` for one group of layers with this config's cache settings."""
        kv = self.kv_cache
        return KVCacheParams(
            dtype=self.cache_dtype or self.dtype,
            n_kv_heads=n_kv_heads,
            head_dim=head_dim,
            num_layers=num_layers,
            devices=list(self.devices),
            enable_prefix_caching=kv.enable_prefix_caching,
            enable_kvcache_swapping_to_host=kv.enable_kvcache_swapping_to_host,
            host_kvcache_swap_space_gb=kv.host_kvcache_swap_space_gb,
            cache_strategy=kv.cache_strategy.resolve(),
            page_size=kv.kv_cache_page_size,
            is_mla=is_mla,
            data_parallel_degree=self.data_parallel_degree,
            kvcache_quant_config=kv.kv_cache_quantization,
        )
