# generated from schemas/minimax_m3_vl_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=7a8ae85848da2682 content=fedc5dad1ec5f03b
# ruff: noqa: E501
"""MiniMaxM3VLTextConfig: MiniMax-M3-VL text decoder (every layer caches all tokens; sparse layers index them)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

from generated.llama import LlamaConfig
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
    "minimax_m3_sparse": "full",
}


class MiniMaxM3VLTextConfig(LlamaConfig, kw_only=True, dict=True):
    """MiniMax-M3-VL text decoder (every layer caches all tokens; sparse layers index them)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("minimax_m3_vl_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiniMaxM3VLForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/minimax_m3_vl_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=60,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=64, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=4,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=6144, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=524288,
            minimum=1,
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 60
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 6144
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 524288
    """Longest sequence the positional encoding was trained for."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, full_attention or minimax_m3_sparse."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [rt.layer_kind(self._n, "layers.kind", i, "full") for i in range(count)]
