# generated from schemas/olmoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=5e0913fbbcb6bc88 content=e49d70ed8e94f140
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMoE decoder (every layer full attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmoe",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoeForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmoe.yaml"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        16
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 16
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 4096
