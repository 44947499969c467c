# generated from schemas/axk2.yaml by `make generate`; do not edit.
# kvarch-digest: render=794f7c0cfbb000a9 content=16a8d08a17f606fe
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class AXK2Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """A.X-K2 decoder: MLA with a DSA indexer over every token (latent KV cache plus the indexer
    keys)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("axk2",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("AXK2ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/axk2.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: rt.Positive = 48
    num_attention_heads: rt.Positive = 32
    kv_lora_rank: rt.Positive = 128
    qk_rope_head_dim: rt.Positive = 32
    qk_nope_head_dim: rt.Positive = 64
    v_head_dim: rt.Positive = 64
    max_position_embeddings: rt.Positive = 131072
    layer_types: list[str] | None = None
    """Per-layer attention kind (indexed_attention attends over every cached token)."""
    index_head_dim: rt.Positive = 128
    """Width of the one key head the DSA indexer caches per token."""

    @rt.reads("index_head_dim")
    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(self._n, i, ("indexer", 1, self.index_head_dim))
