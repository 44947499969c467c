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
    "MaxLengthSource",
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


class MaxLengthSource(Protocol):
    """What ``calculate_max_seq_len`` reads: kvarch's ``ModelConfig`` or MAX's model config."""

    @property
    def max_length(self) -> int | None: ...


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
        cls,
        pipeline_config: PipelineConfig,
        model_config: ModelConfig | None = None,
        *,
        max_seq_len: int | None = None,
    ) -> dict[str, Any]:
        """The base fields ``initialize`` takes from the pipeline and model configs.

        ``max_seq_len`` (MAX 26.7's keyword) is the length already resolved by the caller; it
        replaces ``pipeline_config.max_length``."""
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
            "user_provided_max_length": (
                pipeline_config.max_length if max_seq_len is None else max_seq_len
            ),
            "huggingface_config": model.huggingface_config,
        }

    @classmethod
    def initialize(
        cls,
        pipeline_config: PipelineConfig,
        model_config: ModelConfig | None = None,
        *,
        max_seq_len: int | None = None,
    ) -> Self:
        """Build from a pipeline config (or a draft's ``model_config``).

        The seed form reads the length from ``pipeline_config.max_length``; MAX 26.7's form
        passes the resolved length as ``max_seq_len`` (see ``calculate_max_seq_len``)."""
        return cls(**cls.seed_fields(pipeline_config, model_config, max_seq_len=max_seq_len))

    @classmethod
    def from_hf_config(
        cls,
        config: object,
        *,
        dtype: DType | None = None,
        devices: list[DeviceRef] | None = None,
        cache_dtype: DType | None = None,
        kv_cache: KVCacheConfig | None = None,
        data_parallel_degree: int = 1,
        user_provided_max_length: int | None = None,
    ) -> Self:
        """Build from a config.json mapping or a ``PretrainedConfig`` (generated configs do)."""
        raise NotImplementedError(
            f"{cls.__name__} does not read HuggingFace configs: define from_hf_config to use "
            "calculate_max_seq_len and construct_kv_params"
        )

    @classmethod
    def calculate_max_seq_len(
        cls, huggingface_config: object, model_config: MaxLengthSource
    ) -> int:
        """MAX 26.7: the user's ``model_config.max_length`` bounded by the model's longest
        sequence, or that bound when the user gave none."""
        bound = cls.from_hf_config(huggingface_config).model_max_seq_len
        asked = model_config.max_length
        if asked is not None and asked > bound:
            raise ConfigError(
                "max_length",
                asked,
                f"at most the model's max sequence length ({bound})",
                owner=cls.__name__,
            )
        return bound if asked is None else asked

    @classmethod
    def construct_kv_params(
        cls,
        huggingface_config: object,
        pipeline_config: PipelineConfig,
        devices: list[DeviceRef],
        kv_cache_config: KVCacheConfig,
        cache_dtype: DType,
        *,
        allow_kv_head_replication: bool = False,
    ) -> KVCacheParams | MultiKVCacheParams:
        """MAX 26.7: the cache geometry of ``huggingface_config`` stored as ``cache_dtype`` on
        ``devices``, with ``kv_cache_config``'s settings and the pipeline model's data-parallel
        degree. Without ``allow_kv_head_replication`` a tensor-parallel degree wider than a
        layer group's KV heads is an error (MAX's rule), instead of replicating heads."""
        params = cls.from_hf_config(
            huggingface_config,
            dtype=cache_dtype,
            devices=list(devices),
            cache_dtype=cache_dtype,
            kv_cache=kv_cache_config,
            data_parallel_degree=pipeline_config.model.data_parallel_degree,
        ).get_kv_params()
        if not allow_kv_head_replication:
            leaves = (
                [params] if isinstance(params, KVCacheParams) else [g.params for g in params.groups]
            )
            for leaf in leaves:
                if not leaf.is_mla and leaf.n_kv_heads % leaf.tp_degree:
                    raise ConfigError(
                        "allow_kv_head_replication",
                        False,
                        f"True to split {leaf.n_kv_heads} KV heads over a tensor-parallel "
                        f"degree of {leaf.tp_degree} (each head replicated)",
                        owner=cls.__name__,
                    )
        return params

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
        self,
        *,
        n_kv_heads: int,
        head_dim: int,
        num_layers: int,
        is_mla: bool = False,
        extra_key_dim: int = 0,
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
            extra_key_dim=extra_key_dim,
        )
