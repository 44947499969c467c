# generated from schemas/glm4_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=bebd432bfa4763f2 content=cc9ff42ae165c235
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Glm4MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GLM-4-MoE decoder (GQA, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/glm4_moe.yaml"

    num_hidden_layers: rt.Layers = 46
    num_attention_heads: rt.Heads = 96
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 131072
