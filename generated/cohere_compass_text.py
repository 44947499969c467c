# generated from schemas/cohere_compass_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=d8ab1ab613f325dc content=3a62bacbbb87b7da
from typing import ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class CohereCompassTextConfig(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere Compass text decoder (full attention by default; per-layer kinds from layer_types)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere_compass_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CohereCompassForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere_compass_text.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 8192
    max_position_embeddings: rt.Positive = 8192

    _kind = rt.SchemaArchConfig._kind
