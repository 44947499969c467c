# generated from schemas/got_ocr2.yaml by `make generate`; do not edit.
# kvarch-digest: render=d79a73c0c22e451b content=b61e794a4b276afe
from typing import Annotated, ClassVar

from generated.qwen3 import Qwen3Config
from kvarch import schema_runtime as rt


class GotOcr2Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """GOT-OCR2 (Qwen2 text decoder under text_config)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("got_ocr2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GotOcr2ForConditionalGeneration",)
    SCHEMA: ClassVar[str] = "schemas/got_ocr2.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)]
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)]
    """Query heads."""
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 16
    """KV heads (absent -> GOT's text default 16; null -> one per query head)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)]
    """Model width."""
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] | None = None
    """Per-head width when given (else hidden_size / num_attention_heads)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""
    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""
    sliding_window: Annotated[int, rt.hf(ge=1)] = 4096
    """Tokens a sliding layer sees."""
    max_window_layers: Annotated[int, rt.hf(ge=0)] = 21
    """First layer index that uses the sliding window."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    _checks = Qwen3Config._checks
    kv_heads = Qwen3Config.kv_heads
    attn_head_dim = Qwen3Config.attn_head_dim
    _count = Qwen3Config._count
    _kind = Qwen3Config._kind
    _window = Qwen3Config._window
    _num_kv_heads = Qwen3Config._num_kv_heads
    _k_head_dim = Qwen3Config._k_head_dim
    _max_length = Qwen3Config._max_length
