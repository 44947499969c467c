# generated from schemas/mellum.yaml by `make generate`; do not edit.
# kvarch-digest: render=13e01ecf02c75263 content=815f98d0201e4825
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class MellumConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """Mellum decoder (explicit head_dim; sliding layers only where layer_types says so)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mellum",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MellumForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mellum.yaml"

    num_hidden_layers: rt.Layers = 28
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2304
    sliding_window: rt.Positive = 1024
