# generated from schemas/ernie4_5_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=8723f2771ce9c52d content=baed46b9298b5342
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE 4.5 MoE decoder (Llama geometry, every layer full attention)."""

    SCHEMA: ClassVar[str] = "schemas/ernie4_5_moe.yaml"

    num_hidden_layers: rt.Layers = 28
    num_attention_heads: rt.Heads = 20
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 131072
