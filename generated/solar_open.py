# generated from schemas/solar_open.yaml by `make generate`; do not edit.
# kvarch-digest: render=21fdc3420b35ba89 content=86acd37818128659
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SolarOpenConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Solar Open MoE decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("solar_open",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("SolarOpenForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/solar_open.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        48
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
