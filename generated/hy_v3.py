# generated from schemas/hy_v3.yaml by `make generate`; do not edit.
# kvarch-digest: render=7432665c5620c128 content=b5577d80759a57b1
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HYV3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """HY-V3 decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hy_v3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HYV3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/hy_v3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        80
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    """Query heads."""
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    """Model width."""
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
