# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=cb2be04b1dff81b4 content=a7a74f22e55a4450
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
    from generated.biogpt import BiogptConfig
    from generated.bloom import BloomConfig
    from generated.codegen import CodegenConfig
    from generated.cpmant import CpmantConfig
    from generated.ctrl import CtrlConfig
    from generated.dbrx import DbrxConfig
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.falcon import FalconConfig
    from generated.fuyu import FuyuConfig
    from generated.gemma2 import Gemma2Config
    from generated.git import GitConfig
    from generated.got_ocr2 import GotOcr2Config
    from generated.gpt2 import Gpt2Config
    from generated.gpt_bigcode import GptBigcodeConfig
    from generated.gpt_neo import GptNeoConfig
    from generated.gpt_neox import GptNeoxConfig
    from generated.gpt_neox_japanese import GptNeoxJapaneseConfig
    from generated.gptj import GptjConfig
    from generated.llama import LlamaConfig
    from generated.llama4 import Llama4Config
    from generated.llama4_text import Llama4TextConfig
    from generated.mistral import MistralConfig
    from generated.mllama import MllamaConfig
    from generated.modernbert_decoder import ModernbertDecoderConfig
    from generated.moshi import MoshiConfig
    from generated.moss_transcribe_diarize import MossTranscribeDiarizeConfig
    from generated.mpt import MptConfig
    from generated.opt import OptConfig
    from generated.persimmon import PersimmonConfig
    from generated.phi import PhiConfig
    from generated.phi4_multimodal import Phi4MultimodalConfig
    from generated.qwen3 import Qwen3Config
    from generated.xglm import XglmConfig

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "BiogptConfig",
    "BloomConfig",
    "CodegenConfig",
    "CpmantConfig",
    "CtrlConfig",
    "DbrxConfig",
    "DeepseekV3Config",
    "FalconConfig",
    "FuyuConfig",
    "Gemma2Config",
    "GitConfig",
    "GotOcr2Config",
    "Gpt2Config",
    "GptBigcodeConfig",
    "GptNeoConfig",
    "GptNeoxConfig",
    "GptNeoxJapaneseConfig",
    "GptjConfig",
    "Llama4Config",
    "Llama4TextConfig",
    "LlamaConfig",
    "MistralConfig",
    "MllamaConfig",
    "ModernbertDecoderConfig",
    "MoshiConfig",
    "MossTranscribeDiarizeConfig",
    "MptConfig",
    "OptConfig",
    "PersimmonConfig",
    "Phi4MultimodalConfig",
    "PhiConfig",
    "Qwen3Config",
    "UnknownArchitectureError",
    "XglmConfig",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "BiogptConfig": "biogpt",
    "BloomConfig": "bloom",
    "CodegenConfig": "codegen",
    "CpmantConfig": "cpmant",
    "CtrlConfig": "ctrl",
    "DbrxConfig": "dbrx",
    "DeepseekV3Config": "deepseek_v3",
    "FalconConfig": "falcon",
    "FuyuConfig": "fuyu",
    "Gemma2Config": "gemma2",
    "GitConfig": "git",
    "GotOcr2Config": "got_ocr2",
    "Gpt2Config": "gpt2",
    "GptBigcodeConfig": "gpt_bigcode",
    "GptNeoConfig": "gpt_neo",
    "GptNeoxConfig": "gpt_neox",
    "GptNeoxJapaneseConfig": "gpt_neox_japanese",
    "GptjConfig": "gptj",
    "LlamaConfig": "llama",
    "Llama4Config": "llama4",
    "Llama4TextConfig": "llama4_text",
    "MistralConfig": "mistral",
    "MllamaConfig": "mllama",
    "ModernbertDecoderConfig": "modernbert_decoder",
    "MoshiConfig": "moshi",
    "MossTranscribeDiarizeConfig": "moss_transcribe_diarize",
    "MptConfig": "mpt",
    "OptConfig": "opt",
    "PersimmonConfig": "persimmon",
    "PhiConfig": "phi",
    "Phi4MultimodalConfig": "phi4_multimodal",
    "Qwen3Config": "qwen3",
    "XglmConfig": "xglm",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "biogpt": "BiogptConfig",
    "bloom": "BloomConfig",
    "codegen": "CodegenConfig",
    "cpmant": "CpmantConfig",
    "ctrl": "CtrlConfig",
    "dbrx": "DbrxConfig",
    "deepseek_v3": "DeepseekV3Config",
    "falcon": "FalconConfig",
    "fuyu": "FuyuConfig",
    "gemma2": "Gemma2Config",
    "git": "GitConfig",
    "got_ocr2": "GotOcr2Config",
    "gpt-sw3": "Gpt2Config",
    "gpt2": "Gpt2Config",
    "gpt_bigcode": "GptBigcodeConfig",
    "gpt_neo": "GptNeoConfig",
    "gpt_neox": "GptNeoxConfig",
    "gpt_neox_japanese": "GptNeoxJapaneseConfig",
    "gptj": "GptjConfig",
    "llama": "LlamaConfig",
    "llama4": "Llama4Config",
    "llama4_text": "Llama4TextConfig",
    "mistral": "MistralConfig",
    "mllama": "MllamaConfig",
    "modernbert-decoder": "ModernbertDecoderConfig",
    "moshi": "MoshiConfig",
    "moss_transcribe_diarize": "MossTranscribeDiarizeConfig",
    "mpt": "MptConfig",
    "opt": "OptConfig",
    "persimmon": "PersimmonConfig",
    "phi": "PhiConfig",
    "phi4_multimodal": "Phi4MultimodalConfig",
    "qwen3": "Qwen3Config",
    "xglm": "XglmConfig",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "BioGptForCausalLM": "BiogptConfig",
    "BloomForCausalLM": "BloomConfig",
    "CTRLLMHeadModel": "CtrlConfig",
    "CodeGenForCausalLM": "CodegenConfig",
    "CpmAntForCausalLM": "CpmantConfig",
    "DbrxForCausalLM": "DbrxConfig",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "FalconForCausalLM": "FalconConfig",
    "FuyuForCausalLM": "FuyuConfig",
    "GPT2LMHeadModel": "Gpt2Config",
    "GPTBigCodeForCausalLM": "GptBigcodeConfig",
    "GPTJForCausalLM": "GptjConfig",
    "GPTNeoForCausalLM": "GptNeoConfig",
    "GPTNeoXForCausalLM": "GptNeoxConfig",
    "GPTNeoXJapaneseForCausalLM": "GptNeoxJapaneseConfig",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GitForCausalLM": "GitConfig",
    "GotOcr2ForConditionalGeneration": "GotOcr2Config",
    "Llama4ForCausalLM": "Llama4TextConfig",
    "Llama4ForConditionalGeneration": "Llama4Config",
    "LlamaForCausalLM": "LlamaConfig",
    "MistralForCausalLM": "MistralConfig",
    "MllamaForConditionalGeneration": "MllamaConfig",
    "ModernBertDecoderForCausalLM": "ModernbertDecoderConfig",
    "MoshiForCausalLM": "MoshiConfig",
    "MoshiForConditionalGeneration": "MoshiConfig",
    "MossTranscribeDiarizeForConditionalGeneration": "MossTranscribeDiarizeConfig",
    "MptForCausalLM": "MptConfig",
    "OPTForCausalLM": "OptConfig",
    "PersimmonForCausalLM": "PersimmonConfig",
    "Phi4MultimodalForCausalLM": "Phi4MultimodalConfig",
    "PhiForCausalLM": "PhiConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
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
