# generated from schemas/mllama.yaml by `make generate`; do not edit.
# kvarch-digest: render=5f691a63596ad0ac content=ed4bbbdd29bbd32c
from typing import ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MllamaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """Llama 3.2 Vision (text decoder under text_config; cross-attention layers keep vision K/V)."""

    SCHEMA: ClassVar[str] = "schemas/mllama.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ("text_config",)

    num_kv_heads: rt.KvHeads = 8
    """KV heads (transformers' default 8 when the config omits it)."""
    max_position_embeddings: rt.Positive = 131072
    cross_attention_layers: list[int] = msgspec.field(
        default_factory=lambda: [3, 8, 13, 18, 23, 28, 33, 38]
    )
    """Layers that attend to the vision states instead of the text."""

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "hidden_size",
            "a multiple of num_attention_heads",
            self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.hidden_size // self.num_attention_heads

    @rt.reads("cross_attention_layers")
    def _kind(self, i: int) -> str:
        return "cross" if i in self.cross_attention_layers else "full"

    _k_head_dim = rt.from_derived("attn_head_dim", "hidden_size", "num_attention_heads")
