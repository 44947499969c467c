# generated from schemas/inkling_hybrid.yaml by `make generate`; do not edit.
# kvarch-digest: render=a2426486cd0c3916 content=968701d58bcf5847
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class InklingHybridConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """An Inkling-style decoder (hybrid conv+attention layers; sliding layers have their own KV
    geometry)."""

    SCHEMA: ClassVar[str] = "schemas/inkling_hybrid.yaml"

    num_hidden_layers: rt.Positive = 66
    """Decoder layers."""
    num_kv_heads: Annotated[int, rt.hf("num_key_value_heads", ge=1)] = 8
    """KV heads of a full (hybrid) layer."""
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width of a full (hybrid) layer."""
    swa_num_kv_heads: Annotated[int, rt.hf("swa_num_key_value_heads", ge=1)] = 16
    """KV heads of a sliding (hybrid_sliding) layer."""
    swa_head_dim: rt.Positive = 128
    """Per-head width of a sliding (hybrid_sliding) layer."""
    sliding_window_size: Annotated[int, rt.hf("sliding_window_size", "sliding_window", ge=1)] = 512
    """Tokens a sliding layer sees."""
    hidden_size: rt.Positive = 6144
    """Width of the residual stream."""
    conv_kernel_size: Annotated[int, rt.hf("conv_kernel_size", "sconv_kernel_size", ge=1)] = 4
    """Kernel width of every short convolution."""
    max_position_embeddings: Annotated[
        int, rt.hf("max_position_embeddings", "model_max_length", ge=1)
    ] = 131072
    """Longest sequence the positional encoding was trained for."""

    def _let_kv_width(self, kind: str) -> int:
        return (
            self.swa_num_kv_heads * self.swa_head_dim
            if kind == "sliding"
            else self.num_kv_heads * self.explicit_head_dim
        )

    _count = rt.from_input("num_hidden_layers")
    _window = rt.from_input("sliding_window_size")

    @rt.reads("swa_num_kv_heads", "num_kv_heads")
    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.swa_num_kv_heads if kind == "sliding" else self.num_kv_heads

    @rt.reads("swa_head_dim", "explicit_head_dim")
    def _k_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return self.swa_head_dim if kind == "sliding" else self.explicit_head_dim

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            ("k_conv", (self._let_kv_width(kind), self.conv_kernel_size), "float32"),
            ("v_conv", (self._let_kv_width(kind), self.conv_kernel_size), "float32"),
            ("attn_conv", (self.hidden_size, self.conv_kernel_size), "float32"),
            ("mlp_conv", (self.hidden_size, self.conv_kernel_size), "float32"),
        )

    _max_length = rt.from_input("max_position_embeddings")
