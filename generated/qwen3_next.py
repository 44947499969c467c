# generated from schemas/qwen3_next.yaml by `make generate`; do not edit.
# kvarch-digest: render=448b39284907cfbc content=e9c17c19d6fc2405
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Qwen3NextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Qwen3-Next hybrid decoder (linear-attention layers keep no KV; full attention every 4th)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3_next",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3NextForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3_next.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        48
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 16
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 2
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 32768
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""
    full_attention_interval: Annotated[int, rt.hf(ge=1)] = 4
    """Without layer_types, every this-many-th layer is full attention."""

    @rt.reads("full_attention_interval")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.full_attention_interval == 0 else "none"
