# generated from schemas/gpt_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=0529eac52c1c5cae content=87b24164bde5cae1
from typing import ClassVar

from generated.laguna import LagunaConfig
from kvarch import schema_runtime as rt


class GptOssConfig(LagunaConfig, frozen=True, kw_only=True, dict=True):
    """gpt-oss decoder (sliding-window and full-attention layers alternate; attention sinks keep
    no KV)."""

    SCHEMA: ClassVar[str] = "schemas/gpt_oss.yaml"

    num_hidden_layers: rt.Layers = 36
    num_attention_heads: rt.Heads = 64
    hidden_size: rt.Width = 2880
    explicit_head_dim: rt.HeadDim = 64
    """Per-head width (transformers' default 64 when the config omits it)."""
    max_position_embeddings: rt.Positive = 131072
    """Longest sequence (already the YaRN-extended length)."""
    sliding_window: rt.Positive = 128

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 2 == 1 else "full"
