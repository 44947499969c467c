# generated from schemas/cohere.yaml by `make generate`; do not edit.
# kvarch-digest: render=ed50afe65b2e7d8b content=108ebcf9437824ed
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class CohereConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Cohere decoder (GQA, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("cohere",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("CohereForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/cohere.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 64
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 8192
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
