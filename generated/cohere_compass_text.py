# generated from schemas/cohere_compass_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=5ae98fb0e8add688 content=9edd681337417b4b
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class CohereCompassTextConfig(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere Compass text decoder (full attention by default; per-layer kinds from layer_types)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere_compass_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CohereCompassForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere_compass_text.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    num_kv_heads: (
        Annotated[
            int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1, keep_null=True)
        ]
        | None
    ) = None
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 8192
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192

    _kind = rt.SchemaArchConfig._kind
