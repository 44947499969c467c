# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=fa997b8e865446a8 content=45defe5762993afa
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
    from generated.biogpt import BiogptConfig
    from generated.bloom import BloomConfig
    from generated.codegen import CodegenConfig
    from generated.cohere import CohereConfig
    from generated.cohere2 import Cohere2Config
    from generated.cohere2_moe import Cohere2MoeConfig
    from generated.cohere_compass_text import CohereCompassTextConfig
    from generated.cpmant import CpmantConfig
    from generated.ctrl import CtrlConfig
    from generated.dbrx import DbrxConfig
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.exaone import ExaoneConfig
    from generated.exaone4 import Exaone4Config
    from generated.exaone_moe import ExaoneMoeConfig
    from generated.falcon import FalconConfig
    from generated.flex_olmo import FlexOlmoConfig
    from generated.fuyu import FuyuConfig
    from generated.gemma import GemmaConfig
    from generated.gemma2 import Gemma2Config
    from generated.git import GitConfig
    from generated.glm import GlmConfig
    from generated.glm4 import Glm4Config
    from generated.glm4_moe import Glm4MoeConfig
    from generated.got_ocr2 import GotOcr2Config
    from generated.gpt2 import Gpt2Config
    from generated.gpt_bigcode import GptBigcodeConfig
    from generated.gpt_neo import GptNeoConfig
    from generated.gpt_neox import GptNeoxConfig
    from generated.gpt_neox_japanese import GptNeoxJapaneseConfig
    from generated.gptj import GptjConfig
    from generated.granite import GraniteConfig
    from generated.granite_swa import GraniteSwaConfig
    from generated.granitemoe_swa import GraniteMoeSwaConfig
    from generated.helium import HeliumConfig
    from generated.llama import LlamaConfig
    from generated.llama4 import Llama4Config
    from generated.llama4_text import Llama4TextConfig
    from generated.ministral import MinistralConfig
    from generated.ministral3 import Ministral3Config
    from generated.mistral import MistralConfig
    from generated.mixtral import MixtralConfig
    from generated.mllama import MllamaConfig
    from generated.modernbert_decoder import ModernbertDecoderConfig
    from generated.moshi import MoshiConfig
    from generated.moss_transcribe_diarize import MossTranscribeDiarizeConfig
    from generated.mpt import MptConfig
    from generated.nemotron import NemotronConfig
    from generated.olmo import OlmoConfig
    from generated.olmo3 import Olmo3Config
    from generated.olmoe import OlmoeConfig
    from generated.opt import OptConfig
    from generated.persimmon import PersimmonConfig
    from generated.phi import PhiConfig
    from generated.phi3 import Phi3Config
    from generated.phi4_multimodal import Phi4MultimodalConfig
    from generated.phimoe import PhimoeConfig
    from generated.qwen2 import Qwen2Config
    from generated.qwen2_moe import Qwen2MoeConfig
    from generated.qwen3 import Qwen3Config
    from generated.qwen3_moe import Qwen3MoeConfig
    from generated.qwen4_exp import Qwen4ExpConfig
    from generated.qwen4_exp_text import Qwen4ExpTextConfig
    from generated.smollm3 import SmolLM3Config
    from generated.stablelm import StableLmConfig
    from generated.starcoder2 import Starcoder2Config
    from generated.xglm import XglmConfig

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "ApertusConfig",
    "ArceeConfig",
    "BiogptConfig",
    "BloomConfig",
    "CodegenConfig",
    "Cohere2Config",
    "Cohere2MoeConfig",
    "CohereCompassTextConfig",
    "CohereConfig",
    "CpmantConfig",
    "CtrlConfig",
    "DbrxConfig",
    "DeepseekV3Config",
    "Exaone4Config",
    "ExaoneConfig",
    "ExaoneMoeConfig",
    "FalconConfig",
    "FlexOlmoConfig",
    "FuyuConfig",
    "Gemma2Config",
    "GemmaConfig",
    "GitConfig",
    "Glm4Config",
    "Glm4MoeConfig",
    "GlmConfig",
    "GotOcr2Config",
    "Gpt2Config",
    "GptBigcodeConfig",
    "GptNeoConfig",
    "GptNeoxConfig",
    "GptNeoxJapaneseConfig",
    "GptjConfig",
    "GraniteConfig",
    "GraniteMoeSwaConfig",
    "GraniteSwaConfig",
    "HeliumConfig",
    "Llama4Config",
    "Llama4TextConfig",
    "LlamaConfig",
    "Ministral3Config",
    "MinistralConfig",
    "MistralConfig",
    "MixtralConfig",
    "MllamaConfig",
    "ModernbertDecoderConfig",
    "MoshiConfig",
    "MossTranscribeDiarizeConfig",
    "MptConfig",
    "NemotronConfig",
    "Olmo3Config",
    "OlmoConfig",
    "OlmoeConfig",
    "OptConfig",
    "PersimmonConfig",
    "Phi3Config",
    "Phi4MultimodalConfig",
    "PhiConfig",
    "PhimoeConfig",
    "Qwen2Config",
    "Qwen2MoeConfig",
    "Qwen3Config",
    "Qwen3MoeConfig",
    "Qwen4ExpConfig",
    "Qwen4ExpTextConfig",
    "SmolLM3Config",
    "StableLmConfig",
    "Starcoder2Config",
    "UnknownArchitectureError",
    "XglmConfig",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "ApertusConfig": "apertus",
    "ArceeConfig": "arcee",
    "BiogptConfig": "biogpt",
    "BloomConfig": "bloom",
    "CodegenConfig": "codegen",
    "CohereConfig": "cohere",
    "Cohere2Config": "cohere2",
    "Cohere2MoeConfig": "cohere2_moe",
    "CohereCompassTextConfig": "cohere_compass_text",
    "CpmantConfig": "cpmant",
    "CtrlConfig": "ctrl",
    "DbrxConfig": "dbrx",
    "DeepseekV3Config": "deepseek_v3",
    "ExaoneConfig": "exaone",
    "Exaone4Config": "exaone4",
    "ExaoneMoeConfig": "exaone_moe",
    "FalconConfig": "falcon",
    "FlexOlmoConfig": "flex_olmo",
    "FuyuConfig": "fuyu",
    "GemmaConfig": "gemma",
    "Gemma2Config": "gemma2",
    "GitConfig": "git",
    "GlmConfig": "glm",
    "Glm4Config": "glm4",
    "Glm4MoeConfig": "glm4_moe",
    "GotOcr2Config": "got_ocr2",
    "Gpt2Config": "gpt2",
    "GptBigcodeConfig": "gpt_bigcode",
    "GptNeoConfig": "gpt_neo",
    "GptNeoxConfig": "gpt_neox",
    "GptNeoxJapaneseConfig": "gpt_neox_japanese",
    "GptjConfig": "gptj",
    "GraniteConfig": "granite",
    "GraniteSwaConfig": "granite_swa",
    "GraniteMoeSwaConfig": "granitemoe_swa",
    "HeliumConfig": "helium",
    "LlamaConfig": "llama",
    "Llama4Config": "llama4",
    "Llama4TextConfig": "llama4_text",
    "MinistralConfig": "ministral",
    "Ministral3Config": "ministral3",
    "MistralConfig": "mistral",
    "MixtralConfig": "mixtral",
    "MllamaConfig": "mllama",
    "ModernbertDecoderConfig": "modernbert_decoder",
    "MoshiConfig": "moshi",
    "MossTranscribeDiarizeConfig": "moss_transcribe_diarize",
    "MptConfig": "mpt",
    "NemotronConfig": "nemotron",
    "OlmoConfig": "olmo",
    "Olmo3Config": "olmo3",
    "OlmoeConfig": "olmoe",
    "OptConfig": "opt",
    "PersimmonConfig": "persimmon",
    "PhiConfig": "phi",
    "Phi3Config": "phi3",
    "Phi4MultimodalConfig": "phi4_multimodal",
    "PhimoeConfig": "phimoe",
    "Qwen2Config": "qwen2",
    "Qwen2MoeConfig": "qwen2_moe",
    "Qwen3Config": "qwen3",
    "Qwen3MoeConfig": "qwen3_moe",
    "Qwen4ExpConfig": "qwen4_exp",
    "Qwen4ExpTextConfig": "qwen4_exp_text",
    "SmolLM3Config": "smollm3",
    "StableLmConfig": "stablelm",
    "Starcoder2Config": "starcoder2",
    "XglmConfig": "xglm",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "apertus": "ApertusConfig",
    "apertus1p5_text": "ApertusConfig",
    "arcee": "ArceeConfig",
    "biogpt": "BiogptConfig",
    "bloom": "BloomConfig",
    "codegen": "CodegenConfig",
    "cohere": "CohereConfig",
    "cohere2": "Cohere2Config",
    "cohere2_moe": "Cohere2MoeConfig",
    "cohere_compass_text": "CohereCompassTextConfig",
    "cpmant": "CpmantConfig",
    "ctrl": "CtrlConfig",
    "dbrx": "DbrxConfig",
    "deepseek_v3": "DeepseekV3Config",
    "exaone": "ExaoneConfig",
    "exaone4": "Exaone4Config",
    "exaone_moe": "ExaoneMoeConfig",
    "falcon": "FalconConfig",
    "flex_olmo": "FlexOlmoConfig",
    "fuyu": "FuyuConfig",
    "gemma": "GemmaConfig",
    "gemma2": "Gemma2Config",
    "git": "GitConfig",
    "glm": "GlmConfig",
    "glm4": "Glm4Config",
    "glm4_moe": "Glm4MoeConfig",
    "got_ocr2": "GotOcr2Config",
    "gpt-sw3": "Gpt2Config",
    "gpt2": "Gpt2Config",
    "gpt_bigcode": "GptBigcodeConfig",
    "gpt_neo": "GptNeoConfig",
    "gpt_neox": "GptNeoxConfig",
    "gpt_neox_japanese": "GptNeoxJapaneseConfig",
    "gptj": "GptjConfig",
    "granite": "GraniteConfig",
    "granite_swa": "GraniteSwaConfig",
    "granitemoe": "GraniteConfig",
    "granitemoe_swa": "GraniteMoeSwaConfig",
    "granitemoeshared": "GraniteConfig",
    "helium": "HeliumConfig",
    "llama": "LlamaConfig",
    "llama4": "Llama4Config",
    "llama4_text": "Llama4TextConfig",
    "ministral": "MinistralConfig",
    "ministral3": "Ministral3Config",
    "mistral": "MistralConfig",
    "mixtral": "MixtralConfig",
    "mllama": "MllamaConfig",
    "modernbert-decoder": "ModernbertDecoderConfig",
    "moshi": "MoshiConfig",
    "moss_transcribe_diarize": "MossTranscribeDiarizeConfig",
    "mpt": "MptConfig",
    "nemotron": "NemotronConfig",
    "olmo": "OlmoConfig",
    "olmo2": "OlmoConfig",
    "olmo3": "Olmo3Config",
    "olmoe": "OlmoeConfig",
    "opt": "OptConfig",
    "persimmon": "PersimmonConfig",
    "phi": "PhiConfig",
    "phi3": "Phi3Config",
    "phi4_multimodal": "Phi4MultimodalConfig",
    "phimoe": "PhimoeConfig",
    "qwen2": "Qwen2Config",
    "qwen2_moe": "Qwen2MoeConfig",
    "qwen3": "Qwen3Config",
    "qwen3_moe": "Qwen3MoeConfig",
    "qwen4_exp": "Qwen4ExpConfig",
    "qwen4_exp_text": "Qwen4ExpTextConfig",
    "smollm3": "SmolLM3Config",
    "stablelm": "StableLmConfig",
    "starcoder2": "Starcoder2Config",
    "xglm": "XglmConfig",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "Apertus1p5TextForCausalLM": "ApertusConfig",
    "ApertusForCausalLM": "ApertusConfig",
    "ArceeForCausalLM": "ArceeConfig",
    "BioGptForCausalLM": "BiogptConfig",
    "BloomForCausalLM": "BloomConfig",
    "CTRLLMHeadModel": "CtrlConfig",
    "CodeGenForCausalLM": "CodegenConfig",
    "Cohere2ForCausalLM": "Cohere2Config",
    "Cohere2MoeForCausalLM": "Cohere2MoeConfig",
    "CohereCompassForCausalLM": "CohereCompassTextConfig",
    "CohereForCausalLM": "CohereConfig",
    "CpmAntForCausalLM": "CpmantConfig",
    "DbrxForCausalLM": "DbrxConfig",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "Exaone4ForCausalLM": "Exaone4Config",
    "ExaoneForCausalLM": "ExaoneConfig",
    "ExaoneMoeForCausalLM": "ExaoneMoeConfig",
    "FalconForCausalLM": "FalconConfig",
    "FlexOlmoForCausalLM": "FlexOlmoConfig",
    "FuyuForCausalLM": "FuyuConfig",
    "GPT2LMHeadModel": "Gpt2Config",
    "GPTBigCodeForCausalLM": "GptBigcodeConfig",
    "GPTJForCausalLM": "GptjConfig",
    "GPTNeoForCausalLM": "GptNeoConfig",
    "GPTNeoXForCausalLM": "GptNeoxConfig",
    "GPTNeoXJapaneseForCausalLM": "GptNeoxJapaneseConfig",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GemmaForCausalLM": "GemmaConfig",
    "GitForCausalLM": "GitConfig",
    "Glm4ForCausalLM": "Glm4Config",
    "Glm4MoeForCausalLM": "Glm4MoeConfig",
    "GlmForCausalLM": "GlmConfig",
    "GotOcr2ForConditionalGeneration": "GotOcr2Config",
    "GraniteForCausalLM": "GraniteConfig",
    "GraniteMoeForCausalLM": "GraniteConfig",
    "GraniteMoeSWAForCausalLM": "GraniteMoeSwaConfig",
    "GraniteMoeSharedForCausalLM": "GraniteConfig",
    "GraniteSWAForCausalLM": "GraniteSwaConfig",
    "HeliumForCausalLM": "HeliumConfig",
    "Llama4ForCausalLM": "Llama4TextConfig",
    "Llama4ForConditionalGeneration": "Llama4Config",
    "LlamaForCausalLM": "LlamaConfig",
    "Ministral3ForCausalLM": "Ministral3Config",
    "MinistralForCausalLM": "MinistralConfig",
    "MistralForCausalLM": "MistralConfig",
    "MixtralForCausalLM": "MixtralConfig",
    "MllamaForConditionalGeneration": "MllamaConfig",
    "ModernBertDecoderForCausalLM": "ModernbertDecoderConfig",
    "MoshiForCausalLM": "MoshiConfig",
    "MoshiForConditionalGeneration": "MoshiConfig",
    "MossTranscribeDiarizeForConditionalGeneration": "MossTranscribeDiarizeConfig",
    "MptForCausalLM": "MptConfig",
    "NemotronForCausalLM": "NemotronConfig",
    "OPTForCausalLM": "OptConfig",
    "Olmo2ForCausalLM": "OlmoConfig",
    "Olmo3ForCausalLM": "Olmo3Config",
    "OlmoForCausalLM": "OlmoConfig",
    "OlmoeForCausalLM": "OlmoeConfig",
    "PersimmonForCausalLM": "PersimmonConfig",
    "Phi3ForCausalLM": "Phi3Config",
    "Phi4MultimodalForCausalLM": "Phi4MultimodalConfig",
    "PhiForCausalLM": "PhiConfig",
    "PhimoeForCausalLM": "PhimoeConfig",
    "Qwen2ForCausalLM": "Qwen2Config",
    "Qwen2MoeForCausalLM": "Qwen2MoeConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "Qwen3MoeForCausalLM": "Qwen3MoeConfig",
    "Qwen4ExpForCausalLM": "Qwen4ExpTextConfig",
    "Qwen4ExpForConditionalGeneration": "Qwen4ExpConfig",
    "SmolLM3ForCausalLM": "SmolLM3Config",
    "StableLmForCausalLM": "StableLmConfig",
    "Starcoder2ForCausalLM": "Starcoder2Config",
    "XGLMForCausalLM": "XglmConfig",
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
