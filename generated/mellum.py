# generated from schemas/mellum.yaml by `make generate`; do not edit.
# kvarch-digest: render=173956f411fc27e1 content=97a6e032760d455b
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class MellumConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """Mellum decoder (explicit head_dim; sliding layers only where layer_types says so)."""

    SCHEMA: ClassVar[str] = "schemas/mellum.yaml"

    num_hidden_layers: rt.Layers = 28
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2304
    sliding_window: rt.Positive = 1024
