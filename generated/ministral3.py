# generated from schemas/ministral3.yaml by `make generate`; do not edit.
# kvarch-digest: render=a33190adc0293b0b content=1841c1198093adb8
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Ministral3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Ministral3 decoder (GQA, explicit head_dim; every layer sliding when sliding_window is
    set)."""

    SCHEMA: ClassVar[str] = "schemas/ministral3.yaml"

    num_hidden_layers: rt.Layers = 34
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: rt.Positive = 262144
    """Longest sequence (already the YaRN-extended length; not multiplied again)."""
