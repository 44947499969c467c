# generated from schemas/zaya.yaml by `make generate`; do not edit.
# kvarch-digest: render=3d7d26496cde28ce content=5adb6f3a42285974
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ZayaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """ZAYA decoder (hybrid CCA layers with a full or sliding-window KV cache)."""

    SCHEMA: ClassVar[str] = "schemas/zaya.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"hybrid": "full", "hybrid_sliding": "sliding"})

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 8
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
    sliding_window: rt.Positive | None = None
    """Tokens a hybrid_sliding layer sees (required when one exists)."""
    cca_time0: rt.Positive = 2
    """CCA depthwise conv kernel width."""
    cca_time1: rt.Positive = 2
    """CCA grouped conv kernel width."""
    layer_types: list[str] | None = None
    """Per-layer block kind, hybrid or hybrid_sliding (default all hybrid)."""

    _window = rt.from_input("sliding_window")

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    (self.num_attention_heads + self.kv_heads) * self.attn_head_dim,
                    self.cca_time0 + self.cca_time1 - 2,
                ),
            ),
            ("value", (self.kv_heads * self.attn_head_dim // 2,)),
        )
