# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=586849c9cc467b70 content=11b83488d2d518cc
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
    from generated.bailing_hybrid import BailingHybridConfig
    from generated.bamba import BambaConfig
    from generated.cohere import CohereConfig
    from generated.cohere2 import Cohere2Config
    from generated.cohere2_moe import Cohere2MoeConfig
    from generated.cohere_compass_text import CohereCompassTextConfig
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.exaone import ExaoneConfig
    from generated.exaone4 import Exaone4Config
    from generated.exaone_moe import ExaoneMoeConfig
    from generated.falcon_h1 import FalconH1Config
    from generated.flex_olmo import FlexOlmoConfig
    from generated.gemma import GemmaConfig
    from generated.gemma2 import Gemma2Config
    from generated.glm import GlmConfig
    from generated.glm4 import Glm4Config
    from generated.glm4_moe import Glm4MoeConfig
    from generated.granite import GraniteConfig
    from generated.granite_swa import GraniteSwaConfig
    from generated.granitemoe_swa import GraniteMoeSwaConfig
    from generated.granitemoehybrid import GraniteMoeHybridConfig
    from generated.helium import HeliumConfig
    from generated.jamba import JambaConfig
    from generated.kimi_linear import KimiLinearConfig
    from generated.lfm2 import Lfm2Config
    from generated.lfm2_moe import Lfm2MoeConfig
    from generated.lfm3 import Lfm3Config
    from generated.llama import LlamaConfig
    from generated.minimax import MiniMaxConfig
    from generated.ministral import MinistralConfig
    from generated.ministral3 import Ministral3Config
    from generated.mistral import MistralConfig
    from generated.mixtral import MixtralConfig
    from generated.nemotron import NemotronConfig
    from generated.nemotron_h import NemotronHConfig
    from generated.olmo import OlmoConfig
    from generated.olmo3 import Olmo3Config
    from generated.olmo_hybrid import OlmoHybridConfig
    from generated.olmoe import OlmoeConfig
    from generated.phi3 import Phi3Config
    from generated.phimoe import PhimoeConfig
    from generated.qwen2 import Qwen2Config
    from generated.qwen2_moe import Qwen2MoeConfig
    from generated.qwen3 import Qwen3Config
    from generated.qwen3_5 import Qwen35Config
    from generated.qwen3_5_moe import Qwen35MoeConfig
    from generated.qwen3_5_moe_text import Qwen35MoeTextConfig
    from generated.qwen3_5_text import Qwen35TextConfig
    from generated.qwen3_moe import Qwen3MoeConfig
    from generated.qwen3_next import Qwen3NextConfig
    from generated.qwen4_exp import Qwen4ExpConfig
    from generated.qwen4_exp_text import Qwen4ExpTextConfig
    from generated.smollm3 import SmolLM3Config
    from generated.stablelm import StableLmConfig
    from generated.starcoder2 import Starcoder2Config
    from generated.zamba import ZambaConfig
    from generated.zamba2 import Zamba2Config

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "ApertusConfig",
    "ArceeConfig",
    "BailingHybridConfig",
    "BambaConfig",
    "Cohere2Config",
    "Cohere2MoeConfig",
    "CohereCompassTextConfig",
    "CohereConfig",
    "DeepseekV3Config",
    "Exaone4Config",
    "ExaoneConfig",
    "ExaoneMoeConfig",
    "FalconH1Config",
    "FlexOlmoConfig",
    "Gemma2Config",
    "GemmaConfig",
    "Glm4Config",
    "Glm4MoeConfig",
    "GlmConfig",
    "GraniteConfig",
    "GraniteMoeHybridConfig",
    "GraniteMoeSwaConfig",
    "GraniteSwaConfig",
    "HeliumConfig",
    "JambaConfig",
    "KimiLinearConfig",
    "Lfm2Config",
    "Lfm2MoeConfig",
    "Lfm3Config",
    "LlamaConfig",
    "MiniMaxConfig",
    "Ministral3Config",
    "MinistralConfig",
    "MistralConfig",
    "MixtralConfig",
    "NemotronConfig",
    "NemotronHConfig",
    "Olmo3Config",
    "OlmoConfig",
    "OlmoeConfig",
    "OlmoHybridConfig",
    "Phi3Config",
    "PhimoeConfig",
    "Qwen2Config",
    "Qwen2MoeConfig",
    "Qwen35Config",
    "Qwen35MoeConfig",
    "Qwen35MoeTextConfig",
    "Qwen35TextConfig",
    "Qwen3Config",
    "Qwen3MoeConfig",
    "Qwen3NextConfig",
    "Qwen4ExpConfig",
    "Qwen4ExpTextConfig",
    "SmolLM3Config",
    "StableLmConfig",
    "Starcoder2Config",
    "Zamba2Config",
    "ZambaConfig",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "ApertusConfig": "apertus",
    "ArceeConfig": "arcee",
    "BailingHybridConfig": "bailing_hybrid",
    "BambaConfig": "bamba",
    "CohereConfig": "cohere",
    "Cohere2Config": "cohere2",
    "Cohere2MoeConfig": "cohere2_moe",
    "CohereCompassTextConfig": "cohere_compass_text",
    "DeepseekV3Config": "deepseek_v3",
    "ExaoneConfig": "exaone",
    "Exaone4Config": "exaone4",
    "ExaoneMoeConfig": "exaone_moe",
    "FalconH1Config": "falcon_h1",
    "FlexOlmoConfig": "flex_olmo",
    "GemmaConfig": "gemma",
    "Gemma2Config": "gemma2",
    "GlmConfig": "glm",
    "Glm4Config": "glm4",
    "Glm4MoeConfig": "glm4_moe",
    "GraniteConfig": "granite",
    "GraniteSwaConfig": "granite_swa",
    "GraniteMoeSwaConfig": "granitemoe_swa",
    "GraniteMoeHybridConfig": "granitemoehybrid",
    "HeliumConfig": "helium",
    "JambaConfig": "jamba",
    "KimiLinearConfig": "kimi_linear",
    "Lfm2Config": "lfm2",
    "Lfm2MoeConfig": "lfm2_moe",
    "Lfm3Config": "lfm3",
    "LlamaConfig": "llama",
    "MiniMaxConfig": "minimax",
    "MinistralConfig": "ministral",
    "Ministral3Config": "ministral3",
    "MistralConfig": "mistral",
    "MixtralConfig": "mixtral",
    "NemotronConfig": "nemotron",
    "NemotronHConfig": "nemotron_h",
    "OlmoConfig": "olmo",
    "Olmo3Config": "olmo3",
    "OlmoHybridConfig": "olmo_hybrid",
    "OlmoeConfig": "olmoe",
    "Phi3Config": "phi3",
    "PhimoeConfig": "phimoe",
    "Qwen2Config": "qwen2",
    "Qwen2MoeConfig": "qwen2_moe",
    "Qwen3Config": "qwen3",
    "Qwen35Config": "qwen3_5",
    "Qwen35MoeConfig": "qwen3_5_moe",
    "Qwen35MoeTextConfig": "qwen3_5_moe_text",
    "Qwen35TextConfig": "qwen3_5_text",
    "Qwen3MoeConfig": "qwen3_moe",
    "Qwen3NextConfig": "qwen3_next",
    "Qwen4ExpConfig": "qwen4_exp",
    "Qwen4ExpTextConfig": "qwen4_exp_text",
    "SmolLM3Config": "smollm3",
    "StableLmConfig": "stablelm",
    "Starcoder2Config": "starcoder2",
    "ZambaConfig": "zamba",
    "Zamba2Config": "zamba2",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "apertus": "ApertusConfig",
    "apertus1p5_text": "ApertusConfig",
    "arcee": "ArceeConfig",
    "bailing_hybrid": "BailingHybridConfig",
    "bamba": "BambaConfig",
    "cohere": "CohereConfig",
    "cohere2": "Cohere2Config",
    "cohere2_moe": "Cohere2MoeConfig",
    "cohere_compass_text": "CohereCompassTextConfig",
    "deepseek_v3": "DeepseekV3Config",
    "exaone": "ExaoneConfig",
    "exaone4": "Exaone4Config",
    "exaone_moe": "ExaoneMoeConfig",
    "falcon_h1": "FalconH1Config",
    "flex_olmo": "FlexOlmoConfig",
    "gemma": "GemmaConfig",
    "gemma2": "Gemma2Config",
    "glm": "GlmConfig",
    "glm4": "Glm4Config",
    "glm4_moe": "Glm4MoeConfig",
    "granite": "GraniteConfig",
    "granite_swa": "GraniteSwaConfig",
    "granitemoe": "GraniteConfig",
    "granitemoe_swa": "GraniteMoeSwaConfig",
    "granitemoehybrid": "GraniteMoeHybridConfig",
    "granitemoeshared": "GraniteConfig",
    "helium": "HeliumConfig",
    "jamba": "JambaConfig",
    "kimi_linear": "KimiLinearConfig",
    "lfm2": "Lfm2Config",
    "lfm2_moe": "Lfm2MoeConfig",
    "lfm3": "Lfm3Config",
    "llama": "LlamaConfig",
    "minimax": "MiniMaxConfig",
    "ministral": "MinistralConfig",
    "ministral3": "Ministral3Config",
    "mistral": "MistralConfig",
    "mixtral": "MixtralConfig",
    "nemotron": "NemotronConfig",
    "nemotron_h": "NemotronHConfig",
    "olmo": "OlmoConfig",
    "olmo2": "OlmoConfig",
    "olmo3": "Olmo3Config",
    "olmo_hybrid": "OlmoHybridConfig",
    "olmoe": "OlmoeConfig",
    "phi3": "Phi3Config",
    "phimoe": "PhimoeConfig",
    "qwen2": "Qwen2Config",
    "qwen2_moe": "Qwen2MoeConfig",
    "qwen3": "Qwen3Config",
    "qwen3_5": "Qwen35Config",
    "qwen3_5_moe": "Qwen35MoeConfig",
    "qwen3_5_moe_text": "Qwen35MoeTextConfig",
    "qwen3_5_text": "Qwen35TextConfig",
    "qwen3_moe": "Qwen3MoeConfig",
    "qwen3_next": "Qwen3NextConfig",
    "qwen4_exp": "Qwen4ExpConfig",
    "qwen4_exp_text": "Qwen4ExpTextConfig",
    "smollm3": "SmolLM3Config",
    "stablelm": "StableLmConfig",
    "starcoder2": "Starcoder2Config",
    "zamba": "ZambaConfig",
    "zamba2": "Zamba2Config",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "Apertus1p5TextForCausalLM": "ApertusConfig",
    "ApertusForCausalLM": "ApertusConfig",
    "ArceeForCausalLM": "ArceeConfig",
    "BailingHybridForCausalLM": "BailingHybridConfig",
    "BambaForCausalLM": "BambaConfig",
    "Cohere2ForCausalLM": "Cohere2Config",
    "Cohere2MoeForCausalLM": "Cohere2MoeConfig",
    "CohereCompassForCausalLM": "CohereCompassTextConfig",
    "CohereForCausalLM": "CohereConfig",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "Exaone4ForCausalLM": "Exaone4Config",
    "ExaoneForCausalLM": "ExaoneConfig",
    "ExaoneMoeForCausalLM": "ExaoneMoeConfig",
    "FalconH1ForCausalLM": "FalconH1Config",
    "FlexOlmoForCausalLM": "FlexOlmoConfig",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GemmaForCausalLM": "GemmaConfig",
    "Glm4ForCausalLM": "Glm4Config",
    "Glm4MoeForCausalLM": "Glm4MoeConfig",
    "GlmForCausalLM": "GlmConfig",
    "GraniteForCausalLM": "GraniteConfig",
    "GraniteMoeForCausalLM": "GraniteConfig",
    "GraniteMoeHybridForCausalLM": "GraniteMoeHybridConfig",
    "GraniteMoeSWAForCausalLM": "GraniteMoeSwaConfig",
    "GraniteMoeSharedForCausalLM": "GraniteConfig",
    "GraniteSWAForCausalLM": "GraniteSwaConfig",
    "HeliumForCausalLM": "HeliumConfig",
    "JambaForCausalLM": "JambaConfig",
    "KimiLinearForCausalLM": "KimiLinearConfig",
    "Lfm2ForCausalLM": "Lfm2Config",
    "Lfm2MoeForCausalLM": "Lfm2MoeConfig",
    "Lfm3ForCausalLM": "Lfm3Config",
    "LlamaForCausalLM": "LlamaConfig",
    "MiniMaxForCausalLM": "MiniMaxConfig",
    "Ministral3ForCausalLM": "Ministral3Config",
    "MinistralForCausalLM": "MinistralConfig",
    "MistralForCausalLM": "MistralConfig",
    "MixtralForCausalLM": "MixtralConfig",
    "NemotronForCausalLM": "NemotronConfig",
    "NemotronHForCausalLM": "NemotronHConfig",
    "Olmo2ForCausalLM": "OlmoConfig",
    "Olmo3ForCausalLM": "Olmo3Config",
    "OlmoForCausalLM": "OlmoConfig",
    "OlmoHybridForCausalLM": "OlmoHybridConfig",
    "OlmoeForCausalLM": "OlmoeConfig",
    "Phi3ForCausalLM": "Phi3Config",
    "PhimoeForCausalLM": "PhimoeConfig",
    "Qwen2ForCausalLM": "Qwen2Config",
    "Qwen2MoeForCausalLM": "Qwen2MoeConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "Qwen3MoeForCausalLM": "Qwen3MoeConfig",
    "Qwen3NextForCausalLM": "Qwen3NextConfig",
    "Qwen3_5ForCausalLM": "Qwen35TextConfig",
    "Qwen3_5ForConditionalGeneration": "Qwen35Config",
    "Qwen3_5MoeForCausalLM": "Qwen35MoeTextConfig",
    "Qwen3_5MoeForConditionalGeneration": "Qwen35MoeConfig",
    "Qwen4ExpForCausalLM": "Qwen4ExpTextConfig",
    "Qwen4ExpForConditionalGeneration": "Qwen4ExpConfig",
    "SmolLM3ForCausalLM": "SmolLM3Config",
    "StableLmForCausalLM": "StableLmConfig",
    "Starcoder2ForCausalLM": "Starcoder2Config",
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
