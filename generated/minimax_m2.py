# generated from schemas/minimax_m2.yaml by `make generate`; do not edit.
# kvarch-digest: render=93933a05ac0620a1 content=81ff08156cbcad71
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax-M2 MoE decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax_m2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxM2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax_m2.yaml"

    num_hidden_layers: rt.Layers = 62
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 3072
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 196608
