"""Cross-attention caches against transformers' own models: what kvarch declares per layer
(self-attention K/V per token, cross-attention K/V per encoder position) equals what the
decoder's ``EncoderDecoderCache`` holds after a forward pass fed encoder states (tiny models on
CPU, full-size defaults as shapes only on meta), and the per-sequence bytes equal a hand count
at the model's encoder length."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

import kvarch
from kvarch.coverage import encoder_decoder_decoders
from kvarch.dtype import DType
from tests.oracle.compare import mismatches
from tests.oracle.truth import ENCODER_TOKENS, LayerTruth, cache_truth, probe_length
from tests.oracle.variants import UNBUILDABLE, VARIANTS, Variant, make_config
from tests.oracle.variants_encdec import BERT_LIKE, CROSS_BROKEN, MUSICGEN_DECODER

ENCDEC = [v for v in VARIANTS if v.model_type in set(encoder_decoder_decoders()) | {
    "musicgen_decoder", "musicgen_melody_decoder"}]  # fmt: skip
#: Variants without cross-attention: the BERT family without add_cross_attention, XLM, and
#: MusicGen-Melody (its conditioning is prepended to the tokens).
NO_CROSS = {f"{t}-decoder" for t in BERT_LIKE} | {"xlm", "musicgen-melody-decoder"}
CROSSED = [v for v in ENCDEC if v.id not in NO_CROSS]


def _crosses(truth: list[LayerTruth]) -> list[tuple[int, int, int] | None]:
    return [t.cross for t in truth]


def test_every_encoder_decoder_family_has_a_tiny_variant() -> None:
    have = {v.model_type for v in ENCDEC}
    missing = [t for t in encoder_decoder_decoders() if t not in have and t not in UNBUILDABLE]
    assert missing == []
    assert {"musicgen_decoder", "musicgen_melody_decoder"} <= have
    # the BERT family twice: as a plain decoder, and with add_cross_attention (where it works)
    assert {v.id for v in ENCDEC} >= {f"{t}-decoder" for t in BERT_LIKE} | {
        f"{t}-cross" for t in BERT_LIKE if t not in CROSS_BROKEN
    }


@pytest.mark.parametrize("variant", ENCDEC, ids=[v.id for v in ENCDEC])
def test_self_and_cross_rows_equal_the_encoder_decoder_cache(variant: Variant) -> None:
    config = make_config(variant)
    truth = cache_truth(config)
    layout = kvarch.inspect(config, dtype=DType.float32)
    assert mismatches(truth, layout.layers) == []
    assert all(t.kind == "full" and t.cached_tokens == probe_length(config) for t in truth)
    crossed = [t.cross for t in truth if t.cross is not None]
    if variant in CROSSED:  # every layer holds one K/V row per encoder state fed
        assert len(crossed) == len(truth), variant.id
        per_position = sum(h * (k + v) for h, k, v in crossed)
        assert layout.cross_bytes_per_sequence == 4 * per_position * layout.encoder_len
        assert layout.encoder_len > 0
    else:  # no cross-attention asked for: none declared, none cached
        assert crossed == [] and layout.cross_bytes_per_sequence == 0 == layout.encoder_len
    self_kv = sum(t.num_kv_heads * (t.k_head_dim + t.v_head_dim) for t in truth)
    assert layout.bytes_per_token == 4 * self_kv  # bytes_per_token stays self-attention only


def test_cross_rows_follow_the_encoder_length_not_the_decoder_length() -> None:
    """The harness checks each cross layer holds exactly the encoder states it fed, which differ
    in number from the decoder tokens."""
    truth = cache_truth(make_config(next(v for v in VARIANTS if v.id == "whisper")))
    assert truth[0].cached_tokens != ENCODER_TOKENS
    assert _crosses(truth) == [(4, 8, 8)] * 3  # d_model 32 over 4 decoder heads


def test_add_cross_attention_decides_whether_bert_keeps_cross_rows() -> None:
    plain = {"model_type": "bert", **next(v for v in VARIANTS if v.id == "bert-decoder").kwargs}
    crossed = {**plain, "add_cross_attention": True}
    assert [s.cross for s in kvarch.inspect(plain).layers] == [None] * 3
    assert [s.cross and s.cross.num_kv_heads for s in kvarch.inspect(crossed).layers] == [6] * 3
    assert kvarch.inspect(crossed).encoder_len == 512  # max_position_embeddings


def test_trocr_cross_width_is_not_what_it_caches() -> None:
    """cross_attention_hidden_size widens the key/value projections' input; the cached K/V are
    the decoder's heads and head width."""
    truth = cache_truth(make_config(next(v for v in VARIANTS if v.id == "trocr-cross-width")))
    assert _crosses(truth) == [(3, 16, 16)] * 2


# Full-size class defaults, shapes only: (layers, self (heads, dim), cross (heads, dim) or None,
# encoder length), by hand from transformers' configuration classes.
DEFAULTS: dict[str, tuple[int, tuple[int, int], tuple[int, int] | None, int]] = {
    "whisper": (4, (6, 64), (6, 64), 1500),  # d_model 384; max_source_positions
    "bart": (12, (16, 64), (16, 64), 1024),
    "plbart": (6, (12, 64), (12, 64), 1024),  # d_model 768
    "bigbird_pegasus": (16, (16, 64), (16, 64), 4096),
    "blenderbot-small": (8, (16, 32), (16, 32), 512),  # d_model 512
    "prophetnet": (12, (16, 64), (16, 64), 512),
    "trocr": (12, (16, 64), (16, 64), 512),
    "bert": (12, (12, 64), None, 0),  # add_cross_attention false by default
}


