# generated from schemas/jais2.yaml by `make generate`; do not edit.
# kvarch-digest: render=b09a3fd45270b6fe content=cd5810fc6956a1b5
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Jais2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Jais2 decoder (Llama geometry, every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jais2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Jais2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jais2.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 26
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3328
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
