# generated from schemas/cohere2.yaml by `make generate`; do not edit.
# kvarch-digest: render=432b496afc14dbfc content=33626a7c71cd7f4b
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Cohere2Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere2 decoder (sliding layers with every 4th layer full)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Cohere2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere2.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    """Query heads."""
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = None
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 8192
    """Model width."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
    sliding_window_pattern: Annotated[int, rt.hf(ge=1)] = 4
    """Every this-many-th layer is full attention (older configs; layer_types wins)."""

    @rt.reads("sliding_window_pattern")
    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % self.sliding_window_pattern != 0 else "full"
