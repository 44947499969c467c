# generated from schemas/kolibri1.yaml by `make generate`; do not edit.
# kvarch-digest: render=debef7913e8b86f6 content=5244170cf8d6ac24
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Kolibri1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Kolibri1 decoder (every 5th layer full attention, the others sliding-window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("kolibri1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Kolibri1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/kolibri1.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        50
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 4
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 2560
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 262144
    sliding_window: Annotated[int, rt.hf(ge=1)] = 513
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 5 == 0 else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
