# generated from schemas/zamba.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=386a5b8968807323 content=f4564325f92de9f6
# ruff: noqa: E501
"""ZambaConfig: Zamba hybrid decoder (Mamba layers keep no KV; hybrid layers run shared attention)."""

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
    "hybrid": "full",
}


class ZambaConfig(LlamaConfig, kw_only=True, dict=True):
    """Zamba hybrid decoder (Mamba layers keep no KV; hybrid layers run shared attention)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("zamba",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("ZambaForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/zamba.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=76, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=16, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=16, minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", default=3712, minimum=1),
        rt.Input(
            "explicit_head_dim", ("attention_head_dim", "head_dim"), "int", default=None, minimum=1
        ),
        rt.Input(
            "max_position_embeddings", ("max_position_embeddings",), "int", default=4096, minimum=1
        ),
        rt.Input(
            "layers_block_type", ("layers_block_type", "layer_types"), "list[str]", default=None
        ),
        rt.Input("attn_layer_period", ("attn_layer_period",), "int", default=6, minimum=1),
        rt.Input("attn_layer_offset", ("attn_layer_offset",), "int", default=4, minimum=0),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 76
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """KV heads; null means one per query head (multi-head attention)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 3712
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] | None = None
    """Per-head width when the config gives it (else 2 * hidden_size / heads)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Longest sequence the positional encoding was trained for."""

    layers_block_type: list[str] | None = None
    """Per-layer block (mamba / linear_attention = Mamba, hybrid = shared attention)."""

    attn_layer_period: Annotated[int, msgspec.Meta(ge=1)] = 6
    """Without layers_block_type, one hybrid layer in this many after layer 3."""

    attn_layer_offset: Annotated[int, msgspec.Meta(ge=0)] = 4
    """Without layers_block_type, the hybrid layers' offset counted from layer 3."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )

    @property
    def attn_head_dim(self) -> int:
        """Elements per K and V head."""
        return rt.coalesce(self.explicit_head_dim, 2 * self.hidden_size // self.num_attention_heads)

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
                "full"
                if i == 2 or (i >= 3 and (i - 3) % self.attn_layer_period == self.attn_layer_offset)
                else "none",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "layers.window",
                "num_key_value_heads / num_attention_heads",
                "attention_head_dim / hidden_size / num_attention_heads",
                "attention_head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
