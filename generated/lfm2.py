# generated from schemas/lfm2.yaml by `make generate`; do not edit.
# kvarch-digest: render=a39d51acf1c459d8 content=bcdee0ebd0221a19
from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Lfm2Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """LFM2 hybrid decoder (convolution layers keep no KV; attention on full_attn_idxs)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lfm2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Lfm2ForCausalLM",)
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

    @rt.reads("full_attn_idxs", "attn_idx_list")
    def _kind(self, i: int) -> str:
        return "full" if self.full_attn_idxs is None or i in self.attn_idx_list else "none"
