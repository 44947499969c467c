# generated from schemas/laguna.yaml by `make generate`; do not edit.
# kvarch-digest: render=1bae945a3deacd15 content=117f94a4e31e4d0e
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class LagunaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Laguna decoder (per-layer query heads, fixed KV geometry; sliding layers per layer_types)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("laguna",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("LagunaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/laguna.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        40
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2048
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 131072
    sliding_window: Annotated[int, rt.hf(ge=1)] = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it (default all full)."""

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
