# generated from schemas/inkling_text.yaml — do not edit; change the schema and run `make generate`.
# kvarch-digest: render=ab6e14477871d548 content=a7380dc24492338f
# ruff: noqa: E501
"""InklingTextConfig: Inkling text decoder (hybrid conv+attention layers; sliding layers have their own KV geometry)."""

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
    "hybrid": "full",
    "hybrid_sliding": "sliding",
}


class InklingTextConfig(rt.SchemaArchConfig, kw_only=True, dict=True):
    """Inkling text decoder (hybrid conv+attention layers; sliding layers have their own KV geometry)."""

    MODEL_TYPES: ClassVar[tuple[str, ...]] = ("inkling_text",)
    ARCHITECTURES: ClassVar[tuple[str, ...]] = ("InklingForCausalLM",)
    SCHEMA: ClassVar[str] = "schemas/inkling_text.yaml"
    ROOTS: ClassVar[tuple[str, ...]] = ()
    INPUTS: ClassVar[tuple[rt.Input, ...]] = (
        rt.Input("num_hidden_layers", ("num_hidden_layers",), "int", default=66, minimum=1),
        rt.Input("num_kv_heads", ("num_key_value_heads",), "int", default=8, minimum=1),
        rt.Input("explicit_head_dim", ("head_dim",), "int", default=128, minimum=1),
        rt.Input("swa_num_kv_heads", ("swa_num_key_value_heads",), "int", default=16, minimum=1),
        rt.Input("swa_head_dim", ("swa_head_dim",), "int", default=128, minimum=1),
        rt.Input(
            "sliding_window_size",
            ("sliding_window_size", "sliding_window"),
            "int",
            default=512,
            minimum=1,
        ),
        rt.Input("local_layer_ids", ("local_layer_ids",), "list[int]", default=[]),
        rt.Input("layer_types", ("layer_types",), "list[str]", default=None),
        rt.Input(
            "max_position_embeddings",
            ("max_position_embeddings", "model_max_length"),
            "int",
            default=131072,
            minimum=1,
        ),
    )

    num_hidden_layers: Annotated[int, msgspec.Meta(ge=1)] = 66
    """Decoder layers."""

    num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 8
    """KV heads of a full (hybrid) layer."""

    explicit_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width of a full (hybrid) layer."""

    swa_num_kv_heads: Annotated[int, msgspec.Meta(ge=1)] = 16
    """KV heads of a sliding (hybrid_sliding) layer."""

    swa_head_dim: Annotated[int, msgspec.Meta(ge=1)] = 128
    """Per-head width of a sliding (hybrid_sliding) layer."""

    sliding_window_size: Annotated[int, msgspec.Meta(ge=1)] = 512
    """Tokens a sliding layer sees."""

    local_layer_ids: list[int] = msgspec.field(default_factory=list)
    """Indices of the sliding layers, when the config lists them instead of layer_types."""

    layer_types: list[str] | None = None
    """Per-layer block kind, hybrid or hybrid_sliding."""

    max_position_embeddings: Annotated[int, msgspec.Meta(ge=1)] = 131072
    """Longest sequence the positional encoding was trained for."""

    def _check_rules(self) -> None:
        return

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
                self._n,
                "local_layer_ids",
                i,
                ("sliding" if i in self.local_layer_ids else "full")
                if len(self.local_layer_ids) > 0
                else "full"
                if (i + 1) % 6 == 0
                else "sliding",
            )
            for i in range(count)
        ]

    def _layer(self, i: int, kind: str, kinds: list[str]) -> LayerSpec:
        return rt.layer_spec(
            self._n,
            i,
            kind,
            window=self.sliding_window_size if kind in ("sliding", "chunked") else None,
            num_kv_heads=self.swa_num_kv_heads if kind == "sliding" else self.num_kv_heads,
            k_head_dim=self.swa_head_dim if kind == "sliding" else self.explicit_head_dim,
            v_head_dim=self.swa_head_dim if kind == "sliding" else self.explicit_head_dim,
            kv_source=None,
            kinds=kinds,
            fields=(
                "sliding_window_size",
                "swa_num_key_value_heads / num_key_value_heads",
                "swa_head_dim / head_dim",
                "swa_head_dim / head_dim",
                "layers.kv_source",
            ),
        )
