# generated from schemas/recurrent_gemma.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=8248c65f1897cb09 content=2d6c8719cbb3d05c
# ruff: noqa: E501
"""RecurrentGemmaConfig: RecurrentGemma decoder (recurrent blocks keep no KV; local-attention blocks slide)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class RecurrentGemmaConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """RecurrentGemma decoder (recurrent blocks keep no KV; local-attention blocks slide)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("recurrent_gemma",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("RecurrentGemmaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/recurrent_gemma.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=26, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=10, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=None, minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", default=2560, minimum=1),
        rt.Input(
            "attention_window_size",
            ("attention_window_size", "sliding_window"),
            "int",
            default=2048,
            minimum=1,
        ),
        rt.Input("block_types", ("block_types",), "list[str]"),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=8192, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 26
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 10
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads of the attention blocks; null means one per query head."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2560
    """Model width."""

    attention_window_size: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Tokens a local-attention block sees."""

    block_types: list[str]
    """Block pattern repeated over the layers (\"recurrent\" or \"attention\"); required because the language has no list defaults (transformers' is recurrent, recurrent, attention)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 8192
    """Longest sequence; configs have no such key (transformers does not bound it), so the 8192-token training length of the published checkpoints is the default."""

    def _check_rules(self) -> None:
        ok = len(self.block_types) > 0
        if not ok:
            rt.fail(self._n, "block_types", self.block_types, "a non-empty list of block types")
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(self._n, "hidden_size", self.hidden_size, "a multiple of num_attention_heads")

    @property
    def kv_heads(self) -> int:
        """KV heads of the attention blocks."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        return [
            rt.layer_kind(
                self._n,
                "block_types",
                i,
                "sliding"
                if self.block_types[i % len(self.block_types)] == "attention"
                else "none"
                if self.block_types[i % len(self.block_types)] == "recurrent"
                else self.block_types[i % len(self.block_types)],
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.attention_window_size if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.hidden_size // self.num_attention_heads,
            v_head_dim=self.hidden_size // self.num_attention_heads,
            kv_source=None,
            kinds=kinds,
            fields=(
                "attention_window_size",
                "num_key_value_heads / num_attention_heads",
                "hidden_size / num_attention_heads",
                "hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
