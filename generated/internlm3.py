# generated from schemas/internlm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=3b882c7e469a4895 content=8c27e89be5aa9e0d
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class InternLM3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """InternLM3 decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("internlm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("InternLM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/internlm3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        48
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    """Query heads."""
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 2
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    """Model width."""
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""
