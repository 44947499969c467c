# generated from schemas/ministral3.yaml by `make generate`; do not edit.
# kvarch-digest: render=b31b6eca2dc904ec content=ed044b3db3333a09
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Ministral3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Ministral3 decoder (GQA, explicit head_dim; every layer sliding when sliding_window is
    set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ministral3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Ministral3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ministral3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        34
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    """Longest sequence (already the YaRN-extended length; not multiplied again)."""
