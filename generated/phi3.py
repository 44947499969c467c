# generated from schemas/phi3.yaml by `make generate`; do not edit.
# kvarch-digest: render=3257babc99966617 content=8a0916d865979210
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-3 decoder (every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    """Query heads."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3072
    """Model width."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""
