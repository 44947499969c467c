# generated from schemas/gpt_oss.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=9228a1ecd9fb6da5 content=10ba1269194a3bd5
# ruff: noqa: E501
"""GptOssConfig: gpt-oss decoder (sliding-window and full-attention layers alternate; attention sinks keep no KV)."""

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


class GptOssConfig(LlamaConfig, kw_only=True, dict=True):
    """gpt-oss decoder (sliding-window and full-attention layers alternate; attention sinks keep no KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("gpt_oss",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("GptOssForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/gpt_oss.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=36,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=64, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2880, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=64, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("sliding_window", ("sliding_window",), "int", default=128, minimum=1),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 36
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2880
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Per-head width (transformers' default 64 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence (already the YaRN-extended length)."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Tokens a sliding layer sees."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(self._n, "layers.kind", i, "sliding" if (i + 1) % 2 == 1 else "full")
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
