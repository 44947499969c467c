# generated from schemas/doge.yaml by `make generate`; do not edit.
# kvarch-digest: render=aa793ca242694ffa content=26425c651264f089
from typing import Annotated, ClassVar

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt


class DogeConfig(MistralConfig, frozen=True, kw_only=True, dict=True):
    """Doge decoder (Llama geometry; every layer sliding when sliding_window is set)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("doge",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("DogeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/doge.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 1024
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 2048
