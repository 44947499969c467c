# generated from schemas/arcee.yaml by `make generate`; do not edit.
# kvarch-digest: render=23752e002c612220 content=2039d1c1a410af27
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ArceeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Arcee decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("arcee",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ArceeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/arcee.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    """Query heads."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    """Model width."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""
