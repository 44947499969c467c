# generated from schemas/ministral.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=651d4604823fcd4a content=8fcf8b90f5b15347
# ruff: noqa: E501
"""MinistralConfig: Ministral decoder (GQA; per-layer sliding/full attention, all sliding by default)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.mistral import MistralConfig
from kvarch import schema_runtime as rt

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


class MinistralConfig(MistralConfig, kw_only=True, dict=True):
    """Ministral decoder (GQA; per-layer sliding/full attention, all sliding by default)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("ministral",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MinistralForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/ministral.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        MistralConfig.INPUTS,
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
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=4096, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input(
            "sliding_window", ("sliding_window",), "int", default=4096, keep_null=True, minimum=1
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 32
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = 4096
    """Tokens a sliding layer sees (transformers' default 4096)."""

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
                self._n, "sliding_window", i, "full" if self.sliding_window is None else "sliding"
            )
            for i in range(count)
        ]
