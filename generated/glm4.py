# generated from schemas/glm4.yaml by `make generate`; do not edit.
# kvarch-digest: render=3b96c7173a8e7dcd content=0735eae8171e77d3
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Glm4Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GLM-4 decoder (GQA, explicit head_dim, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm4",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Glm4ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm4.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 2
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
