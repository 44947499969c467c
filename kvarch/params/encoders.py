"""Encoder-decoders (BART and its relatives, Whisper, ProphetNet, TrOCR's and MusicGen's
decoders), the BERT family, and the towers multimodal models embed: SigLIP's (Gemma 3's),
Whisper's encoder, SAM's ViT."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kvarch.params.core import Cfg, ParamCount, embeddings, formula

#: BART's relatives, per stack: (learned position rows beyond max_position_embeddings,
#: LayerNorms on the embeddings, LayerNorms after the last layer)
_ENCDEC_NORMS = {
    "bart": (2, 1, 0), "mvp": (2, 1, 0), "plbart": (2, 1, 0), "mbart": (2, 1, 1),
    "marian": (0, 0, 0), "pegasus": (0, 0, 1), "blenderbot": (0, 0, 1),
    "blenderbot-small": (0, 1, 0), "bigbird_pegasus": (0, 0, 1), "whisper": (0, 0, 1),
}  # fmt: skip


@formula(*_ENCDEC_NORMS)
def _encoder_decoder(c: Cfg, n: ParamCount) -> None:
    """BART-style encoder-decoders (BART and its relatives, Whisper): both stacks of
    multi-head attention and two-matrix MLPs, the decoder's cross-attention included; biases,
    norms, position tables (sinusoidal ones too) and Whisper's convolutions in ``other``."""
    hidden = c.int("d_model")
    offset, embed_norms, final_norms = _ENCDEC_NORMS[c.model_type]
    embeddings(c, n, hidden)
    # attention biases: q, k, v, out; Whisper's k_proj has none, BigBird-Pegasus' use_bias none
    biases = 3 if c.model_type == "whisper" else 4 * c.flag("use_bias", True)
    for stack, attentions in (("encoder", 1), ("decoder", 2)):
        layers, ffn = c.int(f"{stack}_layers"), c.int(f"{stack}_ffn_dim")
        _bart_layers(n, hidden, layers, ffn, attentions, biases)
        n.other += 2 * hidden * (embed_norms + final_norms)
    if c.model_type == "whisper":  # audio frames and text positions
        n.other += _whisper_stem(c, hidden) + c.int("max_target_positions") * hidden
    else:
        n.other += 2 * (c.int("max_position_embeddings") + offset) * hidden


def _bart_layers(
    n: ParamCount, hidden: int, layers: int, ffn: int, attentions: int, biases: int
) -> None:
    """``layers`` BART-style layers: ``attentions`` multi-head attentions (``biases`` of their
    four projections biased), a biased two-matrix MLP, a LayerNorm after each."""
    n.add(hidden, hidden, "attn", 4 * attentions * layers)
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn, "mlp", layers)
    n.other += layers * (attentions * (biases + 2) * hidden + ffn + 3 * hidden)


def _whisper_stem(c: Cfg, hidden: int) -> int:
    """Whisper's encoder input: two biased convolutions of width 3 over the mel bins, and a
    position table of ``max_source_positions`` audio frames."""
    mels, frames = c.int("num_mel_bins", default=80), c.int("max_source_positions")
    return 3 * mels * hidden + 3 * hidden * hidden + 2 * hidden + frames * hidden


def whisper_encoder(c: Cfg, n: ParamCount) -> int:
    """Whisper's encoder stack alone (an audio tower: ``d_model``, ``encoder_layers``,
    ``encoder_ffn_dim``; k_proj unbiased, a LayerNorm after the last layer); returns its width."""
    hidden = c.int("d_model")
    _bart_layers(n, hidden, c.int("encoder_layers"), c.int("encoder_ffn_dim"), 1, 3)
    n.other += _whisper_stem(c, hidden) + 2 * hidden
    return hidden


