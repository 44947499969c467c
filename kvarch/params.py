"""Parameter counts from a config.json, per family, torch-free.

Each family's count lists the model's tensors the way transformers builds them: weight
matrices as (out, in) with a tag saying where they sit (``embed``, ``head``, ``attn``, ``mlp``,
``expert``, ``router``), and every other tensor (norms, biases, convolutions, state-space
parameters) as a bare count. ``tests/test_weights.py`` checks each fixture against a
transformers instantiation on the meta device. Quantized bytes (``kvarch.weights``) need the
matrix shapes: block-wise fp8 stores a scale per block, int4 a scale per group.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal, NamedTuple

import msgspec

__all__ = ["Matrix", "ParamCount", "count_params"]

Tag = Literal["embed", "head", "attn", "mlp", "expert", "router"]


class Matrix(msgspec.Struct, frozen=True):
    """``copies`` weight matrices of ``rows`` x ``cols`` (out x in) at one place of the model."""

    rows: int
    cols: int
    copies: int
    tag: Tag

    @property
    def numel(self) -> int:
        """Parameters of all the copies."""
        return self.rows * self.cols * self.copies


class ParamCount(msgspec.Struct, kw_only=True):
    """A model's parameters: its weight matrices and the rest, and the family formula used."""

    family: str
    """The formula that counted them (a model_type, or ``generic``)."""
    matrices: list[Matrix] = msgspec.field(default_factory=list)
    other: int = 0
    """Parameters outside weight matrices (norms, biases, convolutions, ...)."""
    notes: list[str] = msgspec.field(default_factory=list)
    """What the count leaves out or assumes."""

    @property
    def total(self) -> int:
        """All parameters (tied embeddings counted once)."""
        return sum(m.numel for m in self.matrices) + self.other

    def add(self, rows: int, cols: int, tag: Tag, copies: int = 1) -> None:
        if rows and cols and copies:
            self.matrices.append(Matrix(rows, cols, copies, tag))


# transformers' defaults for the fields a family's config.json may omit.
_DEFAULTS: dict[str, dict[str, Any]] = {
    "gemma3_text": {
        "vocab_size": 262208, "hidden_size": 2304, "intermediate_size": 9216,
        "num_hidden_layers": 26, "num_attention_heads": 8, "num_key_value_heads": 4,
        "head_dim": 256,
    },
    "gemma2": {"vocab_size": 256000, "head_dim": 256},
    "siglip_vision_model": {
        "hidden_size": 768, "intermediate_size": 3072, "num_hidden_layers": 12,
        "num_channels": 3, "image_size": 224, "patch_size": 16,
    },
    "gpt2": {"vocab_size": 50257, "n_positions": 1024, "n_embd": 768, "n_layer": 12},
    "bart": {
        "vocab_size": 50265, "d_model": 1024, "encoder_layers": 12, "decoder_layers": 12,
        "encoder_ffn_dim": 4096, "decoder_ffn_dim": 4096, "max_position_embeddings": 1024,
    },
    "whisper": {
        "vocab_size": 51865, "d_model": 384, "encoder_layers": 4, "decoder_layers": 4,
        "encoder_ffn_dim": 1536, "decoder_ffn_dim": 1536, "max_source_positions": 1500,
        "max_target_positions": 448,
    },
    "gpt_bigcode": {"vocab_size": 50257, "n_positions": 1024, "n_embd": 768, "n_layer": 12},
    "zamba": {"num_key_value_heads": 16},
    "dbrx": {"d_model": 2048, "n_heads": 16, "n_layers": 24, "vocab_size": 32000},
    "jetmoe": {"hidden_size": 2048, "intermediate_size": 5632, "vocab_size": 32000},
    "modernbert-decoder": {"hidden_size": 768, "intermediate_size": 1152, "num_hidden_layers": 22,
                           "vocab_size": 50368},
    "nemotron_h": {"head_dim": 128},  # not hidden / heads
}  # fmt: skip

_TIED_BY_DEFAULT = {
    "cohere", "cohere2", "bloom", "opt", "starcoder2", "ctrl", "xglm", "gpt_neox_japanese",
    "minicpm3", "jetmoe", "modernbert-decoder",
    "gemma", "gemma2", "gemma3", "gemma3_text", "gemma3n_text", "recurrent_gemma", "falcon",
    "gpt2", "gpt_bigcode", "mpt", "bart", "whisper", "mbart", "pegasus", "plbart", "mvp",
    "marian", "blenderbot", "blenderbot-small", "bigbird_pegasus", "biogpt", "zamba", "zamba2",
    "lfm2", "lfm2_moe", "gpt_neo", "prophetnet", "trocr",
}  # fmt: skip


class _Cfg:
    """A config dict with its family's defaults; ``int(*keys)`` takes the first key present."""

    def __init__(self, raw: Mapping[str, Any], model_type: str) -> None:
        self.raw = raw
        self.model_type = model_type
        self.defaults = _DEFAULTS.get(model_type, {})

    def get(self, key: str, default: Any = None) -> Any:
        if key in self.raw and self.raw[key] is not None:
            return self.raw[key]
        return self.defaults.get(key, default)

    def int(self, *keys: str, default: int = 0) -> int:
        for key in keys:
            value = self.get(key)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        return default

    def flag(self, key: str, default: bool) -> bool:
        return bool(self.get(key, default))

    @property
    def tied(self) -> bool:
        return self.flag("tie_word_embeddings", self.model_type in _TIED_BY_DEFAULT)


def _embeddings(c: _Cfg, n: ParamCount, hidden: int) -> None:
    vocab = c.int("vocab_size", "padded_vocab_size")
    n.add(vocab, hidden, "embed")
    if not c.tied:
        n.add(vocab, hidden, "head")


