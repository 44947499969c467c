# generated from schemas/cohere_compass_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=bb5577a0905e1d0a content=d4f9e3b4d03d53a9
from typing import ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class CohereCompassTextConfig(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere Compass text decoder (full attention by default; per-layer kinds from layer_types)."""

    SCHEMA: ClassVar[str] = "schemas/cohere_compass_text.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 8192
    max_position_embeddings: rt.Positive = 8192

    _kind = rt.SchemaArchConfig._kind
