# generated from schemas/gpt2.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=d772db7ed38a6ed6 content=a173bb2bbf7f4fc6
"""Gpt2Config: GPT-2 decoder (multi-head attention, head_dim = n_embd / n_head)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from kvarch import schema_runtime as rt
from kvarch.layers import LayerSpec


class Gpt2Config(rt.SchemaArchConfig, kw_only=True, dict=True):
    """GPT-2 decoder (multi-head attention, head_dim = n_embd / n_head)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt2", "gpt-sw3")
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GPT2LMHeadModel",)
    SCHEMA: ClassVar[str] = "schemas/gpt2.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("n_layer", "num_hidden_layers"), "int", minimum=1),
        rt.Input("num_attention_heads", ("n_head", "num_attention_heads"), "int", minimum=1),
        rt.Input("hidden_size", ("n_embd", "hidden_size"), "int", minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("n_positions", "max_position_embeddings"),
            "int",
            default=1024,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)]
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)]
    """Attention heads (each keeps its own K/V head)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)]
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 1024
    """Longest sequence the positional encoding covers."""

    def _check_rules(self) -> None:
        ok = self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size (from n_embd)",
                self.hidden_size,
                "a multiple of num_attention_heads",
            )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return self.num_attention_heads

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return self.hidden_size // self.num_attention_heads

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "n_layer", self.num_hidden_layers)
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "n_head",
                "n_embd / n_head",
                "n_embd / n_head",
                "layers.kv_source",
            ),
        )
