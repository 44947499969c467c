# generated from schemas/mellum.yaml by `make generate`; do not edit.
# kvarch-digest: render=2e2e250b57e91d0a content=5bf6cacc4142ce1a
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MellumConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Mellum decoder (explicit head_dim; sliding layers only where layer_types says so)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mellum",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MellumForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mellum.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        28
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2304
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    sliding_window: Annotated[int, rt.hf(ge=1)] = 1024
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it (default all full)."""

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