@pytest.mark.parametrize("model_type", sorted(DEFAULTS))
def test_full_size_defaults_on_meta(model_type: str) -> None:
    from transformers import AutoConfig

    layers, (heads, dim), cross, encoder_len = DEFAULTS[model_type]
    # eager attention: sdpa's mask check reads a value (.item()), which meta tensors have not
    config = AutoConfig.for_model(model_type, is_decoder=True, attn_implementation="eager")
    truth = cache_truth(config, device="meta")
    assert [(t.kind, t.num_kv_heads, t.k_head_dim, t.v_head_dim) for t in truth] == [
        ("full", heads, dim, dim)
    ] * layers
    assert _crosses(truth) == [None if cross is None else (cross[0], cross[1], cross[1])] * layers
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []
    assert layout.encoder_len == encoder_len
    per_seq = 0 if cross is None else 2 * layers * cross[0] * 2 * cross[1] * encoder_len
    assert layout.cross_bytes_per_sequence == per_seq
    assert layout.bytes_per_token == 2 * layers * heads * 2 * dim


def test_roberta_with_cross_attention_at_full_size() -> None:
    """RoBERTa's default as a bert2bert-style decoder: 12 layers of 12 heads of 64, self and
    cross; its positions start after the padding index: 510 of 512, decoder and encoder alike."""
    from transformers import AutoConfig

    config = AutoConfig.for_model(
        "roberta", is_decoder=True, add_cross_attention=True, attn_implementation="eager"
    )
    truth = cache_truth(config, device="meta")
    assert _crosses(truth) == [(12, 64, 64)] * 12
    layout = kvarch.inspect(config, dtype=DType.bfloat16)
    assert mismatches(truth, layout.layers) == []
    assert layout.encoder_len == layout.model_max_seq_len == 510
    assert layout.cross_bytes_per_sequence == 12 * 12 * 128 * 2 * 510


def test_encoder_len_is_what_the_encoder_can_emit() -> None:
    """Whisper's encoder turns 30 s of audio (2 x max_source_positions mel frames) into exactly
    max_source_positions states; BART's encoder embeds at most max_position_embeddings positions
    (its learned table holds 2 more: the offset). Both as shapes only, at the default size."""
    import torch
    from transformers import BartConfig, BartModel, WhisperConfig, WhisperModel

    with torch.device("meta"):
        whisper, bart = WhisperModel(WhisperConfig()), BartModel(BartConfig())
    frames = 2 * whisper.config.max_source_positions
    mel = torch.empty(1, whisper.config.num_mel_bins, frames, device="meta")
    emitted = whisper.encoder(mel).last_hidden_state.shape[1]
    assert emitted == kvarch.inspect({"model_type": "whisper"}).encoder_len == 1500
    positions = bart.encoder.embed_positions
    assert positions.num_embeddings - positions.offset == 1024
    assert kvarch.inspect({"model_type": "bart"}).encoder_len == 1024


def test_whisper_large_v3_cross_cache_per_request() -> None:
    """Whisper large-v3's decoder (32 layers, 20 heads of 64): 1,500 audio frames of cross K/V
    per request in fp16 — 234 MiB, beside 160 KiB per generated token."""
    config = {"model_type": "whisper", "decoder_layers": 32, "decoder_attention_heads": 20,
              "d_model": 1280, "encoder_layers": 32, "encoder_attention_heads": 20}  # fmt: skip
    layout = kvarch.inspect(config, dtype=DType.float16)
    assert layout.cross_bytes_per_sequence == 32 * 20 * 128 * 1500 * 2 == 245_760_000
    assert layout.bytes_per_token == 32 * 20 * 128 * 2 and layout.model_max_seq_len == 448


def test_composite_musicgen_config_resolves_to_its_decoder() -> None:
    """kvarch reads a full MusicgenConfig's decoder sub-config: the same layers as the decoder
    config that MusicgenForCausalLM is built from (and the oracle reads)."""
    from transformers import AutoConfig

    truth = cache_truth(AutoConfig.for_model("musicgen_decoder", **MUSICGEN_DECODER))
    for model_type in ("musicgen", "musicgen_melody"):
        full = {"model_type": model_type, "decoder": MUSICGEN_DECODER, "text_encoder": {},
                "audio_encoder": {}}  # fmt: skip
        layers = kvarch.inspect(full).layers
        if model_type == "musicgen":
            assert mismatches(truth, layers) == []
        else:  # the melody conditioning is prepended to the tokens: no cross-attention
            plain = [dataclasses.replace(t, cross=None) for t in truth]
            assert mismatches(plain, layers) == []


@pytest.mark.parametrize("model_type", sorted(CROSS_BROKEN))
def test_transformers_still_cannot_fill_these_cross_caches(model_type: str) -> None:
    """Why these families have no cross variant: transformers 5.24 fails them. When a release
    fixes one, this fails: add its cross variant to the catalogue then."""
    from tests.oracle.truth import OracleError

    kwargs: dict[str, Any] = {**BERT_LIKE[model_type], "add_cross_attention": True}
    base = next(v for v in VARIANTS if v.id == f"{model_type}-decoder").kwargs
    with pytest.raises((RuntimeError, OracleError)):
        cache_truth(make_config(Variant(f"{model_type}-cross", model_type, {**base, **kwargs})))