def _gqa(c: _Cfg, n: ParamCount, layers: int, hidden: int, *, gated_q: bool = False) -> None:
    """q/k/v/o projections of ``layers`` grouped-query attention layers (+ biases, qk norms)."""
    heads = c.int("num_attention_heads", "n_head", "n_heads")
    kv = c.int("num_key_value_heads", "num_kv_heads", default=heads)
    hd = c.int("head_dim", default=hidden // heads if heads else 0)
    n.add(heads * hd * (2 if gated_q else 1), hidden, "attn", layers)
    n.add(kv * hd, hidden, "attn", 2 * layers)
    n.add(hidden, heads * hd, "attn", layers)
    qkv_bias = c.model_type in {"qwen2", "qwen2_moe"} or c.flag("attention_bias", False)
    out_bias = c.flag("attention_bias", False) and c.model_type not in _QKV_BIAS_ONLY
    out_bias = c.flag("attention_out_bias", out_bias)
    n.other += layers * (qkv_bias * (heads + 2 * kv) * hd + out_bias * hidden)
    qk_norm = c.model_type in {"qwen3", "qwen3_moe", "qwen3_next", "gemma3_text", "olmo2", "dots1"}
    if qk_norm or c.flag(_QK_NORM_FLAG.get(c.model_type, ""), False):
        n.other += layers * 2 * hd  # q_norm, k_norm
    if c.model_type == "gpt_oss":
        n.other += layers * heads  # attention sinks


def _gated_mlp(n: ParamCount, hidden: int, inter: int, copies: int, tag: Tag = "mlp") -> None:
    n.add(inter, hidden, tag, 2 * copies)  # gate, up
    n.add(hidden, inter, tag, copies)  # down


#: BART's relatives, per stack: (learned position rows beyond max_position_embeddings,
#: LayerNorms on the embeddings, LayerNorms after the last layer)
_ENCDEC_NORMS = {
    "bart": (2, 1, 0), "mvp": (2, 1, 0), "plbart": (2, 1, 0), "mbart": (2, 1, 1),
    "marian": (0, 0, 0), "pegasus": (0, 0, 1), "blenderbot": (0, 0, 1),
    "blenderbot-small": (0, 1, 0), "bigbird_pegasus": (0, 0, 1), "whisper": (0, 0, 1),
}  # fmt: skip


def _encoder_decoder(c: _Cfg, n: ParamCount) -> None:
    """BART-style encoder-decoders (BART and its relatives, Whisper): both stacks of
    multi-head attention and two-matrix MLPs, the decoder's cross-attention included; biases,
    norms, position tables (sinusoidal ones too) and Whisper's convolutions in ``other``."""
    hidden = c.int("d_model")
    offset, embed_norms, final_norms = _ENCDEC_NORMS[c.model_type]
    _embeddings(c, n, hidden)
    # attention biases: q, k, v, out; Whisper's k_proj has none, BigBird-Pegasus' use_bias none
    biases = 3 if c.model_type == "whisper" else 4 * c.flag("use_bias", True)
    for stack, attentions in (("encoder", 1), ("decoder", 2)):
        layers, ffn = c.int(f"{stack}_layers"), c.int(f"{stack}_ffn_dim")
        n.add(hidden, hidden, "attn", 4 * attentions * layers)
        n.add(ffn, hidden, "mlp", layers)
        n.add(hidden, ffn, "mlp", layers)
        n.other += layers * (attentions * (biases + 2) * hidden + ffn + 3 * hidden)
        n.other += 2 * hidden * (embed_norms + final_norms)
    if c.model_type == "whisper":  # audio frames and text positions; two convolutions of 3
        positions = c.int("max_source_positions") + c.int("max_target_positions")
        n.other += 3 * c.int("num_mel_bins", default=80) * hidden + 3 * hidden * hidden + 2 * hidden
    else:
        positions = 2 * (c.int("max_position_embeddings") + offset)
    n.other += positions * hidden


def _prophetnet(c: _Cfg, n: ParamCount) -> None:
    """ProphetNet: BERT-style layers in both stacks; the decoder's n-gram self-attention adds
    a relative-position projection to buckets per head, and n-gram embeddings."""
    hidden, positions = c.int("hidden_size"), c.int("max_position_embeddings")
    _embeddings(c, n, hidden)
    for stack, attentions in (("encoder", 1), ("decoder", 2)):
        layers, ffn = c.int(f"num_{stack}_layers"), c.int(f"{stack}_ffn_dim")
        n.add(hidden, hidden, "attn", 4 * attentions * layers)
        n.add(ffn, hidden, "mlp", layers)
        n.add(hidden, ffn, "mlp", layers)
        n.other += layers * (attentions * 6 * hidden + ffn + 3 * hidden) + (positions + 2) * hidden
    buckets = c.int("num_buckets") * c.int("num_decoder_attention_heads")
    n.add(buckets, hidden, "attn", c.int("num_decoder_layers"))
    n.other += c.int("num_decoder_layers") * buckets + c.int("ngram") * hidden


def _trocr(c: _Cfg, n: ParamCount) -> None:
    """TrOCR's decoder: BART-style layers whose cross-attention keys and values project the
    image encoder's ``cross_attention_hidden_size`` states."""
    hidden, layers, ffn = c.int("d_model"), c.int("decoder_layers"), c.int("decoder_ffn_dim")
    encoder = c.int("cross_attention_hidden_size", default=hidden)
    _embeddings(c, n, hidden)
    n.add(hidden, hidden, "attn", 6 * layers)  # self q, k, v, out; cross q, out
    n.add(hidden, encoder, "attn", 2 * layers)  # cross k, v
    n.add(ffn, hidden, "mlp", layers)
    n.add(hidden, ffn, "mlp", layers)
    n.other += layers * (2 * 6 * hidden + ffn + 3 * hidden)
    if c.flag("use_learned_position_embeddings", True):
        n.other += (c.int("max_position_embeddings") + 2) * hidden
    n.other += 2 * hidden * c.flag("layernorm_embedding", True)


def _musicgen_decoder(c: _Cfg, n: ParamCount) -> None:
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


#: The BERT family's encoders whose LayerNorm follows the last layer instead of the embeddings
_PRE_LAYERNORM = {"megatron-bert", "xlm-roberta-xl", "roberta-prelayernorm"}


def _bert(c: _Cfg, n: ParamCount) -> None:
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


def _llama_like(c: _Cfg, n: ParamCount) -> None:
    """Llama, Mistral, Qwen2/3, Phi-3, Gemma 2/3, Mixtral, gpt-oss, Llama 4 (dense and MoE)."""
    hidden = c.int("hidden_size")
    layers = c.int("num_hidden_layers", "num_layers")
    inter = c.int("intermediate_size")
    _embeddings(c, n, hidden)
    _gqa(c, n, layers, hidden)
    heads = c.int("num_attention_heads")
    if c.model_type == "starcoder2" and c.flag("use_bias", True) and heads:  # q/k/v/o biases
        kv = c.int("num_key_value_heads", default=heads)
        n.other += layers * ((heads + 2 * kv) * (hidden // heads) + hidden)
    experts = c.int("num_local_experts", "num_experts")
    moe_layers = 0
    if experts:
        step = c.int("interleave_moe_layer_step", "decoder_sparse_step", default=1)
        moe_layers = len([i for i in range(layers) if (i + 1) % step == 0])
        moe_inter = c.int("moe_intermediate_size", default=inter)
        _gated_mlp(n, hidden, moe_inter, experts * moe_layers, "expert")
        n.add(experts, hidden, "router", moe_layers)
        if c.model_type == "gpt_oss":  # biased experts and router
            n.other += moe_layers * experts * (2 * moe_inter + hidden + 1)
        if c.model_type == "llama4_text":  # one shared expert per MoE layer
            _gated_mlp(n, hidden, moe_inter, moe_layers)
        if c.model_type == "qwen2_moe":  # a gated shared expert per MoE layer
            _gated_mlp(n, hidden, c.int("shared_expert_intermediate_size"), moe_layers)
            n.add(1, hidden, "router", moe_layers)
    dense_inter = c.int("intermediate_size_mlp", default=inter)
    if c.model_type in _UNGATED:
        _plain_mlp(n, hidden, dense_inter, layers, bias=c.model_type == "starcoder2")
    else:
        _gated_mlp(n, hidden, dense_inter, layers - moe_layers)
    norms = _NORMS_PER_LAYER.get(c.model_type, 2)
    n.other += layers * norms * hidden + bool(norms) * hidden
    if c.model_type in _BIASED_NORMS:  # LayerNorm biases
        n.other += layers * norms * hidden + hidden
    if c.model_type == "apertus":  # xIELU's two learned scalars per MLP
        n.other += layers * 2


def _plain_mlp(n: ParamCount, hidden: int, inter: int, copies: int, *, bias: bool) -> None:
    """Up and down projections without a gate (GELU, ReLU², xIELU MLPs), biased or not."""
    n.add(inter, hidden, "mlp", copies)
    n.add(hidden, inter, "mlp", copies)
    n.other += copies * bias * (inter + hidden)


def _routed_experts(
    n: ParamCount, hidden: int, moe: int, experts: int, inter: int, shared: int
) -> None:
    """``moe`` layers of ``experts`` gated experts, shared experts ``shared`` wide, a router."""
    _gated_mlp(n, hidden, inter, moe * experts, "expert")
    _gated_mlp(n, hidden, shared, moe)
    n.add(experts, hidden, "router", moe)


# Llama-style families whose MLP has no gate, their norms per layer when not two, the LayerNorm
# ones (a bias beside each weight), and the config flag that turns q/k norms on.
_UNGATED = {"apertus", "arcee", "nemotron", "starcoder2"}
_NORMS_PER_LAYER = {"gemma2": 4, "gemma3_text": 4, "glm4": 4, "cohere": 1, "cohere2": 1, "olmo": 0}
_QKV_BIAS_ONLY = {"glm", "glm4", "glm4_moe"}  # their attention_bias leaves o_proj unbiased
_BIASED_NORMS = {"nemotron", "starcoder2"}
_QK_NORM_FLAG = {"apertus": "qk_norm", "glm4_moe": "use_qk_norm"}


def _mla(c: _Cfg, n: ParamCount) -> None:
    """DeepSeek V2/V3, MiniCPM3: multi-head latent attention, dense first layers then routed
    experts (none in MiniCPM3)."""
    hidden = c.int("hidden_size")
    layers = c.int("num_hidden_layers")
    heads = c.int("num_attention_heads")
    nope, rope = c.int("qk_nope_head_dim"), c.int("qk_rope_head_dim")
    v_dim, kv_rank, q_rank = c.int("v_head_dim"), c.int("kv_lora_rank"), c.int("q_lora_rank")
    _embeddings(c, n, hidden)
    if q_rank:
        n.add(q_rank, hidden, "attn", layers)
        n.add(heads * (nope + rope), q_rank, "attn", layers)
        n.other += layers * q_rank
    else:
        n.add(heads * (nope + rope), hidden, "attn", layers)
    n.add(kv_rank + rope, hidden, "attn", layers)
    n.add(heads * (nope + v_dim), kv_rank, "attn", layers)
    n.add(hidden, heads * v_dim, "attn", layers)
    n.other += layers * kv_rank
    if c.model_type == "deepseek_v32":  # the DSA indexer: query heads, one key head, weights
        idx_heads, idx_dim = (
            c.int("index_n_heads", default=64),
            c.int("index_head_dim", default=128),
        )
        n.add(idx_heads * idx_dim, q_rank, "attn", layers)
        n.add(idx_dim, hidden, "attn", layers)
        n.add(idx_heads, hidden, "attn", layers)
        n.other += layers * 2 * idx_dim  # the key LayerNorm's weight and bias
    experts = c.int("n_routed_experts")
    dense = c.int("first_k_dense_replace") if experts else layers
    freq = c.int("moe_layer_freq", default=1)
    moe = len([i for i in range(dense, layers) if i % freq == 0]) if experts else 0
    moe_inter = c.int("moe_intermediate_size")
    _gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    _routed_experts(n, hidden, moe, experts, moe_inter, moe_inter * c.int("n_shared_experts"))
    n.other += layers * 2 * hidden + hidden
    if c.int("num_nextn_predict_layers"):
        n.notes.append("multi-token-prediction layers not counted (not loaded for serving)")


def _dense_then_moe(c: _Cfg, n: ParamCount) -> None:
    """GLM-4.5, dots.llm1, ERNIE 4.5 MoE: GQA, dense first layers, then routed + shared experts."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    _embeddings(c, n, hidden)
    _gqa(c, n, layers, hidden)
    if c.model_type == "ernie4_5_moe":
        start, interval = c.int("moe_layer_start_index"), c.int("moe_layer_interval", default=1)
        end = c.int("moe_layer_end_index", default=layers - 1)
        moe = len([i for i in range(start, end + 1) if (i - start) % interval == 0])
        experts, shared = c.int("moe_num_experts"), c.int("moe_num_shared_experts")
        n.other += moe * experts  # the router's score-correction bias is a parameter here
    else:
        moe = layers - c.int("first_k_dense_replace")
        experts, shared = c.int("n_routed_experts"), c.int("n_shared_experts")
    moe_inter = c.int("moe_intermediate_size")
    _gated_mlp(n, hidden, c.int("intermediate_size"), layers - moe)
    _routed_experts(n, hidden, moe, experts, moe_inter, shared * moe_inter)
    n.other += layers * 2 * hidden + hidden
    if c.int("num_nextn_predict_layers"):
        n.notes.append("multi-token-prediction layers not counted (not loaded for serving)")


class _Classic(NamedTuple):
    """A pre-Llama decoder's layout: biases on q/k/v, the output and the MLP, LayerNorms per
    layer, and a biased lm_head."""

    qkv_bias: bool
    out_bias: bool
    mlp_bias: bool
    norms: int
    head_bias: bool


_CLASSIC = {
    "bloom": _Classic(True, True, True, 2, False),
    "gptj": _Classic(False, False, True, 1, True),
    "codegen": _Classic(False, False, True, 1, True),
    "gpt_neox": _Classic(True, True, True, 2, False),
    "opt": _Classic(True, True, True, 2, False),
    "phi": _Classic(True, True, True, 1, True),
    "persimmon": _Classic(True, True, True, 2, False),
    "ctrl": _Classic(True, True, True, 2, True),
    "xglm": _Classic(True, True, True, 2, False),
    "gpt_neox_japanese": _Classic(False, False, False, 2, False),  # one dense bias, see below
    "biogpt": _Classic(True, True, True, 2, False),
}


def _classic(c: _Cfg, n: ParamCount) -> None:
    """BLOOM, GPT-J, CodeGen, GPT-NeoX(-Japanese), OPT, Phi-1/2, Persimmon, CTRL, XGLM, BioGPT:
    multi-head attention, a 4x (or ``intermediate_size``) ungated MLP, LayerNorm."""
    kind = _CLASSIC[c.model_type]
    hidden = c.int("hidden_size", "n_embd", "n_embed", "d_model")
    layers = c.int("num_hidden_layers", "n_layer", "num_layers")
    heads = c.int("num_attention_heads", "n_head", "attention_heads")
    kv = c.int("num_key_value_heads", default=heads)
    hd = hidden // heads if heads else 0
    multiple = c.int("intermediate_multiple_size", default=4)  # GPT-NeoX-Japanese
    inter = c.int("intermediate_size", "n_inner", "ffn_dim", "dff", default=multiple * hidden)
    embed = c.int("word_embed_proj_dim", default=hidden)  # OPT projects its embeddings
    n.add(c.int("vocab_size"), embed, "embed")
    if not c.tied:
        n.add(c.int("vocab_size"), embed, "head")
    n.other += kind.head_bias * c.int("vocab_size")
    n.add((heads + 2 * kv) * hd, hidden, "attn", layers)
    n.add(hidden, heads * hd, "attn", layers)
    biased = c.flag("attention_bias", True) and c.flag("enable_bias", True)
    n.other += layers * biased * (kind.qkv_bias * (heads + 2 * kv) * hd + kind.out_bias * hidden)
    _plain_mlp(n, hidden, inter, layers, bias=kind.mlp_bias and c.flag("enable_bias", True))
    n.other += layers * kind.norms * 2 * hidden + 2 * hidden  # LayerNorms, the final one
    if c.flag("qk_layernorm", False):
        n.other += layers * 2 * 2 * hd
    if c.model_type == "bloom":
        n.other += 2 * hidden  # word_embeddings_layernorm
    if c.model_type == "gpt_neox_japanese":
        n.other += hidden  # the last layer's attention output bias
    if c.model_type in {"opt", "biogpt"}:
        n.other += (c.int("max_position_embeddings") + 2) * hidden  # learned, offset 2
        if embed != hidden:
            n.add(hidden, embed, "attn", 2)  # project_in, project_out
        if not c.flag("do_layer_norm_before", True) or c.flag("_remove_final_layer_norm", False):
            n.other -= 2 * hidden


def _gpt_neo(c: _Cfg, n: ParamCount) -> None:
    """GPT-Neo: learned positions, LayerNorm, unbiased q/k/v, biased output and 4x MLP."""
    hidden, layers = c.int("hidden_size", default=2048), c.int("num_layers", default=24)
    inter = c.int("intermediate_size", default=4 * hidden)
    _embeddings(c, n, hidden)
    n.other += c.int("max_position_embeddings", default=2048) * hidden
    n.add(hidden, hidden, "attn", 4 * layers)  # q, k, v, out
    _plain_mlp(n, hidden, inter, layers, bias=True)
    n.other += layers * (hidden + 4 * hidden) + 2 * hidden  # out bias, ln_1, ln_2; ln_f


def _gpt(c: _Cfg, n: ParamCount) -> None:
    """GPT-2 and GPT-BigCode (StarCoder): learned positions, LayerNorm, biased 4x MLP."""
    hidden = c.int("n_embd", "hidden_size")
    layers = c.int("n_layer", "num_hidden_layers")
    heads = c.int("n_head", "num_attention_heads")
    inter = c.int("n_inner", default=4 * hidden)
    _embeddings(c, n, hidden)
    n.other += c.int("n_positions") * hidden
    kv = hidden // heads if c.flag("multi_query", c.model_type == "gpt_bigcode") else hidden
    n.add(hidden + 2 * kv, hidden, "attn", layers)
    n.add(hidden, hidden, "attn", layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    n.other += layers * (hidden + 2 * kv + hidden + inter + hidden + 4 * hidden) + 2 * hidden


def _falcon(c: _Cfg, n: ParamCount) -> None:
    """Falcon: fused QKV (multi-query or grouped), 4x GELU MLP, LayerNorm."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    heads = c.int("num_attention_heads")
    hd = hidden // heads
    new = c.flag("new_decoder_architecture", False)
    if new:
        kv = c.int("num_kv_heads", default=heads)
    else:
        kv = 1 if c.flag("multi_query", True) else heads
    inter = c.int("ffn_hidden_size", default=4 * hidden)
    _embeddings(c, n, hidden)
    n.add((heads + 2 * kv) * hd, hidden, "attn", layers)
    n.add(hidden, hidden, "attn", layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    bias = c.flag("bias", False)
    n.other += layers * bias * ((heads + 2 * kv) * hd + hidden + inter + hidden)
    norms = 2 if new or not c.flag("parallel_attn", True) else 1
    n.other += layers * norms * 2 * hidden + 2 * hidden


def _mpt(c: _Cfg, n: ParamCount) -> None:
    """MPT: fused QKV, ``expansion_ratio`` MLP, no lm_head (always tied)."""
    hidden, layers = c.int("d_model"), c.int("n_layers")
    inter = c.int("expansion_ratio", default=4) * hidden
    n.add(c.int("vocab_size"), hidden, "embed")
    n.add(3 * hidden, hidden, "attn", layers)
    n.add(hidden, hidden, "attn", layers)
    n.add(inter, hidden, "mlp", layers)
    n.add(hidden, inter, "mlp", layers)
    per_norm = hidden if c.flag("no_bias", True) else 2 * hidden
    n.other += (2 * layers + 1) * per_norm
    if not c.flag("no_bias", True):
        n.other += layers * (3 * hidden + hidden + inter + hidden)


def _dbrx(c: _Cfg, n: ParamCount) -> None:
    """DBRX: fused GQA QKV (``attn_config``), routed GLU experts (``ffn_config``), unbiased
    LayerNorms."""
    hidden, layers, heads = c.int("d_model"), c.int("n_layers"), c.int("n_heads")
    attn, ffn = c.get("attn_config") or {}, c.get("ffn_config") or {}
    kv, hd = attn.get("kv_n_heads", 1), hidden // heads
    experts, inter = ffn.get("moe_num_experts", 4), ffn.get("ffn_hidden_size", 3584)
    _embeddings(c, n, hidden)
    n.add(hidden + 2 * kv * hd, hidden, "attn", layers)  # Wqkv
    n.add(hidden, hidden, "attn", layers)
    _routed_experts(n, hidden, layers, experts, inter, 0)
    n.other += (2 * layers + 1) * hidden


def _jetmoe(c: _Cfg, n: ParamCount) -> None:
    """JetMoE: a mixture of attention heads (expert q and o projections, shared K/V) and a
    routed GLU MoE, each with its own router and output bias."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers", default=12)
    experts, inter = c.int("num_local_experts", default=8), c.int("intermediate_size")
    width = c.int("num_key_value_heads", default=16) * c.int("kv_channels", default=128)
    _embeddings(c, n, hidden)
    n.add(width, hidden, "expert", 2 * layers * experts)  # MoA: q in, o out (transposed)
    n.add(2 * width, hidden, "attn", layers)  # kv_proj
    _routed_experts(n, hidden, layers, experts, inter, 0)
    n.add(experts, hidden, "router", layers)  # the MoA's router
    n.other += layers * 4 * hidden + hidden  # two output biases and two norms per layer


def _modernbert_decoder(c: _Cfg, n: ParamCount) -> None:
    """ModernBERT decoder (Ettin): LayerNorms (none before layer 0's attention), a GLU MLP, and
    a prediction head (dense, norm) before the tied decoder and its bias."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter = c.int("intermediate_size")
    _embeddings(c, n, hidden)
    n.add(hidden, hidden, "attn", 4 * layers)  # q, k, v, Wo
    n.add(2 * inter, hidden, "mlp", layers)  # Wi: the GLU's two halves
    n.add(hidden, inter, "mlp", layers)
    n.add(hidden, hidden, "head")  # the prediction head's dense
    norms = 2 * layers + 2  # embeddings, attention (from layer 1), MLP, final, head
    n.other += norms * hidden * (2 if c.flag("norm_bias", False) else 1)
    n.other += layers * (c.flag("attention_bias", False) * 4 * hidden
                         + c.flag("mlp_bias", False) * (2 * inter + hidden))  # fmt: skip
    n.other += c.flag("classifier_bias", False) * hidden
    n.other += c.flag("decoder_bias", True) * c.int("vocab_size")


def _jamba(c: _Cfg, n: ParamCount) -> None:
    """Jamba: Mamba layers with attention every ``attn_layer_period``, MoE every other layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter, experts = c.int("intermediate_size"), c.int("num_experts", default=16)
    attn = [i for i in range(layers) if i % c.int("attn_layer_period", default=8) ==
            c.int("attn_layer_offset", default=4)]  # fmt: skip
    moe = [i for i in range(layers) if i % c.int("expert_layer_period", default=2) ==
           c.int("expert_layer_offset", default=1)]  # fmt: skip
    _embeddings(c, n, hidden)
    _gqa(c, n, len(attn), hidden)
    mamba = layers - len(attn)
    d_in = c.int("mamba_expand", default=2) * hidden
    state, conv = c.int("mamba_d_state", default=16), c.int("mamba_d_conv", default=4)
    dt = c.int("mamba_dt_rank", default=-(-hidden // 16))
    n.add(2 * d_in, hidden, "mlp", mamba)  # in_proj
    n.add(dt + 2 * state, d_in, "mlp", mamba)  # x_proj
    n.add(d_in, dt, "mlp", mamba)  # dt_proj
    n.add(hidden, d_in, "mlp", mamba)  # out_proj
    conv_bias = c.flag("mamba_conv_bias", True)
    n.other += mamba * (d_in * (state + 1 + conv + conv_bias + 1) + dt + 2 * state)
    _gated_mlp(n, hidden, inter, len(moe) * experts, "expert")
    n.add(experts, hidden, "router", len(moe))
    _gated_mlp(n, hidden, inter, layers - len(moe))
    n.other += layers * 2 * hidden + hidden


def _bamba(c: _Cfg, n: ParamCount) -> None:
    """Bamba: Mamba2 mixers, attention on ``attn_layer_indices``, a gated MLP on every layer."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    attn = len(c.get("attn_layer_indices") or [])
    mamba = layers - attn
    _embeddings(c, n, hidden)
    _gqa(c, n, attn, hidden)
    d_in = c.int("mamba_expand", default=2) * hidden
    heads = c.int("mamba_n_heads", default=128)
    groups = c.int("mamba_n_groups", default=1) * c.int("mamba_d_state", default=256)
    in_rows = 2 * d_in + 2 * groups + heads  # z, x, B, C, dt
    n.add(in_rows, hidden, "mlp", mamba)
    n.add(hidden, d_in, "mlp", mamba)  # out_proj
    conv = c.int("mamba_d_conv", default=4) + c.flag("mamba_conv_bias", True)
    n.other += mamba * ((d_in + 2 * groups) * conv + 3 * heads + d_in)  # conv, dt/A/D, norm
    n.other += mamba * c.flag("mamba_proj_bias", False) * (in_rows + hidden)
    _gated_mlp(n, hidden, c.int("intermediate_size"), layers)
    n.other += layers * 2 * hidden + hidden


def _minimax(c: _Cfg, n: ParamCount) -> None:
    """MiniMax-Text-01: lightning (linear) attention with a few full layers, MoE everywhere."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    types = c.get("layer_types") or [
        "full_attention" if (i + 1) % 2 else "linear_attention" for i in range(layers)
    ]  # transformers' default
    full = types.count("full_attention")
    linear = layers - full
    heads = c.int("num_attention_heads")
    width = heads * c.int("head_dim", default=hidden // heads if heads else 0)
    _embeddings(c, n, hidden)
    _gqa(c, n, full, hidden)
    n.add(3 * width, hidden, "attn", linear)  # qkv_proj
    n.add(width, hidden, "attn", linear)  # output_gate
    n.add(hidden, width, "attn", linear)  # out_proj
    n.other += linear * width  # the linear attention's norm
    experts = c.int("num_local_experts")
    _gated_mlp(n, hidden, c.int("intermediate_size"), layers * experts, "expert")
    n.add(experts, hidden, "router", layers)
    n.other += layers * 2 * hidden + hidden


def _qwen3_next(c: _Cfg, n: ParamCount) -> None:
    """Qwen3-Next: gated DeltaNet layers, gated full attention every Nth, shared-expert MoE."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    every = c.int("full_attention_interval", default=4)
    full = len([i for i in range(layers) if (i + 1) % every == 0])
    linear = layers - full
    k_dim = c.int("linear_num_key_heads") * c.int("linear_key_head_dim")
    v_heads = c.int("linear_num_value_heads")
    v_dim = v_heads * c.int("linear_value_head_dim")
    _embeddings(c, n, hidden)
    _gqa(c, n, full, hidden, gated_q=True)
    n.add(2 * k_dim + 2 * v_dim, hidden, "attn", linear)  # in_proj_qkvz
    n.add(2 * v_heads, hidden, "attn", linear)  # in_proj_ba
    n.add(hidden, v_dim, "attn", linear)  # out_proj
    conv = (2 * k_dim + v_dim) * c.int("linear_conv_kernel_dim", default=4)
    n.other += linear * (conv + 2 * v_heads + c.int("linear_value_head_dim"))
    experts, moe_inter = c.int("num_experts"), c.int("moe_intermediate_size")
    _gated_mlp(n, hidden, moe_inter, layers * experts, "expert")
    _gated_mlp(n, hidden, c.int("shared_expert_intermediate_size"), layers)
    n.add(experts, hidden, "router", layers)
    n.add(1, hidden, "router", layers)  # shared_expert_gate
    n.other += layers * 2 * hidden + hidden


def _cpmant(c: _Cfg, n: ParamCount) -> None:
    """CPM-Ant: prompt and segment embeddings, a relative position bias, pre-norm layers of
    multi-head attention (``dim_head`` wide) and a gated FFN."""
    hidden, layers = c.int("hidden_size", default=4096), c.int("num_hidden_layers", default=48)
    heads, hd = c.int("num_attention_heads", default=32), c.int("dim_head", default=128)
    segments = c.int("segment_types", default=32)
    prompts = c.int("prompt_types", default=32) * c.int("prompt_length", default=32)
    vocab = c.int("vocab_size", default=30720)
    n.add(vocab + prompts, hidden, "embed")
    n.add(vocab, hidden, "head")
    n.other += segments * hidden  # segment embedding
    n.other += (c.int("position_bias_num_buckets", default=512) + segments**2) * heads
    n.add(heads * hd, hidden, "attn", 3 * layers)  # project_q, _k, _v
    n.add(hidden, heads * hd, "attn", layers)  # attention_out
    _gated_mlp(n, hidden, c.int("dim_ff", default=10240), layers)
    n.other += layers * 2 * hidden + hidden  # norms before attention and FFN, the output norm


def _mllama_text(c: _Cfg, n: ParamCount) -> None:
    """Llama 3.2 Vision's text model: Llama layers, some cross-attending to the image (the same
    q/k/v/o shapes, plus q/k norms and two tanh gates); 8 more embedding rows for image tokens."""
    _llama_like(c, n)
    hidden, heads = c.int("hidden_size"), c.int("num_attention_heads")
    n.add(8, hidden, "embed")
    n.other += len(c.get("cross_attention_layers") or []) * (2 * (hidden // heads) + 2)


class _Mamba2(NamedTuple):
    """A Mamba2 mixer's widths: inner (heads x head width), heads, B/C (groups x state)."""

    d_in: int
    heads: int
    groups_x_state: int
    conv: int
    conv_bias: bool
    gated_norm: bool = True


def _mamba2_mixers(n: ParamCount, hidden: int, mixers: int, m: _Mamba2) -> None:
    """``mixers`` Mamba2 mixers: in_proj (z, x, B, C, dt), out_proj, the conv over x, B and C,
    dt_bias / A_log / D per head, the gated norm (where it has one)."""
    bc = 2 * m.groups_x_state
    n.add(2 * m.d_in + bc + m.heads, hidden, "mlp", mixers)
    n.add(hidden, m.d_in, "mlp", mixers)
    conv = (m.d_in + bc) * (m.conv + m.conv_bias)
    n.other += mixers * (conv + 3 * m.heads + m.gated_norm * m.d_in)


def _falcon_h1(c: _Cfg, n: ParamCount) -> None:
    """Falcon-H1: attention and a Mamba2 mixer side by side in every layer, then a gated MLP."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    _embeddings(c, n, hidden)
    _gqa(c, n, layers, hidden)
    heads = c.int("mamba_n_heads", default=128)
    mixer = _Mamba2(
        d_in=c.int("mamba_d_ssm", default=c.int("mamba_expand", default=2) * hidden),
        heads=heads,
        groups_x_state=c.int("mamba_n_groups", default=1) * c.int("mamba_d_state", default=256),
        conv=c.int("mamba_d_conv", default=4),
        conv_bias=c.flag("mamba_conv_bias", True),
        gated_norm=c.flag("mamba_rms_norm", False),
    )
    _mamba2_mixers(n, hidden, layers, mixer)
    _gated_mlp(n, hidden, c.int("intermediate_size", default=14336), layers)
    n.other += layers * 2 * hidden + hidden  # input / pre-FF norms, the final norm


def _hybrid_layers(c: _Cfg, key: str, layers: int, default: Callable[[int], bool]) -> list[int]:
    """Indices of the attention-keeping layers: ``key``'s list where the config has one (its
    entries other than Mamba / conv / MLP / MoE blocks), else ``default(i)``."""
    blocks = c.get(key)
    if isinstance(blocks, list):
        return [i for i, b in enumerate(blocks) if b in _ATTENTION_BLOCKS]
    return [i for i in range(layers) if default(i)]


_ATTENTION_BLOCKS = {"hybrid", "attention", "full_attention"}
_ZAMBA2_HYBRID = {6, 12, 18, 24, 30, 36, 42, 47, 51}  # transformers' default 54-layer pattern


def _zamba(c: _Cfg, n: ParamCount) -> None:
    """Zamba (Mamba mixers; hybrid layers add a linear and run one shared attention+MLP block
    over [hidden, embeddings]) and Zamba2 (Mamba2 mixers; ``num_mem_blocks`` shared blocks,
    LoRA adapters per hybrid layer)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    inter = c.int("intermediate_size") or 4 * hidden  # Zamba2's default
    v2 = c.model_type == "zamba2"
    period, offset = c.int("attn_layer_period", default=6), c.int("attn_layer_offset", default=4)
    hybrid = _hybrid_layers(c, "layers_block_type", layers, lambda i: (
        i in _ZAMBA2_HYBRID if v2 else i == 2 or (i >= 3 and (i - 3) % period == offset)
    ))  # fmt: skip
    _embeddings(c, n, hidden)
    d_in = c.int("mamba_expand", default=2) * hidden
    state, conv = c.int("mamba_d_state", default=64 if v2 else 16), c.int("mamba_d_conv", default=4)
    if v2:
        groups = c.int("mamba_ngroups", default=1) * state
        heads = c.int("n_mamba_heads", default=8)
        conv_bias = c.flag("use_conv_bias", True)
        _mamba2_mixers(n, hidden, layers, _Mamba2(d_in, heads, groups, conv, conv_bias))
    else:
        heads = c.int("n_mamba_heads", default=2)
        dt = c.int("mamba_dt_rank", default=-(-hidden // 16))
        n.add(2 * d_in, hidden, "mlp", layers)  # in_proj
        n.add(dt + 2 * state, d_in // heads, "mlp", layers * heads)  # x_proj, per head
        n.add(d_in, dt, "mlp", layers)  # dt_proj
        n.add(hidden, d_in, "mlp", layers)  # out_proj
        conv_bias = c.flag("mamba_conv_bias", True)
        n.other += layers * d_in * (1 + state + 1 + conv + conv_bias)  # dt bias, A_log, D, conv
    n.other += layers * hidden + hidden  # input norms, the final norm
    n.add(hidden, hidden, "attn", len(hybrid))  # each hybrid layer's linear
    width = c.int("attention_hidden_size", default=2 * hidden)  # attention over [h, embeddings]
    att_heads = c.int("num_attention_heads")
    kv = c.int("num_key_value_heads", default=att_heads)
    hd = c.int("attention_head_dim", default=width // att_heads)
    blocks = min(c.int("num_mem_blocks", default=1) if v2 else 1, len(hybrid))
    if not c.tied:  # transformers shares the block by weight tying: untied, each layer has its own
        blocks = len(hybrid)
    n.add(att_heads * hd, width, "attn", blocks)
    n.add(kv * hd, width, "attn", 2 * blocks)
    n.add(hidden, att_heads * hd, "attn", blocks)
    _gated_mlp(n, hidden, inter, blocks)
    n.other += blocks * (width + hidden)  # the shared block's two norms
    if v2:  # LoRA adapters per hybrid layer: the MLP's gate/up, and q/k/v when asked
        rank, mem = c.int("adapter_rank", default=128), c.int("num_mem_blocks", default=1)
        # a block holds one adapter per hybrid layer it serves (round robin); untied, every
        # layer's copy of its block holds all of them
        served = [len(range(b, len(hybrid), mem)) for b in range(mem)]
        adapters = len(hybrid) if c.tied else sum(k * k for k in served)
        n.add(rank, hidden, "mlp", adapters)
        n.add(2 * inter, rank, "mlp", adapters)
        if c.flag("use_shared_attention_adapter", False):
            n.add(rank, width, "attn", 3 * adapters)
            n.add(width, rank, "attn", 3 * adapters)


def _lfm2(c: _Cfg, n: ParamCount) -> None:
    """LFM2 / LFM2-MoE: gated short-convolution layers, GQA layers with q/k norms, a gated MLP
    on every layer (LFM2-MoE: routed experts after ``num_dense_layers``)."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    attn_idx = c.get("full_attn_idxs")
    attn = _hybrid_layers(c, "layer_types", layers,
                          lambda i: attn_idx is None or i in attn_idx)  # fmt: skip
    convs = layers - len(attn)
    _embeddings(c, n, hidden)
    _gqa(c, n, len(attn), hidden)
    heads = c.int("num_attention_heads")
    n.other += len(attn) * 2 * (hidden // heads)  # q_layernorm, k_layernorm
    n.add(3 * hidden, hidden, "attn", convs)  # in_proj (B, C, x)
    n.add(hidden, hidden, "attn", convs)  # out_proj
    n.other += convs * hidden * (c.int("conv_L_cache", default=3) + c.flag("conv_bias", False))
    inter = c.int("intermediate_size")
    if c.model_type == "lfm2_moe":
        dense = min(c.int("num_dense_layers", default=2), layers)
        experts = c.int("num_experts", default=32)
        _gated_mlp(n, hidden, inter, dense)
        _gated_mlp(n, hidden, c.int("moe_intermediate_size"), (layers - dense) * experts, "expert")
        n.add(experts, hidden, "router", layers - dense)
    else:
        if c.flag("block_auto_adjust_ff_dim", True):  # transformers' SwiGLU sizing
            inter = int(2 * inter / 3)
            multiplier = c.get("block_ffn_dim_multiplier", 1.0)
            if multiplier is not None:
                inter = int(multiplier * inter)
            multiple = c.int("block_multiple_of", default=256)
            inter = multiple * -(-inter // multiple)
        _gated_mlp(n, hidden, inter, layers)
    n.other += layers * 2 * hidden + hidden  # operator / ffn norms, the embedding norm


_NEMOTRON_H_BLOCKS = {"M": "mamba", "E": "moe", "*": "attention", "-": "mlp"}


def _nemotron_h(c: _Cfg, n: ParamCount) -> None:
    """Nemotron-H: one mixer per block, Mamba2 (M), attention (*), ReLU² MLP (-) or routed
    experts with a shared one (E), from ``layers_block_type`` / ``hybrid_override_pattern``."""
    hidden = c.int("hidden_size")
    blocks = c.get("layers_block_type") or c.get("layer_types")
    if not isinstance(blocks, list):
        blocks = [_NEMOTRON_H_BLOCKS[b] for b in str(c.get("hybrid_override_pattern") or "ME*-")]
    count = {kind: 0 for kind in ("mamba", "moe", "attention", "mlp")}
    for b in blocks:
        count[{"linear_attention": "mamba", "full_attention": "attention"}.get(b, b)] += 1
    _embeddings(c, n, hidden)
    _gqa(c, n, count["attention"], hidden)
    heads = c.int("mamba_num_heads", default=128)
    mixer = _Mamba2(
        d_in=heads * c.int("mamba_head_dim", default=64),
        heads=heads,
        groups_x_state=c.int("n_groups", default=8) * c.int("ssm_state_size", default=128),
        conv=c.int("conv_kernel", default=4),
        conv_bias=c.flag("use_conv_bias", True),
    )
    _mamba2_mixers(n, hidden, count["mamba"], mixer)
    bias = c.flag("mlp_bias", False)
    _plain_mlp(n, hidden, c.int("intermediate_size", default=21504), count["mlp"], bias=bias)
    experts, moe = c.int("n_routed_experts", default=8), count["moe"]
    moe_inter = c.int("moe_intermediate_size", default=7688)
    shared = c.int("moe_shared_expert_intermediate_size", default=7688)
    n.add(moe_inter, hidden, "expert", moe * experts)  # up (ReLU², no gate)
    n.add(hidden, moe_inter, "expert", moe * experts)  # down
    _plain_mlp(n, hidden, shared, moe, bias=False)
    n.add(experts, hidden, "router", moe)
    n.other += len(blocks) * hidden + hidden  # one norm per block, norm_f


def _recurrent_gemma(c: _Cfg, n: ParamCount) -> None:
    """RecurrentGemma: RG-LRU blocks and local attention in the ``block_types`` cycle."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    cycle = c.get("block_types") or ["recurrent", "recurrent", "attention"]
    attn = len([i for i in range(layers) if cycle[i % len(cycle)] == "attention"])
    rec = layers - attn
    lru, heads = c.int("lru_width", default=hidden), c.int("num_attention_heads")
    inter = c.int("intermediate_size") // 2
    _embeddings(c, n, hidden)
    _gqa(c, n, attn, hidden)
    n.add(lru, hidden, "attn", 2 * rec)  # linear_y, linear_x
    n.add(hidden, lru, "attn", rec)  # linear_out
    n.add(lru // heads, lru // heads, "attn", 2 * heads * rec)  # block-diagonal gates
    n.other += rec * (2 * lru + hidden + lru * (c.int("conv1d_width", default=4) + 1))
    n.other += rec * (lru + 2 * lru) + attn * hidden  # recurrent_param, gate biases; o bias
    _gated_mlp(n, hidden, inter, layers)
    n.other += layers * (2 * inter + hidden + 2 * hidden) + hidden


def _gemma3n_text(c: _Cfg, n: ParamCount) -> None:
    """Gemma 3n's text decoder: per-layer embeddings, AltUp and LAuReL around Gemma 3 layers."""
    hidden, layers = c.int("hidden_size"), c.int("num_hidden_layers")
    per_layer = c.int("hidden_size_per_layer_input", default=256)
    alt, rank = c.int("altup_num_inputs", default=4), c.int("laurel_rank", default=64)
    inter = c.get("intermediate_size")
    inters = inter if isinstance(inter, list) else [int(inter)] * layers
    _embeddings(c, n, hidden)
    n.add(c.int("vocab_size_per_layer_input", default=262144), layers * per_layer, "embed")
    n.add(layers * per_layer, hidden, "attn")
    n.add(hidden, hidden, "attn", 2 * (alt - 1))  # altup (un)embed projections
    shared = c.int("num_kv_shared_layers")  # the last ones reuse earlier layers' K/V
    _gqa(c, n, layers - shared, hidden)
    heads, hd = c.int("num_attention_heads"), c.int("head_dim", default=256)
    n.add(heads * hd, hidden, "attn", shared)
    n.add(hidden, heads * hd, "attn", shared)
    n.other += shared * hd
    for size in inters:
        _gated_mlp(n, hidden, size, 1)
    n.add(alt, hidden, "router", layers)  # altup modality router
    n.add(rank, hidden, "mlp", layers)
    n.add(hidden, rank, "mlp", layers)
    n.add(per_layer, hidden, "mlp", layers)
    n.add(hidden, per_layer, "mlp", layers)
    n.other += layers * 4 * hidden  # norms
    n.other += layers * (3 * hidden + alt * alt + alt**3 + hidden)  # altup, laurel, per-layer
    n.other += hidden + per_layer


def _siglip(vision: Mapping[str, Any], text_hidden: int, n: ParamCount) -> None:
    """A SigLIP vision tower and Gemma 3's projector into the text width."""
    v = _Cfg(vision, "siglip_vision_model")
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
    n.other += hidden + hidden * text_hidden  # mm_soft_emb_norm, mm_input_projection


_FAMILIES: dict[str, Callable[[_Cfg, ParamCount], None]] = {
    "minicpm3": _mla, "bamba": _bamba, "minimax": _minimax, "glm4_moe": _dense_then_moe,
    "dots1": _dense_then_moe, "ernie4_5_moe": _dense_then_moe,
    **dict.fromkeys(_CLASSIC, _classic),
    "deepseek_v2": _mla, "deepseek_v3": _mla, "deepseek_v32": _mla, "gpt2": _gpt,
    "gpt_bigcode": _gpt, "falcon": _falcon, "mpt": _mpt, "jamba": _jamba, "qwen3_next": _qwen3_next,
    "recurrent_gemma": _recurrent_gemma, "gemma3n_text": _gemma3n_text, "zamba": _zamba,
    "zamba2": _zamba, "lfm2": _lfm2, "lfm2_moe": _lfm2, "nemotron_h": _nemotron_h,
    "mllama_text_model": _mllama_text, "falcon_h1": _falcon_h1, "cpmant": _cpmant,
    "gpt_neo": _gpt_neo, "dbrx": _dbrx, "jetmoe": _jetmoe,
    "modernbert-decoder": _modernbert_decoder,
    **dict.fromkeys(
        ("bart", "whisper", "mbart", "marian", "pegasus", "plbart", "mvp", "blenderbot",
         "blenderbot-small", "bigbird_pegasus"),
        _encoder_decoder,
    ),
    "prophetnet": _prophetnet, "trocr": _trocr, "musicgen_decoder": _musicgen_decoder,
    **dict.fromkeys(
        ("bert", "roberta", "xlm-roberta", "xlm-roberta-xl", "electra", "camembert", "ernie",
         "rembert", "roformer", "megatron-bert", "data2vec-text", "big_bird", "bert-generation",
         "roberta-prelayernorm", "xlm"),
        _bert,
    ),
}  # fmt: skip
_LLAMA_LIKE = {
    "llama", "mistral", "mixtral", "qwen2", "qwen2_moe", "qwen3", "qwen3_moe", "phi3", "gemma",
    "gemma2", "gemma3_text", "gpt_oss", "llama4_text", "olmo2", "granite", "starcoder2",
    "cohere", "cohere2", "apertus", "arcee", "nemotron", "exaone", "glm", "glm4", "olmo",
}  # fmt: skip


def count_params(config: Mapping[str, Any]) -> ParamCount:
    """The parameters ``config`` (a config.json dict) builds; ``family`` says which formula."""
    model_type = str(config.get("model_type", ""))
    text = config.get("text_config")
    if isinstance(text, Mapping):
        text_type = str(text.get("model_type") or f"{model_type}_text")
        n = count_params({**text, "model_type": text_type})
        vision = config.get("vision_config")
        if isinstance(vision, Mapping) and vision.get("model_type") == "siglip_vision_model":
            _siglip(vision, _Cfg(text, text_type).int("hidden_size"), n)
        elif vision is not None:
            n.notes.append("vision tower not counted")
        return n
    cfg = _Cfg(config, model_type)
    if model_type in _FAMILIES:
        n = ParamCount(family=model_type)
        _FAMILIES[model_type](cfg, n)
    else:
        n = ParamCount(family=model_type if model_type in _LLAMA_LIKE else "generic")
        _llama_like(cfg, n)
        if n.family == "generic":
            n.notes.append(f"no formula for {model_type!r}: counted as a Llama-style decoder")
    return n
