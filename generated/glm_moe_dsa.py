# generated from schemas/glm_moe_dsa.yaml by `make generate`; do not edit.
# kvarch-digest: render=c79c10f0532a33d9 content=5ca4b5f8e0160604
from typing import ClassVar

import msgspec

from generated.deepseek_v32 import DeepseekV32Config
from kvarch import schema_runtime as rt


class GlmMoeDsaConfig(DeepseekV32Config, frozen=True, kw_only=True, dict=True):
    """GLM MoE DSA decoder (MLA latent KV cache; indexer keys on the layers that run the
    indexer)."""

    SCHEMA: ClassVar[str] = "schemas/glm_moe_dsa.yaml"

    num_hidden_layers: rt.Positive = 78
    num_attention_heads: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 192
    v_head_dim: rt.Positive = 256
    max_position_embeddings: rt.Positive = 202752
    indexer_types: list[str] = msgspec.field(default_factory=list)
    """Per-layer indexer mode (\"full\" runs and caches it, \"shared\" reuses the top-k)."""
    index_topk_pattern: str = ""
    """Without indexer_types, one letter per layer (F runs the indexer, S shares)."""
    index_topk_freq: int = 1
    """Without either, every this-many-th layer from the offset runs the indexer."""
    index_skip_topk_offset: int = 2
    """First layer of the index_topk_freq schedule (the layers before it run it)."""

    def _checks(self) -> rt.Checks:
        yield (
            "indexer_types",
            "one entry per layer",
            len(self.indexer_types) == 0 or len(self.indexer_types) == self.num_hidden_layers,
        )
        yield (
            "index_topk_pattern",
            "one letter per layer",
            len(self.index_topk_pattern) == 0
            or len(self.index_topk_pattern) == self.num_hidden_layers,
        )

    def _let_indexed(self, i: int) -> bool:
        return (
            self.indexer_types[i] == "full"
            if len(self.indexer_types) > 0
            else self.index_topk_pattern[i] == "F"
            if len(self.index_topk_pattern) > 0
            else max(i - self.index_skip_topk_offset + 1, 0) % max(self.index_topk_freq, 1) == 0
        )

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(
            self._n, i, ("indexer", 1 if self._let_indexed(i) else 0, self.index_head_dim)
        )
