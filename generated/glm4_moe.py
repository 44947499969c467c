# generated from schemas/glm4_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=b31c0a67056d25e4 content=4ed058ac46f6c91c
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Glm4MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GLM-4-MoE decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("glm4_moe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Glm4MoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/glm4_moe.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        46
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 96
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
