# generated from schemas/mellum.yaml by `make generate`; do not edit.
# kvarch-digest: render=899037f7c03d639b content=5ebc90bf0d9403c2
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MellumConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Mellum decoder (explicit head_dim; sliding layers only where layer_types says so)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mellum",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MellumForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mellum.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 28
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 2304
    explicit_head_dim: rt.HeadDim = 128
    """Per-head width (transformers' default 128 when the config omits it)."""
    max_position_embeddings: rt.Positive = 131072
    sliding_window: rt.Positive = 1024
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it (default all full)."""

    @rt.reads("sliding_window")
    def _window(self, i: int, kind: str, kinds: list[str]) -> int | None:
        return self.sliding_window
