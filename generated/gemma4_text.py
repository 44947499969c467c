# generated from schemas/gemma4_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=0111521073058817 content=033e506661217bbe
# ruff: noqa: E501
"""Gemma4TextConfig: Gemma4 text decoder (full layers use their own head dim; optional KV-shared tail)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gemma3n_text import Gemma3nTextConfig
from kvarch import schema_runtime as rt
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


class Gemma4TextConfig(Gemma3nTextConfig, kw_only=True, dict=True):
    """Gemma4 text decoder (full layers use their own head dim; optional KV-shared tail)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma4_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma4ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma4_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gemma3nTextConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=30,
            minimum=1,
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2304, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("num_kv_shared_layers", ("num_kv_shared_layers",), "int", default=0, minimum=0),
        rt.Input("global_head_dim", ("global_head_dim",), "int", default=512, minimum=1),
        rt.Input(
            "num_global_kv_heads", ("num_global_key_value_heads",), "int", default=None, minimum=1
        ),
        rt.Input("attention_k_eq_v", ("attention_k_eq_v",), "bool", default=False),
        rt.Input(
            "use_bidirectional_attention", ("use_bidirectional_attention",), "str", default=None
        ),
        rt.Input(
            "layer_head_dim",
            ("per_layer_config.*.head_dim",),
            "per_layer[int]",
            default=None,
            minimum=1,
        ),
        rt.Input(
            "layer_kv_heads",
            ("per_layer_config.*.num_key_value_heads",),
            "per_layer[int]",
            default=None,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 30
    """Decoder layers."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads (transformers' default 4 when the config omits it)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2304
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    num_kv_shared_layers: Annotated[int, msgspec.Meta(ge=0)] = 0
    """Trailing layers that reuse an earlier layer's KV instead of keeping their own."""

    global_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Per-head width of full-attention layers (configs without per_layer_config)."""

    num_global_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """KV heads of full-attention layers when attention_k_eq_v (else num_key_value_heads)."""

    attention_k_eq_v: bool = False
    """Full-attention layers reuse K as V (and take num_global_key_value_heads)."""

    use_bidirectional_attention: str | None = None
    """\"all\" (embedding use) narrows the window to sliding_window // 2 + 1."""

    layer_head_dim: dict[int, Annotated[int, msgspec.Meta(ge=1)]] | None = None
    """Per-layer head_dim overrides (transformers >= 5.24 per_layer_config)."""

    layer_kv_heads: dict[int, Annotated[int, msgspec.Meta(ge=1)]] | None = None
    """Per-layer num_key_value_heads overrides (per_layer_config)."""

    @property
    def has_overrides(self) -> bool:
        """The config carries per_layer_config (which then replaces the global keys)."""
        return self.layer_head_dim is not None

    @property
    def full_kv_heads(self) -> int:
        """KV heads of full-attention layers (configs without per_layer_config)."""
        return (
            rt.coalesce(self.num_global_kv_heads, self.kv_heads)
            if self.attention_k_eq_v
            else self.kv_heads
        )

    @property
    def window(self) -> int:
        """Tokens a sliding layer sees."""
        return (
            self.sliding_window // 2 + 1
            if self.use_bidirectional_attention == "all"
            else self.sliding_window
        )

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "num_hidden_layers",
                i,
                "full" if (i + 1) % 6 == 0 or i == self.num_hidden_layers - 1 else "sliding",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.window if kind in ("sliding", "chunked") else None,
            num_kv_heads=rt.coalesce(rt.layer_value(self.layer_kv_heads, i), self.kv_heads)
            if self.has_overrides
            else self.full_kv_heads
            if kind == "full"
            else self.kv_heads,
            k_head_dim=rt.coalesce(rt.layer_value(self.layer_head_dim, i), self.explicit_head_dim)
            if self.has_overrides
            else self.global_head_dim
            if kind == "full"
            else self.explicit_head_dim,
            v_head_dim=rt.coalesce(rt.layer_value(self.layer_head_dim, i), self.explicit_head_dim)
            if self.has_overrides
            else self.global_head_dim
            if kind == "full"
            else self.explicit_head_dim,
            kv_source=rt.coalesce(rt.last_index(kinds, kind, self.first_shared), i)
            if i >= self.first_shared
            else None,
            kinds=kinds,
            fields=(
                "use_bidirectional_attention / sliding_window",
                "per_layer_config.*.head_dim / per_layer_config.*.num_key_value_heads / num_key_value_heads / num_attention_heads / attention_k_eq_v / num_global_key_value_heads",
                "per_layer_config.*.head_dim / head_dim / global_head_dim",
                "per_layer_config.*.head_dim / head_dim / global_head_dim",
                "num_hidden_layers / num_kv_shared_layers",
            ),
        )
