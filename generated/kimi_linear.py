# generated from schemas/kimi_linear.yaml by `make generate`; do not edit.
# kvarch-digest: render=9054d4eb48f592fd content=599c11d21a4e4d41
from typing import Annotated, ClassVar

import msgspec

from generated.kda_hybrid import KdaHybridConfig
from kvarch import schema_runtime as rt


class KimiLinearConfig(KdaHybridConfig, frozen=True, kw_only=True, dict=True):
    """Kimi-Linear decoder (KDA linear-attention layers keep no KV; MLA layers latent)."""

    SCHEMA: ClassVar[str] = "schemas/kimi_linear.yaml"

    num_hidden_layers: rt.Positive = 27
    max_position_embeddings: Annotated[
        int, rt.hf("model_max_length", "max_position_embeddings", ge=1)
    ] = 1048576
    linear_num_heads: Annotated[
        int, rt.hf("linear_attn_config.num_heads", "linear_num_heads", ge=1)
    ] = 32
    linear_head_dim: Annotated[
        int, rt.hf("linear_attn_config.head_dim", "linear_head_dim", ge=1)
    ] = 128
    linear_conv_kernel_dim: Annotated[
        int, rt.hf("linear_attn_config.short_conv_kernel_size", "linear_conv_kernel_dim", ge=1)
    ] = 4
    full_attn_layers: Annotated[list[int], rt.hf("linear_attn_config.full_attn_layers")] = (
        msgspec.field(default_factory=list)
    )
    """1-based MLA layer numbers (used with kda_layers when layer_types is absent)."""
    kda_layers: Annotated[list[int], rt.hf("linear_attn_config.kda_layers")] = msgspec.field(
        default_factory=list
    )
    """1-based KDA (linear-attention) layer numbers."""

    @rt.reads("full_attn_layers", "kda_layers")
    def _kind(self, i: int) -> str:
        return (
            ("full" if i + 1 in self.full_attn_layers else "none")
            if len(self.full_attn_layers) > 0 and len(self.kda_layers) > 0
            else "full"
            if i > 0 and i % 4 == 0
            else "none"
        )
