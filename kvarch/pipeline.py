"""What the server was asked to run: the model (``ModelConfig``) and the pipeline around it."""

from __future__ import annotations

import enum
from typing import Any

import msgspec

from kvarch.device import DeviceRef, available_devices
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheConfig
from kvarch.validate import check_int, check_optional_int

__all__ = ["ModelConfig", "PipelineConfig", "QuantizationEncoding"]


class QuantizationEncoding(enum.Enum):
    """How the weights are stored."""

    float32 = "float32"
    bfloat16 = "bfloat16"
    float16 = "float16"
    float8_e4m3fn = "float8_e4m3fn"
    q4_0 = "q4_0"
    q4_k = "q4_k"
    q6_k = "q6_k"
    gptq = "gptq"

    @property
    def dtype(self) -> DType:
        """Element type of the stored weights."""
        return _WEIGHTS[self][0]

    @property
    def cache_dtype(self) -> DType:
        """Default KV-cache element type for this encoding."""
        return _WEIGHTS[self][1]


_WEIGHTS: dict[QuantizationEncoding, tuple[DType, DType]] = {
    QuantizationEncoding.float32: (DType.float32, DType.float32),
    QuantizationEncoding.bfloat16: (DType.bfloat16, DType.bfloat16),
    QuantizationEncoding.float16: (DType.float16, DType.float16),
    QuantizationEncoding.float8_e4m3fn: (DType.float8_e4m3fn, DType.bfloat16),
    QuantizationEncoding.q4_0: (DType.uint8, DType.float32),
    QuantizationEncoding.q4_k: (DType.uint8, DType.float32),
    QuantizationEncoding.q6_k: (DType.uint8, DType.float32),
    QuantizationEncoding.gptq: (DType.uint8, DType.bfloat16),
}


class ModelConfig(msgspec.Struct, kw_only=True):
    """One model of a pipeline (the main model or a draft)."""

    model_path: str = ""
    """HF repo id or local folder."""
    device_specs: list[DeviceRef] = msgspec.field(default_factory=available_devices)
    """Devices the model runs on (default: every visible GPU, else the CPU)."""
    quantization_encoding: QuantizationEncoding | None = None
    """Weight encoding; required to build an arch config."""
    kv_cache: KVCacheConfig = msgspec.field(default_factory=KVCacheConfig)
    """Cache settings."""
    data_parallel_degree: int = 1
    """Replicas of the model."""
    huggingface_config: Any = None
    """The HF config (``PretrainedConfig`` or config.json dict)."""
    max_length: int | None = None
    """The user's max sequence length for this model, where MAX 26.7 keeps it (read by
    ``calculate_max_seq_len``; the seed's ``initialize`` reads ``PipelineConfig.max_length``)."""

    def __post_init__(self) -> None:
        check_int("ModelConfig", "data_parallel_degree", self.data_parallel_degree)
        check_optional_int("ModelConfig", "max_length", self.max_length)

    @property
    def cache_dtype(self) -> DType | None:
        """``kv_cache.kv_cache_format`` if set, else the encoding's cache dtype."""
        if self.kv_cache.kv_cache_format is not None:
            return self.kv_cache.kv_cache_format
        enc = self.quantization_encoding
        return None if enc is None else enc.cache_dtype


class PipelineConfig(msgspec.Struct, kw_only=True):
    """A serving pipeline: the model and the request limits."""

    model: ModelConfig = msgspec.field(default_factory=ModelConfig)
    """The main model."""
    draft_model: ModelConfig | None = None
    """A speculative-decoding draft model."""
    max_length: int | None = None
    """The user's max sequence length (prompt + generated)."""
    max_batch_size: int | None = None
    """The user's max concurrent sequences."""

    def __post_init__(self) -> None:
        check_optional_int("PipelineConfig", "max_length", self.max_length)
        check_optional_int("PipelineConfig", "max_batch_size", self.max_batch_size)
