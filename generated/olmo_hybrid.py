# generated from schemas/olmo_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=656a5e121bc80405 content=a07f5b2a40bd59bb
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoHybridConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMo-Hybrid decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo_hybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmo_hybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 30
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 3840
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 65536
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return (
            "full"
            if i % 4 == 3 or (self.num_hidden_layers < 4 and i == self.num_hidden_layers - 1)
            else "none"
        )
