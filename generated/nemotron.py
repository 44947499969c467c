# generated from schemas/nemotron.yaml by `make generate`; do not edit.
# kvarch-digest: render=c5ae8c27b0093c6d content=64fb101610a0d02d
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class NemotronConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Nemotron decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("nemotron",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("NemotronForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/nemotron.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 6144
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
