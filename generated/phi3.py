# generated from schemas/phi3.yaml by `make generate`; do not edit.
# kvarch-digest: render=8ab1cfa2b4000b9a content=0f68938b153492c2
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-3 decoder (every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi3.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 3072
    max_position_embeddings: rt.Positive = 4096
