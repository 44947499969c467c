# generated from schemas/minimax.yaml by `make generate`; do not edit.
# kvarch-digest: render=62ab45ac57965a34 content=b4b6b419476d2b96
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax hybrid decoder (lightning-attention layers keep no KV; even layers attention)."""

    SCHEMA: ClassVar[str] = "schemas/minimax.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 131072
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 2 == 0 else "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "kv",
                (
                    self.num_attention_heads if kind == "none" else 0,
                    self.attn_head_dim,
                    self.attn_head_dim,
                ),
            ),
        )
