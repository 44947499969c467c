# generated from schemas/got_ocr2.yaml by `make generate`; do not edit.
# kvarch-digest: render=b78265d75b9c3844 content=ce01f928ba6384b0
from typing import Annotated, ClassVar

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

    def _checks(self) -> rt.Checks:
        yield (
            "num_kv_heads",
            "a divisor of num_attention_heads",
            self.num_attention_heads % self.kv_heads == 0,
        )
        yield (
            "hidden_size",
            "a multiple of num_attention_heads (or set head_dim)",
            self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @rt.reads("num_hidden_layers")
    def _count(self) -> int:
        return self.num_hidden_layers

    @rt.reads("use_sliding_window", "sliding_window", "max_window_layers")
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if self.use_sliding_window
            and self.sliding_window is not None
            and (i >= self.max_window_layers)
            else "full"
        )

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window

    @rt.reads("num_kv_heads", "num_attention_heads")
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.kv_heads

    @rt.reads("explicit_head_dim", "hidden_size", "num_attention_heads")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.attn_head_dim

    @rt.reads("max_position_embeddings")
    def _max_length(self) -> int | None:
        return self.max_position_embeddings
