# generated from schemas/stablelm.yaml by `make generate`; do not edit.
# kvarch-digest: render=90354c272c173b45 content=2fe1b2e2a1104adb
from typing import ClassVar

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class StableLmConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """StableLM decoder (every layer full attention; head_dim = hidden / heads)."""

    SCHEMA: ClassVar[str] = "schemas/stablelm.yaml"

    num_hidden_layers: rt.Layers = 32
    num_attention_heads: rt.Heads = 32
    num_kv_heads: rt.KvHeadsOrNull | None = 32
    hidden_size: rt.Width = 2560
    max_position_embeddings: rt.Positive = 4096

    def _checks(self) -> rt.Checks:
        yield from rt.first_checks(super()._checks(), 1)
        yield (
            "hidden_size",
            "a multiple of num_attention_heads",
            self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head (transformers ignores a head_dim in the config)."""
        return self.hidden_size // self.num_attention_heads

    _k_head_dim = rt.from_derived("attn_head_dim", "hidden_size", "num_attention_heads")
