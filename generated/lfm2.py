# generated from schemas/lfm2.yaml by `make generate`; do not edit.
# kvarch-digest: render=a7327393707ac5b0 content=356dc42ab8dd5a8e
from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Lfm2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """LFM2 hybrid decoder (convolution layers keep no KV; attention on full_attn_idxs)."""

    SCHEMA: ClassVar[str] = "schemas/lfm2.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 128000
    layer_types: list[str] | None = None
    """Per-layer block (conv = short convolution, full_attention)."""
    full_attn_idxs: list[int] | None = None
    """Without layer_types, the attention layers' indices (absent = every layer)."""
    attn_idx_list: Annotated[list[int], rt.hf("full_attn_idxs")] = msgspec.field(
        default_factory=list
    )
    """full_attn_idxs again, empty when absent (for membership tests)."""
    conv_l_cache: Annotated[int, rt.hf("conv_L_cache", ge=1)] = 3
    """Kernel width of a convolution layer's short convolution."""

    @rt.reads("full_attn_idxs", "attn_idx_list")
    def _kind(self, i: int) -> str:
        return "full" if self.full_attn_idxs is None or i in self.attn_idx_list else "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n, i, ("conv", (self.hidden_size if kind == "none" else 0, self.conv_l_cache))
        )
