# generated from schemas/cohere2.yaml by `make generate`; do not edit.
# kvarch-digest: render=b25f1bce78c2b817 content=258207f03b0c4b30
from typing import ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Cohere2Config(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere2 decoder (sliding layers with every 4th layer full)."""

    SCHEMA: ClassVar[str] = "schemas/cohere2.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 8192
    max_position_embeddings: rt.Positive = 8192
    sliding_window_pattern: rt.Positive = 4
    """Every this-many-th layer is full attention (older configs; layer_types wins)."""

    @rt.reads("sliding_window_pattern")
    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % self.sliding_window_pattern != 0 else "full"
