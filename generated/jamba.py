# generated from schemas/jamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=db61da15ebde9c3a content=0d9ddfca36aef99e
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class JambaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no
    KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JambaForCausalLM",)
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
