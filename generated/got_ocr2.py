# generated from schemas/got_ocr2.yaml by `make generate`; do not edit.
# kvarch-digest: render=076535fdeac20792 content=cb23e21dca54b707
from typing import Annotated, ClassVar

from generated.qwen3 import Qwen3Config
from kvarch import schema_runtime as rt


class GotOcr2Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """GOT-OCR2 (Qwen2 text decoder under text_config)."""

    SCHEMA: ClassVar[str] = "schemas/got_ocr2.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers
    """Decoder layers."""
    num_attention_heads: rt.Heads
    """Query heads."""
    num_kv_heads: rt.KvHeadsOrNull | None = 32
    """KV heads (absent -> transformers' 32; null -> one per query head)."""
    hidden_size: rt.Width
    """Model width."""
    explicit_head_dim: rt.HeadDim | None = None
    """Per-head width when given (else hidden_size / num_attention_heads)."""
    max_position_embeddings: rt.Positive = 32768
    """Longest sequence the positional encoding was trained for."""
    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens a sliding layer sees (absent -> transformers' 4096; null -> no window)."""
    max_window_layers: rt.NonNegative = 28
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
