# generated from schemas/kda_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=e02aa13095ab6707 content=09fc0b864e3030c1
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class KdaHybridConfig(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """An MLA decoder whose KDA layers keep a conv window and a recurrent state per sequence."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ()
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ()
    SCHEMA: ClassVar[str] = "schemas/kda_hybrid.yaml"

    linear_num_heads: rt.Positive = 32
    """KDA heads."""
    linear_head_dim: rt.Positive = 128
    """KDA head width."""
    linear_conv_kernel_dim: rt.Positive = 4
    """KDA convolution kernel width."""

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
