"""Catalogue variants of encoder-decoder decoders and encoders run as decoders.

Each keeps a full self-attention cache per token; the harness feeds ``ENCODER_TOKENS`` encoder
states, so a layer with cross-attention also fills ``EncoderDecoderCache.cross_attention_cache``
(one row per encoder state). Heads and widths differ between variants (and the encoder's layer
and head counts from the decoder's where transformers allows it), so a schema that reads an
encoder field, or sizes cross-attention where the config asks for none, fails.
"""

from __future__ import annotations

from typing import Any

from tests.oracle.variants import MAX_POS, VOCAB, Variant, _v

__all__ = ["BART_LIKE", "BERT_LIKE", "CROSS_BROKEN", "VARIANTS_ENCDEC"]

#: BART-style field names. transformers sizes BartForCausalLM's DynamicCache by
#: num_hidden_layers, which BartConfig maps to encoder_layers: fewer encoder than decoder layers
#: fails inside transformers, so the variants keep them equal (and differ in heads).
BART_BASE: dict[str, Any] = {
    "vocab_size": VOCAB,
    "d_model": 48,
    "encoder_layers": 3,
    "decoder_layers": 3,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 6,
    "encoder_ffn_dim": 64,
    "decoder_ffn_dim": 64,
    "max_position_embeddings": MAX_POS,
    "pad_token_id": 1,
    "bos_token_id": 0,
    "eos_token_id": 2,
    "decoder_start_token_id": 2,
}
#: BART's relatives: model_type -> their own extra fields.
BART_LIKE: dict[str, dict[str, Any]] = {
    "bart": {},
    "mbart": {},
    "marian": {"decoder_vocab_size": VOCAB, "pad_token_id": 3, "decoder_start_token_id": 3},
    "pegasus": {},
    "blenderbot": {},
    "blenderbot-small": {},
    "plbart": {},
    "mvp": {"use_prompt": True, "prompt_length": 4, "prompt_mid_dim": 16},
    "bigbird_pegasus": {"attention_type": "original_full"},
}
BERT_BASE: dict[str, Any] = {
    "vocab_size": VOCAB,
    "hidden_size": 48,
    "num_hidden_layers": 3,
    "num_attention_heads": 6,
    "intermediate_size": 64,
    "max_position_embeddings": MAX_POS,
    "is_decoder": True,
}
#: BERT's relatives run as decoders: model_type -> their own extra fields.
BERT_LIKE: dict[str, dict[str, Any]] = {
    "bert": {},
    "roberta": {},
    "xlm-roberta": {},
    "xlm-roberta-xl": {},
    "electra": {"embedding_size": 32},
    "camembert": {},
    "ernie": {},
    "rembert": {"input_embedding_size": 32, "output_embedding_size": 32},
    "roformer": {"embedding_size": 48},
    "megatron-bert": {},
    "data2vec-text": {},
    "xmod": {"languages": ["en_XX"], "default_language": "en_XX"},
    "roc_bert": {"pronunciation_vocab_size": 16, "shape_vocab_size": 16},
    "big_bird": {"attention_type": "original_full"},
    "bert-generation": {},
    "roberta-prelayernorm": {},
}

#: Families whose cross-attention cache transformers 5.24 cannot fill, with why (checked by
#: tests/test_oracle_encdec.py, so that a fixed release shows up): no cross variant for them.
CROSS_BROKEN: dict[str, str] = {
    "megatron-bert": "its attention shapes the encoder's K/V with the decoder's length: "
    "encoder states of another length raise",
    "big_bird": "its decoder keeps a DynamicCache, not an EncoderDecoderCache: cross-attention "
    "writes the encoder's K/V into the self-attention slots",
}

#: MusicGen's decoder on its own (MusicgenForCausalLM's config).
MUSICGEN_DECODER: dict[str, Any] = {
    "vocab_size": VOCAB,
    "hidden_size": 48,
    "num_hidden_layers": 3,
    "num_attention_heads": 6,
    "ffn_dim": 64,
    "max_position_embeddings": MAX_POS,
    "num_codebooks": 1,  # the probe feeds one row of ids: one codebook
    "pad_token_id": VOCAB,
    "bos_token_id": VOCAB,
}

VARIANTS_ENCDEC: list[Variant] = [
    _v(
        "whisper",
        "whisper",
        {
            "vocab_size": VOCAB,
            "d_model": 32,
            "encoder_layers": 2,
            "decoder_layers": 3,
            "encoder_attention_heads": 2,
            "decoder_attention_heads": 4,
            "encoder_ffn_dim": 64,
            "decoder_ffn_dim": 64,
            "num_mel_bins": 8,
            "max_source_positions": 16,
            "max_target_positions": 32,
            "pad_token_id": 0,
            "bos_token_id": 1,
            "eos_token_id": 2,
            "decoder_start_token_id": 1,
        },
        "decoder fields (3 layers, 4 heads) beside the encoder's (2, 2)",
    ),
    *[
        _v(model_type, model_type, {**BART_BASE, **extra}, "BART geometry, 6 heads of 8")
        for model_type, extra in BART_LIKE.items()
    ],
    _v(
        "trocr-cross-width",
        "trocr",
        {
            "vocab_size": VOCAB,
            "d_model": 48,
            "decoder_layers": 2,
            "decoder_attention_heads": 3,
            "decoder_ffn_dim": 64,
            "max_position_embeddings": MAX_POS,
            "cross_attention_hidden_size": 40,
        },
        "encoder states 40 wide: cross K/V are still 3 heads of 16",
    ),
    _v(
        "prophetnet",
        "prophetnet",
        {
            "vocab_size": VOCAB,
            "hidden_size": 48,
            "num_encoder_layers": 3,
            "num_decoder_layers": 3,
            "num_encoder_attention_heads": 2,
            "num_decoder_attention_heads": 4,
            "encoder_ffn_dim": 64,
            "decoder_ffn_dim": 64,
            "max_position_embeddings": MAX_POS,
            "ngram": 2,
        },
        "n-gram self-attention caches the main stream only",
    ),
    *[
        _v(f"{model_type}-decoder", model_type, {**BERT_BASE, **extra}, "self-attention only")
        for model_type, extra in BERT_LIKE.items()
    ],
    *[
        _v(
            f"{model_type}-cross",
            model_type,
            {**BERT_BASE, **extra, "add_cross_attention": True},
            "add_cross_attention: cross K/V per layer",
        )
        for model_type, extra in BERT_LIKE.items()
        if model_type not in CROSS_BROKEN
    ],
    _v("musicgen-decoder", "musicgen_decoder", MUSICGEN_DECODER, "cross K/V of the text states"),
    _v(
        "musicgen-melody-decoder",
        "musicgen_melody_decoder",
        MUSICGEN_DECODER,
        "conditioning prepended: no cross-attention",
    ),
    _v(
        "xlm",
        "xlm",
        {"vocab_size": VOCAB, "emb_dim": 48, "n_layers": 3, "n_heads": 6, "causal": True},
        "a causal XLM: self-attention only",
    ),
]
