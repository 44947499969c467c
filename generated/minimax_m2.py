# generated from schemas/minimax_m2.yaml by `make generate`; do not edit.
# kvarch-digest: render=591b36c92bbd30fe content=219666b3eb9b375e
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax-M2 MoE decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax_m2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxM2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax_m2.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        62
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3072
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 196608
