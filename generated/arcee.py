# generated from schemas/arcee.yaml by `make generate`; do not edit.
# kvarch-digest: render=e054054453782dd5 content=e00a1f5e2eed8d4d
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ArceeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Arcee decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("arcee",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ArceeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/arcee.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 4096
