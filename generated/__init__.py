# generated from schemas/*.yaml — do not edit; run `make generate`.
# kvarch-digest: render=c05db6e76d88a013 content=81c6190965c9ca6c
"""Compiler output: one config class per schema, and the registry that picks one."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kvarch.device import DeviceRef
from kvarch.dtype import DType
from kvarch.kv_cache import KVCacheConfig
from kvarch.schema_runtime import (
    SchemaArchConfig,
    UnknownArchitectureError,
    closest,
    config_mapping,
)

if TYPE_CHECKING:
    from generated.afmoe import AfmoeConfig
    from generated.apertus import ApertusConfig
    from generated.arcee import ArceeConfig
    from generated.aria_text import AriaTextConfig
    from generated.axk1 import AXK1Config
    from generated.axk2 import AXK2Config
    from generated.bailing_hybrid import BailingHybridConfig
    from generated.bamba import BambaConfig
    from generated.beam import BeamConfig
    from generated.biogpt import BiogptConfig
    from generated.bitnet import BitNetConfig
    from generated.bloom import BloomConfig
    from generated.codegen import CodegenConfig
    from generated.cohere import CohereConfig
    from generated.cohere2 import Cohere2Config
    from generated.cohere2_moe import Cohere2MoeConfig
    from generated.cohere_compass_text import CohereCompassTextConfig
    from generated.cpmant import CpmantConfig
    from generated.ctrl import CtrlConfig
    from generated.cwm import CwmConfig
    from generated.dbrx import DbrxConfig
    from generated.deepseek_v2 import DeepseekV2Config
    from generated.deepseek_v3 import DeepseekV3Config
    from generated.deepseek_v32 import DeepseekV32Config
    from generated.diffllama import DiffLlamaConfig
    from generated.doge import DogeConfig
    from generated.dory import DoryConfig
    from generated.dots1 import Dots1Config
    from generated.emu3 import Emu3Config
    from generated.emu3_text_model import Emu3TextModelConfig
    from generated.ernie4_5 import Ernie45Config
    from generated.ernie4_5_moe import Ernie45MoeConfig
    from generated.exaone import ExaoneConfig
    from generated.exaone4 import Exaone4Config
    from generated.exaone_moe import ExaoneMoeConfig
    from generated.falcon import FalconConfig
    from generated.falcon_h1 import FalconH1Config
    from generated.flex_olmo import FlexOlmoConfig
    from generated.flint import FlintConfig
    from generated.fuyu import FuyuConfig
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
    from generated.git import GitConfig
    from generated.glm import GlmConfig
    from generated.glm4 import Glm4Config
    from generated.glm4_moe import Glm4MoeConfig
    from generated.glm4_moe_lite import Glm4MoeLiteConfig
    from generated.glm_moe_dsa import GlmMoeDsaConfig
    from generated.got_ocr2 import GotOcr2Config
    from generated.gpt2 import Gpt2Config
    from generated.gpt_bigcode import GptBigcodeConfig
    from generated.gpt_neo import GptNeoConfig
    from generated.gpt_neox import GptNeoxConfig
    from generated.gpt_neox_japanese import GptNeoxJapaneseConfig
    from generated.gpt_oss import GptOssConfig
    from generated.gptj import GptjConfig
    from generated.granite import GraniteConfig
    from generated.granite_swa import GraniteSwaConfig
    from generated.granitemoe_swa import GraniteMoeSwaConfig
    from generated.granitemoehybrid import GraniteMoeHybridConfig
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
    from generated.jamba import JambaConfig
    from generated.jetmoe import JetMoeConfig
    from generated.kimi_linear import KimiLinearConfig
    from generated.kolibri1 import Kolibri1Config
    from generated.laguna import LagunaConfig
    from generated.lara_mini import LaraMiniConfig
    from generated.lfm2 import Lfm2Config
    from generated.lfm2_moe import Lfm2MoeConfig
    from generated.lfm3 import Lfm3Config
    from generated.llama import LlamaConfig
    from generated.llama4 import Llama4Config
    from generated.llama4_text import Llama4TextConfig
    from generated.longcat_flash import LongcatFlashConfig
    from generated.mellum import MellumConfig
    from generated.mimo_v2_flash import MiMoV2FlashConfig
    from generated.minicpm3 import MiniCPM3Config
    from generated.minimax import MiniMaxConfig
    from generated.minimax_m2 import MiniMaxM2Config
    from generated.minimax_m3_vl_text import MiniMaxM3VLTextConfig
    from generated.ministral import MinistralConfig
    from generated.ministral3 import Ministral3Config
    from generated.mistral import MistralConfig
    from generated.mixtral import MixtralConfig
    from generated.mllama import MllamaConfig
    from generated.mllama_text_model import MllamaTextModelConfig
    from generated.modernbert_decoder import ModernbertDecoderConfig
    from generated.moshi import MoshiConfig
    from generated.moss_transcribe_diarize import MossTranscribeDiarizeConfig
    from generated.mpt import MptConfig
    from generated.nanochat import NanoChatConfig
    from generated.nemotron import NemotronConfig
    from generated.nemotron_h import NemotronHConfig
    from generated.olmo import OlmoConfig
    from generated.olmo3 import Olmo3Config
    from generated.olmo_hybrid import OlmoHybridConfig
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
    from generated.qwen3_5 import Qwen35Config
    from generated.qwen3_5_moe import Qwen35MoeConfig
    from generated.qwen3_5_moe_text import Qwen35MoeTextConfig
    from generated.qwen3_5_text import Qwen35TextConfig
    from generated.qwen3_moe import Qwen3MoeConfig
    from generated.qwen3_next import Qwen3NextConfig
    from generated.qwen4_exp import Qwen4ExpConfig
    from generated.qwen4_exp_text import Qwen4ExpTextConfig
    from generated.recurrent_gemma import RecurrentGemmaConfig
    from generated.sarvam_mla import SarvamMLAConfig
    from generated.sarvam_moe import SarvamMoEConfig
    from generated.seed_oss import SeedOssConfig
    from generated.smollm3 import SmolLM3Config
    from generated.solar_open import SolarOpenConfig
    from generated.stablelm import StableLmConfig
    from generated.starcoder2 import Starcoder2Config
    from generated.vaultgemma import VaultGemmaConfig
    from generated.xglm import XglmConfig
    from generated.youtu import YoutuConfig
    from generated.zamba import ZambaConfig
    from generated.zamba2 import Zamba2Config
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
    "BailingHybridConfig",
    "BambaConfig",
    "BeamConfig",
    "BiogptConfig",
    "BitNetConfig",
    "BloomConfig",
    "CodegenConfig",
    "Cohere2Config",
    "Cohere2MoeConfig",
    "CohereCompassTextConfig",
    "CohereConfig",
    "CpmantConfig",
    "CtrlConfig",
    "CwmConfig",
    "DbrxConfig",
    "DeepseekV2Config",
    "DeepseekV3Config",
    "DeepseekV32Config",
    "DiffLlamaConfig",
    "DogeConfig",
    "DoryConfig",
    "Dots1Config",
    "Emu3Config",
    "Emu3TextModelConfig",
    "Ernie45Config",
    "Ernie45MoeConfig",
    "Exaone4Config",
    "ExaoneConfig",
    "ExaoneMoeConfig",
    "FalconConfig",
    "FalconH1Config",
    "FlexOlmoConfig",
    "FlintConfig",
    "FuyuConfig",
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
    "GitConfig",
    "Glm4Config",
    "Glm4MoeConfig",
    "Glm4MoeLiteConfig",
    "GlmConfig",
    "GlmMoeDsaConfig",
    "GotOcr2Config",
    "Gpt2Config",
    "GptBigcodeConfig",
    "GptNeoConfig",
    "GptNeoxConfig",
    "GptNeoxJapaneseConfig",
    "GptOssConfig",
    "GptjConfig",
    "GraniteConfig",
    "GraniteMoeHybridConfig",
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
    "JambaConfig",
    "JetMoeConfig",
    "KimiLinearConfig",
    "Kolibri1Config",
    "LagunaConfig",
    "LaraMiniConfig",
    "Lfm2Config",
    "Lfm2MoeConfig",
    "Lfm3Config",
    "Llama4Config",
    "Llama4TextConfig",
    "LlamaConfig",
    "LongcatFlashConfig",
    "MellumConfig",
    "MiMoV2FlashConfig",
    "MiniCPM3Config",
    "MiniMaxConfig",
    "MiniMaxM2Config",
    "MiniMaxM3VLTextConfig",
    "Ministral3Config",
    "MinistralConfig",
    "MistralConfig",
    "MixtralConfig",
    "MllamaConfig",
    "MllamaTextModelConfig",
    "ModernbertDecoderConfig",
    "MoshiConfig",
    "MossTranscribeDiarizeConfig",
    "MptConfig",
    "NanoChatConfig",
    "NemotronConfig",
    "NemotronHConfig",
    "Olmo3Config",
    "OlmoConfig",
    "OlmoHybridConfig",
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
    "Qwen3NextConfig",
    "Qwen4ExpConfig",
    "Qwen4ExpTextConfig",
    "Qwen35Config",
    "Qwen35MoeConfig",
    "Qwen35MoeTextConfig",
    "Qwen35TextConfig",
    "RecurrentGemmaConfig",
    "SarvamMLAConfig",
    "SarvamMoEConfig",
    "SeedOssConfig",
    "SmolLM3Config",
    "SolarOpenConfig",
    "StableLmConfig",
    "Starcoder2Config",
    "UnknownArchitectureError",
    "VaultGemmaConfig",
    "XglmConfig",
    "YoutuConfig",
    "Zamba2Config",
    "ZambaConfig",
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
    "BailingHybridConfig": "bailing_hybrid",
    "BambaConfig": "bamba",
    "BeamConfig": "beam",
    "BiogptConfig": "biogpt",
    "BitNetConfig": "bitnet",
    "BloomConfig": "bloom",
    "CodegenConfig": "codegen",
    "CohereConfig": "cohere",
    "Cohere2Config": "cohere2",
    "Cohere2MoeConfig": "cohere2_moe",
    "CohereCompassTextConfig": "cohere_compass_text",
    "CpmantConfig": "cpmant",
    "CtrlConfig": "ctrl",
    "CwmConfig": "cwm",
    "DbrxConfig": "dbrx",
    "DeepseekV2Config": "deepseek_v2",
    "DeepseekV3Config": "deepseek_v3",
    "DeepseekV32Config": "deepseek_v32",
    "DiffLlamaConfig": "diffllama",
    "DogeConfig": "doge",
    "DoryConfig": "dory",
    "Dots1Config": "dots1",
    "Emu3Config": "emu3",
    "Emu3TextModelConfig": "emu3_text_model",
    "Ernie45Config": "ernie4_5",
    "Ernie45MoeConfig": "ernie4_5_moe",
    "ExaoneConfig": "exaone",
    "Exaone4Config": "exaone4",
    "ExaoneMoeConfig": "exaone_moe",
    "FalconConfig": "falcon",
    "FalconH1Config": "falcon_h1",
    "FlexOlmoConfig": "flex_olmo",
    "FlintConfig": "flint",
    "FuyuConfig": "fuyu",
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
    "GitConfig": "git",
    "GlmConfig": "glm",
    "Glm4Config": "glm4",
    "Glm4MoeConfig": "glm4_moe",
    "Glm4MoeLiteConfig": "glm4_moe_lite",
    "GlmMoeDsaConfig": "glm_moe_dsa",
    "GotOcr2Config": "got_ocr2",
    "Gpt2Config": "gpt2",
    "GptBigcodeConfig": "gpt_bigcode",
    "GptNeoConfig": "gpt_neo",
    "GptNeoxConfig": "gpt_neox",
    "GptNeoxJapaneseConfig": "gpt_neox_japanese",
    "GptOssConfig": "gpt_oss",
    "GptjConfig": "gptj",
    "GraniteConfig": "granite",
    "GraniteSwaConfig": "granite_swa",
    "GraniteMoeSwaConfig": "granitemoe_swa",
    "GraniteMoeHybridConfig": "granitemoehybrid",
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
    "JambaConfig": "jamba",
    "JetMoeConfig": "jetmoe",
    "KimiLinearConfig": "kimi_linear",
    "Kolibri1Config": "kolibri1",
    "LagunaConfig": "laguna",
    "LaraMiniConfig": "lara_mini",
    "Lfm2Config": "lfm2",
    "Lfm2MoeConfig": "lfm2_moe",
    "Lfm3Config": "lfm3",
    "LlamaConfig": "llama",
    "Llama4Config": "llama4",
    "Llama4TextConfig": "llama4_text",
    "LongcatFlashConfig": "longcat_flash",
    "MellumConfig": "mellum",
    "MiMoV2FlashConfig": "mimo_v2_flash",
    "MiniCPM3Config": "minicpm3",
    "MiniMaxConfig": "minimax",
    "MiniMaxM2Config": "minimax_m2",
    "MiniMaxM3VLTextConfig": "minimax_m3_vl_text",
    "MinistralConfig": "ministral",
    "Ministral3Config": "ministral3",
    "MistralConfig": "mistral",
    "MixtralConfig": "mixtral",
    "MllamaConfig": "mllama",
    "MllamaTextModelConfig": "mllama_text_model",
    "ModernbertDecoderConfig": "modernbert_decoder",
    "MoshiConfig": "moshi",
    "MossTranscribeDiarizeConfig": "moss_transcribe_diarize",
    "MptConfig": "mpt",
    "NanoChatConfig": "nanochat",
    "NemotronConfig": "nemotron",
    "NemotronHConfig": "nemotron_h",
    "OlmoConfig": "olmo",
    "Olmo3Config": "olmo3",
    "OlmoHybridConfig": "olmo_hybrid",
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
    "Qwen35Config": "qwen3_5",
    "Qwen35MoeConfig": "qwen3_5_moe",
    "Qwen35MoeTextConfig": "qwen3_5_moe_text",
    "Qwen35TextConfig": "qwen3_5_text",
    "Qwen3MoeConfig": "qwen3_moe",
    "Qwen3NextConfig": "qwen3_next",
    "Qwen4ExpConfig": "qwen4_exp",
    "Qwen4ExpTextConfig": "qwen4_exp_text",
    "RecurrentGemmaConfig": "recurrent_gemma",
    "SarvamMLAConfig": "sarvam_mla",
    "SarvamMoEConfig": "sarvam_moe",
    "SeedOssConfig": "seed_oss",
    "SmolLM3Config": "smollm3",
    "SolarOpenConfig": "solar_open",
    "StableLmConfig": "stablelm",
    "Starcoder2Config": "starcoder2",
    "VaultGemmaConfig": "vaultgemma",
    "XglmConfig": "xglm",
    "YoutuConfig": "youtu",
    "ZambaConfig": "zamba",
    "Zamba2Config": "zamba2",
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
    "bailing_hybrid": "BailingHybridConfig",
    "bamba": "BambaConfig",
    "beam": "BeamConfig",
    "biogpt": "BiogptConfig",
    "bitnet": "BitNetConfig",
    "bloom": "BloomConfig",
    "codegen": "CodegenConfig",
    "cohere": "CohereConfig",
    "cohere2": "Cohere2Config",
    "cohere2_moe": "Cohere2MoeConfig",
    "cohere_compass_text": "CohereCompassTextConfig",
    "cpmant": "CpmantConfig",
    "ctrl": "CtrlConfig",
    "cwm": "CwmConfig",
    "dbrx": "DbrxConfig",
    "deepseek_v2": "DeepseekV2Config",
    "deepseek_v3": "DeepseekV3Config",
    "deepseek_v32": "DeepseekV32Config",
    "diffllama": "DiffLlamaConfig",
    "doge": "DogeConfig",
    "dory": "DoryConfig",
    "dots1": "Dots1Config",
    "emu3": "Emu3Config",
    "emu3_text_model": "Emu3TextModelConfig",
    "ernie4_5": "Ernie45Config",
    "ernie4_5_moe": "Ernie45MoeConfig",
    "exaone": "ExaoneConfig",
    "exaone4": "Exaone4Config",
    "exaone_moe": "ExaoneMoeConfig",
    "falcon": "FalconConfig",
    "falcon_h1": "FalconH1Config",
    "flex_olmo": "FlexOlmoConfig",
    "flint": "FlintConfig",
    "fuyu": "FuyuConfig",
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
    "git": "GitConfig",
    "glm": "GlmConfig",
    "glm4": "Glm4Config",
    "glm4_moe": "Glm4MoeConfig",
    "glm4_moe_lite": "Glm4MoeLiteConfig",
    "glm_moe_dsa": "GlmMoeDsaConfig",
    "got_ocr2": "GotOcr2Config",
    "gpt-sw3": "Gpt2Config",
    "gpt2": "Gpt2Config",
    "gpt_bigcode": "GptBigcodeConfig",
    "gpt_neo": "GptNeoConfig",
    "gpt_neox": "GptNeoxConfig",
    "gpt_neox_japanese": "GptNeoxJapaneseConfig",
    "gpt_oss": "GptOssConfig",
    "gptj": "GptjConfig",
    "granite": "GraniteConfig",
    "granite_swa": "GraniteSwaConfig",
    "granitemoe": "GraniteConfig",
    "granitemoe_swa": "GraniteMoeSwaConfig",
    "granitemoehybrid": "GraniteMoeHybridConfig",
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
    "jamba": "JambaConfig",
    "jetmoe": "JetMoeConfig",
    "kimi_linear": "KimiLinearConfig",
    "kolibri1": "Kolibri1Config",
    "laguna": "LagunaConfig",
    "lara_mini": "LaraMiniConfig",
    "lfm2": "Lfm2Config",
    "lfm2_moe": "Lfm2MoeConfig",
    "lfm3": "Lfm3Config",
    "llama": "LlamaConfig",
    "llama4": "Llama4Config",
    "llama4_text": "Llama4TextConfig",
    "longcat_flash": "LongcatFlashConfig",
    "mellum": "MellumConfig",
    "mimo_v2_flash": "MiMoV2FlashConfig",
    "minicpm3": "MiniCPM3Config",
    "minimax": "MiniMaxConfig",
    "minimax_m2": "MiniMaxM2Config",
    "minimax_m3_vl_text": "MiniMaxM3VLTextConfig",
    "ministral": "MinistralConfig",
    "ministral3": "Ministral3Config",
    "mistral": "MistralConfig",
    "mixtral": "MixtralConfig",
    "mllama": "MllamaConfig",
    "mllama_text_model": "MllamaTextModelConfig",
    "modernbert-decoder": "ModernbertDecoderConfig",
    "moshi": "MoshiConfig",
    "moss_transcribe_diarize": "MossTranscribeDiarizeConfig",
    "mpt": "MptConfig",
    "nanochat": "NanoChatConfig",
    "nemotron": "NemotronConfig",
    "nemotron_h": "NemotronHConfig",
    "olmo": "OlmoConfig",
    "olmo2": "OlmoConfig",
    "olmo3": "Olmo3Config",
    "olmo_hybrid": "OlmoHybridConfig",
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
    "qwen3_5": "Qwen35Config",
    "qwen3_5_moe": "Qwen35MoeConfig",
    "qwen3_5_moe_text": "Qwen35MoeTextConfig",
    "qwen3_5_text": "Qwen35TextConfig",
    "qwen3_moe": "Qwen3MoeConfig",
    "qwen3_next": "Qwen3NextConfig",
    "qwen4_exp": "Qwen4ExpConfig",
    "qwen4_exp_text": "Qwen4ExpTextConfig",
    "recurrent_gemma": "RecurrentGemmaConfig",
    "sarvam_mla": "SarvamMLAConfig",
    "sarvam_moe": "SarvamMoEConfig",
    "seed_oss": "SeedOssConfig",
    "smollm3": "SmolLM3Config",
    "solar_open": "SolarOpenConfig",
    "stablelm": "StableLmConfig",
    "starcoder2": "Starcoder2Config",
    "vaultgemma": "VaultGemmaConfig",
    "xglm": "XglmConfig",
    "youtu": "YoutuConfig",
    "zamba": "ZambaConfig",
    "zamba2": "Zamba2Config",
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
    "BailingHybridForCausalLM": "BailingHybridConfig",
    "BambaForCausalLM": "BambaConfig",
    "BeamForCausalLM": "BeamConfig",
    "BioGptForCausalLM": "BiogptConfig",
    "BitNetForCausalLM": "BitNetConfig",
    "BloomForCausalLM": "BloomConfig",
    "CTRLLMHeadModel": "CtrlConfig",
    "CodeGenForCausalLM": "CodegenConfig",
    "Cohere2ForCausalLM": "Cohere2Config",
    "Cohere2MoeForCausalLM": "Cohere2MoeConfig",
    "CohereCompassForCausalLM": "CohereCompassTextConfig",
    "CohereForCausalLM": "CohereConfig",
    "CpmAntForCausalLM": "CpmantConfig",
    "CwmForCausalLM": "CwmConfig",
    "DbrxForCausalLM": "DbrxConfig",
    "DeepseekV2ForCausalLM": "DeepseekV2Config",
    "DeepseekV32ForCausalLM": "DeepseekV32Config",
    "DeepseekV3ForCausalLM": "DeepseekV3Config",
    "DiffLlamaForCausalLM": "DiffLlamaConfig",
    "DogeForCausalLM": "DogeConfig",
    "DoryForCausalLM": "DoryConfig",
    "Dots1ForCausalLM": "Dots1Config",
    "Emu3ForCausalLM": "Emu3TextModelConfig",
    "Emu3ForConditionalGeneration": "Emu3Config",
    "Ernie4_5ForCausalLM": "Ernie45Config",
    "Ernie4_5_MoeForCausalLM": "Ernie45MoeConfig",
    "Exaone4ForCausalLM": "Exaone4Config",
    "ExaoneForCausalLM": "ExaoneConfig",
    "ExaoneMoeForCausalLM": "ExaoneMoeConfig",
    "FalconForCausalLM": "FalconConfig",
    "FalconH1ForCausalLM": "FalconH1Config",
    "FlexOlmoForCausalLM": "FlexOlmoConfig",
    "FlintForCausalLM": "FlintConfig",
    "FuyuForCausalLM": "FuyuConfig",
    "GPT2LMHeadModel": "Gpt2Config",
    "GPTBigCodeForCausalLM": "GptBigcodeConfig",
    "GPTJForCausalLM": "GptjConfig",
    "GPTNeoForCausalLM": "GptNeoConfig",
    "GPTNeoXForCausalLM": "GptNeoxConfig",
    "GPTNeoXJapaneseForCausalLM": "GptNeoxJapaneseConfig",
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
    "GitForCausalLM": "GitConfig",
    "Glm4ForCausalLM": "Glm4Config",
    "Glm4MoeForCausalLM": "Glm4MoeConfig",
    "Glm4MoeLiteForCausalLM": "Glm4MoeLiteConfig",
    "GlmForCausalLM": "GlmConfig",
    "GlmMoeDsaForCausalLM": "GlmMoeDsaConfig",
    "GotOcr2ForConditionalGeneration": "GotOcr2Config",
    "GptOssForCausalLM": "GptOssConfig",
    "GraniteForCausalLM": "GraniteConfig",
    "GraniteMoeForCausalLM": "GraniteConfig",
    "GraniteMoeHybridForCausalLM": "GraniteMoeHybridConfig",
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
    "JambaForCausalLM": "JambaConfig",
    "JetMoeForCausalLM": "JetMoeConfig",
    "KimiLinearForCausalLM": "KimiLinearConfig",
    "Kolibri1ForCausalLM": "Kolibri1Config",
    "LagunaForCausalLM": "LagunaConfig",
    "LaraMiniForCausalLM": "LaraMiniConfig",
    "Lfm2ForCausalLM": "Lfm2Config",
    "Lfm2MoeForCausalLM": "Lfm2MoeConfig",
    "Lfm3ForCausalLM": "Lfm3Config",
    "Llama4ForCausalLM": "Llama4TextConfig",
    "Llama4ForConditionalGeneration": "Llama4Config",
    "LlamaForCausalLM": "LlamaConfig",
    "LongcatFlashForCausalLM": "LongcatFlashConfig",
    "MellumForCausalLM": "MellumConfig",
    "MiMoV2FlashForCausalLM": "MiMoV2FlashConfig",
    "MiniCPM3ForCausalLM": "MiniCPM3Config",
    "MiniMaxForCausalLM": "MiniMaxConfig",
    "MiniMaxM2ForCausalLM": "MiniMaxM2Config",
    "MiniMaxM3VLForCausalLM": "MiniMaxM3VLTextConfig",
    "Ministral3ForCausalLM": "Ministral3Config",
    "MinistralForCausalLM": "MinistralConfig",
    "MistralForCausalLM": "MistralConfig",
    "MixtralForCausalLM": "MixtralConfig",
    "MllamaForCausalLM": "MllamaTextModelConfig",
    "MllamaForConditionalGeneration": "MllamaConfig",
    "ModernBertDecoderForCausalLM": "ModernbertDecoderConfig",
    "MoshiForCausalLM": "MoshiConfig",
    "MoshiForConditionalGeneration": "MoshiConfig",
    "MossTranscribeDiarizeForConditionalGeneration": "MossTranscribeDiarizeConfig",
    "MptForCausalLM": "MptConfig",
    "NanoChatForCausalLM": "NanoChatConfig",
    "NemotronForCausalLM": "NemotronConfig",
    "NemotronHForCausalLM": "NemotronHConfig",
    "OPTForCausalLM": "OptConfig",
    "Olmo2ForCausalLM": "OlmoConfig",
    "Olmo3ForCausalLM": "Olmo3Config",
    "OlmoForCausalLM": "OlmoConfig",
    "OlmoHybridForCausalLM": "OlmoHybridConfig",
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
    "Qwen3NextForCausalLM": "Qwen3NextConfig",
    "Qwen3_5ForCausalLM": "Qwen35TextConfig",
    "Qwen3_5ForConditionalGeneration": "Qwen35Config",
    "Qwen3_5MoeForCausalLM": "Qwen35MoeTextConfig",
    "Qwen3_5MoeForConditionalGeneration": "Qwen35MoeConfig",
    "Qwen4ExpForCausalLM": "Qwen4ExpTextConfig",
    "Qwen4ExpForConditionalGeneration": "Qwen4ExpConfig",
    "RecurrentGemmaForCausalLM": "RecurrentGemmaConfig",
    "SeedOssForCausalLM": "SeedOssConfig",
    "SmolLM3ForCausalLM": "SmolLM3Config",
    "SolarOpenForCausalLM": "SolarOpenConfig",
    "StableLmForCausalLM": "StableLmConfig",
    "Starcoder2ForCausalLM": "Starcoder2Config",
    "VaultGemmaForCausalLM": "VaultGemmaConfig",
    "XGLMForCausalLM": "XglmConfig",
    "YoutuForCausalLM": "YoutuConfig",
    "Zamba2ForCausalLM": "Zamba2Config",
    "ZambaForCausalLM": "ZambaConfig",
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
