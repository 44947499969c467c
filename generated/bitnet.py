# generated from schemas/bitnet.yaml by `make generate`; do not edit.
# kvarch-digest: render=efb2758725a0b5f6 content=f46c098ad4e22c2d
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BitNetConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """BitNet decoder (ternary weights; Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bitnet",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BitNetForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bitnet.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        30
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 20
    """Query heads."""
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 5
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    """Model width."""
