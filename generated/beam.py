# generated from schemas/beam.yaml by `make generate`; do not edit.
# kvarch-digest: render=37906a96b568e8b1 content=e1a8a8c4382fe9dc
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
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("num_attention_heads", "n_head", ge=1)] = 48
    """Query heads."""
    num_kv_heads: Annotated[
        int, rt.hf("num_key_value_heads", "n_head_kv", "num_kv_heads", ge=1)
    ] = 8
    """KV heads; null means one per query head (multi-head attention)."""
    hidden_size: Annotated[int, rt.hf("hidden_size", "n_embd", ge=1)] = 5120
    """Model width."""
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: Annotated[int, rt.hf(ge=1)] = 8192
    """Longest sequence the positional encoding was trained for."""
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
