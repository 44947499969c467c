# generated from schemas/zamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=06a933686ff025b9 content=dd9cb9e2d60590d0
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class ZambaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Zamba hybrid decoder (Mamba layers keep no KV; hybrid layers run shared attention)."""

    SCHEMA: ClassVar[str] = "schemas/zamba.yaml"
    KIND_LIST: ClassVar[str | None] = "layers_block_type"
    KIND_NAMES = rt.kind_names({"hybrid": "full"})

    num_hidden_layers: rt.Positive = 76
    num_attention_heads: rt.Positive = 16
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 16
    hidden_size: rt.Positive = 3712
    explicit_head_dim: Annotated[int, rt.hf("attention_head_dim", "head_dim", ge=1)] | None = None
    """Per-head width when the config gives it (else 2 * hidden_size / heads)."""
    max_position_embeddings: rt.Positive = 4096
    layers_block_type: Annotated[list[str], rt.hf("layers_block_type", "layer_types")] | None = None
    """Per-layer block (mamba / linear_attention = Mamba, hybrid = shared attention)."""
    n_mamba_heads: rt.Positive = 2
    """Mamba heads."""
    mamba_d_state: rt.Positive = 16
    """Mamba SSM state size per channel."""
    mamba_d_conv: rt.Positive = 4
    """Mamba convolution kernel width."""
    mamba_expand: rt.Positive = 2
    """Mamba inner width over hidden_size."""
    attn_layer_period: rt.Positive = 6
    """Without layers_block_type, one hybrid layer in this many after layer 3."""
    attn_layer_offset: rt.NonNegative = 4
    """Without layers_block_type, the hybrid layers' offset counted from layer 3."""

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "n_mamba_heads",
            "a divisor of mamba_expand * hidden_size",
            self.mamba_inner % self.n_mamba_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return rt.coalesce(self.explicit_head_dim, 2 * self.hidden_size // self.num_attention_heads)

    @property
    def mamba_inner(self) -> int:
        """Mamba inner width (its heads x head dim)."""
        return self.mamba_expand * self.hidden_size

    @rt.reads("attn_layer_period", "attn_layer_offset")
    def _kind(self, i: int) -> str:
        return (
            "full"
            if i == 2 or (i >= 3 and (i - 3) % self.attn_layer_period == self.attn_layer_offset)
            else "none"
        )

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            ("conv", (self.mamba_inner, self.mamba_d_conv)),
            (
                "ssm",
                (self.n_mamba_heads, self.mamba_inner // self.n_mamba_heads, self.mamba_d_state),
                "float32",
            ),
        )
