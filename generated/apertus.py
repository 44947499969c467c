# generated from schemas/apertus.yaml by `make generate`; do not edit.
# kvarch-digest: render=d18301fe06254f4c content=08a64417e1a7ca42
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ApertusConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Apertus decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("apertus", "apertus1p5_text")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ApertusForCausalLM", "Apertus1p5TextForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/apertus.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 65536
