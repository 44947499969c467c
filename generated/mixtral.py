# generated from schemas/mixtral.yaml by `make generate`; do not edit.
# kvarch-digest: render=b416c1aa2263363d content=164040081fddf65d
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class MixtralConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Mixtral sparse-MoE decoder (GQA; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mixtral",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MixtralForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mixtral.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
