# generated from schemas/solar_open.yaml by `make generate`; do not edit.
# kvarch-digest: render=6834b74bb316407d content=2199733355f8fb0a
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SolarOpenConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Solar Open MoE decoder (Llama geometry, explicit head_dim)."""

    SCHEMA: ClassVar[str] = "schemas/solar_open.yaml"

    num_hidden_layers: rt.Layers = 48
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
