# generated from schemas/kolibri1.yaml by `make generate`; do not edit.
# kvarch-digest: render=0eabd3be441053c4 content=0abe8e5e737f4544
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class Kolibri1Config(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """Kolibri1 decoder (every 5th layer full attention, the others sliding-window)."""

    SCHEMA: ClassVar[str] = "schemas/kolibri1.yaml"

    num_hidden_layers: rt.Layers = 50
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 262144
    sliding_window: rt.Positive = 513

    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 5 == 0 else "sliding"
