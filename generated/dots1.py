# generated from schemas/dots1.yaml by `make generate`; do not edit.
# kvarch-digest: render=e7a0fa78192b168b content=1ad62b1870745287
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class Dots1Config(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """dots.llm1 decoder (sliding window from max_window_layers on, or per layer_types)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("dots1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Dots1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/dots1.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        62
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 32
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 32
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 4608
    sliding_window: Annotated[int, rt.hf(ge=1)] = 4096
    """Tokens a sliding layer sees."""
    max_window_layers: Annotated[int, rt.hf(ge=0)] = 62
    """First layer index that uses the sliding window."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("max_window_layers")
    def _kind(self, i: int) -> str:
        return "sliding" if i >= self.max_window_layers else "full"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
