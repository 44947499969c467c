# generated from schemas/mimo_v2_flash.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=a29963d50d0c6006 content=f3688df540b1417e
# ruff: noqa: E501
"""MiMoV2FlashConfig: MiMo-V2-Flash decoder (sliding layers with doubled KV heads; K and V widths differ)."""

from __future__ import annotations

from typing import Annotated, ClassVar

import msgspec

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


class MiMoV2FlashConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """MiMo-V2-Flash decoder (sliding layers with doubled KV heads; K and V widths differ)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("mimo_v2_flash",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("MiMoV2FlashForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/mimo_v2_flash.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=48, minimum=1),
        rt.Input("num_attention_heads", ("num_attention_heads",), "int", default=64, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=4, minimum=1),
        rt.Input("hidden_size", ("hidden_size",), "int", default=4096, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=192, minimum=1),
        rt.Input("v_head_dim", ("v_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings",),
            "int",
            default=131072,
            minimum=1,
        ),
        rt.Input("sliding_window", ("sliding_window",), "int", default=129, minimum=1),
        rt.Input("sliding_window_size", ("sliding_window_size",), "int", default=None, minimum=0),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 48
    """Decoder layers."""

    num_attention_heads: Annotated[int, msgspec.Meta(ge=1)] = 64
    """Query heads."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 4
    """KV heads of a full-attention layer (sliding layers cache twice as many)."""

    hidden_size: Annotated[int, msgspec.Meta(ge=1)] = 4096
    """Model width."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 192
    """Query/key width per head (transformers' default 192)."""

    v_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Value width per head."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    sliding_window: Annotated[int, msgspec.Meta(ge=1)] = 129
    """Tokens a sliding layer sees."""

    sliding_window_size: Annotated[int, msgspec.Meta(ge=0)] | None = None
    """Checkpoint spelling of the window without the current token (window = it + 1)."""

    layer_types: list[str] | None = None
    """Per-layer attention kind, when the config lists it."""

    def _check_rules(self) -> None:
        ok = self.num_attention_heads % (2 * self.kv_heads) == 0
        if not ok:
            rt.fail(
                self._n,
                "num_kv_heads (from num_key_value_heads)",
                self.num_kv_heads,
                "a divisor of num_attention_heads / 2 (sliding layers use twice the KV heads)",
            )

    @property
    def kv_heads(self) -> int:
        """KV heads of a full-attention layer."""
        return self.num_kv_heads

    @property
    def attn_head_dim(self) -> int:
        """Elements per K head."""
        return rt.coalesce(self.explicit_head_dim, self.hidden_size // self.num_attention_heads)

    @property
    def window_tokens(self) -> int:
        """Tokens a sliding layer sees (sliding_window_size + 1 wins when given)."""
        return (
            self.sliding_window
            if self.sliding_window_size is None
            else rt.coalesce(self.sliding_window_size, 0) + 1
        )

    @property
    def model_max_seq_len(self) -> int:
        """Longest sequence the model supports."""
        return self.max_position_embeddings

    def _layer_kinds(self) -> list[str]:
        count = rt.layer_count(self._n, "num_hidden_layers", self.num_hidden_layers)
        if self.layer_types is not None:
            return rt.layer_kinds_from_list(
                self._n, "layer_types", self.layer_types, count, _KIND_NAMES
            )
        return [
            rt.layer_kind(
                self._n, "layers.kind", i, "full" if i == 0 or (i + 1) % 6 == 0 else "sliding"
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.window_tokens if kind in ("sliding", "chunked") else None,
            num_kv_heads=2 * self.kv_heads if kind == "sliding" else self.kv_heads,
            k_head_dim=self.attn_head_dim,
            v_head_dim=self.v_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window_size / sliding_window",
                "num_key_value_heads",
                "head_dim / hidden_size / num_attention_heads",
                "v_head_dim",
                "layers.kv_source",
            ),
        )
