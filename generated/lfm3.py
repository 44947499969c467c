# generated from schemas/lfm3.yaml by `make generate`; do not edit.
# kvarch-digest: render=3c1e7e93ec44aaa3 content=171ad8f5ede5d87b
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Lfm3Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """LFM3 hybrid decoder (convolution layers keep no KV; full and sliding attention layers)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lfm3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Lfm3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/lfm3.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        24
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 16
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 128000
    sliding_window: Annotated[int, rt.hf(ge=1)] = 256
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer block (conv, full_attention, sliding_attention)."""

    def _kind(self, i: int) -> str:
        return "full" if i % 4 == 2 else "sliding" if i % 4 == 0 and i > 0 else "none"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
