# generated from schemas/deepseek_v32.yaml by `make generate`; do not edit.
# kvarch-digest: render=2c24dfa251cd3d25 content=4ddd82a30a7d1588
from typing import ClassVar

from generated.deepseek_v3 import DeepseekV3Config
from kvarch import schema_runtime as rt


class DeepseekV32Config(DeepseekV3Config, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V3.2 decoder (MLA latent KV cache plus the DSA indexer's keys on every layer)."""

    SCHEMA: ClassVar[str] = "schemas/deepseek_v32.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: rt.Positive = 61
    num_attention_heads: rt.Positive = 128
    kv_lora_rank: rt.Positive = 512
    qk_rope_head_dim: rt.Positive = 64
    qk_nope_head_dim: rt.Positive = 128
    v_head_dim: rt.Positive = 128
    max_position_embeddings: rt.Positive = 163840
    layer_types: list[str] | None = None
    """Per-layer attention kind (transformers fills \"indexed_attention\")."""
    index_head_dim: rt.Positive = 128
    """Width of the one key head the DSA indexer caches per token."""

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(self._n, i, ("indexer", 1, self.index_head_dim))
