# generated from schemas/nanochat.yaml by `make generate`; do not edit.
# kvarch-digest: render=718945cb1c5a8d03 content=5baf4b51bdb1fa4a
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NanoChatConfig(LlamaConfig, kw_only=True, dict=True):
    """NanoChat decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nanochat",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NanoChatForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nanochat.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        12
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 6
    """Query heads."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 768
    """Model width."""
