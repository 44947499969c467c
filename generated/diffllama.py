# generated from schemas/diffllama.yaml by `make generate`; do not edit.
# kvarch-digest: render=0f9036cdde9602fa content=387167fa725bfea1
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class DiffLlamaConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """DiffLlama decoder (differential attention, Llama cache geometry, even KV heads)."""

    SCHEMA: ClassVar[str] = "schemas/diffllama.yaml"

    num_hidden_layers: rt.Layers = 16
    num_attention_heads: rt.Heads = 32
    hidden_size: rt.Width = 2048

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "num_kv_heads",
            ("an even number (differential attention splits the KV heads in halves)"),
            self.kv_heads % 2 == 0,
        )
        yield (
            "hidden_size",
            "a multiple of num_attention_heads (or set head_dim)",
            self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0,
        )
