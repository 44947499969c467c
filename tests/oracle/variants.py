"""The oracle's catalogue: tiny config variants of every decoder family kvarch must get right.

Each variant is ``(model_type, kwargs)`` for ``transformers.AutoConfig.for_model`` with an id
for pytest. Dims are tiny (hidden 32-64, 2-6 layers, vocab 128) so that a forward pass costs
milliseconds; windows are small so that the probe pass overruns them and the cache shows them.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import PretrainedConfig

__all__ = [
    "ISSUE4_FAMILIES",
    "UNBUILDABLE",
    "VARIANTS",
    "Variant",
    "available_variants",
    "make_config",
]

VOCAB = 128
MAX_POS = 512


@dataclasses.dataclass(frozen=True)
class Variant:
    """One tiny configuration of a transformers decoder family."""

    id: str
    """pytest id, ``family-what``."""
    model_type: str
    """transformers ``model_type``."""
    kwargs: dict[str, Any]
    """Config fields, as a config.json would hold them."""
    note: str = ""
    """What this variant exercises."""


LLAMA_BASE: dict[str, Any] = {
    "vocab_size": VOCAB,
    "hidden_size": 64,
    "intermediate_size": 64,
    "num_hidden_layers": 4,
    "num_attention_heads": 4,
    "num_key_value_heads": 2,
    "max_position_embeddings": MAX_POS,
    "pad_token_id": 0,
}
GPT2_BASE: dict[str, Any] = {
    "vocab_size": VOCAB,
    "n_embd": 64,
    "n_layer": 3,
    "n_head": 4,
    "n_positions": MAX_POS,
    "bos_token_id": 0,
    "eos_token_id": 0,
}


def llama_like(**overrides: Any) -> dict[str, Any]:
    """Llama-style field names: 4 layers, hidden 64, 4 heads, 2 KV heads (GQA)."""
    return {**LLAMA_BASE, **overrides}


def gpt2_like(**overrides: Any) -> dict[str, Any]:
    """GPT-2-style field names (``n_embd``, ``n_layer``, ``n_head``)."""
    return {**GPT2_BASE, **overrides}


def moe(**overrides: Any) -> dict[str, Any]:
    """A llama-like MoE with 2 experts of width 32."""
    return llama_like(moe_intermediate_size=32, num_experts_per_tok=1, **overrides)


SW4 = ["sliding_attention", "full_attention"] * 2
SSSF = ["sliding_attention"] * 3 + ["full_attention"]
SSFSF = ["sliding_attention", "sliding_attention", "full_attention", *SW4[:2]]
VISION = {
    "hidden_size": 32,
    "intermediate_size": 32,
    "num_hidden_layers": 1,
    "num_attention_heads": 2,
    "image_size": 28,
    "patch_size": 14,
}
GEMMA = {"head_dim": 16, "hidden_activation": "gelu_pytorch_tanh"}
MLA = {
    "kv_lora_rank": 16,
    "q_lora_rank": 24,
    "qk_rope_head_dim": 8,
    "qk_nope_head_dim": 16,
    "v_head_dim": 24,
    "n_routed_experts": 4,
    "num_experts_per_tok": 2,
    "moe_intermediate_size": 32,
    "first_k_dense_replace": 1,
    "n_group": 1,
    "topk_group": 1,
}


def _v(id: str, model_type: str, kwargs: dict[str, Any], note: str = "") -> Variant:
    return Variant(id=id, model_type=model_type, kwargs=kwargs, note=note)


VARIANTS: list[Variant] = [
    # --- llama and close relatives -------------------------------------------------------
    _v("llama-gqa", "llama", llama_like(), "GQA 4:2, head_dim = hidden/heads"),
    _v("llama-mha", "llama", llama_like(num_key_value_heads=None), "kv heads absent → heads"),
    _v("llama-mqa", "llama", llama_like(num_key_value_heads=1), "MQA"),
    _v("llama-head-dim", "llama", llama_like(head_dim=24), "explicit head_dim ≠ hidden/heads"),
    _v("mistral-window", "mistral", llama_like(sliding_window=5), "every layer sliding"),
    _v("mistral-no-window", "mistral", llama_like(sliding_window=None, head_dim=32)),
    _v("ministral-window", "ministral", llama_like(sliding_window=5, head_dim=16)),
    _v(
        "ministral-layer-types",
        "ministral",
        llama_like(sliding_window=5, layer_types=SW4, head_dim=24),
        "explicit per-layer sliding/full",
    ),
    _v("mixtral-window", "mixtral", moe(num_local_experts=2, sliding_window=6)),
    _v("mixtral-no-window", "mixtral", moe(num_local_experts=2, sliding_window=None)),
    _v("granite", "granite", llama_like()),
    _v("granite-mqa", "granite", llama_like(num_key_value_heads=1)),
    _v("olmo", "olmo", llama_like()),
    _v("olmo2", "olmo2", llama_like(num_key_value_heads=4)),
    _v("olmo3-pattern", "olmo3", llama_like(sliding_window=5, layer_types=SSSF)),
    _v("smollm3", "smollm3", llama_like()),
    _v(
        "smollm3-window",
        "smollm3",
        llama_like(use_sliding_window=True, sliding_window=5, max_window_layers=2),
    ),
    _v("cohere", "cohere", llama_like()),
    _v("cohere2-pattern", "cohere2", llama_like(sliding_window=5, layer_types=SSSF, head_dim=16)),
    _v("glm4", "glm4", llama_like(head_dim=32, partial_rotary_factor=0.5)),
    _v("exaone4-pattern", "exaone4", llama_like(sliding_window=5, sliding_window_pattern=4)),
    _v(
        "exaone4-full",
        "exaone4",
        llama_like(sliding_window=None, layer_types=["full_attention"] * 4),
    ),
    _v(
        "exaone4-string-pattern",
        "exaone4",
        llama_like(sliding_window=5, sliding_window_pattern="LLLG", layer_types=SSSF),
        "EXAONE-4.0-32B writes the pattern as a string; layer_types then decides",
    ),
    # --- qwen ---------------------------------------------------------------------------
    _v("qwen2", "qwen2", llama_like()),
    _v(
        "qwen2-window-off",
        "qwen2",
        llama_like(use_sliding_window=False, sliding_window=5, max_window_layers=2),
        "use_sliding_window false: no layer windowed",
    ),
    _v(
        "qwen2-max-window-layers",
        "qwen2",
        llama_like(use_sliding_window=True, sliding_window=5, max_window_layers=2),
        "layers ≥ max_window_layers slide",
    ),
    _v(
        "qwen2-moe",
        "qwen2_moe",
        moe(num_experts=2, shared_expert_intermediate_size=32, decoder_sparse_step=1),
    ),
    _v("qwen3", "qwen3", llama_like(head_dim=32), "explicit head_dim like Qwen3-0.6B"),
    _v("qwen3-mqa", "qwen3", llama_like(head_dim=16, num_key_value_heads=1)),
    _v("qwen3-moe", "qwen3_moe", moe(num_experts=2, head_dim=16)),
    # --- gemma --------------------------------------------------------------------------
    _v("gemma", "gemma", llama_like(head_dim=32, num_key_value_heads=1), "Gemma-2B style MQA"),
    _v("gemma2", "gemma2", llama_like(sliding_window=5, **GEMMA), "alternating sliding/full"),
    _v(
        "gemma2-explicit",
        "gemma2",
        llama_like(sliding_window=6, layer_types=SSSF, **GEMMA),
    ),
    _v("gemma3-text", "gemma3_text", llama_like(num_hidden_layers=6, sliding_window=5, **GEMMA)),
    _v(
        "gemma3-text-pattern",
        "gemma3_text",
        llama_like(sliding_window=4, layer_types=SW4, num_key_value_heads=1, **GEMMA),
    ),
    _v(
        "gemma3-vlm",
        "gemma3",
        {
            "text_config": llama_like(sliding_window=5, layer_types=SSSF, **GEMMA),
            "vision_config": VISION,
            "mm_tokens_per_image": 4,
        },
        "VLM: geometry under text_config",
    ),
    _v(
        "gemma3n-text-shared",
        "gemma3n_text",
        llama_like(
            num_hidden_layers=5,
            sliding_window=4,
            layer_types=SSFSF,
            num_kv_shared_layers=2,
            intermediate_size=[64] * 5,
            vocab_size_per_layer_input=VOCAB,
            hidden_size_per_layer_input=8,
            laurel_rank=4,
            activation_sparsity_pattern=[0.0] * 5,
            **GEMMA,
        ),
        "last 2 layers reuse the last sliding / full layer's KV",
    ),
    _v(
        "gemma4-text-global-dim",
        "gemma4_text",
        llama_like(
            sliding_window=4,
            layer_types=SW4,
            global_head_dim=32,
            vocab_size_per_layer_input=VOCAB,
            hidden_size_per_layer_input=8,
            **GEMMA,
        ),
        "full layers use global_head_dim",
    ),
    _v(
        "gemma4-text-shared",
        "gemma4_text",
        llama_like(
            num_hidden_layers=5,
            sliding_window=4,
            layer_types=SSFSF,
            num_kv_shared_layers=2,
            global_head_dim=32,
            vocab_size_per_layer_input=VOCAB,
            hidden_size_per_layer_input=8,
            **GEMMA,
        ),
    ),
    # --- phi ----------------------------------------------------------------------------
    _v("phi", "phi", llama_like(num_key_value_heads=None, partial_rotary_factor=0.5)),
    _v("phi-gqa", "phi", llama_like(partial_rotary_factor=0.5)),
    _v("phi3", "phi3", llama_like(sliding_window=None)),
    _v("phi3-window", "phi3", llama_like(sliding_window=5)),
    # --- gpt family ---------------------------------------------------------------------
    _v("gpt2", "gpt2", gpt2_like()),
    _v("gpt-bigcode-mqa", "gpt_bigcode", gpt2_like(multi_query=True), "multi_query → 1 head"),
    _v("gpt-bigcode-mha", "gpt_bigcode", gpt2_like(multi_query=False)),
    _v(
        "gpt-neox",
        "gpt_neox",
        llama_like(num_key_value_heads=None, rotary_pct=0.25),
    ),
    _v("gptj", "gptj", gpt2_like(rotary_dim=8)),
    _v(
        "gpt-neo",
        "gpt_neo",
        {
            "vocab_size": VOCAB,
            "hidden_size": 64,
            "num_layers": 4,
            "num_heads": 4,
            "attention_types": [[["global", "local"], 2]],
            "window_size": 5,
            "max_position_embeddings": MAX_POS,
        },
        "local layers: sliding (the mask shows the window; transformers caches every token)",
    ),
    _v("starcoder2", "starcoder2", llama_like(sliding_window=None)),
    _v("starcoder2-window", "starcoder2", llama_like(sliding_window=5)),
    _v(
        "opt",
        "opt",
        {
            "vocab_size": VOCAB,
            "hidden_size": 64,
            "ffn_dim": 64,
            "word_embed_proj_dim": 64,
            "num_hidden_layers": 3,
            "num_attention_heads": 4,
            "max_position_embeddings": MAX_POS,
        },
    ),
    _v("bloom", "bloom", {"vocab_size": VOCAB, "hidden_size": 64, "n_layer": 3, "n_head": 4}),
    _v(
        "mpt",
        "mpt",
        {"vocab_size": VOCAB, "d_model": 64, "n_heads": 4, "n_layers": 3, "max_seq_len": MAX_POS},
    ),
    _v(
        "dbrx",
        "dbrx",
        {
            "vocab_size": VOCAB,
            "d_model": 64,
            "n_heads": 4,
            "n_layers": 3,
            "max_seq_len": MAX_POS,
            "attn_config": {"kv_n_heads": 2, "rope_theta": 10000.0, "clip_qkv": 8.0},
            "ffn_config": {"ffn_hidden_size": 32, "moe_num_experts": 2, "moe_top_k": 1},
        },
        "KV heads nested in attn_config",
    ),
    # --- falcon -------------------------------------------------------------------------
    _v(
        "falcon-mqa",
        "falcon",
        llama_like(multi_query=True, new_decoder_architecture=False, num_key_value_heads=None),
        "falcon-7b: multi_query → 1 head",
    ),
    _v(
        "falcon-new-arch",
        "falcon",
        llama_like(new_decoder_architecture=True, num_kv_heads=2, multi_query=True),
        "falcon-40b: new architecture ignores multi_query",
    ),
    _v(
        "falcon-alibi",
        "falcon",
        llama_like(alibi=True, multi_query=False, new_decoder_architecture=False),
    ),
    # --- MLA ----------------------------------------------------------------------------
    _v("deepseek-v2", "deepseek_v2", llama_like(**MLA), "MLA: latent cache"),
    _v("deepseek-v3", "deepseek_v3", llama_like(**MLA), "MLA: latent cache"),
    _v(
        "deepseek-v3-no-q-lora",
        "deepseek_v3",
        llama_like(**{**MLA, "q_lora_rank": None, "kv_lora_rank": 32}),
    ),
    # --- other attention shapes ---------------------------------------------------------
    _v(
        "gpt-oss",
        "gpt_oss",
        llama_like(
            head_dim=16,
            sliding_window=5,
            num_local_experts=2,
            num_experts_per_tok=1,
            layer_types=SW4,
        ),
    ),
    _v(
        "llama4-text-chunked",
        "llama4_text",
        llama_like(
            head_dim=16,
            attention_chunk_size=5,
            num_local_experts=2,
            intermediate_size_mlp=64,
            no_rope_layers=[1, 1, 1, 0],
        ),
        "chunked attention on rope layers, full on no-rope layers",
    ),
    # --- hybrids: only attention layers keep KV -----------------------------------------
    _v(
        "jamba",
        "jamba",
        llama_like(
            num_experts=2,
            attn_layer_period=2,
            attn_layer_offset=1,
            expert_layer_period=2,
            expert_layer_offset=1,
            mamba_d_state=4,
            mamba_expand=1,
            mamba_dt_rank=8,
        ),
        "attention every 2nd layer",
    ),
    _v(
        "zamba2",
        "zamba2",
        llama_like(
            layers_block_type=["linear_attention", "hybrid"] * 2,
            hybrid_layer_ids=[1, 3],
            mamba_d_state=4,
            mamba_headdim=16,
            n_mamba_heads=8,
            attention_head_dim=32,
            num_mem_blocks=1,
        ),
        "shared attention blocks on hybrid layers; attention_head_dim",
    ),
    # --- cross-attention VLM text model -------------------------------------------------
    _v(
        "mllama",
        "mllama",
        {
            "text_config": llama_like(cross_attention_layers=[1], bos_token_id=1, eos_token_id=2),
            "vision_config": {
                "hidden_size": 32,
                "intermediate_size": 32,
                "num_hidden_layers": 1,
                "num_global_layers": 1,
                "attention_heads": 2,
                "image_size": 28,
                "patch_size": 14,
                "vision_output_dim": 64,
                "intermediate_layers_indices": [0],
            },
        },
        "layer 1 attends to vision states only",
    ),
    _v(
        "bamba",
        "bamba",
        llama_like(
            attn_layer_indices=[1, 3],
            mamba_n_heads=4,
            mamba_d_head=16,
            mamba_d_state=4,
            mamba_expand=1,
            mamba_chunk_size=8,
        ),
    ),
]


# Edge cases of the core families: legacy pattern keys, derived layer types, head counts.
VARIANTS += [
    _v(
        "gemma3-text-legacy-pattern",
        "gemma3_text",
        llama_like(num_hidden_layers=6, sliding_window=5, sliding_window_pattern=3, **GEMMA),
        "legacy sliding_window_pattern: every 3rd layer full",
    ),
    _v(
        "cohere2-legacy-pattern",
        "cohere2",
        llama_like(sliding_window=5, sliding_window_pattern=2, head_dim=16),
    ),
    _v("exaone4-pattern-2-gqa", "exaone4", llama_like(sliding_window=5, sliding_window_pattern=2)),
    _v(
        "mistral-nemo-head-dim",
        "mistral",
        llama_like(head_dim=24, sliding_window=None),
        "Mistral-Nemo: head_dim 128 ≠ 5120/32",
    ),
    _v(
        "qwen2-moe-window-mlp-only",
        "qwen2_moe",
        moe(
            num_experts=2,
            shared_expert_intermediate_size=32,
            mlp_only_layers=[0, 2],
            use_sliding_window=True,
            sliding_window=5,
            max_window_layers=3,
        ),
        "transformers: even layers below max_window_layers slide (unlike qwen2)",
    ),
    _v(
        "qwen3-window",
        "qwen3",
        llama_like(head_dim=16, use_sliding_window=True, sliding_window=5, max_window_layers=3),
    ),
    _v("starcoder2-mqa-window", "starcoder2", llama_like(num_key_value_heads=1, sliding_window=5)),
    _v("phi3-mqa-window", "phi3", llama_like(num_key_value_heads=1, sliding_window=6)),
    _v("olmo3-derived-pattern", "olmo3", llama_like(sliding_window=5), "layer_types derived"),
    _v(
        "gpt-oss-derived-pattern",
        "gpt_oss",
        llama_like(head_dim=16, sliding_window=5, num_local_experts=2, num_experts_per_tok=1),
        "layer_types derived",
    ),
    _v(
        "llama4-text-derived-pattern",
        "llama4_text",
        llama_like(
            head_dim=16, attention_chunk_size=5, num_local_experts=2, intermediate_size_mlp=64
        ),
        "no_rope_layers derived: every 4th layer full",
    ),
    _v(
        "falcon-new-arch-mha",
        "falcon",
        llama_like(new_decoder_architecture=True, num_kv_heads=4),
    ),
    _v(
        "gpt-neox-6-heads",
        "gpt_neox",
        llama_like(num_key_value_heads=None, rotary_pct=1.0, hidden_size=96, num_attention_heads=6),
    ),
    _v(
        "bloom-6-heads",
        "bloom",
        {"vocab_size": VOCAB, "hidden_size": 96, "n_layer": 2, "n_head": 6},
    ),
]

# Further decoder families: llama-style fields suffice; windows shrunk to 5 where the default is
# large, so that the probe pass overruns them.
_MORE_PLAIN = (
    "apertus", "apertus1p5_text", "arcee", "aria_text", "biogpt", "bitnet", "ctrl", "diffllama",
    "doge", "ernie4_5", "ernie4_5_moe", "exaone", "falcon_h1", "flex_olmo", "fuyu", "git", "glm",
    "glm4_moe", "glm4_moe_lite", "gpt-sw3", "gpt_neox_japanese", "granitemoe", "granitemoeshared",
    "hrm_text", "hy_v3", "hy_v4", "hyperclovax", "internlm3", "iquestcoder", "jais2", "jetmoe",
    "lfm2", "lfm3", "mellum", "minimax_m2", "minimax_m3_vl_text", "ministral3", "nanochat",
    "nemotron", "nemotron_h", "olmo_hybrid", "olmoe", "persimmon", "phimoe", "qwen3_5_moe_text",
    "qwen3_5_text", "qwen3_next", "sarvam_moe", "seed_oss", "solar_open", "stablelm", "xglm",
    "zaya", "laguna",
)  # fmt: skip
_MORE_WINDOWED = (
    "afmoe", "beam", "cohere2_moe", "cwm", "deepseek_v4", "exaone_moe", "flint",
    "gemma4_unified_text", "granite_swa", "granitemoe_swa", "kolibri1", "lara_mini",
    "mimo_v2_flash", "modernbert-decoder", "moshi",
)  # fmt: skip
_TINY_MOE = {
    "num_experts": 2,
    "n_routed_experts": 2,
    "num_local_experts": 2,
    "moe_intermediate_size": 32,
    "shared_expert_intermediate_size": 32,
    "num_experts_per_tok": 1,
    "n_group": 1,
    "topk_group": 1,
}
VARIANTS += [
    _v(t.replace("_", "-"), t, llama_like(**_TINY_MOE), "llama-style fields") for t in _MORE_PLAIN
]
VARIANTS += [
    _v(t.replace("_", "-") + "-window", t, llama_like(sliding_window=5, **_TINY_MOE), "window 5")
    for t in _MORE_WINDOWED
]

VARIANTS += [
    _v("axk1-mla", "axk1", llama_like(**MLA), "MLA latent"),
    _v("minicpm3-mla", "minicpm3", llama_like(**MLA), "MLA latent"),
    _v("sarvam-mla", "sarvam_mla", llama_like(**MLA), "MLA latent"),
    _v("youtu-mla", "youtu", llama_like(**MLA), "MLA latent"),
    _v(
        "kimi-linear",
        "kimi_linear",
        llama_like(
            **{**_TINY_MOE, **MLA},
            linear_attn_config={
                "full_attn_layers": [2, 4],
                "kda_layers": [1, 3],
                "head_dim": 16,
                "num_heads": 4,
                "short_conv_kernel_size": 4,
            },
        ),
        "linear attention + MLA layers (1-based layer lists)",
    ),
    _v(
        "granitemoehybrid",
        "granitemoehybrid",
        llama_like(
            **_TINY_MOE,
            layer_types=["mamba", "attention"] * 2,
            mamba_d_state=4,
            mamba_n_heads=4,
            mamba_d_head=16,
            mamba_expand=1,
        ),
    ),
    _v(
        "minimax",
        "minimax",
        llama_like(
            **_TINY_MOE, layer_types=["linear_attention", "full_attention"] * 2, head_dim=16
        ),
    ),
    _v("lfm2-moe", "lfm2_moe", llama_like(**_TINY_MOE, layer_types=["conv", "full_attention"] * 2)),
    _v("codegen", "codegen", gpt2_like(rotary_dim=8, n_ctx=MAX_POS)),
    _v("dots3-note-text", "dots3_note_text", llama_like(num_key_value_heads=4, **_TINY_MOE)),
    _v("helium", "helium", llama_like(head_dim=16)),
    _v("hunyuan-v1-dense", "hunyuan_v1_dense", llama_like(head_dim=16)),
    _v("hunyuan-v1-moe", "hunyuan_v1_moe", llama_like(head_dim=16, **_TINY_MOE)),
    _v("vaultgemma", "vaultgemma", llama_like(head_dim=16, sliding_window=5)),
]

ISSUE4_FAMILIES: tuple[str, ...] = (
    "llama", "mistral", "mixtral", "ministral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe",
    "gemma", "gemma2", "gemma3_text", "gemma3", "gemma3n_text", "gemma4_text", "phi", "phi3",
    "starcoder2", "falcon", "gpt2", "gpt_bigcode", "gpt_neox", "gptj", "gpt_neo", "opt",
    "bloom", "mpt", "dbrx", "olmo", "olmo2", "olmo3", "granite", "cohere", "cohere2", "glm4",
    "exaone4", "smollm3", "deepseek_v2", "deepseek_v3", "gpt_oss", "llama4_text", "jamba",
    "bamba", "zamba2", "mllama",
)  # fmt: skip
"""The families issue 4 names; each needs a variant here or an entry in ``UNBUILDABLE``."""

_NO_TINY = "no tiny config found whose forward pass runs here (shape error inside attention)"
UNBUILDABLE: dict[str, str] = {
    "gemma3n": "needs pillow for its timm vision tower; gemma3n_text covers the decoder",
    "emu3_text_model": "Emu3ForCausalLM's own config; no causal-LM auto mapping (emu3 covers it)",
    "musicgen": "AutoModelForCausalLM cannot build from the composite MusicgenConfig; "
    "musicgen_decoder covers the decoder (tests/test_oracle_encdec.py resolves both)",
    "musicgen_melody": "AutoModelForCausalLM cannot build from the composite config; "
    "musicgen_melody_decoder covers the decoder",
}
"""Decoder families with a KV cache that the catalogue cannot build here, with the reason."""


def make_config(variant: Variant) -> PretrainedConfig:
    """The transformers config object of ``variant``."""
    from transformers import AutoConfig

    return AutoConfig.for_model(variant.model_type, **variant.kwargs)


def available_variants() -> list[Variant]:
    """Variants whose ``model_type`` the installed transformers knows."""
    from transformers.models.auto.configuration_auto import CONFIG_MAPPING_NAMES

    return [v for v in VARIANTS if v.model_type in CONFIG_MAPPING_NAMES]


from tests.oracle.variants_encdec import VARIANTS_ENCDEC  # noqa: E402
from tests.oracle.variants_gemma_and_mla import VARIANTS_GEMMA_AND_MLA  # noqa: E402
from tests.oracle.variants_hybrids import VARIANTS_HYBRIDS  # noqa: E402
from tests.oracle.variants_legacy_and_multimodal import VARIANTS_LEGACY_AND_MULTIMODAL  # noqa: E402
from tests.oracle.variants_llama_relatives import VARIANTS_LLAMA_RELATIVES  # noqa: E402
from tests.oracle.variants_recent_families import VARIANTS_RECENT_FAMILIES  # noqa: E402

VARIANTS.extend(VARIANTS_LLAMA_RELATIVES)
VARIANTS.extend(VARIANTS_RECENT_FAMILIES)
VARIANTS.extend(VARIANTS_LEGACY_AND_MULTIMODAL)
VARIANTS.extend(VARIANTS_GEMMA_AND_MLA)
VARIANTS.extend(VARIANTS_HYBRIDS)
VARIANTS.extend(VARIANTS_ENCDEC)
