# generated from schemas/qwen4_exp_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=2899d6cf6cb1d264 content=2253018b905db69c
# ruff: noqa: E501
"""Qwen4ExpTextConfig: Qwen4-Exp text decoder (linear-attention layers; indexed full attention every 4th layer)."""

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
    "indexed_attention": "full",
}


class Qwen4ExpTextConfig(LlamaConfig, kw_only=True, dict=True):
    """Qwen4-Exp text decoder (linear-attention layers; indexed full attention every 4th layer)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("qwen4_exp_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Qwen4ExpForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/qwen4_exp_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_hidden_layers",
            ("num_hidden_layers", "n_layer", "num_layers"),
            "int",
            default=40,
            minimum=1,
        ),
        rt.Input(
            "num_attention_heads", ("num_attention_heads", "n_head"), "int", default=16, minimum=1
        ),
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=2,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("hidden_size", ("hidden_size", "n_embd"), "int", default=2048, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=256, keep_null=True, minimum=1),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=32768, minimum=1
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
        rt.Input(
            "full_attention_interval", ("full_attention_interval",), "int", default=4, minimum=1
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 40
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] | None = 2
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 2048
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = 256
    """Per-head width (transformers' default 256 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 32768
    """Longest sequence the positional encoding was trained for."""

    layer_types: list[str] | None = None
    """Per-layer kind (linear_attention / indexed_attention), when the config lists it."""

    full_attention_interval: Annotated[int, msgspec.Meta(ge=1)] = 4
    """Without layer_types, every this-many-th layer is indexed full attention."""

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "full_attention_interval",
                i,
                "full" if (i + 1) % self.full_attention_interval == 0 else "none",
            )
            for i in range(count)
        ]
