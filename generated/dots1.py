# generated from schemas/dots1.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=8342e87eee15c98c content=d2db23e03be6a1d2
"""Dots1Config: dots.llm1 decoder (sliding window from max_window_layers on, or per layer_types)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
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


class Dots1Config(LlamaConfig, kw_only=True, dict=True):
    """dots.llm1 decoder (sliding window from max_window_layers on, or per layer_types)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("dots1",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Dots1ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/dots1.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=62,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=32, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=32,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4608, minimum=1),
        rt.Input("sliding_window", ("sliding_window",), "int", default=4096, minimum=1),
        rt.Input("max_window_layers", ("max_window_layers",), "int", default=62, minimum=0),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 62
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4608
    """Model width."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Tokens a sliding layer sees."""

    max_window_layers: Annotated[int, msgspec.Meta(ge=0)] = 62
    """First layer index that uses the sliding window."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "max_window_layers",
                i,
                "sliding" if i >= self.max_window_layers else "full",
            )
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
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
