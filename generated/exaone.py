# generated from schemas/exaone.yaml by `make generate`; do not edit.
# kvarch-digest: render=facb3e45a256ed5d content=e0f0a70164f00046
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ExaoneConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """EXAONE 3 decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("exaone",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ExaoneForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/exaone.yaml"

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
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
