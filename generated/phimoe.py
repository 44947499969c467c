# generated from schemas/phimoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=2955508d3dbb07e3 content=8949a5aa06d34e03
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class PhimoeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """PhiMoE decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phimoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("PhimoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phimoe.yaml"

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
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""
