# generated from schemas/phimoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=abf775e90f9dab6d content=0cd5b1671fc59379
from typing import ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class PhimoeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """PhiMoE decoder (GQA; every layer sliding when sliding_window is set)."""

    SCHEMA: ClassVar[str] = "schemas/phimoe.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 131072
