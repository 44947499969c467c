# generated from schemas/gpt_oss.yaml by `make generate`; do not edit.
# kvarch-digest: render=abe980977c073f13 content=f7e2d3cdb2dfef77
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class GptOssConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """gpt-oss decoder (sliding-window and full-attention layers alternate; attention sinks keep
    no KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_oss",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GptOssForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_oss.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"

    num_hidden_layers: rt.Layers = 36
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeads = 8
    hidden_size: rt.Width = 2880
    explicit_head_dim: rt.HeadDim = 64
    """Per-head width (transformers' default 64 when the config omits it)."""
    max_position_embeddings: rt.Positive = 131072
    """Longest sequence (already the YaRN-extended length)."""
    sliding_window: rt.Positive = 128
    """Tokens a sliding layer sees."""
    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _kind(self, i: int) -> str:
        return "sliding" if (i + 1) % 2 == 1 else "full"

    _window = rt.from_input("sliding_window")
