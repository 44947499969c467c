# generated from schemas/flint.yaml by `make generate`; do not edit.
# kvarch-digest: render=d01540a2796b8464 content=3ce8a5d5ffce7e30
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class FlintConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """Flint decoder (full attention on the first two, every 4th and the last layer; sliding
    elsewhere)."""

    SCHEMA: ClassVar[str] = "schemas/flint.yaml"

    num_hidden_layers: rt.Layers = 49
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 4
    max_position_embeddings: rt.Positive = 262144
    sliding_window: rt.Positive = 513

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if i < 2 or i % 4 == 1 or i == self.num_hidden_layers - 1 else "sliding"
