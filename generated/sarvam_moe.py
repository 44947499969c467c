# generated from schemas/sarvam_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=75476da35e871bfb content=4d5c6a6ef62356ab
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class SarvamMoEConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Sarvam MoE decoder (GLM-4-MoE geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("sarvam_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/sarvam_moe.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        19
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 64
    """Per-head width (transformers' default 64 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
