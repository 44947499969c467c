# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=f8f5fdd6fe12cf40 content=3cea9561754d4fd6
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
    from generated.apertus import ApertusConfig
    from generated.arcee import ArceeConfig
    from generated.cohere import CohereConfig
    from generated.cohere2 import Cohere2Config
    from generated.cohere2_moe import Cohere2MoeConfig
    from generated.cohere_compass_text import CohereCompassTextConfig
    from generated.deepseek_v2 import DeepseekV2Config
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.deepseek_v32 import DeepseekV32Config
    from generated.exaone import ExaoneConfig
    from generated.exaone4 import Exaone4Config
    from generated.exaone_moe import ExaoneMoeConfig
    from generated.flex_olmo import FlexOlmoConfig
    from generated.gemma import GemmaConfig
    from generated.gemma2 import Gemma2Config
    from generated.gemma3 import Gemma3VlmConfig
    from generated.gemma3_text import Gemma3TextConfig
    from generated.gemma3n import Gemma3nVlmConfig
    from generated.gemma3n_text import Gemma3nTextConfig
    from generated.gemma4 import Gemma4VlmConfig
    from generated.gemma4_text import Gemma4TextConfig
    from generated.gemma4_unified import Gemma4UnifiedVlmConfig
    from generated.gemma4_unified_text import Gemma4UnifiedTextConfig
    from generated.glm import GlmConfig
    from generated.glm4 import Glm4Config
    from generated.glm4_moe import Glm4MoeConfig
    from generated.glm4_moe_lite import Glm4MoeLiteConfig
    from generated.glm_moe_dsa import GlmMoeDsaConfig
    from generated.granite import GraniteConfig
    from generated.granite_swa import GraniteSwaConfig
    from generated.granitemoe_swa import GraniteMoeSwaConfig
    from generated.helium import HeliumConfig
    from generated.llama import LlamaConfig
    from generated.minicpm3 import MiniCPM3Config
    from generated.ministral import MinistralConfig
    from generated.ministral3 import Ministral3Config
    from generated.mistral import MistralConfig
    from generated.mixtral import MixtralConfig
    from generated.nemotron import NemotronConfig
    from generated.olmo import OlmoConfig
    from generated.olmo3 import Olmo3Config
    from generated.olmoe import OlmoeConfig
    from generated.phi3 import Phi3Config
    from generated.phimoe import PhimoeConfig
    from generated.qwen2 import Qwen2Config
    from generated.qwen2_moe import Qwen2MoeConfig
    from generated.qwen3 import Qwen3Config
    from generated.qwen3_moe import Qwen3MoeConfig
    from generated.qwen4_exp import Qwen4ExpConfig
    from generated.qwen4_exp_text import Qwen4ExpTextConfig
    from generated.recurrent_gemma import RecurrentGemmaConfig
    from generated.sarvam_mla import SarvamMLAConfig
    from generated.smollm3 import SmolLM3Config
    from generated.stablelm import StableLmConfig
    from generated.starcoder2 import Starcoder2Config

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "ApertusConfig",
    "ArceeConfig",
    "Cohere2Config",
    "Cohere2MoeConfig",
    "CohereCompassTextConfig",
    "CohereConfig",
    "DeepseekV2Config",
    "DeepseekV3Config",
    "DeepseekV32Config",
    "Exaone4Config",
    "ExaoneConfig",
    "ExaoneMoeConfig",
    "FlexOlmoConfig",
    "Gemma2Config",
    "Gemma3TextConfig",
    "Gemma3VlmConfig",
    "Gemma3nTextConfig",
    "Gemma3nVlmConfig",
    "Gemma4TextConfig",
    "Gemma4UnifiedTextConfig",
    "Gemma4UnifiedVlmConfig",
    "Gemma4VlmConfig",
    "GemmaConfig",
    "Glm4Config",
    "Glm4MoeConfig",
    "Glm4MoeLiteConfig",
    "GlmConfig",
    "GlmMoeDsaConfig",
    "GraniteConfig",
    "GraniteMoeSwaConfig",
    "GraniteSwaConfig",
    "HeliumConfig",
    "LlamaConfig",
    "MiniCPM3Config",
    "Ministral3Config",
    "MinistralConfig",
    "MistralConfig",
    "MixtralConfig",
    "NemotronConfig",
    "Olmo3Config",
    "OlmoConfig",
    "OlmoeConfig",
    "Phi3Config",
    "PhimoeConfig",
    "Qwen2Config",
    "Qwen2MoeConfig",
    "Qwen3Config",
    "Qwen3MoeConfig",
    "Qwen4ExpConfig",
    "Qwen4ExpTextConfig",
    "RecurrentGemmaConfig",
    "SarvamMLAConfig",
    "SmolLM3Config",
    "StableLmConfig",
    "Starcoder2Config",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "ApertusConfig": "apertus",
    "ArceeConfig": "arcee",
    "CohereConfig": "cohere",
    "Cohere2Config": "cohere2",
    "Cohere2MoeConfig": "cohere2_moe",
    "CohereCompassTextConfig": "cohere_compass_text",
    "DeepseekV2Config": "deepseek_v2",
    "DeepseekV3Config": "deepseek_v3",
    "DeepseekV32Config": "deepseek_v32",
    "ExaoneConfig": "exaone",
    "Exaone4Config": "exaone4",
    "ExaoneMoeConfig": "exaone_moe",
    "FlexOlmoConfig": "flex_olmo",
    "GemmaConfig": "gemma",
    "Gemma2Config": "gemma2",
    "Gemma3VlmConfig": "gemma3",
    "Gemma3TextConfig": "gemma3_text",
    "Gemma3nVlmConfig": "gemma3n",
    "Gemma3nTextConfig": "gemma3n_text",
    "Gemma4VlmConfig": "gemma4",
    "Gemma4TextConfig": "gemma4_text",
    "Gemma4UnifiedVlmConfig": "gemma4_unified",
    "Gemma4UnifiedTextConfig": "gemma4_unified_text",
    "GlmConfig": "glm",
    "Glm4Config": "glm4",
    "Glm4MoeConfig": "glm4_moe",
    "Glm4MoeLiteConfig": "glm4_moe_lite",
    "GlmMoeDsaConfig": "glm_moe_dsa",
    "GraniteConfig": "granite",
    "GraniteSwaConfig": "granite_swa",
    "GraniteMoeSwaConfig": "granitemoe_swa",
    "HeliumConfig": "helium",
    "LlamaConfig": "llama",
    "MiniCPM3Config": "minicpm3",
    "MinistralConfig": "ministral",
    "Ministral3Config": "ministral3",
    "MistralConfig": "mistral",
    "MixtralConfig": "mixtral",
    "NemotronConfig": "nemotron",
    "OlmoConfig": "olmo",
    "Olmo3Config": "olmo3",
    "OlmoeConfig": "olmoe",
    "Phi3Config": "phi3",
    "PhimoeConfig": "phimoe",
    "Qwen2Config": "qwen2",
    "Qwen2MoeConfig": "qwen2_moe",
    "Qwen3Config": "qwen3",
    "Qwen3MoeConfig": "qwen3_moe",
    "Qwen4ExpConfig": "qwen4_exp",
    "Qwen4ExpTextConfig": "qwen4_exp_text",
    "RecurrentGemmaConfig": "recurrent_gemma",
    "SarvamMLAConfig": "sarvam_mla",
    "SmolLM3Config": "smollm3",
    "StableLmConfig": "stablelm",
    "Starcoder2Config": "starcoder2",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "apertus": "ApertusConfig",
    "apertus1p5_text": "ApertusConfig",
    "arcee": "ArceeConfig",
    "cohere": "CohereConfig",
    "cohere2": "Cohere2Config",
    "cohere2_moe": "Cohere2MoeConfig",
    "cohere_compass_text": "CohereCompassTextConfig",
    "deepseek_v2": "DeepseekV2Config",
    "deepseek_v3": "DeepseekV3Config",
    "deepseek_v32": "DeepseekV32Config",
    "exaone": "ExaoneConfig",
    "exaone4": "Exaone4Config",
    "exaone_moe": "ExaoneMoeConfig",
    "flex_olmo": "FlexOlmoConfig",
    "gemma": "GemmaConfig",
    "gemma2": "Gemma2Config",
    "gemma3": "Gemma3VlmConfig",
    "gemma3_text": "Gemma3TextConfig",
    "gemma3n": "Gemma3nVlmConfig",
    "gemma3n_text": "Gemma3nTextConfig",
    "gemma4": "Gemma4VlmConfig",
    "gemma4_text": "Gemma4TextConfig",
    "gemma4_unified": "Gemma4UnifiedVlmConfig",
    "gemma4_unified_text": "Gemma4UnifiedTextConfig",
    "glm": "GlmConfig",
    "glm4": "Glm4Config",
    "glm4_moe": "Glm4MoeConfig",
    "glm4_moe_lite": "Glm4MoeLiteConfig",
    "glm_moe_dsa": "GlmMoeDsaConfig",
    "granite": "GraniteConfig",
    "granite_swa": "GraniteSwaConfig",
    "granitemoe": "GraniteConfig",
    "granitemoe_swa": "GraniteMoeSwaConfig",
    "granitemoeshared": "GraniteConfig",
    "helium": "HeliumConfig",
    "llama": "LlamaConfig",
    "minicpm3": "MiniCPM3Config",
    "ministral": "MinistralConfig",
    "ministral3": "Ministral3Config",
    "mistral": "MistralConfig",
    "mixtral": "MixtralConfig",
    "nemotron": "NemotronConfig",
    "olmo": "OlmoConfig",
    "olmo2": "OlmoConfig",
    "olmo3": "Olmo3Config",
    "olmoe": "OlmoeConfig",
    "phi3": "Phi3Config",
    "phimoe": "PhimoeConfig",
    "qwen2": "Qwen2Config",
    "qwen2_moe": "Qwen2MoeConfig",
    "qwen3": "Qwen3Config",
    "qwen3_moe": "Qwen3MoeConfig",
    "qwen4_exp": "Qwen4ExpConfig",
    "qwen4_exp_text": "Qwen4ExpTextConfig",
    "recurrent_gemma": "RecurrentGemmaConfig",
    "sarvam_mla": "SarvamMLAConfig",
    "smollm3": "SmolLM3Config",
    "stablelm": "StableLmConfig",
    "starcoder2": "Starcoder2Config",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "Apertus1p5TextForCausalLM": "ApertusConfig",
    "ApertusForCausalLM": "ApertusConfig",
    "ArceeForCausalLM": "ArceeConfig",
    "Cohere2ForCausalLM": "Cohere2Config",
    "Cohere2MoeForCausalLM": "Cohere2MoeConfig",
    "CohereCompassForCausalLM": "CohereCompassTextConfig",
    "CohereForCausalLM": "CohereConfig",
    "DeepseekV2ForCausalLM": "DeepseekV2Config",
    "DeepseekV32ForCausalLM": "DeepseekV32Config",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "Exaone4ForCausalLM": "Exaone4Config",
    "ExaoneForCausalLM": "ExaoneConfig",
    "ExaoneMoeForCausalLM": "ExaoneMoeConfig",
    "FlexOlmoForCausalLM": "FlexOlmoConfig",
    "Gemma2ForCausalLM": "Gemma2Config",
    "Gemma3ForCausalLM": "Gemma3TextConfig",
    "Gemma3ForConditionalGeneration": "Gemma3VlmConfig",
    "Gemma3nForCausalLM": "Gemma3nTextConfig",
    "Gemma3nForConditionalGeneration": "Gemma3nVlmConfig",
    "Gemma4ForCausalLM": "Gemma4TextConfig",
    "Gemma4ForConditionalGeneration": "Gemma4VlmConfig",
    "Gemma4UnifiedForCausalLM": "Gemma4UnifiedTextConfig",
    "Gemma4UnifiedForConditionalGeneration": "Gemma4UnifiedVlmConfig",
    "GemmaForCausalLM": "GemmaConfig",
    "Glm4ForCausalLM": "Glm4Config",
    "Glm4MoeForCausalLM": "Glm4MoeConfig",
    "Glm4MoeLiteForCausalLM": "Glm4MoeLiteConfig",
    "GlmForCausalLM": "GlmConfig",
    "GlmMoeDsaForCausalLM": "GlmMoeDsaConfig",
    "GraniteForCausalLM": "GraniteConfig",
    "GraniteMoeForCausalLM": "GraniteConfig",
    "GraniteMoeSWAForCausalLM": "GraniteMoeSwaConfig",
    "GraniteMoeSharedForCausalLM": "GraniteConfig",
    "GraniteSWAForCausalLM": "GraniteSwaConfig",
    "HeliumForCausalLM": "HeliumConfig",
    "LlamaForCausalLM": "LlamaConfig",
    "MiniCPM3ForCausalLM": "MiniCPM3Config",
    "Ministral3ForCausalLM": "Ministral3Config",
    "MinistralForCausalLM": "MinistralConfig",
    "MistralForCausalLM": "MistralConfig",
    "MixtralForCausalLM": "MixtralConfig",
    "NemotronForCausalLM": "NemotronConfig",
    "Olmo2ForCausalLM": "OlmoConfig",
    "Olmo3ForCausalLM": "Olmo3Config",
    "OlmoForCausalLM": "OlmoConfig",
    "OlmoeForCausalLM": "OlmoeConfig",
    "Phi3ForCausalLM": "Phi3Config",
    "PhimoeForCausalLM": "PhimoeConfig",
    "Qwen2ForCausalLM": "Qwen2Config",
    "Qwen2MoeForCausalLM": "Qwen2MoeConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "Qwen3MoeForCausalLM": "Qwen3MoeConfig",
    "Qwen4ExpForCausalLM": "Qwen4ExpTextConfig",
    "Qwen4ExpForConditionalGeneration": "Qwen4ExpConfig",
    "RecurrentGemmaForCausalLM": "RecurrentGemmaConfig",
    "SmolLM3ForCausalLM": "SmolLM3Config",
    "StableLmForCausalLM": "StableLmConfig",
    "Starcoder2ForCausalLM": "Starcoder2Config",
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
