"""Hand-computed cache geometry of the published checkpoint fixtures added beside the first
twenty (``tests/fixtures/configs``; README.md there names each one's source).

Each entry: the layers as ``(kind, window, KV heads, K dim, V dim)`` in order, and the KV bytes
per token in bf16, worked out from the config by hand (layers x KV heads x (K + V) x 2 bytes;
cross-attention layers hold K/V per sequence and count for none).
``STATE`` holds the hybrids' per-sequence state in bytes, by hand: conv windows in the model's
bf16, SSM and recurrent states in float32 (4 bytes), as transformers keeps them. ``CROSS`` holds
the encoder-decoders' cross-attention K/V (per layer, per encoder position) and encoder length.
"""

from __future__ import annotations

from typing import Any

__all__ = ["COMPRESSED", "CROSS", "PUBLISHED", "STATE"]

Layer = tuple[Any, ...]
NONE: Layer = ("none", None, 0, 0, 0)


def full(heads: int, dim: int) -> Layer:
    return ("full", None, heads, dim, dim)


def sliding(window: int, heads: int, dim: int) -> Layer:
    return ("sliding", window, heads, dim, dim)


MLA = ("full", None, 1, 512, 64)  # DeepSeek's latent (kv_lora_rank) and its RoPE key
CROSS = ("cross", None, 8, 128, 128)  # Mllama's cross-attention over the vision states
DOTS3_SLIDING = ("sliding", 513, 1, 1024, 64)  # dots3-note's sliding latent and RoPE key


def pattern(layers: str, attention: Layer) -> list[Layer]:
    """Nemotron-H's hybrid_override_pattern: ``*`` an attention block, M/E/- none."""
    return [attention if c == "*" else NONE for c in layers]


def at(count: int, where: set[int], attention: Layer) -> list[Layer]:
    """``count`` layers, attention at the indices ``where`` (the published layer lists)."""
    return [attention if i in where else NONE for i in range(count)]


NEMOTRON_H_8B = "M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M*-M-M-M-M-M-"  # 24 M, 4 *, 24 -
NEMOTRON_NANO_9B_V2 = "M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-"  # 27 M, 4 *
LFM2_ATTENTION = {2, 5, 8, 10, 12, 14}  # of 16: conv, conv, attention, ...
MIMO_FULL: Layer = ("full", None, 4, 192, 128)
MIMO_SLIDING: Layer = ("sliding", 129, 8, 192, 128)

