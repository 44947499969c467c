# generated from schemas/seed_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=00f288cfe03dd760 content=d336ba5fa4c565bf
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
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 80
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 524288
