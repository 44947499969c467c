# generated from schemas/olmo.yaml by `make generate`; do not edit.
# kvarch-digest: render=1d8610d3077d3e73 content=b3ff501065dbe0e2
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMo / OLMo2 decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo", "olmo2")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoForCausalLM", "Olmo2ForCausalLM")
    SCHEMA: ClassVar[str] = "schemas/olmo.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