PUBLISHED: dict[str, tuple[list[Layer], int]] = {
    # Llama family (Falcon3, Yi and SmolLM2 publish LlamaForCausalLM)
    "llama-2-7b": ([full(32, 128)] * 32, 32 * 32 * 256 * 2),
    "llama-3.1-8b-instruct": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    "llama-3.2-1b": ([full(8, 64)] * 16, 16 * 8 * 128 * 2),  # head_dim 64
    "llama-3.3-70b-instruct": ([full(8, 128)] * 80, 80 * 8 * 256 * 2),
    "llama-4-maverick-17b-128e-text": (  # chunked attention, every 4th layer global
        ([("chunked", 8192, 8, 128, 128)] * 3 + [full(8, 128)]) * 12,
        48 * 8 * 256 * 2,
    ),
    "falcon3-7b-base": ([full(4, 256)] * 28, 28 * 4 * 512 * 2),  # head_dim 256 != 3072 / 12
    "yi-34b": ([full(8, 128)] * 60, 60 * 8 * 256 * 2),  # 7168 / 56
    "smollm2-1.7b": ([full(32, 64)] * 24, 24 * 32 * 128 * 2),
    # Mistral: no window on Nemo, Small 3, Large 2
    "mistral-nemo-base-2407": ([full(8, 128)] * 40, 40 * 8 * 256 * 2),  # head_dim 128 != 160
    "mistral-small-24b-base-2501": ([full(8, 128)] * 40, 40 * 8 * 256 * 2),
    "mistral-large-instruct-2407": ([full(8, 128)] * 88, 88 * 8 * 256 * 2),
    "mixtral-8x22b-v0.1": ([full(8, 128)] * 56, 56 * 8 * 256 * 2),
    "mistral-7b-v0.3": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),  # v0.1's 4096 window is gone
    # Qwen: use_sliding_window false everywhere
    "qwen2-7b": ([full(4, 128)] * 28, 28 * 4 * 256 * 2),
    "qwen2.5-72b-instruct": ([full(8, 128)] * 80, 80 * 8 * 256 * 2),
    "qwen2.5-0.5b": ([full(2, 64)] * 24, 24 * 2 * 128 * 2),  # 896 / 14
    "qwq-32b": ([full(8, 128)] * 64, 64 * 8 * 256 * 2),
    "qwen1.5-moe-a2.7b": ([full(16, 128)] * 24, 24 * 16 * 256 * 2),
    "qwen3-8b": ([full(8, 128)] * 36, 36 * 8 * 256 * 2),
    "qwen3-30b-a3b": ([full(4, 128)] * 48, 48 * 4 * 256 * 2),
    "qwen3-235b-a22b": ([full(4, 128)] * 94, 94 * 4 * 256 * 2),
    # DeepSeek MLA: one latent head of 512 + 64 per layer
    "deepseek-v2.5": ([MLA] * 60, 60 * 576 * 2),
    "deepseek-coder-v2-lite-instruct": ([MLA] * 27, 27 * 576 * 2),
    "deepseek-r1": ([MLA] * 61, 61 * 576 * 2),
    "kimi-k2-instruct": ([MLA] * 61, 61 * 576 * 2),
    # Gemma 1/2/3
    "gemma-2b": ([full(1, 256)] * 18, 18 * 1 * 512 * 2),
    "gemma-7b": ([full(16, 256)] * 28, 28 * 16 * 512 * 2),
    "gemma-2-2b": ([sliding(4096, 4, 256), full(4, 256)] * 13, 26 * 4 * 512 * 2),
    "gemma-2-27b": ([sliding(4096, 16, 128), full(16, 128)] * 23, 46 * 16 * 256 * 2),
    "gemma-3-270m": (([sliding(512, 1, 256)] * 5 + [full(1, 256)]) * 3, 18 * 1 * 512 * 2),
    "gemma-3-12b-it": (([sliding(1024, 8, 256)] * 5 + [full(8, 256)]) * 8, 48 * 8 * 512 * 2),
    "gemma-3-27b-it": (
        ([sliding(1024, 16, 128)] * 5 + [full(16, 128)]) * 10 + [sliding(1024, 16, 128)] * 2,
        62 * 16 * 256 * 2,
    ),
    # Phi
    "phi-1_5": ([full(32, 64)] * 24, 24 * 32 * 128 * 2),
    "phi-2": ([full(32, 80)] * 32, 32 * 32 * 160 * 2),
    "phi-3-medium-4k-instruct": ([sliding(2047, 10, 128)] * 40, 40 * 10 * 256 * 2),
    "phi-4": ([full(10, 128)] * 40, 40 * 10 * 256 * 2),  # sliding_window null
    "phi-3.5-moe-instruct": ([sliding(131072, 8, 128)] * 32, 32 * 8 * 256 * 2),
    # OLMo
    "olmo-7b-hf": ([full(32, 128)] * 32, 32 * 32 * 256 * 2),
    "olmo-2-1124-7b": ([full(32, 128)] * 32, 32 * 32 * 256 * 2),
    "olmo-3-1025-7b": (([sliding(4096, 32, 128)] * 3 + [full(32, 128)]) * 8, 32 * 32 * 256 * 2),
    "olmoe-1b-7b-0924": ([full(16, 128)] * 16, 16 * 16 * 256 * 2),
    # Cohere: Command-R, Aya 23, Command R7B (3 sliding then 1 full)
    "c4ai-command-r-v01": ([full(64, 128)] * 40, 40 * 64 * 256 * 2),
    "aya-23-8b": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    "c4ai-command-r7b-12-2024": (
        ([sliding(4096, 8, 128)] * 3 + [full(8, 128)]) * 8,
        32 * 8 * 256 * 2,
    ),
    # StableLM, StarCoder2, GPT-J, CodeGen, GPT-NeoX / Pythia, OPT, BLOOM, GPT-2, Persimmon
    "stablelm-2-1_6b": ([full(32, 64)] * 24, 24 * 32 * 128 * 2),
    "starcoder2-15b": ([sliding(4096, 4, 128)] * 40, 40 * 4 * 256 * 2),
    "starcoder2-3b": ([sliding(4096, 2, 128)] * 30, 30 * 2 * 256 * 2),
    "gpt-j-6b": ([full(16, 256)] * 28, 28 * 16 * 512 * 2),
    "codegen-2b-mono": ([full(32, 80)] * 32, 32 * 32 * 160 * 2),
    "gpt-neox-20b": ([full(64, 96)] * 44, 44 * 64 * 192 * 2),
    "pythia-1.4b": ([full(16, 128)] * 24, 24 * 16 * 256 * 2),
    "opt-6.7b": ([full(32, 128)] * 32, 32 * 32 * 256 * 2),
    "opt-350m": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "bloom-7b1": ([full(32, 128)] * 30, 30 * 32 * 256 * 2),
    "bloom-560m": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "gpt2-medium": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "gpt2-xl": ([full(25, 64)] * 48, 48 * 25 * 128 * 2),
    "persimmon-8b-base": ([full(64, 64)] * 36, 36 * 64 * 128 * 2),
    # IBM Granite 3 (dense, MoE)
    "granite-3.1-8b-instruct": ([full(8, 128)] * 40, 40 * 8 * 256 * 2),
    "granite-3.0-3b-a800m-instruct": ([full(8, 64)] * 32, 32 * 8 * 128 * 2),
    # Jamba 1.5 Large: attention on layers 4, 12, ..., 68
    "jamba-1.5-large": (([NONE] * 4 + [full(8, 128)] + [NONE] * 3) * 9, 9 * 8 * 256 * 2),
    # GLM: GLM-4 (glm, glm4), GLM-4.5 (glm4_moe)
    "glm-4-9b-chat-hf": ([full(2, 128)] * 40, 40 * 2 * 256 * 2),
    "glm-4-9b-0414": ([full(2, 128)] * 40, 40 * 2 * 256 * 2),
    "glm-4.5-air": ([full(8, 128)] * 46, 46 * 8 * 256 * 2),
    "glm-4.5": ([full(8, 128)] * 92, 92 * 8 * 256 * 2),
    # the rest, one or two per family
    "seed-oss-36b-instruct": ([full(8, 128)] * 64, 64 * 8 * 256 * 2),
    "apertus-8b-2509": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    "afm-4.5b": ([full(4, 128)] * 36, 36 * 4 * 256 * 2),
    "ernie-4.5-0.3b-pt": ([full(2, 128)] * 18, 18 * 2 * 256 * 2),
    "ernie-4.5-21b-a3b-pt": ([full(4, 128)] * 28, 28 * 4 * 256 * 2),
    "smollm3-3b": ([full(4, 128)] * 36, 36 * 4 * 256 * 2),  # NoPE every 4th: still cached
    "exaone-3.5-7.8b-instruct": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    "gpt-oss-120b": ([sliding(128, 8, 64), full(8, 64)] * 18, 36 * 8 * 128 * 2),
    "helium-1-2b": ([full(8, 128)] * 28, 28 * 8 * 256 * 2),
    "minimax-m2": ([full(8, 128)] * 62, 62 * 8 * 256 * 2),
    "nemotron-mini-4b-instruct": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    "bitnet-b1.58-2b-4t": ([full(5, 128)] * 30, 30 * 5 * 256 * 2),
    "dots.llm1.inst": ([full(32, 128)] * 62, 62 * 32 * 256 * 2),
    "ctrl": ([full(16, 80)] * 48, 48 * 16 * 160 * 2),
    "xglm-564m": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "gpt-neox-japanese-2.7b": ([full(32, 80)] * 32, 32 * 32 * 160 * 2),
    # DBRX (d_model 6144 / 48 heads, attn_config.kv_n_heads 8); JetMoE (16 KV heads of
    # kv_channels 128, shared by its attention experts); their routing runs a stand-in on meta
    "dbrx-instruct": ([full(8, 128)] * 40, 40 * 8 * 256 * 2),
    "jetmoe-8b": ([full(16, 128)] * 24, 24 * 16 * 256 * 2),
    # ModernBERT decoder (Ettin): full on every 3rd layer from 0, else a window of
    # local_attention // 2 = 64 (transformers halves ModernBERT's 128); 768 / 12 heads
    "ettin-decoder-150m": (
        ([full(12, 64)] + [sliding(64, 12, 64)] * 2) * 7 + [full(12, 64)],
        22 * 12 * 128 * 2,
    ),
    # MiniCPM3: MLA with a 256-wide latent and a 32-wide RoPE key
    "minicpm3-4b": ([("full", None, 1, 256, 32)] * 62, 62 * 288 * 2),
    # hybrids: Bamba's attention on layers 9, 18, 27; MiniMax-Text-01's on every 8th
    "bamba-9b": (
        [NONE] * 9 + [full(8, 128)] + ([NONE] * 8 + [full(8, 128)]) * 2 + [NONE] * 4,
        3 * 8 * 256 * 2,
    ),
    "minimax-text-01": (([NONE] * 7 + [full(8, 128)]) * 10, 10 * 8 * 256 * 2),
    # Zamba: Mamba layers, a shared attention block (2 x hidden wide) on layers 2, 7, 13, ... 73
    "zamba-7b-v1": (at(76, {2, *range(7, 76, 6)}, full(16, 464)), 13 * 16 * 928 * 2),
    # Zamba2: hybrid layers from layers_block_type; attention 2 x hidden / heads wide
    "zamba2-2.7b": (
        at(54, {6, 12, 18, 24, 30, 36, 42, 47, 51}, full(32, 160)),
        9 * 32 * 320 * 2,
    ),
    "zamba2-1.2b": (at(38, {6, 12, 18, 24, 30, 36}, full(32, 128)), 6 * 32 * 256 * 2),
    # LFM2: short convolutions, attention on 6 of 16 layers (head_dim hidden / heads = 64)
    "lfm2-350m": (at(16, LFM2_ATTENTION, full(8, 64)), 6 * 8 * 128 * 2),
    "lfm2-700m": (at(16, LFM2_ATTENTION, full(8, 64)), 6 * 8 * 128 * 2),
    "lfm2-1.2b": (at(16, LFM2_ATTENTION, full(8, 64)), 6 * 8 * 128 * 2),
    "lfm2-8b-a1b": (at(24, {2, 6, 10, 14, 18, 21}, full(8, 64)), 6 * 8 * 128 * 2),
    # Llama 3.2 Vision's text model: cross-attention (to the image's states, per sequence, not
    # per token: left out of the bytes) on every 5th layer from 3
    "llama-3.2-11b-vision-text": (
        [CROSS if i % 5 == 3 else full(8, 128) for i in range(40)],
        32 * 8 * 256 * 2,
    ),
    "llama-3.2-90b-vision-text": (
        [CROSS if i % 5 == 3 else full(8, 128) for i in range(100)],
        80 * 8 * 256 * 2,
    ),
    # GPT-Neo: global and local (256-token window) layers alternate
    "gpt-neo-125m": ([full(12, 64), sliding(256, 12, 64)] * 6, 12 * 12 * 128 * 2),
    # CPM-Ant: 32 heads of dim_head 128 (its 32 prompt tokens are cached like text)
    "cpm-ant-10b": ([full(32, 128)] * 48, 48 * 32 * 256 * 2),
    # Falcon-H1: attention (head_dim 64) beside a Mamba2 mixer on every layer
    "falcon-h1-0.5b-base": ([full(2, 64)] * 36, 36 * 2 * 128 * 2),
    # InternLM3: head_dim 128, 2 KV heads; BioGPT: 1024 / 16 and 1600 / 25 = 64
    "internlm3-8b-instruct": ([full(2, 128)] * 48, 48 * 2 * 256 * 2),
    "biogpt": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "biogpt-large": ([full(25, 64)] * 48, 48 * 25 * 128 * 2),
    # Granite 4.0-H-Small: attention (NoPE) on layers 5, 15, 25, 35 of 40, Mamba2 elsewhere
    "granite-4.0-h-small": (at(40, {5, 15, 25, 35}, full(8, 128)), 4 * 8 * 256 * 2),
    # Kimi-Linear: MLA (one latent head, 512 + 64) on the 1-based full_attn_layers, KDA elsewhere
    "kimi-linear-48b-a3b-instruct": (
        at(27, {3, 7, 11, 15, 19, 23, 26}, ("full", None, 1, 512, 64)),
        7 * 576 * 2,
    ),
    # Qwen3.5-35B-A3B's text model: gated DeltaNet, full attention (head_dim 256) every 4th
    "qwen3.5-35b-a3b-text": (([NONE] * 3 + [full(2, 256)]) * 10, 10 * 2 * 512 * 2),
    # Hy-MT2-7B (HunYuan dense): use_cla false, so every layer keeps its own K/V
    "hy-mt2-7b": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    # From transformers' config defaults (README): Qwen3.5-9B's text model, DeltaNet on 3 of
    # every 4 layers, full attention (head_dim 256) on the 4th; Hunyuan-A13B (its quoted
    # geometry: 8 KV heads of 128, where the class defaults to 32)
    "qwen3.5-9b-text": (([NONE] * 3 + [full(4, 256)]) * 8, 8 * 4 * 512 * 2),
    "hunyuan-a13b-instruct": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    # Nemotron-H: only the * blocks cache K/V
    "nemotron-h-8b-base-8k": (pattern(NEMOTRON_H_8B, full(8, 128)), 4 * 8 * 256 * 2),
    "nvidia-nemotron-nano-9b-v2": (pattern(NEMOTRON_NANO_9B_V2, full(8, 128)), 4 * 8 * 256 * 2),
    # Encoder-decoders: the decoder's self-attention per token (d_model / decoder heads)
    "whisper-large-v3": ([full(20, 64)] * 32, 32 * 20 * 128 * 2),  # 1280 / 20
    "whisper-tiny": ([full(6, 64)] * 4, 4 * 6 * 128 * 2),  # 384 / 6
    "bart-large": ([full(16, 64)] * 12, 12 * 16 * 128 * 2),
    "mbart-large-50": ([full(16, 64)] * 12, 12 * 16 * 128 * 2),
    "opus-mt-en-de": ([full(8, 64)] * 6, 6 * 8 * 128 * 2),  # Marian, 512 / 8
    "pegasus-large": ([full(16, 64)] * 16, 16 * 16 * 128 * 2),
    "blenderbot-400m-distill": ([full(32, 40)] * 12, 12 * 32 * 80 * 2),  # 1280 / 32; 2 encoder
    "blenderbot-small-90m": ([full(16, 32)] * 8, 8 * 16 * 64 * 2),  # 512 / 16
    "plbart-base": ([full(12, 64)] * 6, 6 * 12 * 128 * 2),
    "mvp": ([full(16, 64)] * 12, 12 * 16 * 128 * 2),
    "bigbird-pegasus-large-arxiv": ([full(16, 64)] * 16, 16 * 16 * 128 * 2),  # decoder: full
    "prophetnet-large-uncased": ([full(16, 64)] * 12, 12 * 16 * 128 * 2),  # the main stream
    "trocr-base-handwritten-decoder": ([full(16, 64)] * 12, 12 * 16 * 128 * 2),
    "musicgen-small-decoder": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),  # 1024 / 16
    # The BERT family run as decoders (is_decoder): hidden / heads, no cross-attention asked for
    "bert-base-uncased": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "roberta-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "xlm-roberta-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "xlm-roberta-xl": ([full(32, 80)] * 36, 36 * 32 * 160 * 2),  # 2560 / 32
    "electra-base-discriminator": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "camembert-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "ernie-3.0-base-zh": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "rembert": ([full(18, 64)] * 32, 32 * 18 * 128 * 2),  # 1152 / 18
    "roformer-chinese-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "megatron-bert-cased-345m": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "data2vec-text-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "bigbird-roberta-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),  # 8 tokens: full attention
    "efficient-mlm-m0.40": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),  # BERT-large: 1024 / 16
    "bert-for-seq-generation-l-24-bbc-encoder": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    "xlm-mlm-en-2048": ([full(16, 128)] * 12, 12 * 16 * 256 * 2),  # 2048 / 16
    # From configs quoted in public code (README: the quotes' index ids)
    "trinity-nano-preview": (  # AFMoE: global_attn_every_n_layers 4, window 2048
        ([sliding(2048, 2, 128)] * 3 + [full(2, 128)]) * 14,
        56 * 2 * 256 * 2,
    ),
    "glm-4.7-flash": ([MLA] * 47, 47 * 576 * 2),  # kv_lora_rank 512 + qk_rope_head_dim 64
    "solar-open-100b": ([full(8, 128)] * 48, 48 * 8 * 256 * 2),
    "mimo-v2-flash": (  # full on layer 0 and every 6th; sliding layers: twice the KV heads, a
        # window of sliding_window_size 128 + the query (129); V 128 beside Q/K 192
        [MIMO_FULL]
        + ([MIMO_SLIDING] * 4 + [MIMO_FULL] + [MIMO_SLIDING]) * 7
        + [MIMO_SLIDING] * 4
        + [MIMO_FULL],
        (9 * 4 + 39 * 8) * (192 + 128) * 2,
    ),
    "glm-5.3": ([MLA] * 78, 78 * 576 * 2 + 21 * 128 * 2),  # + 21 layers' indexer keys
    "gemma-4-31b-it-text": (  # full every 6th: 4 global KV heads of 512 (V is K, cached twice)
        ([sliding(1024, 16, 256)] * 5 + [full(4, 512)]) * 10,
        (50 * 16 * 512 + 10 * 4 * 1024) * 2,
    ),
    "gemma-4-12b-text": (  # full every 6th: 1 global KV head of 512 (V is K, cached twice)
        ([sliding(1024, 8, 256)] * 5 + [full(1, 512)]) * 8,
        (40 * 8 * 512 + 8 * 1 * 1024) * 2,
    ),
    "dots3-note-prev-text": (  # indexed MLA on layers 0, 1, 5, ..., 45 (+ a 128-wide indexer
        # key each); sliding_window_size 513 on the rest, their own latent: 1024 + rope 64
        [DOTS3_SLIDING if i not in {0, *range(1, 46, 4)} else MLA for i in range(46)],
        (13 * (576 + 128) + 33 * (1024 + 64)) * 2,
    ),
    "ling-3.0-tiny": (  # MLA closes each group of 4; KDA (no K/V cache) on the other 18
        ([NONE] * 3 + [MLA]) * 6,
        6 * 576 * 2,
    ),
    "apertus-v1.5-8b-text": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    "granite-swash-2b": (  # full on layer 0 and every 4th, 2560 / 20 = 128 wide
        ([full(4, 128)] + [sliding(128, 4, 128)] * 3) * 6,
        24 * 4 * 256 * 2,
    ),
    "hy3": ([full(8, 128)] * 80, 80 * 8 * 256 * 2),  # 327680: the quote's own 320 KiB
    "mellum2-12b-a2.5b-base": (  # sliding 1024 on 3 of every 4 layers, full on 3, 7, ..., 27
        ([sliding(1024, 4, 128)] * 3 + [full(4, 128)]) * 7,
        28 * 4 * 256 * 2,
    ),
    "youtu-llm-2b": ([MLA] * 32, 32 * 576 * 2),  # dense MLA, no experts
    "granite-swash-3b-a600m": (  # full on layers 0, 3, 7, ..., 27 (8 of 28), 1280 / 20 = 64
        [
            full(4, 64) if i in {0, 3, 7, 11, 15, 19, 23, 27} else sliding(128, 4, 64)
            for i in range(28)
        ],
        28 * 4 * 128 * 2,
    ),
    "laguna-xs-2.1": (  # full on every 4th layer from 0 (48 query heads), sliding 512 (64)
        ([full(8, 128)] + [sliding(512, 8, 128)] * 3) * 10,
        40 * 8 * 256 * 2,
    ),
    # HRM-Text: 16 layers per stack run H_cycles x (L_cycles + 1) = 2 x 4 times, a cache slot
    # per invocation (128), each 12 heads x 128
    "hrm-text-1b": ([full(12, 128)] * 128, 128 * 12 * 256 * 2),
    "longcat-flash-chat": ([MLA] * 56, 56 * 576 * 2),  # 28 blocks x 2 MLA sublayers
    "vaultgemma-1b": ([full(4, 256)] * 26, 26 * 4 * 512 * 2),  # full on every layer
    # X-MOD and RoCBERT at their config classes' defaults: BERT-base geometry, 768 / 12
    "xmod-base": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    "roc-bert-base-zh": ([full(12, 64)] * 12, 12 * 12 * 128 * 2),
    # Full-size configs once checked by kvarch alone in the schema tests
    "fuyu-8b": ([full(64, 64)] * 36, 36 * 64 * 128 * 2),  # Persimmon: 4096 / 64, no GQA
    "gpt-sw3-1.3b": ([full(16, 128)] * 24, 24 * 16 * 256 * 2),  # GPT-2 layout, 2048 / 16
    # Moshi's window equals its 3000 positions: every layer sliding, nothing dropped in range
    "hf-moshika": ([sliding(3000, 32, 128)] * 32, 32 * 32 * 256 * 2),
    "a.x-k1": ([MLA] * 61, 61 * 576 * 2),  # A.X-K1: DeepSeek-V3's latent, 61 layers
    "phi-4-multimodal-instruct": ([full(8, 96)] * 32, 32 * 8 * 192 * 2),  # 3072 / 32, GQA 8
    # At their config classes' documented defaults (README: "transformers' documented config
    # defaults, second pass")
    "cwm": (  # full on every 4th layer from 0, sliding 8192 on the rest
        ([full(8, 128)] + [sliding(8192, 8, 128)] * 3) * 16,
        64 * 8 * 256 * 2,
    ),
    "flexolmo-7x7b-1t": ([full(32, 128)] * 32, 32 * 32 * 256 * 2),  # 4096 / 32, no GQA
    "iquest-coder-v1-40b-instruct": ([full(8, 128)] * 80, 80 * 8 * 256 * 2),
    "command-a-plus-05-2026": (  # sliding_window_pattern 4: full on every 4th layer from 3
        ([sliding(4096, 64, 128)] * 3 + [full(64, 128)]) * 10,
        40 * 64 * 256 * 2,
    ),
    "sarvam-30b": ([full(4, 64)] * 19, 19 * 4 * 128 * 2),  # head_dim 64
    "sarvam-105b": ([MLA] * 32, 32 * 576 * 2),  # kv_lora_rank 512 + qk_rope_head_dim 64
    "jais-2-8b-chat": ([full(26, 128)] * 32, 32 * 26 * 256 * 2),  # 3328 / 26, no GQA
    "beam-1.0-501b-a23b": (  # full on every 6th layer from 5 and on the last, sliding 512
        ([sliding(512, 8, 128)] * 5 + [full(8, 128)]) * 8
        + [sliding(512, 8, 128)] * 3
        + [full(8, 128)],
        52 * 8 * 256 * 2,
    ),
    "git-base": ([full(12, 64)] * 6, 6 * 12 * 128 * 2),  # the text decoder: 768 / 12
    "lfm3-1.7b": (  # conv, conv, then attention on every even layer: full at 2, 6, ..., 22,
        # sliding 256 at 4, 8, ..., 20; conv on the other 13
        [NONE] * 2 + ([full(4, 128), NONE, sliding(256, 4, 128), NONE] * 5) + [full(4, 128), NONE],
        11 * 4 * 256 * 2,
    ),
    "olmo-hybrid-7b": (([NONE] * 3 + [full(30, 128)]) * 8, 8 * 30 * 256 * 2),  # 3840 / 30
    # Hy4: MLA on all 34 layers, + the indexer keys (128) of the 10 "full" indexer layers (0,
    # 1, 5, ..., 33; the "shared" ones reuse the last full layer's top-k)
    "hy4-preview": ([MLA] * 34, 34 * 576 * 2 + 10 * 128 * 2),
    "lara-4-mini-base": (  # DeltaNet, sliding 512, DeltaNet, full, sliding: 6 times and 4 more
        ([NONE, sliding(512, 4, 128), NONE, full(4, 128), sliding(512, 4, 128)] * 7)[:34],
        20 * 4 * 256 * 2,
    ),
    "flint": (  # full on layers 0, 1, every 4th from 5, and the last; sliding 513 on the 35 others
        [
            full(4, 128) if i in {0, 1, 48} or i % 4 == 1 else sliding(513, 4, 128)
            for i in range(49)
        ],
        49 * 4 * 256 * 2,
    ),
    # Dory: 8 input layers, 20 recurrent ones run twice (a cache per loop), 8 output layers:
    # 56 cache layers; full on every 4th layer (8 and 20 keep the pattern across the loops)
    "nemotron-labs-dory1.0-4b": (
        ([sliding(1024, 4, 256)] * 3 + [full(4, 256)]) * 14,
        56 * 4 * 512 * 2,
    ),
    # GOT-OCR2's Qwen2 text model (use_sliding_window false): 1024 / 16; the SAM tower caches
    # nothing (its image tokens are cached as text)
    "got-ocr-2.0-hf": ([full(16, 64)] * 24, 24 * 16 * 128 * 2),
    # MOSS-Transcribe-Diarize's Qwen3 text model, head_dim 128 given; the Whisper encoder and
    # adaptor cache nothing (the audio tokens are cached as text)
    "moss-transcribe-diarize": ([full(8, 128)] * 28, 28 * 8 * 256 * 2),
    # Kolibri-1: sliding 513 on 4 of every 5 layers, full on 4, 9, ..., 49; 4 KV heads of 128
    "kolibri-1": (([sliding(513, 4, 128)] * 4 + [full(4, 128)]) * 10, 50 * 4 * 256 * 2),
    # ZAYA1-8B: 40 hybrid layers (CCA attention + MoE), full attention, 2 KV heads of 128
    "zaya1-8b": ([full(2, 128)] * 40, 40 * 2 * 256 * 2),
    # Inkling-Small's text model: global on 5, 11, ..., 41 (not in local_layer_ids), sliding
    # 512 on the 35 others, 8 KV heads of 128 on both kinds (swa_* equal the global widths)
    "inkling-small-text": (([sliding(512, 8, 128)] * 5 + [full(8, 128)]) * 7, 42 * 8 * 256 * 2),
    # DiffLlama-0.3B-handcut: 16 layers, 8 KV heads of head_dim 64 (V cached before the
    # differential split: 64 wide, as K)
    "diffllama-0.3b-handcut": ([full(8, 64)] * 16, 16 * 8 * 128 * 2),
    # Doge-160M: no sliding_window, so every layer is full (the dynamic mask keeps the cache
    # whole); 3 KV heads of 768 / 6 = 128
    "doge-160m": ([full(3, 128)] * 24, 24 * 3 * 256 * 2),
    # nanochat d32: 32 layers, 16 heads of 2048 / 16 = 128, no GQA
    "nanochat-d32": ([full(16, 128)] * 32, 32 * 16 * 256 * 2),
    # K-EXAONE: LLLG, sliding 128 on 3 of every 4 layers, full on 3, 7, ..., 47; 8 KV heads of 128
    "k-exaone-236b-a23b": (([sliding(128, 8, 128)] * 3 + [full(8, 128)]) * 12, 48 * 8 * 256 * 2),
    # MusicGen-Melody's decoder: 48 self-attention layers, 24 heads of 1536 / 24 = 64; no
    # cross-attention (the conditioning is cached as prefix tokens)
    "musicgen-melody-decoder": ([full(24, 64)] * 48, 48 * 24 * 128 * 2),
    # Ministral 3 8B's text model: no sliding_window, so full attention on all 34 layers; 8 KV
    # heads of the explicit head_dim 128 (YaRN and the llama-4 query scale leave the cache alone)
    "ministral-3-8b-base-2512-text": ([full(8, 128)] * 34, 34 * 8 * 256 * 2),
    # Emu3-Chat-hf: Emu3TextConfig's 32 layers, 8 KV heads of 4096 / 32 = 128, full attention
    # (the VQ-VAE tokenizes images into text tokens and caches nothing)
    "emu3-chat-hf": ([full(8, 128)] * 32, 32 * 8 * 256 * 2),
    # Aria's text model: 28 full-attention layers, 20 KV heads (no GQA) of 2560 / 20 = 128
    "aria-text": ([full(20, 128)] * 28, 28 * 20 * 256 * 2),
}

