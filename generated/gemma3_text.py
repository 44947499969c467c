# generated from schemas/gemma3_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=a7e1bf8fdb168a91 content=f971f8d44274f487
from typing import ClassVar

from generated.gemma2 import Gemma2Config
from kvarch import schema_runtime as rt


class Gemma3TextConfig(Gemma2Config, frozen=True, kw_only=True, dict=True):
    """Gemma3 text decoder (five sliding layers, then one full, unless layer_types says
    otherwise)."""

    SCHEMA: ClassVar[str] = "schemas/gemma3_text.yaml"

    num_hidden_layers: rt.Layers = 26
    num_attention_heads: rt.Heads = 8
    num_kv_heads: rt.KvHeads = 4
    """KV heads (transformers' default 4 when the config omits it)."""
    hidden_size: rt.Width = 2304
    max_position_embeddings: rt.Positive = 131072
    sliding_window: rt.Positive = 4096
    sliding_window_pattern: rt.Positive = 6
    """Every Nth layer is full attention (older configs; layer_types wins)."""
    use_bidirectional_attention: bool = False
    """Embedding variant; transformers then narrows the window to sliding_window // 2 + 1."""

    @rt.reads("sliding_window_pattern")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.sliding_window_pattern == 0 else "sliding"

    @rt.reads("use_bidirectional_attention", "sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return (
            self.sliding_window // 2 + 1
            if self.use_bidirectional_attention
            else self.sliding_window
        )
