# generated from schemas/olmo.yaml by `make generate`; do not edit.
# kvarch-digest: render=b4207642cccb09ce content=3a08c28c4f8db7f2
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMo / OLMo2 decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo", "olmo2")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoForCausalLM", "Olmo2ForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/olmo.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
