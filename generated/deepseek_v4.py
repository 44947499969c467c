# generated from schemas/deepseek_v4.yaml by `make generate`; do not edit.
# kvarch-digest: render=bd9e351ab22fe599 content=047eaec9d5ff07dc
from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt


class DeepseekV4Config(rt.SchemaArchConfig, frozen=True, kw_only=True, dict=True):
    """DeepSeek-V4 decoder (sliding-window shared-KV MQA; CSA/HCA layers add compressed entries
    per 4 / 128 tokens)."""

    SCHEMA: ClassVar[str] = "schemas/deepseek_v4.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names(
        {"compressed_sparse_attention": "compressed", "heavily_compressed_attention": "compressed"}
    )

    num_hidden_layers: rt.Positive = 43
    """Decoder layers."""
    kv_width: rt.HeadDim = 512
    """K (= V) width."""
    sliding_window: rt.Positive = 128
    """Tokens every layer's window sees."""
    index_head_dim: rt.Positive = 128
    """Lightning-indexer key width."""
    csa_rate: Annotated[
        int, rt.hf("compress_rates.compressed_sparse_attention", "compress_rate_csa", ge=1)
    ] = 4
    """Tokens per compressed entry of a CSA layer."""
    hca_rate: Annotated[
        int, rt.hf("compress_rates.heavily_compressed_attention", "compress_rate_hca", ge=1)
    ] = 128
    """Tokens per compressed entry of an HCA layer."""
    layer_types: list[str] | None = None
    """Per-layer attention (sliding_attention, compressed_sparse_attention,
    heavily_compressed_attention)."""
    type_list: Annotated[list[str], rt.hf("layer_types")] = msgspec.field(default_factory=list)
    """layer_types again, empty when absent."""
    compress_ratios: list[int] = msgspec.field(default_factory=list)
    """Legacy per-layer compression ratio (0 sliding, 4 CSA, 128 HCA), when layer_types is
    absent."""
    max_position_embeddings: rt.Positive = 1048576
    """Longest sequence."""

    def _checks(self) -> rt.Checks:
        yield (
            "compress_ratios",
            ("one ratio per decoder layer (at least num_hidden_layers entries)"),
            len(self.compress_ratios) == 0 or len(self.compress_ratios) >= self.num_hidden_layers,
        )

    def _let_csa(self, i: int) -> bool:
        return (
            self.type_list[i] == "compressed_sparse_attention"
            if len(self.type_list) > 0
            else self.compress_ratios[i] == 4
            if len(self.compress_ratios) > 0
            else i >= 2 and i % 2 == 1
        )

    _count = rt.from_input("num_hidden_layers")

    @rt.reads("compress_ratios")
    def _kind(self, i: int) -> str:
        return (
            ("sliding" if self.compress_ratios[i] == 0 else "compressed")
            if len(self.compress_ratios) > 0
            else "compressed"
        )

    _window = rt.from_input("sliding_window")

    def _num_kv_heads(self, i: int, kind: str, kinds: list[str]) -> int:
        return 1

    _k_head_dim = rt.from_input("kv_width")

    @rt.reads("kv_width")
    def _v_head_dim(self, i: int, kind: str, kinds: list[str]) -> int:
        return 0 if kind == "compressed" else self.kv_width

    def _compressed(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.Compressed, ...]:
        return rt.compressed(
            self._n,
            i,
            ("compressor", self.csa_rate if self._let_csa(i) else self.hca_rate, 1, self.kv_width),
            ("indexer", self.csa_rate, 1 if self._let_csa(i) else 0, self.index_head_dim),
        )

    _max_length = rt.from_input("max_position_embeddings")
