# generated from schemas/gpt2.yaml by `make generate`; do not edit.
# kvarch-digest: render=968f3a19cbbe76ce content=8c81d9cad634a8ad
from typing import Annotated, ClassVar

from kvarch import schema_runtime as rt


class Gpt2Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """GPT-2 decoder (multi-head attention, head_dim = n_embd / n_head)."""

    SCHEMA: ClassVar[str] = "schemas/gpt2.yaml"

    num_hidden_layers: Annotated[int, rt.hf("n_layer", "num_hidden_layers", ge=1)]
    """Decoder layers."""
    num_attention_heads: Annotated[int, rt.hf("n_head", "num_attention_heads", ge=1)]
    """Attention heads (each keeps its own K/V head)."""
    hidden_size: Annotated[int, rt.hf("n_embd", "hidden_size", ge=1)]
    """Model width."""
    max_position_embeddings: Annotated[
        int, rt.hf("n_positions", "max_position_embeddings", ge=1)
    ] = 1024
    """Longest sequence the positional encoding covers."""

    def _checks(self) -> rt.Checks:
        yield (
            "hidden_size",
            "a multiple of num_attention_heads",
            self.hidden_size % self.num_attention_heads == 0,
        )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return self.num_attention_heads

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.hidden_size // self.num_attention_heads

    _count = rt.from_input("num_hidden_layers")
    _num_kv_heads = rt.from_derived("kv_heads", "num_attention_heads")
    _k_head_dim = rt.from_derived("attn_head_dim", "hidden_size", "num_attention_heads")
    _max_length = rt.from_input("max_position_embeddings")
