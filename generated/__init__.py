# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=b0fe1b2f64bde689 content=ca447c7951acf54b
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
    from generated.bailing_hybrid import BailingHybridConfig
    from generated.bamba import BambaConfig
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.falcon_h1 import FalconH1Config
    from generated.gemma2 import Gemma2Config
    from generated.granitemoehybrid import GraniteMoeHybridConfig
    from generated.jamba import JambaConfig
    from generated.kimi_linear import KimiLinearConfig
    from generated.lfm2 import Lfm2Config
    from generated.lfm2_moe import Lfm2MoeConfig
    from generated.lfm3 import Lfm3Config
    from generated.llama import LlamaConfig
    from generated.minimax import MiniMaxConfig
    from generated.mistral import MistralConfig
    from generated.nemotron_h import NemotronHConfig
    from generated.olmo_hybrid import OlmoHybridConfig
    from generated.qwen3 import Qwen3Config
    from generated.qwen3_5 import Qwen35Config
    from generated.qwen3_5_moe import Qwen35MoeConfig
    from generated.qwen3_5_moe_text import Qwen35MoeTextConfig
    from generated.qwen3_5_text import Qwen35TextConfig
    from generated.qwen3_next import Qwen3NextConfig
    from generated.zamba import ZambaConfig
    from generated.zamba2 import Zamba2Config

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "BailingHybridConfig",
    "BambaConfig",
    "DeepseekV3Config",
    "FalconH1Config",
    "Gemma2Config",
    "GraniteMoeHybridConfig",
    "JambaConfig",
    "KimiLinearConfig",
    "Lfm2Config",
    "Lfm2MoeConfig",
    "Lfm3Config",
    "LlamaConfig",
    "MiniMaxConfig",
    "MistralConfig",
    "NemotronHConfig",
    "OlmoHybridConfig",
    "Qwen35Config",
    "Qwen35MoeConfig",
    "Qwen35MoeTextConfig",
    "Qwen35TextConfig",
    "Qwen3Config",
    "Qwen3NextConfig",
    "Zamba2Config",
    "ZambaConfig",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "BailingHybridConfig": "bailing_hybrid",
    "BambaConfig": "bamba",
    "DeepseekV3Config": "deepseek_v3",
    "FalconH1Config": "falcon_h1",
    "Gemma2Config": "gemma2",
    "GraniteMoeHybridConfig": "granitemoehybrid",
    "JambaConfig": "jamba",
    "KimiLinearConfig": "kimi_linear",
    "Lfm2Config": "lfm2",
    "Lfm2MoeConfig": "lfm2_moe",
    "Lfm3Config": "lfm3",
    "LlamaConfig": "llama",
    "MiniMaxConfig": "minimax",
    "MistralConfig": "mistral",
    "NemotronHConfig": "nemotron_h",
    "OlmoHybridConfig": "olmo_hybrid",
    "Qwen3Config": "qwen3",
    "Qwen35Config": "qwen3_5",
    "Qwen35MoeConfig": "qwen3_5_moe",
    "Qwen35MoeTextConfig": "qwen3_5_moe_text",
    "Qwen35TextConfig": "qwen3_5_text",
    "Qwen3NextConfig": "qwen3_next",
    "ZambaConfig": "zamba",
    "Zamba2Config": "zamba2",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "bailing_hybrid": "BailingHybridConfig",
    "bamba": "BambaConfig",
    "deepseek_v3": "DeepseekV3Config",
    "falcon_h1": "FalconH1Config",
    "gemma2": "Gemma2Config",
    "granitemoehybrid": "GraniteMoeHybridConfig",
    "jamba": "JambaConfig",
    "kimi_linear": "KimiLinearConfig",
    "lfm2": "Lfm2Config",
    "lfm2_moe": "Lfm2MoeConfig",
    "lfm3": "Lfm3Config",
    "llama": "LlamaConfig",
    "minimax": "MiniMaxConfig",
    "mistral": "MistralConfig",
    "nemotron_h": "NemotronHConfig",
    "olmo_hybrid": "OlmoHybridConfig",
    "qwen3": "Qwen3Config",
    "qwen3_5": "Qwen35Config",
    "qwen3_5_moe": "Qwen35MoeConfig",
    "qwen3_5_moe_text": "Qwen35MoeTextConfig",
    "qwen3_5_text": "Qwen35TextConfig",
    "qwen3_next": "Qwen3NextConfig",
    "zamba": "ZambaConfig",
    "zamba2": "Zamba2Config",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "BailingHybridForCausalLM": "BailingHybridConfig",
    "BambaForCausalLM": "BambaConfig",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "FalconH1ForCausalLM": "FalconH1Config",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GraniteMoeHybridForCausalLM": "GraniteMoeHybridConfig",
    "JambaForCausalLM": "JambaConfig",
    "KimiLinearForCausalLM": "KimiLinearConfig",
    "Lfm2ForCausalLM": "Lfm2Config",
    "Lfm2MoeForCausalLM": "Lfm2MoeConfig",
    "Lfm3ForCausalLM": "Lfm3Config",
    "LlamaForCausalLM": "LlamaConfig",
    "MiniMaxForCausalLM": "MiniMaxConfig",
    "MistralForCausalLM": "MistralConfig",
    "NemotronHForCausalLM": "NemotronHConfig",
    "OlmoHybridForCausalLM": "OlmoHybridConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "Qwen3NextForCausalLM": "Qwen3NextConfig",
    "Qwen3_5ForCausalLM": "Qwen35TextConfig",
    "Qwen3_5ForConditionalGeneration": "Qwen35Config",
    "Qwen3_5MoeForCausalLM": "Qwen35MoeTextConfig",
    "Qwen3_5MoeForConditionalGeneration": "Qwen35MoeConfig",
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
