# generated from schemas/gemma3_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=8e1efb078a451bc9 content=f882d67f7267e0fa
# ruff: noqa: E501
"""Gemma3TextConfig: Gemma3 text decoder (five sliding layers, then one full, unless layer_types says otherwise)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.gemma2 import Gemma2Config
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


class Gemma3TextConfig(Gemma2Config, kw_only=True, dict=True):
    """Gemma3 text decoder (five sliding layers, then one full, unless layer_types says otherwise)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma3_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gemma2Config.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=26,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=8, minimum=1
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
        rt.Input("sliding_window", ("sliding_window",), "int", default=4096, minimum=1),
        rt.Input(
            "sliding_window_pattern", ("sliding_window_pattern",), "int", default=6, minimum=1
        ),
        rt.Input(
            "use_bidirectional_attention", ("use_bidirectional_attention",), "bool", default=False
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 26
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads (transformers' default 4 when the config omits it)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2304
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    sliding_window_pattern: Annotated[int, msgspec.Meta(ge=1)] = 6
    """Every Nth layer is full attention (older configs; layer_types wins)."""

    use_bidirectional_attention: bool = False
    """Embedding variant; transformers then narrows the window to sliding_window // 2 + 1."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "sliding_window_pattern",
                i,
                "full" if (i + 1) % self.sliding_window_pattern == 0 else "sliding",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=(
                self.sliding_window // 2 + 1
                if self.use_bidirectional_attention
                else self.sliding_window
            )
            if kind in ("sliding", "chunked")
            else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "use_bidirectional_attention / sliding_window",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
