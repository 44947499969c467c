# generated from schemas/jamba.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=7e7cc5b3fcb3a284 content=22825829011b2ca8
# ruff: noqa: E501
"""JambaConfig: Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no KV)."""

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
}


class JambaConfig(LlamaConfig, kw_only=True, dict=True):
    """Jamba hybrid decoder (attention every attn_layer_period-th layer; Mamba layers keep no KV)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("jamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("JambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/jamba.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
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

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 262144
    """Longest sequence the positional encoding was trained for."""

    attn_layer_period: Annotated[int, msgspec.Meta(ge=1)] = 8
    """One attention layer in this many layers."""

    attn_layer_offset: Annotated[int, msgspec.Meta(ge=0)] = 4
    """Index of the first attention layer."""

    layers_block_type: list[str] | None = None
    """Per-layer block (attention / mamba), when the config lists it."""

    def _check_rules(self) -> None:
        super()._check_rules()
        ok = self.attn_layer_offset < self.attn_layer_period
        if not ok:
            rt.fail(
                self._n,
                "attn_layer_offset",
                self.attn_layer_offset,
                "smaller than attn_layer_period",
            )

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
