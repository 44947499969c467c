# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=e4e4c244dfc62d84 content=b2bf6dbac82118f2
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
    from generated.afmoe import AfmoeConfig
    from generated.apertus import ApertusConfig
    from generated.arcee import ArceeConfig
    from generated.aria_text import AriaTextConfig
    from generated.axk1 import AXK1Config
    from generated.axk2 import AXK2Config
    from generated.beam import BeamConfig
    from generated.bitnet import BitNetConfig
    from generated.cohere import CohereConfig
    from generated.cohere2 import Cohere2Config
    from generated.cohere2_moe import Cohere2MoeConfig
    from generated.cohere_compass_text import CohereCompassTextConfig
    from generated.cwm import CwmConfig
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.diffllama import DiffLlamaConfig
    from generated.doge import DogeConfig
    from generated.dory import DoryConfig
    from generated.dots1 import Dots1Config
    from generated.emu3 import Emu3Config
    from generated.ernie4_5 import Ernie45Config
    from generated.ernie4_5_moe import Ernie45MoeConfig
    from generated.exaone import ExaoneConfig
    from generated.exaone4 import Exaone4Config
    from generated.exaone_moe import ExaoneMoeConfig
    from generated.flex_olmo import FlexOlmoConfig
    from generated.flint import FlintConfig
    from generated.gemma import GemmaConfig
    from generated.gemma2 import Gemma2Config
    from generated.glm import GlmConfig
    from generated.glm4 import Glm4Config
    from generated.glm4_moe import Glm4MoeConfig
    from generated.gpt_oss import GptOssConfig
    from generated.granite import GraniteConfig
    from generated.granite_swa import GraniteSwaConfig
    from generated.granitemoe_swa import GraniteMoeSwaConfig
    from generated.helium import HeliumConfig
    from generated.hrm_text import HrmTextConfig
    from generated.hunyuan_v1_dense import HunyuanV1Config
    from generated.hy_v3 import HYV3Config
    from generated.hy_v4 import HYV4Config
    from generated.hyperclovax import HyperClovaxConfig
    from generated.inkling2_loop_text import Inkling2LoopTextConfig
    from generated.inkling2_text import Inkling2TextConfig
    from generated.inkling_text import InklingTextConfig
    from generated.internlm3 import InternLM3Config
    from generated.iquestcoder import IQuestCoderConfig
    from generated.jais2 import Jais2Config
    from generated.jetmoe import JetMoeConfig
    from generated.kolibri1 import Kolibri1Config
    from generated.laguna import LagunaConfig
    from generated.lara_mini import LaraMiniConfig
    from generated.llama import LlamaConfig
    from generated.longcat_flash import LongcatFlashConfig
    from generated.mellum import MellumConfig
    from generated.mimo_v2_flash import MiMoV2FlashConfig
    from generated.minimax_m2 import MiniMaxM2Config
    from generated.minimax_m3_vl_text import MiniMaxM3VLTextConfig
    from generated.ministral import MinistralConfig
    from generated.ministral3 import Ministral3Config
    from generated.mistral import MistralConfig
    from generated.mixtral import MixtralConfig
    from generated.nanochat import NanoChatConfig
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
    from generated.sarvam_moe import SarvamMoEConfig
    from generated.seed_oss import SeedOssConfig
    from generated.smollm3 import SmolLM3Config
    from generated.solar_open import SolarOpenConfig
    from generated.stablelm import StableLmConfig
    from generated.starcoder2 import Starcoder2Config
    from generated.vaultgemma import VaultGemmaConfig
    from generated.youtu import YoutuConfig
    from generated.zaya import ZayaConfig

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "AXK1Config",
    "AXK2Config",
    "AfmoeConfig",
    "ApertusConfig",
    "ArceeConfig",
    "AriaTextConfig",
    "BeamConfig",
    "BitNetConfig",
    "Cohere2Config",
    "Cohere2MoeConfig",
    "CohereCompassTextConfig",
    "CohereConfig",
    "CwmConfig",
    "DeepseekV3Config",
    "DiffLlamaConfig",
    "DogeConfig",
    "DoryConfig",
    "Dots1Config",
    "Emu3Config",
    "Ernie45Config",
    "Ernie45MoeConfig",
    "Exaone4Config",
    "ExaoneConfig",
    "ExaoneMoeConfig",
    "FlexOlmoConfig",
    "FlintConfig",
    "Gemma2Config",
    "GemmaConfig",
    "Glm4Config",
    "Glm4MoeConfig",
    "GlmConfig",
    "GptOssConfig",
    "GraniteConfig",
    "GraniteMoeSwaConfig",
    "GraniteSwaConfig",
    "HYV3Config",
    "HYV4Config",
    "HeliumConfig",
    "HrmTextConfig",
    "HunyuanV1Config",
    "HyperClovaxConfig",
    "IQuestCoderConfig",
    "Inkling2LoopTextConfig",
    "Inkling2TextConfig",
    "InklingTextConfig",
    "InternLM3Config",
    "Jais2Config",
    "JetMoeConfig",
    "Kolibri1Config",
    "LagunaConfig",
    "LaraMiniConfig",
    "LlamaConfig",
    "LongcatFlashConfig",
    "MellumConfig",
    "MiMoV2FlashConfig",
    "MiniMaxM2Config",
    "MiniMaxM3VLTextConfig",
    "Ministral3Config",
    "MinistralConfig",
    "MistralConfig",
    "MixtralConfig",
    "NanoChatConfig",
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
    "SarvamMoEConfig",
    "SeedOssConfig",
    "SmolLM3Config",
    "SolarOpenConfig",
    "StableLmConfig",
    "Starcoder2Config",
    "UnknownArchitectureError",
    "VaultGemmaConfig",
    "YoutuConfig",
    "ZayaConfig",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "AfmoeConfig": "afmoe",
    "ApertusConfig": "apertus",
    "ArceeConfig": "arcee",
    "AriaTextConfig": "aria_text",
    "AXK1Config": "axk1",
    "AXK2Config": "axk2",
    "BeamConfig": "beam",
    "BitNetConfig": "bitnet",
    "CohereConfig": "cohere",
    "Cohere2Config": "cohere2",
    "Cohere2MoeConfig": "cohere2_moe",
    "CohereCompassTextConfig": "cohere_compass_text",
    "CwmConfig": "cwm",
    "DeepseekV3Config": "deepseek_v3",
    "DiffLlamaConfig": "diffllama",
    "DogeConfig": "doge",
    "DoryConfig": "dory",
    "Dots1Config": "dots1",
    "Emu3Config": "emu3",
    "Ernie45Config": "ernie4_5",
    "Ernie45MoeConfig": "ernie4_5_moe",
    "ExaoneConfig": "exaone",
    "Exaone4Config": "exaone4",
    "ExaoneMoeConfig": "exaone_moe",
    "FlexOlmoConfig": "flex_olmo",
    "FlintConfig": "flint",
    "GemmaConfig": "gemma",
    "Gemma2Config": "gemma2",
    "GlmConfig": "glm",
    "Glm4Config": "glm4",
    "Glm4MoeConfig": "glm4_moe",
    "GptOssConfig": "gpt_oss",
    "GraniteConfig": "granite",
    "GraniteSwaConfig": "granite_swa",
    "GraniteMoeSwaConfig": "granitemoe_swa",
    "HeliumConfig": "helium",
    "HrmTextConfig": "hrm_text",
    "HunyuanV1Config": "hunyuan_v1_dense",
    "HYV3Config": "hy_v3",
    "HYV4Config": "hy_v4",
    "HyperClovaxConfig": "hyperclovax",
    "Inkling2LoopTextConfig": "inkling2_loop_text",
    "Inkling2TextConfig": "inkling2_text",
    "InklingTextConfig": "inkling_text",
    "InternLM3Config": "internlm3",
    "IQuestCoderConfig": "iquestcoder",
    "Jais2Config": "jais2",
    "JetMoeConfig": "jetmoe",
    "Kolibri1Config": "kolibri1",
    "LagunaConfig": "laguna",
    "LaraMiniConfig": "lara_mini",
    "LlamaConfig": "llama",
    "LongcatFlashConfig": "longcat_flash",
    "MellumConfig": "mellum",
    "MiMoV2FlashConfig": "mimo_v2_flash",
    "MiniMaxM2Config": "minimax_m2",
    "MiniMaxM3VLTextConfig": "minimax_m3_vl_text",
    "MinistralConfig": "ministral",
    "Ministral3Config": "ministral3",
    "MistralConfig": "mistral",
    "MixtralConfig": "mixtral",
    "NanoChatConfig": "nanochat",
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
    "SarvamMoEConfig": "sarvam_moe",
    "SeedOssConfig": "seed_oss",
    "SmolLM3Config": "smollm3",
    "SolarOpenConfig": "solar_open",
    "StableLmConfig": "stablelm",
    "Starcoder2Config": "starcoder2",
    "VaultGemmaConfig": "vaultgemma",
    "YoutuConfig": "youtu",
    "ZayaConfig": "zaya",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "afmoe": "AfmoeConfig",
    "apertus": "ApertusConfig",
    "apertus1p5_text": "ApertusConfig",
    "arcee": "ArceeConfig",
    "aria_text": "AriaTextConfig",
    "axk1": "AXK1Config",
    "axk2": "AXK2Config",
    "beam": "BeamConfig",
    "bitnet": "BitNetConfig",
    "cohere": "CohereConfig",
    "cohere2": "Cohere2Config",
    "cohere2_moe": "Cohere2MoeConfig",
    "cohere_compass_text": "CohereCompassTextConfig",
    "cwm": "CwmConfig",
    "deepseek_v3": "DeepseekV3Config",
    "diffllama": "DiffLlamaConfig",
    "doge": "DogeConfig",
    "dory": "DoryConfig",
    "dots1": "Dots1Config",
    "emu3": "Emu3Config",
    "ernie4_5": "Ernie45Config",
    "ernie4_5_moe": "Ernie45MoeConfig",
    "exaone": "ExaoneConfig",
    "exaone4": "Exaone4Config",
    "exaone_moe": "ExaoneMoeConfig",
    "flex_olmo": "FlexOlmoConfig",
    "flint": "FlintConfig",
    "gemma": "GemmaConfig",
    "gemma2": "Gemma2Config",
    "glm": "GlmConfig",
    "glm4": "Glm4Config",
    "glm4_moe": "Glm4MoeConfig",
    "gpt_oss": "GptOssConfig",
    "granite": "GraniteConfig",
    "granite_swa": "GraniteSwaConfig",
    "granitemoe": "GraniteConfig",
    "granitemoe_swa": "GraniteMoeSwaConfig",
    "granitemoeshared": "GraniteConfig",
    "helium": "HeliumConfig",
    "hrm_text": "HrmTextConfig",
    "hunyuan_v1_dense": "HunyuanV1Config",
    "hunyuan_v1_moe": "HunyuanV1Config",
    "hy_v3": "HYV3Config",
    "hy_v4": "HYV4Config",
    "hyperclovax": "HyperClovaxConfig",
    "inkling2_loop_text": "Inkling2LoopTextConfig",
    "inkling2_text": "Inkling2TextConfig",
    "inkling_text": "InklingTextConfig",
    "internlm3": "InternLM3Config",
    "iquestcoder": "IQuestCoderConfig",
    "jais2": "Jais2Config",
    "jetmoe": "JetMoeConfig",
    "kolibri1": "Kolibri1Config",
    "laguna": "LagunaConfig",
    "lara_mini": "LaraMiniConfig",
    "llama": "LlamaConfig",
    "longcat_flash": "LongcatFlashConfig",
    "mellum": "MellumConfig",
    "mimo_v2_flash": "MiMoV2FlashConfig",
    "minimax_m2": "MiniMaxM2Config",
    "minimax_m3_vl_text": "MiniMaxM3VLTextConfig",
    "ministral": "MinistralConfig",
    "ministral3": "Ministral3Config",
    "mistral": "MistralConfig",
    "mixtral": "MixtralConfig",
    "nanochat": "NanoChatConfig",
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
    "sarvam_moe": "SarvamMoEConfig",
    "seed_oss": "SeedOssConfig",
    "smollm3": "SmolLM3Config",
    "solar_open": "SolarOpenConfig",
    "stablelm": "StableLmConfig",
    "starcoder2": "Starcoder2Config",
    "vaultgemma": "VaultGemmaConfig",
    "youtu": "YoutuConfig",
    "zaya": "ZayaConfig",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "AXK1ForCausalLM": "AXK1Config",
    "AXK2ForCausalLM": "AXK2Config",
    "AfmoeForCausalLM": "AfmoeConfig",
    "Apertus1p5TextForCausalLM": "ApertusConfig",
    "ApertusForCausalLM": "ApertusConfig",
    "ArceeForCausalLM": "ArceeConfig",
    "AriaTextForCausalLM": "AriaTextConfig",
    "BeamForCausalLM": "BeamConfig",
    "BitNetForCausalLM": "BitNetConfig",
    "Cohere2ForCausalLM": "Cohere2Config",
    "Cohere2MoeForCausalLM": "Cohere2MoeConfig",
    "CohereCompassForCausalLM": "CohereCompassTextConfig",
    "CohereForCausalLM": "CohereConfig",
    "CwmForCausalLM": "CwmConfig",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "DiffLlamaForCausalLM": "DiffLlamaConfig",
    "DogeForCausalLM": "DogeConfig",
    "DoryForCausalLM": "DoryConfig",
    "Dots1ForCausalLM": "Dots1Config",
    "Emu3ForCausalLM": "Emu3Config",
    "Emu3ForConditionalGeneration": "Emu3Config",
    "Ernie4_5ForCausalLM": "Ernie45Config",
    "Ernie4_5_MoeForCausalLM": "Ernie45MoeConfig",
    "Exaone4ForCausalLM": "Exaone4Config",
    "ExaoneForCausalLM": "ExaoneConfig",
    "ExaoneMoeForCausalLM": "ExaoneMoeConfig",
    "FlexOlmoForCausalLM": "FlexOlmoConfig",
    "FlintForCausalLM": "FlintConfig",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GemmaForCausalLM": "GemmaConfig",
    "Glm4ForCausalLM": "Glm4Config",
    "Glm4MoeForCausalLM": "Glm4MoeConfig",
    "GlmForCausalLM": "GlmConfig",
    "GptOssForCausalLM": "GptOssConfig",
    "GraniteForCausalLM": "GraniteConfig",
    "GraniteMoeForCausalLM": "GraniteConfig",
    "GraniteMoeSWAForCausalLM": "GraniteMoeSwaConfig",
    "GraniteMoeSharedForCausalLM": "GraniteConfig",
    "GraniteSWAForCausalLM": "GraniteSwaConfig",
    "HYV3ForCausalLM": "HYV3Config",
    "HYV4ForCausalLM": "HYV4Config",
    "HeliumForCausalLM": "HeliumConfig",
    "HrmTextForCausalLM": "HrmTextConfig",
    "HunYuanDenseV1ForCausalLM": "HunyuanV1Config",
    "HunYuanMoEV1ForCausalLM": "HunyuanV1Config",
    "HyperCLOVAXForCausalLM": "HyperClovaxConfig",
    "Inkling2ForCausalLM": "Inkling2TextConfig",
    "Inkling2LoopForCausalLM": "Inkling2LoopTextConfig",
    "InklingForCausalLM": "InklingTextConfig",
    "InternLM3ForCausalLM": "InternLM3Config",
    "Jais2ForCausalLM": "Jais2Config",
    "JetMoeForCausalLM": "JetMoeConfig",
    "Kolibri1ForCausalLM": "Kolibri1Config",
    "LagunaForCausalLM": "LagunaConfig",
    "LaraMiniForCausalLM": "LaraMiniConfig",
    "LlamaForCausalLM": "LlamaConfig",
    "LongcatFlashForCausalLM": "LongcatFlashConfig",
    "MellumForCausalLM": "MellumConfig",
    "MiMoV2FlashForCausalLM": "MiMoV2FlashConfig",
    "MiniMaxM2ForCausalLM": "MiniMaxM2Config",
    "MiniMaxM3VLForCausalLM": "MiniMaxM3VLTextConfig",
    "Ministral3ForCausalLM": "Ministral3Config",
    "MinistralForCausalLM": "MinistralConfig",
    "MistralForCausalLM": "MistralConfig",
    "MixtralForCausalLM": "MixtralConfig",
    "NanoChatForCausalLM": "NanoChatConfig",
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
    "SeedOssForCausalLM": "SeedOssConfig",
    "SmolLM3ForCausalLM": "SmolLM3Config",
    "SolarOpenForCausalLM": "SolarOpenConfig",
    "StableLmForCausalLM": "StableLmConfig",
    "Starcoder2ForCausalLM": "Starcoder2Config",
    "VaultGemmaForCausalLM": "VaultGemmaConfig",
    "YoutuForCausalLM": "YoutuConfig",
    "ZayaForCausalLM": "ZayaConfig",
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