@formula("prophetnet")
def _prophetnet(c: Cfg, n: ParamCount) -> None:
    """ProphetNet: BERT-style layers in both stacks; the decoder's n-gram self-attention adds
    a relative-position projection to buckets per head, and n-gram embeddings."""
    hidden, positions = c.int("hidden_size"), c.int("max_position_embeddings")
    embeddings(c, n, hidden)
    for stack, attentions in (("encoder", 1), ("decoder", 2)):
        layers, ffn = c.int(f"num_{stack}_layers"), c.int(f"{stack}_ffn_dim")
        n.add(hidden, hidden, "attn", 4 * attentions * layers)
        n.add(ffn, hidden, "mlp", layers)
        n.add(hidden, ffn, "mlp", layers)
        n.other += layers * (attentions * 6 * hidden + ffn + 3 * hidden) + (positions + 2) * hidden
    buckets = c.int("num_buckets") * c.int("num_decoder_attention_heads")
    n.add(buckets, hidden, "attn", c.int("num_decoder_layers"))
    n.other += c.int("num_decoder_layers") * buckets + c.int("ngram") * hidden


@formula("trocr")
def _trocr(c: Cfg, n: ParamCount) -> None:
    """TrOCR's decoder: BART-style layers whose cross-attention keys and values project the
    image encoder's ``cross_attention_hidden_size`` states."""
    hidden, layers, ffn = c.int("d_model"), c.int("decoder_layers"), c.int("decoder_ffn_dim")
    encoder = c.int("cross_attention_hidden_size", default=hidden)
    embeddings(c, n, hidden)
    n.add(hidden, hidden, "attn", 6 * layers)  # self q, k, v, out; cross q, out
    n.add(hidden, encoder, "attn", 2 * layers)  # cross k, v
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn, "mlp", layers)
    n.other += layers * (2 * 6 * hidden + ffn + 3 * hidden)
    if c.flag("use_learned_position_embeddings", True):
        n.other += (c.int("max_position_embeddings") + 2) * hidden
    n.other += 2 * hidden * c.flag("layernorm_embedding", True)


@formula("musicgen_decoder")
def _musicgen_decoder(c: Cfg, n: ParamCount) -> None:
    """MusicGen's decoder: unbiased BART-style layers (sinusoidal positions, no parameters);
    an embedding table (with a pad row) and an untied head per codebook."""
    hidden, layers, ffn = c.int("hidden_size"), c.int("num_hidden_layers"), c.int("ffn_dim")
    vocab, codebooks = c.int("vocab_size"), c.int("num_codebooks", default=4)
    n.add(vocab + 1, hidden, "embed", codebooks)
    n.add(vocab, hidden, "head", codebooks)
    n.add(hidden, hidden, "attn", 8 * layers)  # self and cross q, k, v, out
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn, "mlp", layers)
    n.other += layers * 3 * 2 * hidden + 2 * hidden  # LayerNorms


@formula("musicgen_melody_decoder")
def _musicgen_melody_decoder(c: Cfg, n: ParamCount) -> None:
    """MusicGen-Melody's decoder: MusicGen's without cross-attention (the text and chroma
    conditioning is prepended to the input); an embedding table (with a pad row) and an untied
    head per codebook. Defaults: ``MusicgenMelodyDecoderConfig``'s."""
    hidden = c.int("hidden_size", default=1024)
    layers, ffn = c.int("num_hidden_layers", default=24), c.int("ffn_dim", default=4096)
    vocab, codebooks = c.int("vocab_size", default=2048), c.int("num_codebooks", default=4)
    n.add(vocab + 1, hidden, "embed", codebooks)
    n.add(vocab, hidden, "head", codebooks)
    n.add(hidden, hidden, "attn", 4 * layers)  # q, k, v, out
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn, "mlp", layers)
    n.other += layers * 2 * 2 * hidden + 2 * hidden  # LayerNorms


_BERT = (
    "bert", "roberta", "xlm-roberta", "xlm-roberta-xl", "electra", "camembert", "ernie",
    "rembert", "roformer", "megatron-bert", "data2vec-text", "big_bird", "bert-generation",
    "roberta-prelayernorm", "xlm", "xmod", "roc_bert",
)  # fmt: skip
#: The BERT family's encoders whose LayerNorm follows the last layer instead of the embeddings
_PRE_LAYERNORM = {"megatron-bert", "xlm-roberta-xl", "roberta-prelayernorm"}


