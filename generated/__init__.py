# generated from schemas/*.yaml by `make generate`; do not edit.
# kvarch-digest: render=e8a9ff75794a2fb5 content=f1690aa3827f814f
"""Compiler output: one config class per schema, and the registry that picks one (its lookup
logic: ``kvarch.registry.Registry``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kvarch.registry import Registry
from kvarch.schema_runtime import UnknownArchitectureError

if TYPE_CHECKING:
    from generated.afmoe import AfmoeConfig as AfmoeConfig
    from generated.apertus import ApertusConfig as ApertusConfig
    from generated.arcee import ArceeConfig as ArceeConfig
    from generated.aria_text import AriaTextConfig as AriaTextConfig
    from generated.axk1 import AXK1Config as AXK1Config
    from generated.axk2 import AXK2Config as AXK2Config
    from generated.bailing_hybrid import BailingHybridConfig as BailingHybridConfig
    from generated.bamba import BambaConfig as BambaConfig
    from generated.beam import BeamConfig as BeamConfig
    from generated.biogpt import BiogptConfig as BiogptConfig
    from generated.bitnet import BitNetConfig as BitNetConfig
    from generated.bloom import BloomConfig as BloomConfig
    from generated.codegen import CodegenConfig as CodegenConfig
    from generated.cohere import CohereConfig as CohereConfig
    from generated.cohere2 import Cohere2Config as Cohere2Config
    from generated.cohere2_moe import Cohere2MoeConfig as Cohere2MoeConfig
    from generated.cohere_compass_text import CohereCompassTextConfig as CohereCompassTextConfig
    from generated.cpmant import CpmantConfig as CpmantConfig
    from generated.ctrl import CtrlConfig as CtrlConfig
    from generated.cwm import CwmConfig as CwmConfig
    from generated.dbrx import DbrxConfig as DbrxConfig
    from generated.deepseek_v2 import DeepseekV2Config as DeepseekV2Config
    from generated.deepseek_v3 import DeepseekV3Config as DeepseekV3Config
    from generated.deepseek_v32 import DeepseekV32Config as DeepseekV32Config
    from generated.diffllama import DiffLlamaConfig as DiffLlamaConfig
    from generated.doge import DogeConfig as DogeConfig
    from generated.dory import DoryConfig as DoryConfig
    from generated.dots1 import Dots1Config as Dots1Config
    from generated.emu3 import Emu3Config as Emu3Config
    from generated.emu3_text_model import Emu3TextModelConfig as Emu3TextModelConfig
    from generated.ernie4_5 import Ernie45Config as Ernie45Config
    from generated.ernie4_5_moe import Ernie45MoeConfig as Ernie45MoeConfig
    from generated.exaone import ExaoneConfig as ExaoneConfig
    from generated.exaone4 import Exaone4Config as Exaone4Config
    from generated.exaone_moe import ExaoneMoeConfig as ExaoneMoeConfig
    from generated.falcon import FalconConfig as FalconConfig
    from generated.falcon_h1 import FalconH1Config as FalconH1Config
    from generated.flex_olmo import FlexOlmoConfig as FlexOlmoConfig
    from generated.flint import FlintConfig as FlintConfig
    from generated.fuyu import FuyuConfig as FuyuConfig
    from generated.gemma import GemmaConfig as GemmaConfig
    from generated.gemma2 import Gemma2Config as Gemma2Config
    from generated.gemma3 import Gemma3VlmConfig as Gemma3VlmConfig
    from generated.gemma3_text import Gemma3TextConfig as Gemma3TextConfig
    from generated.gemma3n import Gemma3nVlmConfig as Gemma3nVlmConfig
    from generated.gemma3n_text import Gemma3nTextConfig as Gemma3nTextConfig
    from generated.gemma4 import Gemma4VlmConfig as Gemma4VlmConfig
    from generated.gemma4_text import Gemma4TextConfig as Gemma4TextConfig
    from generated.gemma4_unified import Gemma4UnifiedVlmConfig as Gemma4UnifiedVlmConfig
    from generated.gemma4_unified_text import Gemma4UnifiedTextConfig as Gemma4UnifiedTextConfig
    from generated.git import GitConfig as GitConfig
    from generated.glm import GlmConfig as GlmConfig
    from generated.glm4 import Glm4Config as Glm4Config
    from generated.glm4_moe import Glm4MoeConfig as Glm4MoeConfig
    from generated.glm4_moe_lite import Glm4MoeLiteConfig as Glm4MoeLiteConfig
    from generated.glm_moe_dsa import GlmMoeDsaConfig as GlmMoeDsaConfig
    from generated.got_ocr2 import GotOcr2Config as GotOcr2Config
    from generated.gpt2 import Gpt2Config as Gpt2Config
    from generated.gpt_bigcode import GptBigcodeConfig as GptBigcodeConfig
    from generated.gpt_neo import GptNeoConfig as GptNeoConfig
    from generated.gpt_neox import GptNeoxConfig as GptNeoxConfig
    from generated.gpt_neox_japanese import GptNeoxJapaneseConfig as GptNeoxJapaneseConfig
    from generated.gpt_oss import GptOssConfig as GptOssConfig
    from generated.gptj import GptjConfig as GptjConfig
    from generated.granite import GraniteConfig as GraniteConfig
    from generated.granite_swa import GraniteSwaConfig as GraniteSwaConfig
    from generated.granitemoe_swa import GraniteMoeSwaConfig as GraniteMoeSwaConfig
    from generated.granitemoehybrid import GraniteMoeHybridConfig as GraniteMoeHybridConfig
    from generated.helium import HeliumConfig as HeliumConfig
    from generated.hrm_text import HrmTextConfig as HrmTextConfig
    from generated.hunyuan_v1_dense import HunyuanV1Config as HunyuanV1Config
    from generated.hy_v3 import HYV3Config as HYV3Config
    from generated.hy_v4 import HYV4Config as HYV4Config
    from generated.hyperclovax import HyperClovaxConfig as HyperClovaxConfig
    from generated.inkling2_loop_text import Inkling2LoopTextConfig as Inkling2LoopTextConfig
    from generated.inkling2_text import Inkling2TextConfig as Inkling2TextConfig
    from generated.inkling_text import InklingTextConfig as InklingTextConfig
    from generated.internlm3 import InternLM3Config as InternLM3Config
    from generated.iquestcoder import IQuestCoderConfig as IQuestCoderConfig
    from generated.jais2 import Jais2Config as Jais2Config
    from generated.jamba import JambaConfig as JambaConfig
    from generated.jetmoe import JetMoeConfig as JetMoeConfig
    from generated.kimi_linear import KimiLinearConfig as KimiLinearConfig
    from generated.kolibri1 import Kolibri1Config as Kolibri1Config
    from generated.laguna import LagunaConfig as LagunaConfig
    from generated.lara_mini import LaraMiniConfig as LaraMiniConfig
    from generated.lfm2 import Lfm2Config as Lfm2Config
    from generated.lfm2_moe import Lfm2MoeConfig as Lfm2MoeConfig
    from generated.lfm3 import Lfm3Config as Lfm3Config
    from generated.llama import LlamaConfig as LlamaConfig
    from generated.llama4 import Llama4Config as Llama4Config
    from generated.llama4_text import Llama4TextConfig as Llama4TextConfig
    from generated.longcat_flash import LongcatFlashConfig as LongcatFlashConfig
    from generated.mellum import MellumConfig as MellumConfig
    from generated.mimo_v2_flash import MiMoV2FlashConfig as MiMoV2FlashConfig
    from generated.minicpm3 import MiniCPM3Config as MiniCPM3Config
    from generated.minimax import MiniMaxConfig as MiniMaxConfig
    from generated.minimax_m2 import MiniMaxM2Config as MiniMaxM2Config
    from generated.minimax_m3_vl_text import MiniMaxM3VLTextConfig as MiniMaxM3VLTextConfig
    from generated.ministral import MinistralConfig as MinistralConfig
    from generated.ministral3 import Ministral3Config as Ministral3Config
    from generated.mistral import MistralConfig as MistralConfig
    from generated.mixtral import MixtralConfig as MixtralConfig
    from generated.mllama import MllamaConfig as MllamaConfig
    from generated.mllama_text_model import MllamaTextModelConfig as MllamaTextModelConfig
    from generated.modernbert_decoder import ModernbertDecoderConfig as ModernbertDecoderConfig
    from generated.moshi import MoshiConfig as MoshiConfig
    from generated.moss_transcribe_diarize import (
        MossTranscribeDiarizeConfig as MossTranscribeDiarizeConfig,
    )
    from generated.mpt import MptConfig as MptConfig
    from generated.nanochat import NanoChatConfig as NanoChatConfig
    from generated.nemotron import NemotronConfig as NemotronConfig
    from generated.nemotron_h import NemotronHConfig as NemotronHConfig
    from generated.olmo import OlmoConfig as OlmoConfig
    from generated.olmo3 import Olmo3Config as Olmo3Config
    from generated.olmo_hybrid import OlmoHybridConfig as OlmoHybridConfig
    from generated.olmoe import OlmoeConfig as OlmoeConfig
    from generated.opt import OptConfig as OptConfig
    from generated.persimmon import PersimmonConfig as PersimmonConfig
    from generated.phi import PhiConfig as PhiConfig
    from generated.phi3 import Phi3Config as Phi3Config
    from generated.phi4_multimodal import Phi4MultimodalConfig as Phi4MultimodalConfig
    from generated.phimoe import PhimoeConfig as PhimoeConfig
    from generated.qwen2 import Qwen2Config as Qwen2Config
    from generated.qwen2_moe import Qwen2MoeConfig as Qwen2MoeConfig
    from generated.qwen3 import Qwen3Config as Qwen3Config
    from generated.qwen3_5 import Qwen35Config as Qwen35Config
    from generated.qwen3_5_moe import Qwen35MoeConfig as Qwen35MoeConfig
    from generated.qwen3_5_moe_text import Qwen35MoeTextConfig as Qwen35MoeTextConfig
    from generated.qwen3_5_text import Qwen35TextConfig as Qwen35TextConfig
    from generated.qwen3_moe import Qwen3MoeConfig as Qwen3MoeConfig
    from generated.qwen3_next import Qwen3NextConfig as Qwen3NextConfig
    from generated.qwen4_exp import Qwen4ExpConfig as Qwen4ExpConfig
    from generated.qwen4_exp_text import Qwen4ExpTextConfig as Qwen4ExpTextConfig
    from generated.recurrent_gemma import RecurrentGemmaConfig as RecurrentGemmaConfig
    from generated.sarvam_mla import SarvamMLAConfig as SarvamMLAConfig
    from generated.sarvam_moe import SarvamMoEConfig as SarvamMoEConfig
    from generated.seed_oss import SeedOssConfig as SeedOssConfig
    from generated.smollm3 import SmolLM3Config as SmolLM3Config
    from generated.solar_open import SolarOpenConfig as SolarOpenConfig
    from generated.stablelm import StableLmConfig as StableLmConfig
    from generated.starcoder2 import Starcoder2Config as Starcoder2Config
    from generated.vaultgemma import VaultGemmaConfig as VaultGemmaConfig
    from generated.xglm import XglmConfig as XglmConfig
    from generated.youtu import YoutuConfig as YoutuConfig
    from generated.zamba import ZambaConfig as ZambaConfig
    from generated.zamba2 import Zamba2Config as Zamba2Config
    from generated.zaya import ZayaConfig as ZayaConfig

__all__ = [
    "ARCHITECTURES",
    "CLASSES",
    "MODEL_TYPES",
    "UnknownArchitectureError",
    "from_hf_config",
    "resolve",
]

#: Module stem -> (class name, HF model types, HF architectures).
_REGISTRY = Registry(
    __name__,
    {
        "afmoe": ("AfmoeConfig", ("afmoe",), ("AfmoeForCausalLM",)),
        "apertus": (
            "ApertusConfig",
            ("apertus", "apertus1p5_text"),
            ("ApertusForCausalLM", "Apertus1p5TextForCausalLM"),
        ),
        "arcee": ("ArceeConfig", ("arcee",), ("ArceeForCausalLM",)),
        "aria_text": ("AriaTextConfig", ("aria_text",), ("AriaTextForCausalLM",)),
        "axk1": ("AXK1Config", ("axk1",), ("AXK1ForCausalLM",)),
        "axk2": ("AXK2Config", ("axk2",), ("AXK2ForCausalLM",)),
        "bailing_hybrid": (
            "BailingHybridConfig",
            ("bailing_hybrid",),
            ("BailingHybridForCausalLM",),
        ),
        "bamba": ("BambaConfig", ("bamba",), ("BambaForCausalLM",)),
        "beam": ("BeamConfig", ("beam",), ("BeamForCausalLM",)),
        "biogpt": ("BiogptConfig", ("biogpt",), ("BioGptForCausalLM",)),
        "bitnet": ("BitNetConfig", ("bitnet",), ("BitNetForCausalLM",)),
        "bloom": ("BloomConfig", ("bloom",), ("BloomForCausalLM",)),
        "codegen": ("CodegenConfig", ("codegen",), ("CodeGenForCausalLM",)),
        "cohere": ("CohereConfig", ("cohere",), ("CohereForCausalLM",)),
        "cohere2": ("Cohere2Config", ("cohere2",), ("Cohere2ForCausalLM",)),
        "cohere2_moe": ("Cohere2MoeConfig", ("cohere2_moe",), ("Cohere2MoeForCausalLM",)),
        "cohere_compass_text": (
            "CohereCompassTextConfig",
            ("cohere_compass_text",),
            ("CohereCompassForCausalLM",),
        ),
        "cpmant": ("CpmantConfig", ("cpmant",), ("CpmAntForCausalLM",)),
        "ctrl": ("CtrlConfig", ("ctrl",), ("CTRLLMHeadModel",)),
        "cwm": ("CwmConfig", ("cwm",), ("CwmForCausalLM",)),
        "dbrx": ("DbrxConfig", ("dbrx",), ("DbrxForCausalLM",)),
        "deepseek_v2": ("DeepseekV2Config", ("deepseek_v2",), ("DeepseekV2ForCausalLM",)),
        "deepseek_v3": ("DeepseekV3Config", ("deepseek_v3",), ("DeepseekV3ForCausalLM",)),
        "deepseek_v32": ("DeepseekV32Config", ("deepseek_v32",), ("DeepseekV32ForCausalLM",)),
        "diffllama": ("DiffLlamaConfig", ("diffllama",), ("DiffLlamaForCausalLM",)),
        "doge": ("DogeConfig", ("doge",), ("DogeForCausalLM",)),
        "dory": ("DoryConfig", ("dory",), ("DoryForCausalLM",)),
        "dots1": ("Dots1Config", ("dots1",), ("Dots1ForCausalLM",)),
        "emu3": ("Emu3Config", ("emu3",), ("Emu3ForConditionalGeneration",)),
        "emu3_text_model": ("Emu3TextModelConfig", ("emu3_text_model",), ("Emu3ForCausalLM",)),
        "ernie4_5": ("Ernie45Config", ("ernie4_5",), ("Ernie4_5ForCausalLM",)),
        "ernie4_5_moe": ("Ernie45MoeConfig", ("ernie4_5_moe",), ("Ernie4_5_MoeForCausalLM",)),
        "exaone": ("ExaoneConfig", ("exaone",), ("ExaoneForCausalLM",)),
        "exaone4": ("Exaone4Config", ("exaone4",), ("Exaone4ForCausalLM",)),
        "exaone_moe": ("ExaoneMoeConfig", ("exaone_moe",), ("ExaoneMoeForCausalLM",)),
        "falcon": ("FalconConfig", ("falcon",), ("FalconForCausalLM",)),
        "falcon_h1": ("FalconH1Config", ("falcon_h1",), ("FalconH1ForCausalLM",)),
        "flex_olmo": ("FlexOlmoConfig", ("flex_olmo",), ("FlexOlmoForCausalLM",)),
        "flint": ("FlintConfig", ("flint",), ("FlintForCausalLM",)),
        "fuyu": ("FuyuConfig", ("fuyu",), ("FuyuForCausalLM",)),
        "gemma": ("GemmaConfig", ("gemma",), ("GemmaForCausalLM",)),
        "gemma2": ("Gemma2Config", ("gemma2",), ("Gemma2ForCausalLM",)),
        "gemma3": ("Gemma3VlmConfig", ("gemma3",), ("Gemma3ForConditionalGeneration",)),
        "gemma3_text": ("Gemma3TextConfig", ("gemma3_text",), ("Gemma3ForCausalLM",)),
        "gemma3n": ("Gemma3nVlmConfig", ("gemma3n",), ("Gemma3nForConditionalGeneration",)),
        "gemma3n_text": ("Gemma3nTextConfig", ("gemma3n_text",), ("Gemma3nForCausalLM",)),
        "gemma4": ("Gemma4VlmConfig", ("gemma4",), ("Gemma4ForConditionalGeneration",)),
        "gemma4_text": ("Gemma4TextConfig", ("gemma4_text",), ("Gemma4ForCausalLM",)),
        "gemma4_unified": (
            "Gemma4UnifiedVlmConfig",
            ("gemma4_unified",),
            ("Gemma4UnifiedForConditionalGeneration",),
        ),
        "gemma4_unified_text": (
            "Gemma4UnifiedTextConfig",
            ("gemma4_unified_text",),
            ("Gemma4UnifiedForCausalLM",),
        ),
        "git": ("GitConfig", ("git",), ("GitForCausalLM",)),
        "glm": ("GlmConfig", ("glm",), ("GlmForCausalLM",)),
        "glm4": ("Glm4Config", ("glm4",), ("Glm4ForCausalLM",)),
        "glm4_moe": ("Glm4MoeConfig", ("glm4_moe",), ("Glm4MoeForCausalLM",)),
        "glm4_moe_lite": ("Glm4MoeLiteConfig", ("glm4_moe_lite",), ("Glm4MoeLiteForCausalLM",)),
        "glm_moe_dsa": ("GlmMoeDsaConfig", ("glm_moe_dsa",), ("GlmMoeDsaForCausalLM",)),
        "got_ocr2": ("GotOcr2Config", ("got_ocr2",), ("GotOcr2ForConditionalGeneration",)),
        "gpt2": ("Gpt2Config", ("gpt2", "gpt-sw3"), ("GPT2LMHeadModel",)),
        "gpt_bigcode": ("GptBigcodeConfig", ("gpt_bigcode",), ("GPTBigCodeForCausalLM",)),
        "gpt_neo": ("GptNeoConfig", ("gpt_neo",), ("GPTNeoForCausalLM",)),
        "gpt_neox": ("GptNeoxConfig", ("gpt_neox",), ("GPTNeoXForCausalLM",)),
        "gpt_neox_japanese": (
            "GptNeoxJapaneseConfig",
            ("gpt_neox_japanese",),
            ("GPTNeoXJapaneseForCausalLM",),
        ),
        "gpt_oss": ("GptOssConfig", ("gpt_oss",), ("GptOssForCausalLM",)),
        "gptj": ("GptjConfig", ("gptj",), ("GPTJForCausalLM",)),
        "granite": (
            "GraniteConfig",
            ("granite", "granitemoe", "granitemoeshared"),
            ("GraniteForCausalLM", "GraniteMoeForCausalLM", "GraniteMoeSharedForCausalLM"),
        ),
        "granite_swa": ("GraniteSwaConfig", ("granite_swa",), ("GraniteSWAForCausalLM",)),
        "granitemoe_swa": (
            "GraniteMoeSwaConfig",
            ("granitemoe_swa",),
            ("GraniteMoeSWAForCausalLM",),
        ),
        "granitemoehybrid": (
            "GraniteMoeHybridConfig",
            ("granitemoehybrid",),
            ("GraniteMoeHybridForCausalLM",),
        ),
        "helium": ("HeliumConfig", ("helium",), ("HeliumForCausalLM",)),
        "hrm_text": ("HrmTextConfig", ("hrm_text",), ("HrmTextForCausalLM",)),
        "hunyuan_v1_dense": (
            "HunyuanV1Config",
            ("hunyuan_v1_dense", "hunyuan_v1_moe"),
            ("HunYuanDenseV1ForCausalLM", "HunYuanMoEV1ForCausalLM"),
        ),
        "hy_v3": ("HYV3Config", ("hy_v3",), ("HYV3ForCausalLM",)),
        "hy_v4": ("HYV4Config", ("hy_v4",), ("HYV4ForCausalLM",)),
        "hyperclovax": ("HyperClovaxConfig", ("hyperclovax",), ("HyperCLOVAXForCausalLM",)),
        "inkling2_loop_text": (
            "Inkling2LoopTextConfig",
            ("inkling2_loop_text",),
            ("Inkling2LoopForCausalLM",),
        ),
        "inkling2_text": ("Inkling2TextConfig", ("inkling2_text",), ("Inkling2ForCausalLM",)),
        "inkling_text": ("InklingTextConfig", ("inkling_text",), ("InklingForCausalLM",)),
        "internlm3": ("InternLM3Config", ("internlm3",), ("InternLM3ForCausalLM",)),
        "iquestcoder": ("IQuestCoderConfig", ("iquestcoder",), ()),
        "jais2": ("Jais2Config", ("jais2",), ("Jais2ForCausalLM",)),
        "jamba": ("JambaConfig", ("jamba",), ("JambaForCausalLM",)),
        "jetmoe": ("JetMoeConfig", ("jetmoe",), ("JetMoeForCausalLM",)),
        "kimi_linear": ("KimiLinearConfig", ("kimi_linear",), ("KimiLinearForCausalLM",)),
        "kolibri1": ("Kolibri1Config", ("kolibri1",), ("Kolibri1ForCausalLM",)),
        "laguna": ("LagunaConfig", ("laguna",), ("LagunaForCausalLM",)),
        "lara_mini": ("LaraMiniConfig", ("lara_mini",), ("LaraMiniForCausalLM",)),
        "lfm2": ("Lfm2Config", ("lfm2",), ("Lfm2ForCausalLM",)),
        "lfm2_moe": ("Lfm2MoeConfig", ("lfm2_moe",), ("Lfm2MoeForCausalLM",)),
        "lfm3": ("Lfm3Config", ("lfm3",), ("Lfm3ForCausalLM",)),
        "llama": ("LlamaConfig", ("llama",), ("LlamaForCausalLM",)),
        "llama4": ("Llama4Config", ("llama4",), ("Llama4ForConditionalGeneration",)),
        "llama4_text": ("Llama4TextConfig", ("llama4_text",), ("Llama4ForCausalLM",)),
        "longcat_flash": ("LongcatFlashConfig", ("longcat_flash",), ("LongcatFlashForCausalLM",)),
        "mellum": ("MellumConfig", ("mellum",), ("MellumForCausalLM",)),
        "mimo_v2_flash": ("MiMoV2FlashConfig", ("mimo_v2_flash",), ("MiMoV2FlashForCausalLM",)),
        "minicpm3": ("MiniCPM3Config", ("minicpm3",), ("MiniCPM3ForCausalLM",)),
        "minimax": ("MiniMaxConfig", ("minimax",), ("MiniMaxForCausalLM",)),
        "minimax_m2": ("MiniMaxM2Config", ("minimax_m2",), ("MiniMaxM2ForCausalLM",)),
        "minimax_m3_vl_text": (
            "MiniMaxM3VLTextConfig",
            ("minimax_m3_vl_text",),
            ("MiniMaxM3VLForCausalLM",),
        ),
        "ministral": ("MinistralConfig", ("ministral",), ("MinistralForCausalLM",)),
        "ministral3": ("Ministral3Config", ("ministral3",), ("Ministral3ForCausalLM",)),
        "mistral": ("MistralConfig", ("mistral",), ("MistralForCausalLM",)),
        "mixtral": ("MixtralConfig", ("mixtral",), ("MixtralForCausalLM",)),
        "mllama": ("MllamaConfig", ("mllama",), ("MllamaForConditionalGeneration",)),
        "mllama_text_model": (
            "MllamaTextModelConfig",
            ("mllama_text_model",),
            ("MllamaForCausalLM",),
        ),
        "modernbert_decoder": (
            "ModernbertDecoderConfig",
            ("modernbert-decoder",),
            ("ModernBertDecoderForCausalLM",),
        ),
        "moshi": ("MoshiConfig", ("moshi",), ("MoshiForConditionalGeneration", "MoshiForCausalLM")),
        "moss_transcribe_diarize": (
            "MossTranscribeDiarizeConfig",
            ("moss_transcribe_diarize",),
            ("MossTranscribeDiarizeForConditionalGeneration",),
        ),
        "mpt": ("MptConfig", ("mpt",), ("MptForCausalLM",)),
        "nanochat": ("NanoChatConfig", ("nanochat",), ("NanoChatForCausalLM",)),
        "nemotron": ("NemotronConfig", ("nemotron",), ("NemotronForCausalLM",)),
        "nemotron_h": ("NemotronHConfig", ("nemotron_h",), ("NemotronHForCausalLM",)),
        "olmo": ("OlmoConfig", ("olmo", "olmo2"), ("OlmoForCausalLM", "Olmo2ForCausalLM")),
        "olmo3": ("Olmo3Config", ("olmo3",), ("Olmo3ForCausalLM",)),
        "olmo_hybrid": ("OlmoHybridConfig", ("olmo_hybrid",), ("OlmoHybridForCausalLM",)),
        "olmoe": ("OlmoeConfig", ("olmoe",), ("OlmoeForCausalLM",)),
        "opt": ("OptConfig", ("opt",), ("OPTForCausalLM",)),
        "persimmon": ("PersimmonConfig", ("persimmon",), ("PersimmonForCausalLM",)),
        "phi": ("PhiConfig", ("phi",), ("PhiForCausalLM",)),
        "phi3": ("Phi3Config", ("phi3",), ("Phi3ForCausalLM",)),
        "phi4_multimodal": (
            "Phi4MultimodalConfig",
            ("phi4_multimodal",),
            ("Phi4MultimodalForCausalLM",),
        ),
        "phimoe": ("PhimoeConfig", ("phimoe",), ("PhimoeForCausalLM",)),
        "qwen2": ("Qwen2Config", ("qwen2",), ("Qwen2ForCausalLM",)),
        "qwen2_moe": ("Qwen2MoeConfig", ("qwen2_moe",), ("Qwen2MoeForCausalLM",)),
        "qwen3": ("Qwen3Config", ("qwen3",), ("Qwen3ForCausalLM",)),
        "qwen3_5": ("Qwen35Config", ("qwen3_5",), ("Qwen3_5ForConditionalGeneration",)),
        "qwen3_5_moe": (
            "Qwen35MoeConfig",
            ("qwen3_5_moe",),
            ("Qwen3_5MoeForConditionalGeneration",),
        ),
        "qwen3_5_moe_text": (
            "Qwen35MoeTextConfig",
            ("qwen3_5_moe_text",),
            ("Qwen3_5MoeForCausalLM",),
        ),
        "qwen3_5_text": ("Qwen35TextConfig", ("qwen3_5_text",), ("Qwen3_5ForCausalLM",)),
        "qwen3_moe": ("Qwen3MoeConfig", ("qwen3_moe",), ("Qwen3MoeForCausalLM",)),
        "qwen3_next": ("Qwen3NextConfig", ("qwen3_next",), ("Qwen3NextForCausalLM",)),
        "qwen4_exp": ("Qwen4ExpConfig", ("qwen4_exp",), ("Qwen4ExpForConditionalGeneration",)),
        "qwen4_exp_text": ("Qwen4ExpTextConfig", ("qwen4_exp_text",), ("Qwen4ExpForCausalLM",)),
        "recurrent_gemma": (
            "RecurrentGemmaConfig",
            ("recurrent_gemma",),
            ("RecurrentGemmaForCausalLM",),
        ),
        "sarvam_mla": ("SarvamMLAConfig", ("sarvam_mla",), ()),
        "sarvam_moe": ("SarvamMoEConfig", ("sarvam_moe",), ()),
        "seed_oss": ("SeedOssConfig", ("seed_oss",), ("SeedOssForCausalLM",)),
        "smollm3": ("SmolLM3Config", ("smollm3",), ("SmolLM3ForCausalLM",)),
        "solar_open": ("SolarOpenConfig", ("solar_open",), ("SolarOpenForCausalLM",)),
        "stablelm": ("StableLmConfig", ("stablelm",), ("StableLmForCausalLM",)),
        "starcoder2": ("Starcoder2Config", ("starcoder2",), ("Starcoder2ForCausalLM",)),
        "vaultgemma": ("VaultGemmaConfig", ("vaultgemma",), ("VaultGemmaForCausalLM",)),
        "xglm": ("XglmConfig", ("xglm",), ("XGLMForCausalLM",)),
        "youtu": ("YoutuConfig", ("youtu",), ("YoutuForCausalLM",)),
        "zamba": ("ZambaConfig", ("zamba",), ("ZambaForCausalLM",)),
        "zamba2": ("Zamba2Config", ("zamba2",), ("Zamba2ForCausalLM",)),
        "zaya": ("ZayaConfig", ("zaya",), ("ZayaForCausalLM",)),
    },
)
CLASSES = _REGISTRY.classes
MODEL_TYPES = _REGISTRY.model_types
ARCHITECTURES = _REGISTRY.architectures
resolve = _REGISTRY.resolve
from_hf_config = _REGISTRY.from_hf_config
_load = _REGISTRY.load


def __getattr__(name: str) -> Any:
    if name in CLASSES:
        return _load(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
