# generated from schemas/phi3.yaml by `make generate`; do not edit.
# kvarch-digest: render=e2cd0a82bb79eac5 content=b2ed4ac5727ddb40
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-3 decoder (every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/phi3.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 3072
    max_position_embeddings: rt.Positive = 4096
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = None
