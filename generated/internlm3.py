# generated from schemas/internlm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=c54a60a6ff616445 content=797cc01059fd94ef
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class InternLM3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """InternLM3 decoder (Llama geometry, explicit head_dim)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("internlm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("InternLM3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/internlm3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        48
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 2
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
