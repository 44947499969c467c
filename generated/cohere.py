# generated from schemas/cohere.yaml by `make generate`; do not edit.
# kvarch-digest: render=30ff14daa0ec82db content=4e3a9d7af2c99169
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CohereConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Cohere decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CohereForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 64
    hidden_size: rt.Width = 8192
    max_position_embeddings: rt.Positive = 8192
