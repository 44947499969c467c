# generated from schemas/glm4_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=6bc4419bbc54f393 content=a8743341aeace2c2
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Glm4MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GLM-4-MoE decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm4_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Glm4MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm4_moe.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        46
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 96
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
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
