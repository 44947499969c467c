# generated from schemas/starcoder2.yaml by `make generate`; do not edit.
# kvarch-digest: render=658236d97337c002 content=b988f2993d219058
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Starcoder2Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """StarCoder2 decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/starcoder2.yaml"

    num_hidden_layers: rt.Layers = 30
    num_attention_heads: rt.Heads = 24
    num_kv_heads: rt.KvHeadsOrNull | None = 2
    hidden_size: rt.Width = 3072
    max_position_embeddings: rt.Positive = 4096
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
