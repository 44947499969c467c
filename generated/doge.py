# generated from schemas/doge.yaml by `make generate`; do not edit.
# kvarch-digest: render=e0ad2cc65f2591d3 content=c6dd219565833c9c
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class DogeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Doge decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/doge.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 8
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 1024
    max_position_embeddings: rt.Positive = 2048
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