#: Encoder-decoder fixtures: cross-attention (KV heads, K dim, V dim) on every decoder layer, and
#: the encoder states kvarch sizes it for (Whisper: 1500 audio frames; the rest: positions)
CROSS: dict[str, tuple[tuple[int, int, int], int]] = {
    "whisper-large-v3": ((20, 64, 64), 1500),
    "whisper-tiny": ((6, 64, 64), 1500),
    "bart-large": ((16, 64, 64), 1024),
    "mbart-large-50": ((16, 64, 64), 1024),
    "opus-mt-en-de": ((8, 64, 64), 512),
    "pegasus-large": ((16, 64, 64), 1024),
    "blenderbot-400m-distill": ((32, 40, 40), 128),
    "blenderbot-small-90m": ((16, 32, 32), 512),
    "plbart-base": ((12, 64, 64), 1024),
    "mvp": ((16, 64, 64), 1024),
    "bigbird-pegasus-large-arxiv": ((16, 64, 64), 4096),
    "prophetnet-large-uncased": ((16, 64, 64), 512),
    "musicgen-small-decoder": ((16, 64, 64), 2048),  # its positions: the T5 encoder is apart
    "trocr-base-handwritten-decoder": ((16, 64, 64), 512),  # its positions: the ViT is apart
}


