# generated from schemas/falcon_h1.yaml by `make generate`; do not edit.
# kvarch-digest: render=353e25b5f98670a0 content=ce765a67e9ed38b9
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FalconH1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Falcon-H1 parallel hybrid decoder (attention beside Mamba2 in every layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("falcon_h1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FalconH1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/falcon_h1.yaml"

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
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
