# generated from schemas/laguna.yaml by `make generate`; do not edit.
# kvarch-digest: render=352721a911505114 content=eb18acc972dc69f1
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class LagunaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Laguna decoder (per-layer query heads, fixed KV geometry; sliding layers per layer_types)."""

    SCHEMA: ClassVar[str] = "schemas/laguna.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
    sliding_window: rt.Positive = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    _window = rt.from_input("sliding_window")
