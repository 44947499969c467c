# generated from schemas/ministral3.yaml by `make generate`; do not edit.
# kvarch-digest: render=5dc64d6eefadf8d6 content=9ca66154fe469523
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Ministral3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Ministral3 decoder (GQA, explicit head_dim; every layer sliding when sliding_window is
    set)."""

    SCHEMA: ClassVar[str] = "schemas/ministral3.yaml"

    num_hidden_layers: rt.Layers = 34
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: rt.Positive = 262144
    """Longest sequence (already the YaRN-extended length; not multiplied again)."""
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
