# generated from schemas/lfm2_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=65d4327aac30bce2 content=e00fc4bbe80763e6
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Lfm2MoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """LFM2-MoE hybrid decoder (convolution layers keep no KV; attention where layer_types says)."""

    SCHEMA: ClassVar[str] = "schemas/lfm2_moe.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 2048
    max_position_embeddings: rt.Positive = 128000
    layer_types: list[str]
    """Per-layer block (conv = short convolution, full_attention)."""
    conv_l_cache: Annotated[int, rt.hf("conv_L_cache", ge=1)] = 3
    """Kernel width of a convolution layer's short convolution."""

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n, i, ("conv", (self.hidden_size if kind == "none" else 0, self.conv_l_cache))
        )
