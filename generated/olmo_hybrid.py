# generated from schemas/olmo_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=6acdb7455e6a567f content=87105a1ba1dd4303
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class OlmoHybridConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """OLMo-Hybrid decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("olmo_hybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("OlmoHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/olmo_hybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 30
    hidden_size: rt.Width = 3840
    max_position_embeddings: rt.Positive = 65536
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return (
            "full"
            if i % 4 == 3 or (self.num_hidden_layers < 4 and i == self.num_hidden_layers - 1)
            else "none"
        )
