# generated from schemas/gemma.yaml by `make generate`; do not edit.
# kvarch-digest: render=6d75209c5975f75a content=4a917c46df3f3368
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GemmaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Gemma decoder (explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GemmaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        28
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 16
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 16
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3072
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
