# generated from schemas/granitemoehybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=ea77d860f25ab853 content=1f7ea478754f4ed2
from typing import Annotated, ClassVar

from generated.mamba2_hybrid import Mamba2HybridConfig
from kvarch import schema_runtime as rt


class GraniteMoeHybridConfig(Mamba2HybridConfig, frozen=True, kw_only=True, dict=True):
    """GraniteMoeHybrid decoder (Mamba2 layers keep no KV; attention where layer_types says)."""

    SCHEMA: ClassVar[str] = "schemas/granitemoehybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    layer_types: Annotated[list[str], rt.hf("layer_types", "layers_block_type")] | None = None
    """Per-layer block (mamba / linear_attention, attention / full_attention)."""

    def _kind(self, i: int) -> str:
        return "none"
