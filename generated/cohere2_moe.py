# generated from schemas/cohere2_moe.yaml by `make generate`; do not edit.
# kvarch-digest: render=77357d18cdf794a4 content=38d95e539ba25b23
from typing import Annotated, ClassVar

from generated.ministral import MinistralConfig
from kvarch import schema_runtime as rt


class Cohere2MoeConfig(MinistralConfig, frozen=True, kw_only=True, dict=True):
    """Cohere2-MoE decoder (explicit head_dim; sliding layers with periodic full layers)."""

    SCHEMA: ClassVar[str] = "schemas/cohere2_moe.yaml"

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeadsOrNull | None = None
    hidden_size: rt.Width = 8192
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 128
    max_position_embeddings: rt.Positive = 8192
    sliding_window_pattern: rt.Positive = 4
    """In the MoE layers, every this-many-th layer is full attention."""
    prefix_dense_sliding_window_pattern: rt.Positive = 1
    """The same period for the first first_k_dense_replace (dense) layers."""
    first_k_dense_replace: rt.NonNegative = 0
    """Leading dense layers, which follow prefix_dense_sliding_window_pattern."""

    @rt.reads(
        "first_k_dense_replace", "prefix_dense_sliding_window_pattern", "sliding_window_pattern"
    )
    def _kind(self, i: int) -> str:
        return (
            "sliding"
            if (
                (i + 1) % self.prefix_dense_sliding_window_pattern != 0
                if i < self.first_k_dense_replace
                else (i - self.first_k_dense_replace + 1) % self.sliding_window_pattern != 0
            )
            else "full"
        )
