# generated from schemas/beam.yaml by `make generate`; do not edit.
# kvarch-digest: render=e0ebf22e1ad99291 content=d6fb9e4ea7dba727
from typing import Annotated, ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BeamConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Beam decoder (every 6th and the last layer full attention, the others sliding-window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("beam",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BeamForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/beam.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: Annotated[int, rt.hf("num_hidden_layers", "n_layer", "num_layers", ge=1)] = (
        52
    )
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 5120
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    sliding_window: Annotated[int, rt.hf(ge=1)] = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
