# generated from schemas/llama4_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=a637567cdf4c6945 content=c468a3625280d4d2
# ruff: noqa: E501
"""Llama4TextConfig: Llama 4 text decoder (chunked attention on rope layers, full attention on no-rope layers)."""

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


class Llama4TextConfig(LlamaConfig, kw_only=True, dict=True):
    """Llama 4 text decoder (chunked attention on rope layers, full attention on no-rope layers)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("llama4_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("Llama4ForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/llama4_text.yaml"
    INPUTS: ClassVar[tuple[rt.Input, ...]] = rt.override_inputs(
        LlamaConfig.INPUTS,
        rt.Input(
            "num_kv_heads",
            ("num_key_value_heads", "n_head_kv", "num_kv_heads"),
            "int",
            default=8,
            minimum=1,
        ),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input(
            "attention_chunk_size",
            ("attention_chunk_size",),
            "int",
            default=8192,
            keep_null=True,
            minimum=1,
        ),
        rt.Input("no_rope_layers", ("no_rope_layers",), "list[int]", default=[]),
        rt.Input(
            "no_rope_layer_interval", ("no_rope_layer_interval",), "int", default=4, minimum=1
        ),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads (transformers' default 8 when the config omits it)."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width (transformers' default 128 when the config omits it)."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    attention_chunk_size: Annotated[int, msgspec.Meta(ge=1)] | None = 8192
    """Tokens per attention chunk on chunked layers (null - no chunking)."""

    no_rope_layers: list[int] = msgspec.field(default_factory=list)
    """Per layer, 1 = rope + chunked attention, 0 = no rope + full attention."""

    no_rope_layer_interval: Annotated[int, msgspec.Meta(ge=1)] = 4
    """Without no_rope_layers, every this-many-th layer has no rope (full attention)."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % self.kv_heads == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads",
            )
        ok = len(self.no_rope_layers) == 0 or len(self.no_rope_layers) >= self.num_hidden_layers
        if not ok:
            rt.fail(self._n, "no_rope_layers", self.no_rope_layers, "one 0/1 entry per layer")

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n,
                "attention_chunk_size / no_rope_layers / no_rope_layer_interval",
                i,
                "chunked"
                if self.attention_chunk_size is not None
                and (
                    self.no_rope_layers[i] != 0
                    if len(self.no_rope_layers) > 0
                    else (i + 1) % self.no_rope_layer_interval != 0
                )
                else "full",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.attention_chunk_size if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.attn_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "attention_chunk_size",
                "num_key_value_heads / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "head_dim / hidden_size / num_attention_heads",
                "layers.kv_source",
            ),
        )
