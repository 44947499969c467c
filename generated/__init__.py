# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=4cb989ce1dec8434 content=d1af9f01657896d5
"""Compiler output: one config class per schema, and the registry that picks one."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from generated._runtime import (
    SchemaArchConfig,
    UnknownArchitectureError,
    closest,
    config_mapping,
)
from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheConfig

if TYPE_CHECKING:
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.falcon_h1 import FalconH1Config
    from generated.gemma2 import Gemma2Config
    from generated.granitemoehybrid import GraniteMoeHybridConfig
    from generated.jamba import JambaConfig
    from generated.llama import LlamaConfig
    from generated.mistral import MistralConfig
    from generated.qwen3 import Qwen3Config
    from generated.zamba import ZambaConfig
    from generated.zamba2 import Zamba2Config

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "DeepseekV3Config",
    "FalconH1Config",
    "Gemma2Config",
    "GraniteMoeHybridConfig",
    "JambaConfig",
    "LlamaConfig",
    "MistralConfig",
    "Qwen3Config",
    "Zamba2Config",
    "ZambaConfig",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "DeepseekV3Config": "deepseek_v3",
    "FalconH1Config": "falcon_h1",
    "Gemma2Config": "gemma2",
    "GraniteMoeHybridConfig": "granitemoehybrid",
    "JambaConfig": "jamba",
    "LlamaConfig": "llama",
    "MistralConfig": "mistral",
    "Qwen3Config": "qwen3",
    "ZambaConfig": "zamba",
    "Zamba2Config": "zamba2",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "deepseek_v3": "DeepseekV3Config",
    "falcon_h1": "FalconH1Config",
    "gemma2": "Gemma2Config",
    "granitemoehybrid": "GraniteMoeHybridConfig",
    "jamba": "JambaConfig",
    "llama": "LlamaConfig",
    "mistral": "MistralConfig",
    "qwen3": "Qwen3Config",
    "zamba": "ZambaConfig",
    "zamba2": "Zamba2Config",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "FalconH1ForCausalLM": "FalconH1Config",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GraniteMoeHybridForCausalLM": "GraniteMoeHybridConfig",
    "JambaForCausalLM": "JambaConfig",
    "LlamaForCausalLM": "LlamaConfig",
    "MistralForCausalLM": "MistralConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "Zamba2ForCausalLM": "Zamba2Config",
    "ZambaForCausalLM": "ZambaConfig",
}
"""HF ``architectures`` entry -> generated class name."""


def _load(class_name: str) -> type[SchemaArchConfig]:
    module = importlib.import_module(f"generated.{CLASSES[class_name]}")
    cls: type[SchemaArchConfig] = getattr(module, class_name)
    return cls


def __getattr__(name: str) -> Any:
    if name in CLASSES:
        return _load(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def resolve(config: object) -> type[SchemaArchConfig]:
    """The generated class serving ``config`` (a config.json mapping or a PretrainedConfig)."""
    data = config_mapping(config, "resolve")
    model_type = data.get("model_type")
    if isinstance(model_type, str) and model_type in MODEL_TYPES:
        return _load(MODEL_TYPES[model_type])
    architectures = data.get("architectures") or []
    for arch in architectures if isinstance(architectures, list) else []:
        if isinstance(arch, str) and arch in ARCHITECTURES:
            return _load(ARCHITECTURES[arch])
    near = closest(str(model_type), list(MODEL_TYPES)) or sorted(MODEL_TYPES)[:5]
    raise UnknownArchitectureError(
        f"no kvarch schema serves model_type {model_type!r} "
        f"(architectures {architectures!r}); closest known model types: {', '.join(near)}"
    )


def from_hf_config(
    config: object,
    *,
    dtype: DType | None = None,
    devices: list[DeviceRef] | None = None,
    cache_dtype: DType | None = None,
    kv_cache: KVCacheConfig | None = None,
    data_parallel_degree: int = 1,
    user_provided_max_length: int | None = None,
) -> SchemaArchConfig:
    """``resolve(config).from_hf_config(config, ...)``: the validated config."""
    return resolve(config).from_hf_config(
        config,
        dtype=dtype,
        devices=devices,
        cache_dtype=cache_dtype,
        kv_cache=kv_cache,
        data_parallel_degree=data_parallel_degree,
        user_provided_max_length=user_provided_max_length,
    )
