# generated from schemas/lara_mini.yaml by `make generate`; do not edit.
# kvarch-digest: render=ee95f83a513781c8 content=d18b04ec158bc17e
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class LaraMiniConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Lara-Mini decoder (linear-attention layers keep no KV; sliding and full layers do)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("lara_mini",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("LaraMiniForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/lara_mini.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        34
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 16
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 1024
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    sliding_window: Annotated[int, rt.hf(ge=1)] = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer block kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "none" if i % 5 in (0, 2) else "full" if i % 5 == 3 else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
