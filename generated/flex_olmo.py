# generated from schemas/flex_olmo.yaml by `make generate`; do not edit.
# kvarch-digest: render=457f352b57f0b8d4 content=294f5e0c8608419e
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class FlexOlmoConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """FlexOlmo decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("flex_olmo",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("FlexOlmoForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/flex_olmo.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
