# generated from schemas/granitemoehybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=63d4680046114624 content=43e8d7f072619c2b
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GraniteMoeHybridConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """GraniteMoeHybrid decoder (Mamba2 layers keep no KV; attention where layer_types says)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("granitemoehybrid",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GraniteMoeHybridForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/granitemoehybrid.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 4096
    layer_types: Annotated[list[str], rt.hf("layer_types", "layers_block_type")] | None = None
    """Per-layer block (mamba / linear_attention, attention / full_attention)."""
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

    def _let_mamba(self, kind: str) -> bool:
        return kind == "none"

    def _kind(self, i: int) -> str:
        return "none"

    @rt.reads(
        "mamba_expand",
        "hidden_size",
        "mamba_n_groups",
        "mamba_d_state",
        "mamba_d_conv",
        "mamba_n_heads",
    )
    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    self.mamba_inner + 2 * self.mamba_n_groups * self.mamba_d_state
                    if self._let_mamba(kind)
                    else 0,
                    self.mamba_d_conv,
                ),
            ),
            (
                "ssm",
                (
                    self.mamba_n_heads if self._let_mamba(kind) else 0,
                    self.mamba_inner // self.mamba_n_heads,
                    self.mamba_d_state,
                ),
            ),
        )
