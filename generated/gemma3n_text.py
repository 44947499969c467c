# generated from schemas/gemma3n_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=f0dbc5116034da6e content=6f175b082d4219ee
from typing import ClassVar

from generated.gemma2 import Gemma2Config
from kvarch import schema_runtime as rt


class Gemma3nTextConfig(Gemma2Config, frozen=True, kw_only=True, dict=True):
    """Gemma3n text decoder (sliding/full pattern; the last layers share earlier layers' KV)."""

    SCHEMA: ClassVar[str] = "schemas/gemma3n_text.yaml"

    num_hidden_layers: rt.Layers = 35
    num_attention_heads: rt.Heads = 8
    num_kv_heads: rt.KvHeads = 2
    """KV heads (transformers' default 2 when the config omits it)."""
    hidden_size: rt.Width = 2048
    max_position_embeddings: rt.Positive = 32768
    sliding_window: rt.Positive = 512
    num_kv_shared_layers: rt.NonNegative = 15
    """Trailing layers that reuse an earlier layer's KV instead of keeping their own."""

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "num_kv_shared_layers",
            ("fewer than num_hidden_layers (some layer must keep its own KV)"),
            self.num_kv_shared_layers < self.num_hidden_layers,
        )

    @property
    def first_shared(self) -> int:
        """Index of the first KV-sharing layer."""
        return self.num_hidden_layers - self.num_kv_shared_layers

    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 5 == 0 else "sliding"

    @rt.reads("num_hidden_layers", "num_kv_shared_layers")
    def _kv_source(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return (
            rt.coalesce(rt.last_index(kinds, kind, self.first_shared), i)
            if i >= self.first_shared
            else None
        )
