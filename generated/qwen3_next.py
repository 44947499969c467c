# generated from schemas/qwen3_next.yaml by `make generate`; do not edit.
# kvarch-digest: render=1f4588d3787db099 content=71990dca9fc2c41e
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Qwen3NextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3-Next hybrid decoder (linear-attention layers keep a per-sequence state, no KV; full
    attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_next",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3NextForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_next.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 48
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeads = 2
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: rt.Positive = 32768
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""
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
    full_attention_interval: rt.Positive = 4
    """Without layer_types, every this-many-th layer is full attention."""

    def _let_linear(self, kind: str) -> bool:
        return kind == "none"

    @rt.reads("full_attention_interval")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.full_attention_interval == 0 else "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (
                    2 * self.linear_num_key_heads * self.linear_key_head_dim
                    + self.linear_num_value_heads * self.linear_value_head_dim
                    if self._let_linear(kind)
                    else 0,
                    self.linear_conv_kernel_dim,
                ),
            ),
            (
                "recurrent",
                (
                    self.linear_num_value_heads if self._let_linear(kind) else 0,
                    self.linear_key_head_dim,
                    self.linear_value_head_dim,
                ),
            ),
        )
