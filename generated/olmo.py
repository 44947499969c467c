# generated from schemas/olmo.yaml by `make generate`; do not edit.
# kvarch-digest: render=43ef3bb221e1c64b content=1261ad83d2c61e36
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMo / OLMo2 decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo", "olmo2")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoForCausalLM", "Olmo2ForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/olmo.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    """Query heads."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    """Model width."""
