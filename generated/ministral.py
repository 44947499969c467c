# generated from schemas/ministral.yaml by `make generate`; do not edit.
# kvarch-digest: render=ab363c96ed1c715d content=6f7207e6c92941f6
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class MinistralConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Ministral decoder (GQA; per-layer sliding/full attention, all sliding by default)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ministral",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MinistralForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ministral.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

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
    sliding_window: Annotated[int, rt.hf(ge=1, keep_null=True)] | None = 4096
    """Tokens a sliding layer sees (transformers' default 4096)."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""
