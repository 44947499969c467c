# generated from schemas/afmoe.yaml by `make generate`; do not edit.
# kvarch-digest: render=7d7e6f08d7e6fee3 content=adaef5c4cd564aa1
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class AfmoeConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """AFMoE decoder (every Nth layer full attention, the others sliding-window)."""

    SCHEMA: ClassVar[str] = "schemas/afmoe.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 16
    hidden_size: rt.Width = 2048
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 16384
    sliding_window: rt.Positive = 1024
    """Tokens a sliding layer sees."""
    global_attn_every_n_layers: rt.Positive = 4
    """Every Nth layer (N-1, 2N-1, ...) is full attention."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    @rt.reads("global_attn_every_n_layers")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.global_attn_every_n_layers == 0 else "sliding"

    _window = rt.from_input("sliding_window")
