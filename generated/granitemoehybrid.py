# generated from schemas/granitemoehybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=ccad4095ad1d8e2d content=77686ee1743fb30f
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GraniteMoeHybridConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GraniteMoeHybrid decoder (Mamba2 layers keep no KV; attention where layer_types says)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granitemoehybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteMoeHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granitemoehybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    layer_types: Annotated[list[str], rt.hf("layer_types", "layers_block_type")] | None = None
    """Per-layer block (mamba / linear_attention, attention / full_attention)."""

    def _kind(self, i: int) -> str:
        return "none"
