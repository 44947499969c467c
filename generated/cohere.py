# generated from schemas/cohere.yaml by `make generate`; do not edit.
# kvarch-digest: render=72c45bf7ec782831 content=3bc8a8d4debe10a0
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CohereConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Cohere decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CohereForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    """Query heads."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 8192
    """Model width."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
