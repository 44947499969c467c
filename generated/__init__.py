# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=e0f984bfe73fd9c2 content=99ef52ce6c4ffeee
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
    from generated.aria_text import AriaTextConfig
    from generated.axk1 import AXK1Config
    from generated.axk2 import AXK2Config
    from generated.beam import BeamConfig
    from generated.bitnet import BitNetConfig
    from generated.cwm import CwmConfig
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.diffllama import DiffLlamaConfig
    from generated.doge import DogeConfig
    from generated.dory import DoryConfig
    from generated.dots1 import Dots1Config
    from generated.emu3 import Emu3Config
    from generated.ernie4_5 import Ernie45Config
    from generated.ernie4_5_moe import Ernie45MoeConfig
    from generated.flint import FlintConfig
    from generated.gemma2 import Gemma2Config
    from generated.gpt_oss import GptOssConfig
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
    from generated.mistral import MistralConfig
    from generated.nanochat import NanoChatConfig
    from generated.qwen3 import Qwen3Config
    from generated.sarvam_moe import SarvamMoEConfig
    from generated.seed_oss import SeedOssConfig
    from generated.solar_open import SolarOpenConfig
    from generated.vaultgemma import VaultGemmaConfig
    from generated.youtu import YoutuConfig
    from generated.zaya import ZayaConfig

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "AfmoeConfig",
    "AriaTextConfig",
    "AXK1Config",
    "AXK2Config",
    "BeamConfig",
    "BitNetConfig",
    "CwmConfig",
    "DeepseekV3Config",
    "DiffLlamaConfig",
    "DogeConfig",
    "DoryConfig",
    "Dots1Config",
    "Emu3Config",
    "Ernie45Config",
    "Ernie45MoeConfig",
    "FlintConfig",
    "Gemma2Config",
    "GptOssConfig",
    "HrmTextConfig",
    "HunyuanV1Config",
    "HyperClovaxConfig",
    "HYV3Config",
    "HYV4Config",
    "Inkling2LoopTextConfig",
    "Inkling2TextConfig",
    "InklingTextConfig",
    "InternLM3Config",
    "IQuestCoderConfig",
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
    "MistralConfig",
    "NanoChatConfig",
    "Qwen3Config",
    "SarvamMoEConfig",
    "SeedOssConfig",
    "SolarOpenConfig",
    "VaultGemmaConfig",
    "YoutuConfig",
    "ZayaConfig",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

CLASSES: dict[str, str] = {
    "AfmoeConfig": "afmoe",
    "AriaTextConfig": "aria_text",
    "AXK1Config": "axk1",
    "AXK2Config": "axk2",
    "BeamConfig": "beam",
    "BitNetConfig": "bitnet",
    "CwmConfig": "cwm",
    "DeepseekV3Config": "deepseek_v3",
    "DiffLlamaConfig": "diffllama",
    "DogeConfig": "doge",
    "DoryConfig": "dory",
    "Dots1Config": "dots1",
    "Emu3Config": "emu3",
    "Ernie45Config": "ernie4_5",
    "Ernie45MoeConfig": "ernie4_5_moe",
    "FlintConfig": "flint",
    "Gemma2Config": "gemma2",
    "GptOssConfig": "gpt_oss",
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
    "MistralConfig": "mistral",
    "NanoChatConfig": "nanochat",
    "Qwen3Config": "qwen3",
    "SarvamMoEConfig": "sarvam_moe",
    "SeedOssConfig": "seed_oss",
    "SolarOpenConfig": "solar_open",
    "VaultGemmaConfig": "vaultgemma",
    "YoutuConfig": "youtu",
    "ZayaConfig": "zaya",
}
"""Generated class name -> module."""
MODEL_TYPES: dict[str, str] = {
    "afmoe": "AfmoeConfig",
    "aria_text": "AriaTextConfig",
    "axk1": "AXK1Config",
    "axk2": "AXK2Config",
    "beam": "BeamConfig",
    "bitnet": "BitNetConfig",
    "cwm": "CwmConfig",
    "deepseek_v3": "DeepseekV3Config",
    "diffllama": "DiffLlamaConfig",
    "doge": "DogeConfig",
    "dory": "DoryConfig",
    "dots1": "Dots1Config",
    "emu3": "Emu3Config",
    "ernie4_5": "Ernie45Config",
    "ernie4_5_moe": "Ernie45MoeConfig",
    "flint": "FlintConfig",
    "gemma2": "Gemma2Config",
    "gpt_oss": "GptOssConfig",
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
    "mistral": "MistralConfig",
    "nanochat": "NanoChatConfig",
    "qwen3": "Qwen3Config",
    "sarvam_moe": "SarvamMoEConfig",
    "seed_oss": "SeedOssConfig",
    "solar_open": "SolarOpenConfig",
    "vaultgemma": "VaultGemmaConfig",
    "youtu": "YoutuConfig",
    "zaya": "ZayaConfig",
}
"""HF ``model_type`` -> generated class name."""
ARCHITECTURES: dict[str, str] = {
    "AXK1ForCausalLM": "AXK1Config",
    "AXK2ForCausalLM": "AXK2Config",
    "AfmoeForCausalLM": "AfmoeConfig",
    "AriaTextForCausalLM": "AriaTextConfig",
    "BeamForCausalLM": "BeamConfig",
    "BitNetForCausalLM": "BitNetConfig",
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
    "FlintForCausalLM": "FlintConfig",
    "Gemma2ForCausalLM": "Gemma2Config",
    "GptOssForCausalLM": "GptOssConfig",
    "HYV3ForCausalLM": "HYV3Config",
    "HYV4ForCausalLM": "HYV4Config",
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
    "MistralForCausalLM": "MistralConfig",
    "NanoChatForCausalLM": "NanoChatConfig",
    "Qwen3ForCausalLM": "Qwen3Config",
    "SeedOssForCausalLM": "SeedOssConfig",
    "SolarOpenForCausalLM": "SolarOpenConfig",
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
