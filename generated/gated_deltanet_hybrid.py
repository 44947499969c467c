# generated from schemas/gated_deltanet_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=207b7458e3a7280d content=05be3f5da8cf14d0
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GatedDeltanetHybridConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """A decoder whose gated-DeltaNet layers keep a conv window and a recurrent state per
    sequence."""

    SCHEMA: ClassVar[str] = "schemas/gated_deltanet_hybrid.yaml"

    linear_num_key_heads: rt.Positive = 16
    """Gated-DeltaNet key heads."""
    linear_num_value_heads: rt.Positive = 32
    """Gated-DeltaNet value heads."""
    linear_key_head_dim: rt.Positive = 128
    """Gated-DeltaNet key head width."""
    linear_value_head_dim: rt.Positive = 128
    """Gated-DeltaNet value head width."""
    linear_conv_kernel_dim: rt.Positive = 4
    """Gated-DeltaNet convolution kernel width."""

    @property
    def linear_k_heads(self) -> int:
        return self.linear_num_key_heads

    @property
    def linear_v_heads(self) -> int:
        return self.linear_num_value_heads

    @property
    def linear_k_dim(self) -> int:
        return self.linear_key_head_dim

    @property
    def linear_v_dim(self) -> int:
        return self.linear_value_head_dim

    def _let_linear(self, kind: str) -> bool:
        return kind == "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    2 * self.linear_k_heads * self.linear_k_dim
                    + self.linear_v_heads * self.linear_v_dim
                    if self._let_linear(kind)
                    else 0,
                    self.linear_conv_kernel_dim,
                ),
            ),
            (
                "recurrent",
                (
                    self.linear_v_heads if self._let_linear(kind) else 0,
                    self.linear_k_dim,
                    self.linear_v_dim,
                ),
                "float32",
            ),
        )
