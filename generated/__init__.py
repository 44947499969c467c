# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=6137906bf71008f8 content=f4fac3cf670e44af
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
    from generated.deepseek_v2 import DeepseekV2Config
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.deepseek_v32 import DeepseekV32Config
    from generated.gemma2 import Gemma2Config
    from generated.gemma3 import Gemma3VlmConfig
    from generated.gemma3_text import Gemma3TextConfig
    from generated.gemma3n import Gemma3nVlmConfig
    from generated.gemma3n_text import Gemma3nTextConfig
    from generated.gemma4 import Gemma4VlmConfig
    from generated.gemma4_text import Gemma4TextConfig
    from generated.gemma4_unified import Gemma4UnifiedVlmConfig
    from generated.gemma4_unified_text import Gemma4UnifiedTextConfig
    from generated.glm4_moe_lite import Glm4MoeLiteConfig
    from generated.glm_moe_dsa import GlmMoeDsaConfig
    from generated.llama import LlamaConfig
    from generated.minicpm3 import MiniCPM3Config
    from generated.mistral import MistralConfig
    from generated.qwen3 import Qwen3Config
    from generated.recurrent_gemma import RecurrentGemmaConfig
    from generated.sarvam_mla import SarvamMLAConfig

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "DeepseekV2Config",
    "DeepseekV3Config",
    "DeepseekV32Config",
    "Gemma2Config",
    "Gemma3TextConfig",
    "Gemma3VlmConfig",
    "Gemma3nTextConfig",
    "Gemma3nVlmConfig",
    "Gemma4TextConfig",
    "Gemma4UnifiedTextConfig",
    "Gemma4UnifiedVlmConfig",
    "Gemma4VlmConfig",
    "Glm4MoeLiteConfig",
    "GlmMoeDsaConfig",
    "LlamaConfig",
    "MiniCPM3Config",
    "MistralConfig",
    "Qwen3Config",
    "RecurrentGemmaConfig",
    "SarvamMLAConfig",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "DeepseekV2Config": "deepseek_v2",
    "DeepseekV3Config": "deepseek_v3",
    "DeepseekV32Config": "deepseek_v32",
    "Gemma2Config": "gemma2",
    "Gemma3VlmConfig": "gemma3",
    "Gemma3TextConfig": "gemma3_text",
    "Gemma3nVlmConfig": "gemma3n",
    "Gemma3nTextConfig": "gemma3n_text",
    "Gemma4VlmConfig": "gemma4",
    "Gemma4TextConfig": "gemma4_text",
    "Gemma4UnifiedVlmConfig": "gemma4_unified",
    "Gemma4UnifiedTextConfig": "gemma4_unified_text",
    "Glm4MoeLiteConfig": "glm4_moe_lite",
    "GlmMoeDsaConfig": "glm_moe_dsa",
    "LlamaConfig": "llama",
    "MiniCPM3Config": "minicpm3",
    "MistralConfig": "mistral",
    "Qwen3Config": "qwen3",
    "RecurrentGemmaConfig": "recurrent_gemma",
    "SarvamMLAConfig": "sarvam_mla",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "deepseek_v2": "DeepseekV2Config",
    "deepseek_v3": "DeepseekV3Config",
    "deepseek_v32": "DeepseekV32Config",
    "gemma2": "Gemma2Config",
    "gemma3": "Gemma3VlmConfig",
    "gemma3_text": "Gemma3TextConfig",
    "gemma3n": "Gemma3nVlmConfig",
    "gemma3n_text": "Gemma3nTextConfig",
    "gemma4": "Gemma4VlmConfig",
    "gemma4_text": "Gemma4TextConfig",
    "gemma4_unified": "Gemma4UnifiedVlmConfig",
    "gemma4_unified_text": "Gemma4UnifiedTextConfig",
    "glm4_moe_lite": "Glm4MoeLiteConfig",
    "glm_moe_dsa": "GlmMoeDsaConfig",
    "llama": "LlamaConfig",
    "minicpm3": "MiniCPM3Config",
    "mistral": "MistralConfig",
    "qwen3": "Qwen3Config",
    "recurrent_gemma": "RecurrentGemmaConfig",
    "sarvam_mla": "SarvamMLAConfig",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "DeepseekV2ForCausalLM": "DeepseekV2Config",
    "DeepseekV32ForCausalLM": "DeepseekV32Config",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "Gemma2ForCausalLM": "Gemma2Config",
    "Gemma3ForCausalLM": "Gemma3TextConfig",
    "Gemma3ForConditionalGeneration": "Gemma3VlmConfig",
    "Gemma3nForCausalLM": "Gemma3nTextConfig",
    "Gemma3nForConditionalGeneration": "Gemma3nVlmConfig",
    "Gemma4ForCausalLM": "Gemma4TextConfig",
    "Gemma4ForConditionalGeneration": "Gemma4VlmConfig",
    "Gemma4UnifiedForCausalLM": "Gemma4UnifiedTextConfig",
    "Gemma4UnifiedForConditionalGeneration": "Gemma4UnifiedVlmConfig",
    "Glm4MoeLiteForCausalLM": "Glm4MoeLiteConfig",
    "GlmMoeDsaForCausalLM": "GlmMoeDsaConfig",
    "LlamaForCausalLM": "LlamaConfig",
    "MiniCPM3ForCausalLM": "MiniCPM3Config",
    "MistralForCausalLM": "MistralConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "RecurrentGemmaForCausalLM": "RecurrentGemmaConfig",
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