def _mamba(layers: int, inner: int, groups_x_state: int, conv: int, ssm: int) -> int:
    """``layers`` Mamba mixers: a bf16 conv window over x (and B, C), a float32 SSM state."""
    return layers * ((inner + 2 * groups_x_state) * conv * 2 + ssm * 4)


#: Per-sequence state bytes of the hybrid fixtures (bf16 model), by hand; the rest keep none.
STATE: dict[str, int] = {
    # Jamba: expand 2 x hidden, d_conv 4, d_state 16 on every Mamba layer
    "jamba-v0.1": _mamba(28, 8192, 0, 4, 8192 * 16),  # 16515072: 15.75 MiB
    "jamba-1.5-large": _mamba(63, 16384, 0, 4, 16384 * 16),
    # Bamba: 128 heads x 64, one group of d_state 128
    "bamba-9b": _mamba(29, 8192, 128, 4, 128 * 64 * 128),
    # MiniMax: 64 heads of K^T V (128 x 128) in the model's dtype, on 70 lightning layers
    "minimax-text-01": 70 * 64 * 128 * 128 * 2,
    # Qwen3-Next: gated DeltaNet, conv over q, k (16 x 128) and v (32 x 128), 32 heads 128 x 128
    "qwen3-next-80b-a3b-instruct": 36 * ((2 * 16 * 128 + 32 * 128) * 4 * 2 + 32 * 128 * 128 * 4),
    # Zamba: every layer runs a Mamba mixer, 2 heads over 2 x 3712
    "zamba-7b-v1": _mamba(76, 7424, 0, 4, 7424 * 16),
    # Zamba2: every layer runs a Mamba2 mixer: inner 2 x hidden in heads of 64, d_state 64
    "zamba2-2.7b": _mamba(54, 5120, 64, 4, 80 * 64 * 64),
    "zamba2-1.2b": _mamba(38, 4096, 64, 4, 64 * 64 * 64),
    # Falcon-H1: every layer's mixer, 24 heads x 64 (mamba_d_ssm 1536), one group of d_state 128
    "falcon-h1-0.5b-base": _mamba(36, 1536, 128, 4, 24 * 64 * 128),
    # Granite 4.0-H-Small: 36 Mamba2 mixers, 128 heads x 64, one group of d_state 128
    "granite-4.0-h-small": _mamba(36, 128 * 64, 128, 4, 128 * 64 * 128),  # 146.3 MiB
    # Kimi-Linear: 20 KDA layers, a conv window of 4 over q, k, v (32 x 128 each), 32 heads of
    # 128 x 128 in float32
    "kimi-linear-48b-a3b-instruct": 20 * (3 * 32 * 128 * 4 * 2 + 32 * 128 * 128 * 4),
    # Ling-3.0-tiny: 18 KDA layers, a conv window of 4 over q, k, v (16 x 128 each), 16 heads
    # of 128 x 128 in float32
    "ling-3.0-tiny": 18 * (3 * 16 * 128 * 4 * 2 + 16 * 128 * 128 * 4),
    # Qwen3.5-35B-A3B: Qwen3-Next's DeltaNet widths on 30 linear layers
    "qwen3.5-35b-a3b-text": 30 * ((2 * 16 * 128 + 32 * 128) * 4 * 2 + 32 * 128 * 128 * 4),
    # Qwen3.5-9B: the same DeltaNet widths (16 key / 32 value heads of 128) on 24 linear layers
    "qwen3.5-9b-text": 24 * ((2 * 16 * 128 + 32 * 128) * 4 * 2 + 32 * 128 * 128 * 4),
    # LFM2: a window of 3 over the hidden stream on each convolution layer
    "lfm2-350m": 10 * 1024 * 3 * 2,
    "lfm2-700m": 10 * 1536 * 3 * 2,
    "lfm2-1.2b": 10 * 2048 * 3 * 2,
    "lfm2-8b-a1b": 18 * 2048 * 3 * 2,
    "lfm3-1.7b": 13 * 2048 * 7 * 2,  # conv_L_cache 7
    # OLMo Hybrid: gated DeltaNet on 24 layers, conv over q, k (30 x 96) and v (30 x 192), 30
    # heads of 96 x 192 in float32
    "olmo-hybrid-7b": 24 * ((2 * 30 * 96 + 30 * 192) * 4 * 2 + 30 * 96 * 192 * 4),
    # Lara Mini: gated DeltaNet on 14 layers, conv over q, k (8 x 128) and v (16 x 128), 16 heads
    # of 128 x 128 in float32
    "lara-4-mini-base": 14 * ((2 * 8 * 128 + 16 * 128) * 4 * 2 + 16 * 128 * 128 * 4),
    # Nemotron-H: the M blocks, 128 heads x mamba_head_dim, 8 groups of d_state 128
    "nemotron-h-8b-base-8k": _mamba(24, 128 * 64, 8 * 128, 4, 128 * 64 * 128),
    "nvidia-nemotron-nano-9b-v2": _mamba(27, 128 * 80, 8 * 128, 4, 128 * 80 * 128),
    # ZAYA1-8B's CCA: a bf16 window of (2 - 1) + (2 - 1) over its q and k streams (8 + 2 heads
    # of 128), and the last token's delayed value half (2 x 128 / 2), in bf16, on all 40 layers
    "zaya1-8b": 40 * ((8 + 2) * 128 * 2 * 2 + 128 * 2),
    # Inkling-Small: 4 short convolutions a layer (K and V over 8 x 128, the attention and MLP
    # branches over 4096), windows of the kernel's 4, in float32 as transformers keeps them
    "inkling-small-text": 42 * (2 * 8 * 128 + 2 * 4096) * 4 * 4,
}


