# generated from schemas/jamba.yaml by `make generate`; do not edit.
# kvarch-digest: render=b90c0d7ba8d640b3 content=70ff1425ca1f9445
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class JambaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no
    KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jamba.yaml"
    KIND_LIST: ClassVar[str | None] = "layers_block_type"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    attn_layer_period: Annotated[int, rt.hf(ge=1)] = 8
    """One attention layer in this many layers."""
    attn_layer_offset: Annotated[int, rt.hf(ge=0)] = 4
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
