# generated from schemas/iquestcoder.yaml by `make generate`; do not edit.
# kvarch-digest: render=59ef8b6acd5a58a9 content=46598793fc109659
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class IQuestCoderConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """IQuestCoder decoder (Llama geometry, explicit head_dim)."""

    SCHEMA: ClassVar[str] = "schemas/iquestcoder.yaml"

    num_hidden_layers: rt.Layers = 80
    num_attention_heads: rt.Heads = 40
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 5120
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 131072
    use_sliding_window: bool = False
    """Must stay false (transformers rejects a sliding window for this family)."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "use_sliding_window",
            "false (IQuestCoder has no sliding-window attention)",
            not self.use_sliding_window,
        )
