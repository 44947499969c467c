# generated from schemas/nemotron.yaml by `make generate`; do not edit.
# kvarch-digest: render=0f52c88d9f0c068e content=5603f3ced46471d2
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NemotronConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Nemotron decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nemotron",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NemotronForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nemotron.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 48
    hidden_size: rt.Width = 6144
    max_position_embeddings: rt.Positive = 4096