# DeepSeek-V4-Flash-Base: compress_ratios 0, 0, then 4 and 128 alternating over layers 2-42
# (the 44th entry, for the MTP layer, is not a layer transformers builds). Every layer keeps a
# window of 128 tokens of one 512-wide head: a sliding layer caches it as K and as V, a
# compressed layer as one tensor (V dim 0). Per token: 2 x (512 + 512) x 2 + 41 x 512 x 2 =
# 46080 window bytes, and the entries over their N tokens: CSA (512 + 128) x 2 / 4 = 320 on 21
# layers, HCA 512 x 2 / 128 = 8 on 20: 6880. 52960 in all.
DSV4_WINDOW: Layer = ("compressed", 128, 1, 512, 0)
PUBLISHED["deepseek-v4-flash-base"] = (
    [sliding(128, 1, 512)] * 2 + [DSV4_WINDOW] * 41,
    2 * 1024 * 2 + 41 * 512 * 2 + 21 * 640 * 2 // 4 + 20 * 512 * 2 // 128,
)

#: Compressed fixtures: each layer's caches of one entry per N tokens, as (name, N, heads, dim)
CSA = (("compressor", 4, 1, 512), ("indexer", 4, 1, 128))  # entries and indexer keys per 4
HCA = (("compressor", 128, 1, 512),)
COMPRESSED: dict[str, list[tuple[tuple[str, int, int, int], ...]]] = {
    "deepseek-v4-flash-base": [()] * 2 + [CSA, HCA] * 20 + [CSA],
}
# Qwen3.8-Flash-Next (text tower, qwen4_exp_text): 36 gated DeltaNet layers and, every 4th, 12
# indexed attention layers of 2 KV heads x 256, each also caching one 128-wide QSA indexer key
# per token (tests/test_oracle_harness.py's EXTRA_KEYS): 12 x (2 x 512 + 128) x 2 bytes.
PUBLISHED["qwen3.8-flash-next-text"] = (
    ([NONE] * 3 + [full(2, 256)]) * 12,
    12 * (2 * 512 + 128) * 2,
)
# DeltaNet conv over q, k (16 x 128) and v (48 x 128), 48 heads of 128 x 128 in float32; the
# PLE layer (one-indexed 2) adds its convolution's window over the 4 x 2560 streams, (4 - 1) x
# 3 wide (dilated by ngram_size), and the last 2 token ids as int64.
STATE["qwen3.8-flash-next-text"] = (
    36 * ((2 * 16 * 128 + 48 * 128) * 4 * 2 + 48 * 128 * 128 * 4) + 4 * 2560 * 9 * 2 + 2 * 8
)
