# generated from schemas/hy_v4.yaml by `make generate`; do not edit.
# kvarch-digest: render=e28d4b7ffbb9bb16 content=6fa4356cce4e1141
from typing import ClassVar

import msgspec

from generated.deepseek_v32 import DeepseekV32Config
from kvarch import schema_runtime as rt


class HYV4Config(DeepseekV32Config, frozen=True, kw_only=True, dict=True):
    """HY-V4 decoder: MLA with a DSA indexer and attention sinks (latent KV cache; indexer keys
    where it runs)."""

    SCHEMA: ClassVar[str] = "schemas/hy_v4.yaml"

    num_hidden_layers: rt.Positive = 34
    num_attention_heads: rt.Positive = 32
    qk_nope_head_dim: rt.Positive = 192
    v_head_dim: rt.Positive = 256
    max_position_embeddings: rt.Positive = 262144
    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""
    indexer_types: list[str] = msgspec.field(default_factory=list)
    """Per-layer indexer mode (\"full\" runs and caches it, \"shared\" reuses the top-k); absent:
    layer 0 and every 4th from layer 1."""

    def _checks(self) -> rt.Checks:
        yield (
            "indexer_types",
            "one entry per layer",
            len(self.indexer_types) == 0 or len(self.indexer_types) == self.num_hidden_layers,
        )

    def _let_indexed(self, i: int) -> bool:
        return (
            self.indexer_types[i] == "full"
            if len(self.indexer_types) > 0
            else i == 0 or (i - 1) % 4 == 0
        )

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(
            self._n, i, ("indexer", 1 if self._let_indexed(i) else 0, self.index_head_dim)
        )
