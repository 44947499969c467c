# generated from schemas/bamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=95e98e8cbd0e43b1 content=50b67019165751e4
from typing import ClassVar

import msgspec

from generated.mamba2_hybrid import Mamba2HybridConfig
from kvarch import schema_runtime as rt


class BambaConfig(Mamba2HybridConfig, frozen=True, kw_only=True, dict=True):
    """Bamba hybrid decoder (Mamba2 layers keep no KV; attention on attn_layer_indices)."""

    SCHEMA: ClassVar[str] = "schemas/bamba.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 262144
    attn_layer_indices: list[int] = msgspec.field(default_factory=list)
    """Indices of the attention layers (the others are Mamba2)."""

    @rt.reads("attn_layer_indices")
    def _kind(self, i: int) -> str:
        return "full" if i in self.attn_layer_indices else "none"
