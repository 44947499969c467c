# generated from schemas/ministral3.yaml by `make generate`; do not edit.
# kvarch-digest: render=1b2037c188dcb436 content=6947e813911b43f8
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Ministral3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Ministral3 decoder (GQA, explicit head_dim; every layer sliding when sliding_window is
    set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ministral3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ministral3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ministral3.yaml"

    num_hidden_layers: rt.Layers = 34
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: rt.Positive = 262144
    """Longest sequence (already the YaRN-extended length; not multiplied again)."""
