# generated from schemas/minimax_m3_vl_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=e3c0062a8d2001e1 content=e24bccf923173588
from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
from kvarch import schema_runtime as rt


class MiniMaxM3VLTextConfig(LlamaConfig, frozen=True, kw_only=True, dict=True):
    """MiniMax-M3-VL text decoder (every layer caches all tokens; sparse layers add the indexer's
    keys)."""

    SCHEMA: ClassVar[str] = "schemas/minimax_m3_vl_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"minimax_m3_sparse": "full"})

    num_hidden_layers: rt.Layers = 60
    num_attention_heads: rt.Heads = 64
    num_kv_heads: rt.KvHeads = 4
    hidden_size: rt.Width = 6144
    explicit_head_dim: rt.HeadDim = 128
    max_position_embeddings: rt.Positive = 524288
    layer_types: list[str] | None = None
    """Per-layer attention kind, full_attention or minimax_m3_sparse."""
    type_list: Annotated[list[str], rt.hf("layer_types")] = msgspec.field(default_factory=list)
    """layer_types again, empty when absent."""
    sparse_attention_freq: Annotated[
        list[int], rt.hf("sparse_attention_config.sparse_attention_freq")
    ] = msgspec.field(default_factory=list)
    """Checkpoint form, without layer_types, 1 where a layer is sparse (runs the indexer)."""
    index_head_dim: Annotated[
        int, rt.hf("sparse_attention_config.sparse_index_dim", "index_head_dim", ge=1)
    ] = 128
    """Width of the one key head the lightning indexer caches per token."""

    def _checks(self) -> rt.Checks:
        yield from super()._checks()
        yield (
            "sparse_attention_freq",
            ("one entry per decoder layer (at least num_hidden_layers entries)"),
            len(self.type_list) > 0
            or len(self.sparse_attention_freq) == 0
            or len(self.sparse_attention_freq) >= self.num_hidden_layers,
        )

    def _let_sparse(self, i: int) -> bool:
        return (
            self.type_list[i] == "minimax_m3_sparse"
            if len(self.type_list) > 0
            else len(self.sparse_attention_freq) > 0 and self.sparse_attention_freq[i] != 0
        )

    def _extra_keys(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.ExtraKeys, ...]:
        return rt.extra_keys(
            self._n, i, ("indexer", 1 if self._let_sparse(i) else 0, self.index_head_dim)
        )
