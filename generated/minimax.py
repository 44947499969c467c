# generated from schemas/minimax.yaml by `make generate`; do not edit.
# kvarch-digest: render=cdd8d01e1a5038bb content=7e731c8aeaa1e762
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax hybrid decoder (lightning-attention layers keep no KV; even layers attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        32
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4096
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / full_attention)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 2 == 0 else "none"
