# generated from schemas/bailing_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=bf73c7268fd1fb4e content=341d57d80196999b
from typing import Annotated, ClassVar

from generated.kda_hybrid import KdaHybridConfig
from kvarch import schema_runtime as rt


class BailingHybridConfig(KdaHybridConfig, frozen=True, kw_only=True, dict=True):
    """Bailing-Hybrid decoder (linear-attention layers keep no KV; MLA every 6th layer)."""

    SCHEMA: ClassVar[str] = "schemas/bailing_hybrid.yaml"

    num_hidden_layers: rt.Positive = 42
    max_position_embeddings: Annotated[
        int, rt.hf("model_max_length", "max_position_embeddings", ge=1)
    ] = 262144
    linear_num_heads: Annotated[int, rt.hf("linear_num_heads", "num_attention_heads", ge=1)] = 32
    linear_head_dim: Annotated[int, rt.hf("linear_head_dim", "head_dim", ge=1)] = 128
    linear_conv_kernel_dim: Annotated[
        int, rt.hf("linear_conv_kernel_dim", "short_conv_kernel_size", ge=1)
    ] = 4
    layer_group_size: rt.Positive = 6
    """Without layer_types, every this-many-th layer is MLA."""

    @rt.reads("layer_group_size")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.layer_group_size == 0 else "none"
