# generated from schemas/kda_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=27000d872b814ce7 content=851651c7d081801f
from typing import Annotated, ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class KdaHybridConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """An MLA decoder whose KDA layers keep a conv window and a recurrent state per sequence."""

    SCHEMA: ClassVar[str] = "schemas/kda_hybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_attention_heads: rt.Positive = 32
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: Annotated[
        int, rt.hf("model_max_length", "max_position_embeddings", ge=1)
    ] = 4096
    """Longest sequence (the config stores it as model_max_length)."""
    linear_num_heads: rt.Positive = 32
    """KDA heads."""
    linear_head_dim: rt.Positive = 128
    """KDA head width."""
    linear_conv_kernel_dim: rt.Positive = 4
    """KDA convolution kernel width."""
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    def _let_linear(self, kind: str) -> bool:
        return kind == "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    3 * self.linear_num_heads * self.linear_head_dim
                    if self._let_linear(kind)
                    else 0,
                    self.linear_conv_kernel_dim,
                ),
            ),
            (
                "recurrent",
                (
                    self.linear_num_heads if self._let_linear(kind) else 0,
                    self.linear_head_dim,
                    self.linear_head_dim,
                ),
                "float32",
            ),
        )
