# generated from schemas/seed_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=afa1b91640136c44 content=d559c084b5e88423
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SeedOssConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Seed-OSS decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("seed_oss",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("SeedOssForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/seed_oss.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        64
    )
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 80
    """Query heads."""
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    """Model width."""
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 524288
    """Longest sequence the positional encoding was trained for."""
