# generated from schemas/jamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=0332aedf6c76e3aa content=0f222ce324f613cf
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class JambaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no KV,
    a conv and SSM state per sequence)."""

    SCHEMA: ClassVar[str] = "schemas/jamba.yaml"
    KIND_LIST: ClassVar[str | None] = "layers_block_type"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 4096
    max_position_embeddings: rt.Positive = 262144
    attn_layer_period: rt.Positive = 8
    """One attention layer in this many layers."""
    attn_layer_offset: rt.NonNegative = 4
    """Index of the first attention layer."""
    mamba_expand: rt.Positive = 2
    """Mamba inner width over hidden_size."""
    mamba_d_conv: rt.Positive = 4
    """Mamba convolution kernel width."""
    mamba_d_state: rt.Positive = 16
    """Mamba SSM state size per channel."""
    layers_block_type: list[str] | None = None
    """Per-layer block (attention / mamba), when the config lists it."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "attn_layer_offset",
            "smaller than attn_layer_period",
            self.attn_layer_offset < self.attn_layer_period,
        )

    @rt.reads("attn_layer_period", "attn_layer_offset")
    def _kind(self, i: int) -> str:
        return "full" if i % self.attn_layer_period == self.attn_layer_offset else "none"

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return rt.state(
            self._n,
            i,
            (
                "conv",
                (self.mamba_expand * self.hidden_size if kind == "none" else 0, self.mamba_d_conv),
            ),
            (
                "ssm",
                (self.mamba_expand * self.hidden_size if kind == "none" else 0, self.mamba_d_state),
                "float32",
            ),
        )
