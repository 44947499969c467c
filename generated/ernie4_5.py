# generated from schemas/ernie4_5.yaml by `make generate`; do not edit.
# kvarch-digest: render=14bf4308dccbf3de content=ac83cb47c0154c68
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Ernie45Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ERNIE 4.5 dense decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ernie4_5",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ernie4_5ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ernie4_5.yaml"

    num_hidden_layers: rt.Layers = 18
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 1024
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
