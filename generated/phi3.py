# generated from schemas/phi3.yaml by `make generate`; do not edit.
# kvarch-digest: render=4206717e88952342 content=7037e93cb9f848a9
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class Phi3Config(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Phi-3 decoder (every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("phi3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Phi3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/phi3.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3072
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
