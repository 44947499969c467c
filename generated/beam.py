# generated from schemas/beam.yaml by `make generate`; do not edit.
# kvarch-digest: render=a2aafffc297da0a6 content=6ae46b1ddf4d7e01
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class BeamConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Beam decoder (every 6th and the last layer full attention, the others sliding-window)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("beam",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("BeamForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/beam.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 52
    num_attention_heads: rt.Heads = 48
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 5120
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 8192
    sliding_window: rt.Positive = 512
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("num_hidden_layers")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding"

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
