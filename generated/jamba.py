# generated from schemas/jamba.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=0eed0c42911482c2 content=76596388fa0363ca
# ruff: noqa: E501
"""JambaConfig: Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no KV)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated import _runtime as rt
from kvarch.layers import LayerSpec

_KIND_NAMES: dict[str, str] = {
    "full_attention": "full",
    "attention": "full",
    "global": "full",
    "sliding_attention": "sliding",
    "local": "sliding",
    "chunked_attention": "chunked",
    "cross_attention": "cross",
    "mamba": "none",
    "mamba2": "none",
    "linear_attention": "none",
    "conv": "none",
}


class JambaConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jamba.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=None, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=262144,
            minimum=1,
        ),
        rt.Input("attn_layer_period", ("attn_layer_period",), "int", default=8, minimum=1),
        rt.Input("attn_layer_offset", ("attn_layer_offset",), "int", default=4, minimum=0),
        rt.Input("layers_block_type", ("layers_block_type",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Per-head width when the config gives it (else hidden_size / num_attention_heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 262144
    """Longest sequence the positional encoding was trained for."""

    attn_layer_period: Annotated[int, msgspec.Meta(ge=1)] = 8
    """One attention layer in this many layers."""

    attn_layer_offset: Annotated[int, msgspec.Meta(ge=0)] = 4
    """Index of the first attention layer."""

    layers_block_type: list[str] | None = None
    """Per-layer block (attention / mamba), when the config lists it."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.explicit_head_dim is not None or self.hidden_size % self.num_attention_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "hidden_size",
                self.hidden_size,
                "a multiple of num_attention_heads (or set head_dim)",
            )
        ok = self.attn_layer_offset < self.attn_layer_period
        if not ok:
            rt.fail(
                self._n,
                "attn_layer_offset",
                self.attn_layer_offset,
                "smaller than attn_layer_period",
            )

    @property
    def kv_heads(self) -> int:
        """KV heads per layer."""
        return rt.coalesce(self.num_kv_heads, self.num_attention_heads)

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layers_block_type is not None:
            return rt.layer_kinds_from_list(
                self._n, "layers_block_type", self.layers_block_type, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "attn_layer_period / attn_layer_offset",
                i,
                "full" if i % self.attn_layer_period == self.attn_layer_offset else "none",
            )
            for i in range(count)
        ]

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
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
