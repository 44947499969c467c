# generated from schemas/bamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=2467a613e3ae77f5 content=8acb7bc83e4bab1a
from typing import ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BambaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Bamba hybrid decoder (Mamba2 layers keep no KV; attention on attn_layer_indices)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("bamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/bamba.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 262144
    attn_layer_indices: list[int] = msgspec.field(default_factory=list)
    """Indices of the attention layers (the others are Mamba2)."""
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

    @rt.reads("attn_layer_indices")
    def _kind(self, i: int) -> str:
        return "full" if i in self.attn_layer_indices else "none"

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
                    self.mamba_expand * self.hidden_size
                    + 2 * self.mamba_n_groups * self.mamba_d_state
                    if kind == "none"
                    else 0,
                    self.mamba_d_conv,
                ),
            ),
            (
                "ssm",
                (
                    self.mamba_n_heads if kind == "none" else 0,
                    self.mamba_expand * self.hidden_size // self.mamba_n_heads,
                    self.mamba_d_state,
                ),
            ),
        )
