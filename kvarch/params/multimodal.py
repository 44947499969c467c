"""Multimodal checkpoints whose config.json holds the decoder's fields flat: Fuyu (a Persimmon
decoder fed linearly embedded image patches), Moshi's text decoder, and Phi-4-multimodal (a
Phi-3 decoder with SigLIP vision and Conformer audio towers); and the towers of those whose
decoder sits under ``text_config`` (``TOWERS``: GOT-OCR2's SAM, MOSS's Whisper encoder)."""

from __future__ import annotations

from collections.abc import Callable

from kvarch.params.core import Cfg, ParamCount, embeddings, formula, gqa
from kvarch.params.decoders import classic, llama_like
from kvarch.params.encoders import sam_vision_encoder, siglip_tower, whisper_encoder


def _as(c: Cfg, model_type: str) -> Cfg:
    """``c`` read by another family's formula, keeping ``c``'s own defaults for what it omits."""
    given = {key: value for key, value in c.raw.items() if value is not None}
    return Cfg({**c.defaults, **given}, model_type)


@formula("fuyu")
def _fuyu(c: Cfg, n: ParamCount) -> None:
    """Fuyu: the Persimmon decoder's fields at the top level (adept/fuyu-8b's flat file) and a
    biased linear patch embedding, patch_size² x num_channels wide."""
    classic(_as(c, "persimmon"), n)
    hidden, patch = c.int("hidden_size"), c.int("patch_size", default=30)
    n.add(hidden, patch * patch * c.int("num_channels", default=3), "embed")
    n.other += hidden


@formula("moshi")
def _moshi(c: Cfg, n: ParamCount) -> None:
    """Moshi's text decoder (``MoshiForCausalLM``): an embedding with one padding row past the
    vocabulary, unbiased attention, a gating MLP (``ffn_dim`` in, half of it out), RMSNorms;
    the depth decoder and the audio codec belong to ``MoshiForConditionalGeneration``."""
    hidden, layers, ffn = c.int("hidden_size"), c.int("num_hidden_layers"), c.int("ffn_dim")
    embeddings(c, n, hidden)
    n.add(1, hidden, "embed")  # the padding row
    gqa(c, n, layers, hidden)
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn // 2, "mlp", layers)
    n.other += (2 * layers + 1) * hidden


@formula("phi4_multimodal")
def _phi4_multimodal(c: Cfg, n: ParamCount) -> None:
    """Phi-4-multimodal: the Phi-3 decoder's fields at the top level, a SigLIP vision tower with
    its pooling head, a Conformer audio encoder, and their projections into the text width (the
    towers count as ``other``: they stay in the checkpoint's dtype)."""
    llama_like(_as(c, "phi3"), n)
    text = c.int("hidden_size")
    vision = Cfg(c.get("vision_config") or {}, "phi4_multimodal_vision")
    width = siglip_tower(vision, n)
    inter = vision.int("intermediate_size")
    head = 4 * width * width + 2 * width * inter  # attention in/out, MLP (pooling head)
    n.other += head + 4 * width + 2 * width + inter + width + width  # biases, norm, probe
    n.other += 2 * width  # global and sub-image feature separators
    n.other += text * width + text + text * text + text  # img_projection_up, _down
    _phi4_audio(Cfg(c.get("audio_config") or {}, "phi4_multimodal_audio"), text, n)


def _phi4_audio(a: Cfg, text: int, n: ParamCount) -> None:
    """Phi-4-multimodal's audio encoder: NeMo-style conv subsampling, a relative-position bias,
    Conformer blocks (two gated feed-forwards, biased attention, a GLU depthwise conv), and two
    up/down projections into the text width (speech, vision-speech)."""
    hidden, inter = a.int("hidden_size"), a.int("intermediate_size")
    channels, ext = a.int("nemo_conv_channels"), a.int("ext_pw_out_channel")
    depthwise = hidden * a.int("depthwise_multiplier")
    stages = a.int("time_reduction").bit_length() - 1  # log2 of the time reduction
    n.other += 10 * channels + (stages - 1) * (10 * channels + channels * channels + channels)
    features = a.int("input_size")  # mel bins, halved (rounding up) by each stride-2 stage
    for _ in range(stages):
        features = (features + 1) // 2
    n.other += channels * features * hidden + hidden  # subsampling's out
    buckets = a.int("bias_max_distance") * (1 if a.flag("bias_symmetric", False) else 2)
    n.other += buckets * a.int("num_attention_heads")
    feed_forward = 2 * hidden + 2 * inter * hidden + 2 * inter + inter * hidden + hidden
    attention = 4 * hidden * hidden + 4 * hidden
    conv = 2 * hidden + 2 * ext  # LayerNorm, the GLU's b1 and b2
    conv += 2 * ext * hidden + 2 * ext  # the GLU's pointwise conv
    conv += depthwise * a.int("kernel_size") + depthwise  # depthwise conv
    conv += a.int("depthwise_separable_out_channel") * (depthwise + 1)  # its pointwise conv
    conv += hidden * ext + ext  # the block's last pointwise conv
    n.other += a.int("num_blocks") * (2 * feed_forward + attention + conv + 4 * hidden)
    up = hidden * a.int("downsample_rate", default=1)
    n.other += 2 * (text * up + text + text * text + text)


def _got_ocr2(c: Cfg, text: int, n: ParamCount) -> None:
    """GOT-OCR2: a SAM ViT (``vision_config``), then two unbiased stride-2 3 x 3 convs (the
    neck's channels doubled, then the text width) and a biased linear."""
    out = sam_vision_encoder(Cfg(c.get("vision_config") or {}, "got_ocr2_vision"), n)
    n.other += 9 * out * 2 * out + 9 * 2 * out * text + text * text + text


#: MossTranscribeDiarizeAudioConfig's own names for the Whisper fields it aliases
_WHISPER_NAMES = {
    "hidden_size": "d_model",
    "num_hidden_layers": "encoder_layers",
    "intermediate_size": "encoder_ffn_dim",
}


def _moss_transcribe_diarize(c: Cfg, text: int, n: ParamCount) -> None:
    """MOSS-Transcribe-Diarize: a Whisper encoder (``audio_config``, by either name of each
    field), and an adaptor from ``audio_merge_size`` frames concatenated: a linear into the
    text width, a second one, a LayerNorm (biased by ``projector_bias``)."""
    audio = {_WHISPER_NAMES.get(k, k): v for k, v in (c.get("audio_config") or {}).items()}
    tower = ParamCount(family="whisper")  # its matrices too: the tower is not quantized
    width = whisper_encoder(Cfg(audio, "moss_transcribe_diarize_audio"), tower)
    n.other += tower.total
    bias = c.flag("projector_bias", True)
    n.other += width * c.int("audio_merge_size", default=4) * text + text * text
    n.other += 2 * bias * text + 2 * text


#: The towers and projectors of the composites that hold their decoder under ``text_config``,
#: per model_type: called with the composite's config, the text width, and the text's count.
#: They count as ``other``: towers stay in the checkpoint's dtype.
TOWERS: dict[str, Callable[[Cfg, int, ParamCount], None]] = {
    "got_ocr2": _got_ocr2,
    "moss_transcribe_diarize": _moss_transcribe_diarize,
}
