"""Catalogue variants of legacy and multimodal families (appended to ``VARIANTS`` by
``variants.py``).

Legacy field names, multi-query, ALiBi, chunked and cross attention, multimodal wrappers.
Import ``tests.oracle.variants`` rather than this module: it uses that module's helpers.
"""

from __future__ import annotations

from tests.oracle.variants import MAX_POS, VOCAB, Variant, _v, gpt2_like, llama_like

__all__ = ["VARIANTS_LEGACY_AND_MULTIMODAL"]


def mpt_like(**overrides: object) -> dict[str, object]:
    """MPT/DBRX field names (``d_model``, ``n_heads``, ``n_layers``, ``max_seq_len``)."""
    return {
        "vocab_size": VOCAB,
        "d_model": 64,
        "n_heads": 4,
        "n_layers": 3,
        "max_seq_len": MAX_POS,
        **overrides,
    }


def opt_like(**overrides: object) -> dict[str, object]:
    """OPT field names (``ffn_dim``, ``word_embed_proj_dim``)."""
    return {
        "vocab_size": VOCAB,
        "hidden_size": 64,
        "ffn_dim": 64,
        "word_embed_proj_dim": 64,
        "num_hidden_layers": 3,
        "num_attention_heads": 4,
        "max_position_embeddings": MAX_POS,
        **overrides,
    }


def neo_like(**overrides: object) -> dict[str, object]:
    """GPT-Neo field names (``num_layers``, ``num_heads``, ``window_size``), window 5."""
    return {
        "vocab_size": VOCAB,
        "hidden_size": 64,
        "num_layers": 4,
        "num_heads": 4,
        "window_size": 5,
        "max_position_embeddings": MAX_POS,
        "bos_token_id": 0,
        "eos_token_id": 0,
        **overrides,
    }


def llama4_text(**overrides: object) -> dict[str, object]:
    """A tiny Llama 4 text decoder: chunks of 5, head_dim 16, 2 experts."""
    base: dict[str, object] = {
        "head_dim": 16,
        "attention_chunk_size": 5,
        "num_local_experts": 2,
        "intermediate_size_mlp": 64,
    }
    return llama_like(**{**base, **overrides})


VISION_TINY = {
    "hidden_size": 32,
    "intermediate_size": 32,
    "num_hidden_layers": 1,
    "image_size": 28,
    "patch_size": 14,
}


def xglm_like(**overrides: object) -> dict[str, object]:
    """XGLM field names (``d_model``, ``num_layers``, ``attention_heads``)."""
    return {
        "vocab_size": VOCAB,
        "d_model": 64,
        "num_layers": 3,
        "attention_heads": 4,
        "ffn_dim": 64,
        "max_position_embeddings": MAX_POS,
        **overrides,
    }


def mha(**overrides: object) -> dict[str, object]:
    """Llama field names without KV heads (multi-head families)."""
    return llama_like(num_key_value_heads=None, **overrides)


LLAMA4_VISION = {
    **VISION_TINY,
    "num_attention_heads": 2,
    "vision_output_dim": 32,
    "projector_input_dim": 32,
    "projector_output_dim": 64,
}
MOSHI_PARTS = {
    "ffn_dim": 64,
    "num_codebooks": 2,
    "audio_vocab_size": 32,
    "depth_decoder_config": {
        "hidden_size": 32,
        "num_hidden_layers": 1,
        "num_attention_heads": 2,
        "ffn_dim": 64,
    },
    "audio_encoder_config": {
        "model_type": "mimi",
        "hidden_size": 32,
        "num_hidden_layers": 1,
        "num_attention_heads": 2,
        "codebook_size": 32,
        "num_filters": 4,
        "codebook_dim": 8,
        "intermediate_size": 32,
    },
}
GOT_VISION = {
    "hidden_size": 32,
    "num_hidden_layers": 2,
    "num_attention_heads": 2,
    "image_size": 32,
    "patch_size": 8,
    "mlp_dim": 32,
    "output_channels": 8,
    "global_attn_indexes": [1],
    "window_size": 2,
}
PHI4_PARTS = {
    "vision_config": {**VISION_TINY, "num_attention_heads": 2},
    "audio_config": {
        "hidden_size": 32,
        "num_blocks": 1,
        "num_attention_heads": 2,
        "intermediate_size": 32,
        "ext_pw_out_channel": 32,
        "depthwise_separable_out_channel": 32,
        "nemo_conv_channels": 32,
    },
}
MOSS_AUDIO = {
    "hidden_size": 32,
    "num_hidden_layers": 1,
    "num_attention_heads": 2,
    "intermediate_size": 32,
}