@formula(*_BERT)
def _bert(c: Cfg, n: ParamCount) -> None:
    """The BERT family (and XLM): post-LayerNorm encoder layers of multi-head attention and a
    two-matrix MLP, learned positions and token types, and the head the checkpoint's
    architecture names: an MLM head tied to the embeddings (the default, as for *ForCausalLM),
    a pooler (*Model), ELECTRA's discriminator, or MLM + pooler + next-sentence head."""
    xlm = c.model_type == "xlm"
    hidden = c.int("emb_dim") if xlm else c.int("hidden_size")
    layers = c.int("n_layers") if xlm else c.int("num_hidden_layers")
    inter = 4 * hidden if xlm else c.int("intermediate_size", default=4 * hidden)
    embed = c.int("input_embedding_size", "embedding_size", default=hidden)
    vocab, positions = c.int("vocab_size"), c.int("max_position_embeddings")
    n.add(vocab, embed, "embed")
    if c.model_type == "roformer":  # sinusoidal, one head wide
        n.other += positions * hidden // c.int("num_attention_heads")
    else:
        n.other += positions * embed
    if not xlm and c.model_type != "bert-generation":
        n.other += c.int("type_vocab_size", default=2) * embed
    if c.flag("use_task_id", False):  # ERNIE 3.0
        n.other += c.int("task_type_vocab_size", default=3) * embed
    n.other += 2 * (hidden if c.model_type in _PRE_LAYERNORM else embed)
    if c.model_type == "roberta-prelayernorm":  # a LayerNorm on the embeddings and a final one
        n.other += 2 * hidden
    if embed != hidden:  # ELECTRA, RemBERT: the embeddings projected to the model width
        n.add(hidden, embed, "attn")
        n.other += hidden
    _bert_extras(c, n, hidden, layers)
    n.add(hidden, hidden, "attn", 4 * layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    n.other += layers * (9 * hidden + inter)  # biases, two LayerNorms
    arch = str((c.get("architectures") or [""])[0])
    pooler, mlm = hidden * hidden + hidden, hidden * hidden + 3 * hidden + vocab
    if xlm:
        n.other += vocab  # the tied projection's bias
    elif arch == "ElectraForPreTraining":
        n.other += pooler + hidden + 1  # dense, then one logit
    elif arch.endswith("ForPreTraining"):
        n.other += pooler + mlm + 2 * hidden + 2  # + next-sentence logits
    elif arch.endswith("Model"):
        n.other += pooler
    elif arch != "BertGenerationEncoder":
        n.other += mlm


def _bert_extras(c: Cfg, n: ParamCount, hidden: int, layers: int) -> None:
    """X-MOD's per-language adapters (a bottleneck MLP after each layer's FFN, one per entry of
    ``languages``) and RoCBERT's pronunciation and shape embeddings, concatenated with the
    word embeddings and mapped back to the model width (``concat_input``)."""
    if c.model_type == "xmod":
        bottleneck = hidden // c.int("adapter_reduction_factor", default=2)
        languages = len(c.get("languages", ["en_XX"]))
        n.add(bottleneck, hidden, "mlp", 2 * layers * languages)
        n.other += layers * languages * (bottleneck + hidden)  # the adapters' biases
        n.other += layers * 2 * hidden * c.flag("adapter_layer_norm", False)
        n.other += 2 * hidden * c.flag("pre_norm", False)  # a LayerNorm after the last layer
    elif c.model_type == "roc_bert":  # both tables are built; the flags pick what is mapped
        width = hidden
        for kind, vocab, dim in (("pronunciation", 910, 768), ("shape", 24858, 512)):
            dim = c.int(f"{kind}_embed_dim", default=dim)
            n.other += c.int(f"{kind}_vocab_size", default=vocab) * dim
            width += dim * c.flag(f"enable_{kind}", True)
        if c.flag("concat_input", True):  # map_inputs_layer
            n.add(hidden, width, "attn")
            n.other += hidden


def siglip(vision: Mapping[str, Any], text_hidden: int, n: ParamCount) -> None:
    """A SigLIP vision tower and Gemma 3's projector into the text width."""
    hidden = siglip_tower(Cfg(vision, "siglip_vision_model"), n)
    n.other += hidden + hidden * text_hidden  # mm_soft_emb_norm, mm_input_projection


def siglip_tower(v: Cfg, n: ParamCount) -> int:
    """A SigLIP vision encoder without a pooling head (patch conv, positions, biased
    pre-LayerNorm layers, the post LayerNorm); returns its width."""
    hidden, layers, inter = (
        v.int("hidden_size"),
        v.int("num_hidden_layers"),
        v.int("intermediate_size"),
    )
    patch = v.int("patch_size")
    n.other += v.int("num_channels") * patch * patch * hidden + hidden  # patch conv
    n.other += (v.int("image_size") // patch) ** 2 * hidden  # positions
    n.other += layers * (9 * hidden + inter) + 2 * hidden  # norms and biases
    # Vision matrices stay in the checkpoint's dtype (quantizers skip the tower).
    n.other += layers * (4 * hidden * hidden + 2 * hidden * inter)
    return hidden


def sam_vision_encoder(v: Cfg, n: ParamCount) -> int:
    """SAM's ViT image encoder (GOT-OCR2's vision tower): a patch conv, an absolute position
    grid, biased pre-LayerNorm blocks whose attention adds decomposed relative positions (a
    table per axis, 2 x size - 1 rows of one head's width: the window's size, or the whole grid
    on ``global_attn_indexes``), and a neck of two unbiased convs (1 x 1, then 3 x 3) with a
    LayerNorm after each; returns the neck's channels."""
    hidden, layers, mlp = v.int("hidden_size"), v.int("num_hidden_layers"), v.int("mlp_dim")
    patch, out = v.int("patch_size"), v.int("output_channels")
    grid = v.int("image_size") // patch
    n.other += v.int("num_channels") * patch * patch * hidden + hidden  # patch conv
    n.other += v.flag("use_abs_pos", True) * grid * grid * hidden
    per_layer = 4 * hidden * hidden + 2 * hidden * mlp  # qkv, proj, lin1, lin2
    per_layer += 3 * hidden * v.flag("qkv_bias", True) + 2 * hidden + mlp  # biases
    n.other += layers * (per_layer + 4 * hidden)  # two LayerNorms
    if v.flag("use_rel_pos", True):
        head_dim = hidden // v.int("num_attention_heads")
        window, global_layers = v.int("window_size"), set(v.get("global_attn_indexes", ()))
        for i in range(layers):
            size = window if window and i not in global_layers else grid
            n.other += 2 * (2 * size - 1) * head_dim
    n.other += hidden * out + 9 * out * out + 4 * out  # neck
    return out


@formula("git")
def _git(c: Cfg, n: ParamCount) -> None:
    """GIT: a CLIP vision tower (``vision_config``) projected into a BERT-style decoder (learned
    positions, post-LayerNorm layers, biased matrices) with an untied, biased output head."""
    hidden, layers = c.int("hidden_size", default=768), c.int("num_hidden_layers", default=6)
    inter, vocab = c.int("intermediate_size", default=3072), c.int("vocab_size", default=30522)
    n.add(vocab, hidden, "embed")
    n.other += c.int("max_position_embeddings", default=1024) * hidden + 2 * hidden
    n.add(hidden, hidden, "attn", 4 * layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    n.other += layers * (9 * hidden + inter)  # biases, two LayerNorms
    if not c.tied:
        n.add(vocab, hidden, "head")
    n.other += vocab  # the head's bias
    n.other += c.int("num_image_with_embedding") * hidden  # one embedding per image, if several
    v = Cfg(c.get("vision_config") or {}, "git_vision_model")
    v_hidden, v_layers = v.int("hidden_size", default=768), v.int("num_hidden_layers", default=12)
    v_inter, patch = v.int("intermediate_size", default=3072), v.int("patch_size", default=16)
    patches = (v.int("image_size", default=224) // patch) ** 2
    n.other += v.int("num_channels", default=3) * patch * patch * v_hidden  # patch conv
    n.other += (patches + 2) * v_hidden + 4 * v_hidden  # positions, class token; two LayerNorms
    # Vision matrices stay in the checkpoint's dtype (quantizers skip the tower).
    n.other += v_layers * (4 * v_hidden * v_hidden + 2 * v_hidden * v_inter)
    n.other += v_layers * (9 * v_hidden + v_inter)
    n.other += v_hidden * hidden + 3 * hidden  # visual_projection: a biased linear, a LayerNorm
