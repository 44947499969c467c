# generated from schemas/mamba2_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=40fc71affb31ffdb content=9c03b768ba41de4a
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Mamba2HybridConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """A decoder whose Mamba2 mixers keep a conv window and an SSM state per sequence."""

    SCHEMA: ClassVar[str] = "schemas/mamba2_hybrid.yaml"

    mamba_n_heads: rt.Positive = 128
    """Mamba2 heads."""
    mamba_n_groups: rt.Positive = 1
    """Mamba2 B/C groups."""
    mamba_d_state: rt.Positive = 256
    """Mamba2 SSM state size per head channel."""
    mamba_d_conv: rt.Positive = 4
    """Mamba2 convolution kernel width."""
    mamba_expand: rt.Positive = 2
    """Mamba2 inner width over hidden_size."""

    @property
    def mamba_inner(self) -> int:
        """Mamba2 inner width (its heads x head dim)."""
        return self.mamba_expand * self.hidden_size

    def _let_mamba(self, i: int, kinds: list[str]) -> bool:
        return kinds[i] == "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    self.mamba_inner + 2 * self.mamba_n_groups * self.mamba_d_state
                    if self._let_mamba(i, kinds)
                    else 0,
                    self.mamba_d_conv,
                ),
            ),
            (
                "ssm",
                (
                    self.mamba_n_heads if self._let_mamba(i, kinds) else 0,
                    self.mamba_inner // self.mamba_n_heads,
                    self.mamba_d_state,
                ),
                "float32",
            ),
        )
