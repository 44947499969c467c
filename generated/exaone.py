# generated from schemas/exaone.yaml by `make generate`; do not edit.
# kvarch-digest: render=d8df60f014f73920 content=45094573ea04b4e6
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ExaoneConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """EXAONE 3 decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ExaoneForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    """Query heads."""
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    """Model width."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""
