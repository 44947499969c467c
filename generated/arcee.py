# generated from schemas/arcee.yaml by `make generate`; do not edit.
# kvarch-digest: render=1f076190915f3486 content=f22e65581618e1fd
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ArceeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Arcee decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("arcee",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ArceeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/arcee.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
