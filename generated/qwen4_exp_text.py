# generated from schemas/qwen4_exp_text.yaml by `make generate`; do not edit.
# kvarch-digest: render=b6b5096ac839b07d content=3922d61bc2b9f9cb
from typing import Annotated, ClassVar

import msgspec

from generated.gated_deltanet_hybrid import GatedDeltanetHybridConfig
from kvarch import schema_runtime as rt


class Qwen4ExpTextConfig(GatedDeltanetHybridConfig, frozen=True, kw_only=True, dict=True):
    """Qwen4-Exp text decoder (linear-attention layers; indexed full attention every 4th layer)."""

    SCHEMA: ClassVar[str] = "schemas/qwen4_exp_text.yaml"
    KIND_LIST: ClassVar[str | None] = "layer_types"
    KIND_NAMES = rt.kind_names({"indexed_attention": "full", "qwen_sparse_attention": "full"})

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
    hc_count: rt.Positive = 4
    """Hyper-connection residual streams (a PLE convolution runs over all of them)."""
    ple_layer_ids: list[int] = msgspec.field(default_factory=list)
    """One-indexed linear-attention layers with a Per-Layer (n-gram) Embedding."""
    ple_conv_kernel_size: rt.Positive = 4
    """Kernel of a PLE layer's depthwise convolution (dilated by ngram_size)."""
    ngram_size: rt.Positive = 3
    """Largest token n-gram a PLE layer hashes."""

    def _let_ple(self, i: int) -> bool:
        return i + 1 in self.ple_layer_ids

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

    def _state(self, i: int, kind: str, kinds: list[str]) -> tuple[rt.State, ...]:
        return (
            *super()._state(i, kind, kinds),
            *rt.state(
                self._n,
                i,
                (
                    "ple_conv",
                    (
                        self.hc_count * self.hidden_size if self._let_ple(i) else 0,
                        (self.ple_conv_kernel_size - 1) * self.ngram_size,
                    ),
                ),
                ("ngram_conv", (self.ngram_size - 1 if self._let_ple(i) else 0,), "int64"),
            ),
        )
