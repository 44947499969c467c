# generated from schemas/gemma3n_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=84c5bc5ec622b638 content=3157c13168fba7b3
# ruff: noqa: E501
"""Gemma3nTextConfig: Gemma3n text decoder (sliding/full pattern; the last layers share earlier layers' KV)."""

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


class Gemma3nTextConfig(Gemma2Config, kw_only=True, dict=True):
    """Gemma3n text decoder (sliding/full pattern; the last layers share earlier layers' KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gemma3n_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Gemma3nForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gemma3n_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        Gemma2Config.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=35,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=8, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=2,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2048, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
        rt.Input("sliding_window", ("sliding_window",), "int", default=512, minimum=1),
        rt.Input("num_kv_shared_layers", ("num_kv_shared_layers",), "int", default=15, minimum=0),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 35
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 2
    """KV heads (transformers' default 2 when the config omits it)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Tokens a sliding layer sees."""

    num_kv_shared_layers: Annotated[int, msgspec.Meta(ge=0)] = 15
    """Trailing layers that reuse an earlier layer's KV instead of keeping their own."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = self.num_kv_shared_layers < self.num_hidden_layers
        if not ok:
            rt.fail(
                self._n,
                "num_kv_shared_layers",
                self.num_kv_shared_layers,
                "fewer than num_hidden_layers (some layer must keep its own KV)",
            )

    @property
    def first_shared(self) -> int:
        """Index of the first KV-sharing layer."""
        return self.num_hidden_layers - self.num_kv_shared_layers

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "full" if (i + 1) % 5 == 0 else "sliding")
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.sliding_window if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=rt.coalesce(rt.last_index(kinds, kind, self.first_shared), i)
            if i >= self.first_shared
            else None,
            kinds=kinds,
            fields=(
                "sliding_window",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "num_hidden_layers / num_kv_shared_layers",
            ),
        )
