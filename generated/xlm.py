# generated from schemas/xlm.yaml by `make generate`; do not edit.
# kvarch-digest: render=56bed08c99a4f014 content=06eca1a6d8517b24
from typing import ClassVar

from kvarch import schema_runtime as rt


class XLMConfig(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """XLM language model (full self-attention per token, one K/V head per query head)."""

    SCHEMA: ClassVar[str] = "schemas/xlm.yaml"

    n_layers: rt.Positive = 12
    """Layers."""
    n_heads: rt.Positive = 16
    """Attention heads (each keeps its own K/V head)."""
    emb_dim: rt.Positive = 2048
    """Model width."""
    max_position_embeddings: rt.Positive = 512
    """Positions the embeddings cover."""

    def _checks(self) -> rt.Checks:
        yield "emb_dim", "a multiple of n_heads", self.emb_dim % self.n_heads == 0

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.emb_dim // self.n_heads

    _count = rt.from_input("n_layers")
    _num_kv_heads = rt.from_input("n_heads")
    _k_head_dim = rt.from_derived("attn_head_dim", "emb_dim", "n_heads")
    _max_length = rt.from_input("max_position_embeddings")
