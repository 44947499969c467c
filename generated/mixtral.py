# generated from schemas/mixtral.yaml by `make generate`; do not edit.
# kvarch-digest: render=1dcf7aefc7053e20 content=b4509061915df083
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class MixtralConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Mixtral sparse-MoE decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/mixtral.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 131072
