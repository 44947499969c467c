# generated from schemas/qwen4_exp_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=1dc81495209c6c6e content=e6d1516934cfe9bc
from typing import Annotated, ClassVar

from generated.gated_deltanet_hybrid import GatedDeltanetHybridConfig
from kvarch import schema_runtime as rt


class Qwen4ExpTextConfig(GatedDeltanetHybridConfig, frozen=True, kw_only=True, dict=True):
    """Qwen4-Exp text decoder (linear-attention layers; indexed full attention every 4th layer)."""

    SCHEMA: ClassVar[str] = "schemas/qwen4_exp_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full"})

    num_hidden_layers: rt.Layers = 40
    num_attention_heads: rt.Heads = 16
    num_kv_heads: rt.KvHeadsOrNull | None = 2
    hidden_size: rt.Width = 2048
    explicit_head_dim: Annotated[int, rt.hf("head_dim", ge=1, keep_null=True)] | None = 256
    """Per-head width (transformers' default 256 when the config omits it)."""
    max_position_embeddings: rt.Positive = 32768
    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / indexed_attention), when the config lists it."""
    full_attention_interval: rt.Positive = 4
    """Without layer_types, every this-many-th layer is indexed full attention."""
    indexer_kv_heads: rt.Positive | None = None
    """Key heads the QSA indexer caches per token (transformers requires 1)."""
    indexer_head_dim: rt.Positive | None = None
    """Width of each QSA indexer key head."""

    @rt.reads("full_attention_interval")
    def _kind(self, i: int) -> str:
        return "full" if (i + 1) % self.full_attention_interval == 0 else "none"

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(
            self._n,
            i,
            (
                "indexer",
                rt.coalesce(self.indexer_kv_heads, 0),
                rt.coalesce(self.indexer_head_dim, 0),
            ),
        )
