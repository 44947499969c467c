# generated from schemas/qwen3.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=f4ac069aa4de47a0 content=4675b18c2a21ae28
# ruff: noqa: E501
"""Qwen3Config: Qwen3 decoder (explicit head_dim; sliding window from max_window_layers on when enabled)."""

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


class Qwen3Config(LlamaConfig, kw_only=True, dict=True):
    """Qwen3 decoder (explicit head_dim; sliding window from max_window_layers on when enabled)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen3",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen3ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen3.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
        rt.Input("use_sliding_window", ("use_sliding_window",), "bool", default=False),
        rt.Input("sliding_window", ("sliding_window",), "int", default=None, minimum=1),
        rt.Input("max_window_layers", ("max_window_layers",), "int", default=28, minimum=0),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""

    use_sliding_window: bool = False
    """Whether layers from max_window_layers on use the sliding window."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Tokens a sliding layer sees."""

    max_window_layers: Annotated[int, msgspec.Meta(ge=0)] = 28
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
                "use_sliding_window / sliding_window / max_window_layers",
                i,
                "sliding"
                if self.use_sliding_window
                and self.sliding_window is not None
                and (i >= self.max_window_layers)
                else "full",
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