def cpmant_like(**overrides: object) -> dict[str, object]:
    """CPM-Ant field names (``dim_head``, ``dim_ff``), 4 prompt tokens."""
    return {
        "vocab_size": VOCAB,
        "hidden_size": 64,
        "num_attention_heads": 4,
        "dim_head": 24,
        "dim_ff": 64,
        "num_hidden_layers": 3,
        "prompt_length": 4,
        **overrides,
    }


VARIANTS_LEGACY_AND_MULTIMODAL: list[Variant] = [
    _v("phi-head-dim", "phi", llama_like(head_dim=24, partial_rotary_factor=0.5)),
    _v("gpt2-2-heads", "gpt2", gpt2_like(n_head=2), "head_dim 32 = n_embd / n_head"),
    _v("gpt-neox-2-heads", "gpt_neox", llama_like(num_key_value_heads=None, num_attention_heads=2)),
    _v("gptj-2-heads", "gptj", gpt2_like(n_head=2, rotary_dim=16)),
    _v("opt-350m-proj", "opt", opt_like(word_embed_proj_dim=32, num_attention_heads=2)),
    _v(
        "bloom-n-embed",
        "bloom",
        {"vocab_size": VOCAB, "n_embed": 64, "n_layer": 2, "n_head": 2},
        "legacy n_embed names the width",
    ),
    _v("mpt-2-heads-learned-pos", "mpt", mpt_like(n_heads=2, attn_config={"alibi": False})),
    _v(
        "dbrx-default-kv-heads",
        "dbrx",
        mpt_like(
            attn_config={"rope_theta": 10000.0, "clip_qkv": 8.0},
            ffn_config={"ffn_hidden_size": 32, "moe_num_experts": 2},
        ),
        "attn_config without kv_n_heads: 1 K/V head",
    ),
    _v(
        "falcon-rw-mha",
        "falcon",
        llama_like(num_key_value_heads=None, multi_query=False, new_decoder_architecture=False),
        "old architecture, no multi_query: one K/V head per query head",
    ),
    _v(
        "falcon-new-arch-mqa",
        "falcon",
        llama_like(new_decoder_architecture=True, num_kv_heads=1, num_key_value_heads=None),
    ),
    _v(
        "gpt-neo-local-first",
        "gpt_neo",
        neo_like(num_layers=6, attention_types=[[["local", "global", "local"], 2]], num_heads=2),
        "pattern of 3 starting local",
    ),
    _v(
        "gpt-neo-global-only",
        "gpt_neo",
        neo_like(num_layers=3, attention_types=[[["global"], 3]]),
        "no local layer",
    ),
    _v(
        "gpt-neo-saved",
        "gpt_neo",
        neo_like(
            attention_types=[[["global", "local"], 1], [["local", "local"], 1]],
            attention_layers=["global", "local", "local", "local"],
        ),
        "saved config: attention_layers listed, two attention_types groups",
    ),
    _v(
        "llama4-text-interval",
        "llama4_text",
        llama4_text(no_rope_layer_interval=2, num_key_value_heads=1),
        "no no_rope_layers: every 2nd layer full; MQA",
    ),
    _v(
        "llama4-text-layer-types",
        "llama4_text",
        llama4_text(
            layer_types=["full_attention", "chunked_attention"] * 2,
            no_rope_layers=[0, 1, 0, 1],
            head_dim=24,
        ),
        "explicit layer_types; head_dim 24 != hidden / heads",
    ),
    _v(
        "llama4-vlm",
        "llama4",
        {
            "text_config": llama4_text(no_rope_layers=[1, 0, 1, 0]),
            "vision_config": LLAMA4_VISION,
        },
        "multimodal wrapper: geometry under text_config",
    ),
    _v(
        "llama4-vlm-interval",
        "llama4",
        {
            "text_config": llama4_text(no_rope_layer_interval=3, num_key_value_heads=4),
            "vision_config": LLAMA4_VISION,
        },
        "text_config without no_rope_layers: every 3rd layer full; MHA",
    ),
    _v(
        "mllama-mqa-two-cross",
        "mllama",
        {
            "text_config": llama_like(
                num_key_value_heads=1,
                cross_attention_layers=[0, 2],
                bos_token_id=1,
                eos_token_id=2,
            ),
            "vision_config": {
                **VISION_TINY,
                "num_global_layers": 1,
                "attention_heads": 2,
                "vision_output_dim": 64,
                "intermediate_layers_indices": [0],
            },
        },
        "cross layers 0 and 2 keep vision K/V of one head",
    ),
    _v("gpt-neox-japanese-mha", "gpt_neox_japanese", mha()),
    _v("gpt-neox-japanese-2-heads", "gpt_neox_japanese", mha(num_attention_heads=2)),
    _v("codegen-2-heads", "codegen", gpt2_like(n_head=2, rotary_dim=16, n_ctx=MAX_POS)),
    _v("xglm-fairseq-names", "xglm", xglm_like()),
    _v("xglm-2-heads", "xglm", xglm_like(attention_heads=2, num_layers=2)),
    _v("biogpt-mha", "biogpt", mha()),
    _v("biogpt-2-heads", "biogpt", mha(num_attention_heads=2, num_hidden_layers=2)),
    _v("ctrl-gpt2-names", "ctrl", gpt2_like(dff=64)),
    _v("ctrl-2-heads", "ctrl", gpt2_like(dff=64, n_head=2)),
    _v("gpt-sw3-gpt2-names", "gpt-sw3", gpt2_like(), "GPT2Config under model_type gpt-sw3"),
    _v("gpt-sw3-2-heads", "gpt-sw3", gpt2_like(n_head=2, n_layer=2)),
    _v("persimmon-mha", "persimmon", mha()),
    _v("persimmon-2-heads", "persimmon", mha(num_attention_heads=2, partial_rotary_factor=0.25)),
    _v("git-vision", "git", mha(vision_config={**VISION_TINY, "num_attention_heads": 2})),
    _v("git-2-heads", "git", mha(num_attention_heads=2, num_hidden_layers=2)),
    _v(
        "moshi-mha-window",
        "moshi",
        mha(sliding_window=6, **MOSHI_PARTS),
        "every layer sliding; MHA",
    ),
    _v(
        "moshi-gqa-head-dim",
        "moshi",
        llama_like(sliding_window=5, head_dim=24, **MOSHI_PARTS),
        "GQA, explicit head_dim",
    ),
    _v(
        "modernbert-decoder",
        "modernbert-decoder",
        mha(local_attention=10, global_attn_every_n_layers=2),
        "full every 2nd layer from 0, window local_attention / 2",
    ),
    _v(
        "modernbert-decoder-default-pattern",
        "modernbert-decoder",
        mha(num_hidden_layers=5, local_attention=8, num_attention_heads=2),
        "default: full every 3rd layer",
    ),
    _v("fuyu-text-config", "fuyu", {"text_config": mha(), "patch_size": 4}, "text_config nested"),
    _v(
        "fuyu-flat",
        "fuyu",
        mha(num_attention_heads=2, patch_size=4),
        "Hub layout: decoder fields at the top level",
    ),
    _v(
        "got-ocr2",
        "got_ocr2",
        {"text_config": llama_like(), "vision_config": GOT_VISION},
        "Qwen2 decoder under text_config",
    ),
    _v(
        "got-ocr2-window",
        "got_ocr2",
        {
            "text_config": llama_like(
                num_key_value_heads=1,
                use_sliding_window=True,
                sliding_window=5,
                max_window_layers=2,
            ),
            "vision_config": GOT_VISION,
        },
        "MQA; layers from max_window_layers on slide",
    ),
    _v("phi4-multimodal", "phi4_multimodal", llama_like(**PHI4_PARTS)),
    _v(
        "phi4-multimodal-window",
        "phi4_multimodal",
        llama_like(sliding_window=5, head_dim=24, **PHI4_PARTS),
        "every layer sliding; explicit head_dim",
    ),
    _v(
        "moss-transcribe-diarize",
        "moss_transcribe_diarize",
        {"text_config": llama_like(head_dim=16), "audio_config": MOSS_AUDIO},
        "Qwen3 decoder under text_config",
    ),
    _v(
        "moss-transcribe-diarize-mqa",
        "moss_transcribe_diarize",
        {"text_config": llama_like(head_dim=24, num_key_value_heads=1), "audio_config": MOSS_AUDIO},
    ),
    _v("cpmant", "cpmant", cpmant_like(), "4 prompt tokens cached ahead of the text"),
    _v("cpmant-2-heads", "cpmant", cpmant_like(num_attention_heads=2, dim_head=8, prompt_length=2)),
    _v(
        "mllama-text-model",
        "mllama_text_model",
        llama_like(cross_attention_layers=[1], bos_token_id=1, eos_token_id=2),
        "MllamaForCausalLM alone: the text decoder's own flat config",
    ),
]
