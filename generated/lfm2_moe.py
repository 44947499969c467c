# generated from schemas/lfm2_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=9d7d50117a8773e6 content=450922fbc2267691
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Lfm2MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """LFM2-MoE hybrid decoder (convolution layers keep no KV; attention where layer_types says)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lfm2_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Lfm2MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/lfm2_moe.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 128000
    layer_types: list[str]
    """Per-layer block (conv = short convolution, full_attention)."""
