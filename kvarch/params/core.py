"""What every family's formula shares: the count's types, the config reader with
transformers' defaults, the registry of formulas per model_type, and the layer pieces
(embeddings, grouped-query attention, MLPs, routed experts) most formulas are built from."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Literal

import msgspec

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
    "fuyu": {  # FuyuConfig's text_config defaults (a Persimmon decoder)
        "vocab_size": 262144, "hidden_size": 4096, "intermediate_size": 16384,
        "num_hidden_layers": 36, "num_attention_heads": 64, "qk_layernorm": True,
    },
    "moshi": {
        "vocab_size": 32000, "hidden_size": 4096, "num_hidden_layers": 32,
        "num_attention_heads": 32, "ffn_dim": 22528,
    },
    "phi4_multimodal": {  # Phi4MultimodalConfig's (its Phi-3 decoder's) defaults
        "vocab_size": 200064, "hidden_size": 3072, "intermediate_size": 8192,
        "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
    },
    "phi4_multimodal_vision": {
        "hidden_size": 1152, "intermediate_size": 4304, "num_hidden_layers": 27,
        "num_channels": 3, "image_size": 448, "patch_size": 14,
    },
    "phi4_multimodal_audio": {
        "hidden_size": 1024, "intermediate_size": 1536, "num_blocks": 24,
        "num_attention_heads": 16, "nemo_conv_channels": 1024, "input_size": 80,
        "ext_pw_out_channel": 1024, "depthwise_separable_out_channel": 1024,
        "depthwise_multiplier": 1, "kernel_size": 3, "time_reduction": 8,
        "bias_max_distance": 1000,
    },
    "got_ocr2_vision": {  # GotOcr2VisionConfig's: SAM ViT-B at 1024 pixels
        "hidden_size": 768, "output_channels": 256, "num_hidden_layers": 12,
        "num_attention_heads": 12, "num_channels": 3, "image_size": 1024, "patch_size": 16,
        "window_size": 14, "global_attn_indexes": [2, 5, 8, 11], "mlp_dim": 3072,
    },
    "moss_transcribe_diarize_audio": {  # its Whisper encoder's, under Whisper's names
        "d_model": 1024, "encoder_layers": 24, "encoder_ffn_dim": 4096, "num_mel_bins": 80,
        "max_source_positions": 1500,
    },
    "gpt2": {"vocab_size": 50257, "n_positions": 1024, "n_embd": 768, "n_layer": 12},
    "gpt-sw3": {"vocab_size": 50257, "n_positions": 1024, "n_embd": 768, "n_layer": 12},
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
    "deepseek_v4": {
        "vocab_size": 129280, "hidden_size": 4096, "num_hidden_layers": 43,
        "num_attention_heads": 64, "head_dim": 512, "q_lora_rank": 1024, "hc_mult": 4,
        "o_groups": 8, "o_lora_rank": 1024, "index_n_heads": 64, "index_head_dim": 128,
        "moe_intermediate_size": 2048, "n_shared_experts": 1, "n_routed_experts": 256,
    },
    "dbrx": {"d_model": 2048, "n_heads": 16, "n_layers": 24, "vocab_size": 32000},
    "jetmoe": {"hidden_size": 2048, "intermediate_size": 5632, "vocab_size": 32000},
    "modernbert-decoder": {"hidden_size": 768, "intermediate_size": 1152, "num_hidden_layers": 22,
                           "vocab_size": 50368},
    "nemotron_h": {"head_dim": 128},  # not hidden / heads
    "ministral3": {
        "vocab_size": 131072, "hidden_size": 4096, "intermediate_size": 14336,
        "num_hidden_layers": 34, "num_attention_heads": 32, "num_key_value_heads": 8,
        "head_dim": 128,
    },
    "aria_text": {
        "vocab_size": 32000, "hidden_size": 4096, "intermediate_size": 4096,
        "num_hidden_layers": 32, "num_attention_heads": 32, "moe_num_experts": 8,
        "moe_num_shared_experts": 2,
    },
    "exaone_moe": {  # ExaoneMoeConfig's
        "vocab_size": 102400, "hidden_size": 4096, "intermediate_size": 16384,
        "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 32,
        "first_k_dense_replace": 1, "moe_intermediate_size": 1024, "num_experts": 64,
        "num_shared_experts": 1,
    },
    "emu3_text_model": {  # Emu3TextConfig's (Emu3-Chat-hf's text_config omits them)
        "vocab_size": 184622, "hidden_size": 4096, "intermediate_size": 14336,
        "num_hidden_layers": 32, "num_attention_heads": 32, "num_key_value_heads": 8,
    },
}  # fmt: skip

_TIED_BY_DEFAULT = {
    "cohere", "cohere2", "bloom", "opt", "starcoder2", "ctrl", "xglm", "gpt_neox_japanese",
    "minicpm3", "jetmoe", "modernbert-decoder",
    "gemma", "gemma2", "gemma3", "gemma3_text", "gemma3n_text", "recurrent_gemma", "vaultgemma",
    "falcon", "gpt2", "gpt-sw3", "gpt_bigcode", "mpt", "bart", "whisper", "mbart", "pegasus",
    "plbart", "mvp", "marian", "blenderbot", "blenderbot-small", "bigbird_pegasus", "biogpt",
    "zamba", "zamba2", "lfm2", "lfm2_moe", "gpt_neo", "prophetnet", "trocr",
    "got_ocr2", "moss_transcribe_diarize",
}  # fmt: skip


class Cfg:
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


Formula = Callable[[Cfg, ParamCount], None]

#: The formula per model_type, filled by the family modules' ``@formula(...)``.
FORMULAS: dict[str, Formula] = {}


def formula(*model_types: str) -> Callable[[Formula], Formula]:
    """Registers the decorated function as the count of ``model_types``."""

    def register(count: Formula) -> Formula:
        for model_type in model_types:
            if model_type in FORMULAS:
                taken = FORMULAS[model_type].__qualname__
                raise ValueError(
                    f"model_type {model_type!r}: counted by {taken} already; "
                    f"expected one formula, not also {count.__qualname__}"
                )
            FORMULAS[model_type] = count
        return count

    return register


# Attention layouts: families whose attention_bias leaves o_proj unbiased, and the config flag
# that turns q/k norms on.
_QKV_BIAS_ONLY = {"glm", "glm4", "glm4_moe"}
_QK_NORM_FLAG = {
    "apertus": "qk_norm", "apertus1p5_text": "qk_norm", "glm4_moe": "use_qk_norm",
    "hunyuan_v1_dense": "use_qk_norm", "sarvam_moe": "use_qk_norm",
}  # fmt: skip


def embeddings(c: Cfg, n: ParamCount, hidden: int) -> None:
    vocab = c.int("vocab_size", "padded_vocab_size")
    n.add(vocab, hidden, "embed")
    if not c.tied:  # Apertus 1.5's head is narrower than its input vocabulary
        n.add(c.int("output_vocab_size") or vocab, hidden, "head")


def gqa(c: Cfg, n: ParamCount, layers: int, hidden: int, *, gated_q: bool = False) -> None:
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
    qk_norm = c.model_type in {
        "qwen3", "qwen3_moe", "qwen3_next", "qwen3_5_text", "qwen3_5_moe_text", "gemma3_text",
        "olmo2", "dots1", "hunyuan_v1_moe", "hy_v3", "mellum", "exaone_moe",
    }  # fmt: skip
    if qk_norm or c.flag(_QK_NORM_FLAG.get(c.model_type, ""), False):
        n.other += layers * 2 * hd  # q_norm, k_norm
    if c.model_type in {"gpt_oss", "granite_swa", "granitemoe_swa"}:
        n.other += layers * heads  # attention sinks


def gated_mlp(n: ParamCount, hidden: int, inter: int, copies: int, tag: Tag = "mlp") -> None:
    n.add(inter, hidden, tag, 2 * copies)  # gate, up
    n.add(hidden, inter, tag, copies)  # down


def plain_mlp(n: ParamCount, hidden: int, inter: int, copies: int, *, bias: bool) -> None:
    """Up and down projections without a gate (GELU, ReLU², xIELU MLPs), biased or not."""
    n.add(inter, hidden, "mlp", copies)
    n.add(hidden, inter, "mlp", copies)
    n.other += copies * bias * (inter + hidden)


def routed_experts(
    n: ParamCount, hidden: int, moe: int, experts: int, inter: int, shared: int
) -> None:
    """``moe`` layers of ``experts`` gated experts, shared experts ``shared`` wide, a router."""
    gated_mlp(n, hidden, inter, moe * experts, "expert")
    gated_mlp(n, hidden, shared, moe)
    n.add(experts, hidden, "router", moe)
