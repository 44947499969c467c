# generated from schemas/hy_v3.yaml by `make generate`; do not edit.
# kvarch-digest: render=4fcca502b51a8d22 content=82dde78930a1d6e9
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class HYV3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """HY-V3 decoder (Llama geometry, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("hy_v3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("HYV3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/hy_v3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        80
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
